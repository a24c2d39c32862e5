print('{:#010x}'.format(255), '{:#06b}'.format(5), '{:#o}'.format(0))
print('{:010.3f}'.format(-1.5), '{:+010d}'.format(12))
print('{:0>5}'.format('ab'), '{:0<5}'.format(1))
