for v in (5, -5, 0):
    print('[{:+}] [{:-}] [{: }]'.format(v, v, v))
print('[{:+5}] [{:+05}] [{: 05}]'.format(7, 7, 7))
