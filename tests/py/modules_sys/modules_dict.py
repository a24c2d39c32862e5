import sys
print('sys' in sys.modules)
print(isinstance(sys.modules, dict))
import math
print('math' in sys.modules, sys.modules['math'] is math)
