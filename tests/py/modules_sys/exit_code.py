import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.args, e.code)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.args, e.code)
try:
    sys.exit('message')
except SystemExit as e:
    print("SystemExit", e.args)
print("still running")
