class Request:
    def __init__(self, q): self.q = q
    def __await__(self):
        answer = yield self.q
        return answer
async def main():
    a = await Request('first')
    b = await Request('second')
    return a + b
c = main()
print(c.send(None))
print(c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print('result', e.value)
