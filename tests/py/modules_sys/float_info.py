# sys.float_info: the parameters of the host's floats (f64).
import sys

fi = sys.float_info
print(fi)
print(fi.max, fi.max_exp, fi.max_10_exp)
print(fi.min, fi.min_exp, fi.min_10_exp)
print(fi.dig, fi.mant_dig, fi.epsilon, fi.radix, fi.rounds)
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0)
print(fi.max * 2, fi.min / 2 ** fi.mant_dig)
print(type(fi.max).__name__, type(fi.dig).__name__)
