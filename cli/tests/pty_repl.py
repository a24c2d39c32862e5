# Drives `ferrite` on a pseudo-terminal, as a user at a keyboard would, and
# checks the REPL's terminal behaviour (run by cli.rs). Argument: the binary.
import os, pty, select, sys, time

pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1]])


pending = b""


def read_until(marker, timeout=10.0):
    # Output up to and including `marker`; what follows stays pending.
    global pending
    end = time.time() + timeout
    m = marker.encode()
    while m not in pending and time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                pending += os.read(fd, 4096)
            except OSError:
                break
    text = pending.decode(errors="replace")
    assert m in pending, "expected %r in %r" % (marker, text)
    cut = pending.index(m) + len(m)
    out, pending = pending[:cut], pending[cut:]
    return out.decode(errors="replace")


read_until(">>> ")
os.write(fd, b"1+1\r")
read_until("2\r\n")
# Ctrl-C at an idle continuation prompt drops the pending block.
os.write(fd, b"for i in range(3):\r")
read_until("... ")
os.write(fd, b"\x03")
read_until("KeyboardInterrupt")
os.write(fd, b"_\r")
read_until("2\r\n")
# Ctrl-C (SIGINT) while a statement runs: KeyboardInterrupt traceback.
os.write(fd, b"while True: pass\r")
read_until("... ")
os.write(fd, b"\r")
time.sleep(0.3)
os.kill(pid, 2)
read_until("KeyboardInterrupt")
# A bracketed paste of several lines runs them in order.
os.write(fd, b"\x1b[200~x = 3\rfor i in range(x):\r    print(i*7)\r\r\x1b[201~\r")
read_until("14\r\n")
read_until(">>> ")
# History: Up recalls the previous line. (Each input waits for the prompt:
# lines typed ahead while the editor reads are lost, rustyline issue 690.)
os.write(fd, b"y = 41\r")
read_until(">>> ")
os.write(fd, b"y + 1\r")
read_until("42\r\n")
read_until(">>> ")
os.write(fd, b"\x1b[A\r")
read_until("42\r\n")
read_until(">>> ")
# Tab completes a name, then an attribute; Tab in white space indents.
os.write(fd, b"import math\r")
read_until(">>> ")
os.write(fd, b"math.sqr\t(16)\r")
read_until("4.0\r\n")
read_until(">>> ")
os.write(fd, b"def f():\r")
read_until("... ")
os.write(fd, b"\treturn 5\r")
read_until("... ")
os.write(fd, b"\r")
read_until(">>> ")
os.write(fd, b"f()\r")
read_until("5\r\n")
# Keys typed before the editor is back in raw mode go through the tty's
# cooked mode, where ^D and ^C are not bytes: wait for the prompt.
read_until(">>> ")
os.write(fd, b"\x04")
end = time.time() + 10
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    if time.time() > end:
        os.kill(pid, 9)
        raise AssertionError("the REPL did not exit on Ctrl-D")
    time.sleep(0.05)
assert status == 0, status
print("ok")
