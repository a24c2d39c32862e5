# A multi-kilobyte program of many top-level statements: the compiler
# parses and compiles one statement at a time, so on a board it needs
# memory for the largest function, not for the whole file.

def step0(x, y=1):
    """Step 0: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step1(x, y=2):
    """Step 1: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step2(x, y=3):
    """Step 2: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step3(x, y=4):
    """Step 3: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step4(x, y=5):
    """Step 4: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step5(x, y=6):
    """Step 5: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step6(x, y=7):
    """Step 6: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step7(x, y=8):
    """Step 7: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step8(x, y=9):
    """Step 8: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step9(x, y=10):
    """Step 9: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step10(x, y=11):
    """Step 10: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step11(x, y=12):
    """Step 11: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step12(x, y=13):
    """Step 12: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step13(x, y=14):
    """Step 13: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step14(x, y=15):
    """Step 14: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step15(x, y=16):
    """Step 15: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step16(x, y=17):
    """Step 16: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step17(x, y=18):
    """Step 17: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step18(x, y=19):
    """Step 18: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step19(x, y=20):
    """Step 19: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step20(x, y=21):
    """Step 20: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step21(x, y=22):
    """Step 21: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step22(x, y=23):
    """Step 22: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step23(x, y=24):
    """Step 23: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step24(x, y=25):
    """Step 24: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step25(x, y=26):
    """Step 25: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step26(x, y=27):
    """Step 26: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step27(x, y=28):
    """Step 27: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step28(x, y=29):
    """Step 28: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step29(x, y=30):
    """Step 29: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step30(x, y=31):
    """Step 30: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step31(x, y=32):
    """Step 31: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step32(x, y=33):
    """Step 32: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step33(x, y=34):
    """Step 33: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step34(x, y=35):
    """Step 34: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step35(x, y=36):
    """Step 35: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step36(x, y=37):
    """Step 36: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step37(x, y=38):
    """Step 37: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step38(x, y=39):
    """Step 38: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step39(x, y=40):
    """Step 39: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step40(x, y=41):
    """Step 40: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step41(x, y=42):
    """Step 41: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step42(x, y=43):
    """Step 42: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step43(x, y=44):
    """Step 43: combine x and y, then fold in the loop below."""
    acc = (x // y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step44(x, y=45):
    """Step 44: combine x and y, then fold in the loop below."""
    acc = (x % y) if y else x
    for k in range(2):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step45(x, y=46):
    """Step 45: combine x and y, then fold in the loop below."""
    acc = (x + y) if y else x
    for k in range(3):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step46(x, y=47):
    """Step 46: combine x and y, then fold in the loop below."""
    acc = (x - y) if y else x
    for k in range(4):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

def step47(x, y=48):
    """Step 47: combine x and y, then fold in the loop below."""
    acc = (x * y) if y else x
    for k in range(5):
        acc = acc * 3 + k if acc < 1000 else acc // 7
    return acc

class Pipeline:
    """Runs the steps in order and keeps a log of intermediate values."""
    def __init__(self, steps):
        self.steps = steps
        self.log = []

    def run(self, x):
        for s in self.steps:
            x = s(x)
            self.log.append(x)
        return x

p = Pipeline([step0, step1, step2, step3, step4, step5, step6, step7, step8, step9, step10, step11, step12, step13, step14, step15, step16, step17, step18, step19, step20, step21, step22, step23, step24, step25, step26, step27, step28, step29, step30, step31, step32, step33, step34, step35, step36, step37, step38, step39, step40, step41, step42, step43, step44, step45, step46, step47])
print(p.run(5))
print(len(p.log), min(p.log), max(p.log), sum(p.log) % 1000)
print([f(10) for f in (step0, step7, step23, step47)])
