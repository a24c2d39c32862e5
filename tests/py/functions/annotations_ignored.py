def f(a: int, b: 'str' = 'x') -> list:
    return [a, b]
print(f('not int'), f(1, 2))
def g(x: undefined_name_is_fine_as_string if False else int) -> None:
    return x * 2
print(g(3.5))
