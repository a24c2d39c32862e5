import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = [9, 8, 7, 6, 5, 4, 3, 2, 1]
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 10), h)
print(heapq.heappushpop(h, 0), heapq.heappushpop(h, 4), h)
print(heapq.nsmallest(3, [5, 1, 4, 2]), heapq.nlargest(2, [5, 1, 4, 2]), heapq.nlargest(2, ["a", "bbb", "cc"], key=len))
h = []
heapq.heappush(h, (2, "b"))
heapq.heappush(h, (1, "a"))
print(heapq.heappop(h))
for f, args in [(heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)), (heapq.heappush, ((), 1)), (heapq.heapify, (None,))]:
    try:
        f(*args)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
