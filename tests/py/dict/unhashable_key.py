try:
    {}[[1]] = 1
except TypeError as e:
    print("TypeError", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
try:
    {1: 2}.get({})
except TypeError as e:
    print("TypeError", e)
try:
    {1: 2}[{1}]
except TypeError as e:
    print("TypeError", e)
