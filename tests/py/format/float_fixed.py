x = 3.14159265
print('{:f} {:.2f} {:.0f} {:.10f}'.format(x, x, x, x))
print('{:F}'.format(float('inf')), '{:f}'.format(float('inf')), '{:f}'.format(float('nan')))
print('{:8.3f}|{:<8.3f}|{:^8.3f}|'.format(x, x, x))
print('{:+.1f} {:+.1f}'.format(2.5, -2.5))
print('{:08.2f}'.format(-3.14159))
print('{:,.2f}'.format(1234567.891))
