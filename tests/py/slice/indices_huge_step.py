# slice.indices keeps a step bigger than a machine word exact.
print(slice(None, None, 10**20).indices(5), slice(-10**20, 10**20, -10**20).indices(5))
print(slice(1, None, -2**64).indices(3), slice(None, None, 2**63).indices(0))
