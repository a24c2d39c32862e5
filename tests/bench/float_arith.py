# Float arithmetic: Mandelbrot escape counts and a small n-body-like update.
N = 100


def mandel(size):
    total = 0
    for py in range(size):
        y0 = py * 2.0 / size - 1.0
        for px in range(size):
            x0 = px * 3.0 / size - 2.0
            x = 0.0
            y = 0.0
            it = 0
            while it < 50 and x * x + y * y <= 4.0:
                x, y = x * x - y * y + x0, 2.0 * x * y + y0
                it += 1
            total += it
    return total


def bodies(steps):
    xs = [0.0, 1.0, -1.0, 0.5]
    vs = [0.0, 0.5, -0.5, 0.25]
    ms = [10.0, 1.0, 1.0, 0.1]
    dt = 0.001
    for _ in range(steps):
        for i in range(4):
            f = 0.0
            for j in range(4):
                if i != j:
                    d = xs[j] - xs[i]
                    ad = abs(d)
                    f += ms[j] * d / (ad * ad * ad + 0.01)
            vs[i] += f * dt
        for i in range(4):
            xs[i] += vs[i] * dt
    return xs[0] + xs[1] * 2.0 + xs[2] * 3.0 + xs[3] * 4.0


print(mandel(N * 2), bodies(N * 500))
