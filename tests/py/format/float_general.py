for v in [0.0001, 0.00001, 123456.0, 1234567.0, 1e16, 3.0, 0.5, -2.5e-5]:
    print('{:g} {:G} {:.3g} {:.10g}'.format(v, v, v, v))
print('{:g}'.format(float('inf')), '{:G}'.format(float('nan')))
print('{:#g}'.format(1.0))
