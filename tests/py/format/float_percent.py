print('{:%}'.format(0.25), '{:.1%}'.format(0.12345), '{:.0%}'.format(1.0))
print('{:>8.2%}'.format(0.5))
print('{:.2%}'.format(-0.001))
