# A program that does not compile: the SyntaxError text goes to stderr,
# nothing runs, and the firmware goes on with the next program.
print("this line never runs")
x = = 1
