# String building: str() of ints and floats, join, f-strings, % formatting.
N = 150000


def main(n):
    parts = []
    for i in range(n):
        parts.append(str(i))
    s1 = ",".join(parts)
    lines = [f"item {i}: {i * 3} / {i % 7:03d}" for i in range(n)]
    s2 = "\n".join(lines)
    fl = [str(i / 8) for i in range(n)]
    s3 = " ".join(fl)
    words = []
    for i in range(n):
        words.append("w%d=%s" % (i, i & 255))
    s4 = ";".join(words)
    total = len(s1) + len(s2) + len(s3) + len(s4)
    check = 0
    for s in (s1, s2, s3, s4):
        for k in range(0, len(s), 97):
            check = (check * 31 + ord(s[k])) & 0xFFFFFF
    return total, check, s2[-20:]


print(main(N))
