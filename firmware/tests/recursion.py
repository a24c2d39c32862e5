# Python recursion is stackless: the limit is the VM's recursion limit, the
# error a RecursionError, and the program goes on.
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

print("deep enough:", depth(0) >= 50)
print("still fine:", len(range(10)))
