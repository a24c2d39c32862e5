# Swallowing KeyboardInterrupt does not keep the firmware: the runner drops
# the VM after a second budget.
print("stubborn")
while True:
    try:
        while True:
            pass
    except KeyboardInterrupt:
        pass
