import micropython

micropython.kbd_intr(-1)
micropython.kbd_intr(3)
print("ok")
