import time as _time

TimeoutError = TimeoutError

# Poll interval when no task is scheduled but some may be woken from
# outside (ThreadSafeFlag, micropython.schedule callbacks, loop.stop).
_POLL_MS = 10


class _Sleep:
    def __init__(self, ms):
        self.ms = ms

    def __await__(self):
        yield self


class _Park:
    # The task has put itself on a wait queue; the scheduler forgets it
    # until someone wakes it.
    def __await__(self):
        yield None


_PARK = _Park()

_queue = []      # runnable and sleeping tasks, ordered by t._when
_cur = None
_main = None
_stop = False
_handler = None


def _push(t, ms):
    when = _time.ticks_add(_time.ticks_ms(), ms if ms > 0 else 0)
    t._when = when
    t._q = _queue
    q = _queue
    i = len(q)
    # Insert after every task due at or before `when` (FIFO among equals).
    while i > 0 and _time.ticks_diff(q[i - 1]._when, when) > 0:
        i -= 1
    q.insert(i, t)


def _park(q, t):
    t._q = q
    q.append(t)


def _wake(t):
    q = t._q
    if q is not None and q is not _queue:
        q.remove(t)
    t._q = None
    _push(t, 0)


class Task:
    def __init__(self, coro):
        self.coro = coro
        self.data = None
        self.waiting = []
        self._done = False
        self._exc = None
        self._when = 0
        self._q = None
        self._started = False

    def done(self):
        return self._done

    def cancel(self):
        if self._done:
            return False
        if self is _cur:
            raise RuntimeError("can't cancel self")
        if self._exc is None:
            self._exc = CancelledError()
        q = self._q
        if q is not None:
            q.remove(self)
        self._q = None
        _push(self, 0)
        return True

    def result(self):
        if not self._done:
            raise RuntimeError('result is not ready')
        if isinstance(self.data, BaseException):
            raise self.data
        return self.data

    def __await__(self):
        if not self._done:
            _park(self.waiting, _cur)
            yield None
        if isinstance(self.data, BaseException):
            raise self.data
        return self.data

    def __repr__(self):
        return '<Task>'


def _finish(t, val):
    t._done = True
    t.data = val
    w = t.waiting
    if isinstance(val, BaseException) and not w and t is not _main:
        if not isinstance(val, CancelledError):
            ctx = {'message': "Task exception wasn't retrieved",
                   'exception': val, 'future': t}
            if _handler is not None:
                _handler(_loop, ctx)
            else:
                _default_handler(_loop, ctx)
    while w:
        _wake(w[0])


def _default_handler(loop, ctx):
    import sys
    print(ctx['message'])
    print('future:', ctx['future'], 'coro=', ctx['future'].coro)
    sys.print_exception(ctx['exception'])


def _step(t):
    global _cur
    _cur = t
    exc = t._exc
    try:
        if exc is None:
            t._started = True
            req = t.coro.send(None)
        elif not t._started:
            # Cancelled before its first step: the body never runs (as in
            # CPython; done here rather than relying on `throw` into an
            # unstarted coroutine).
            t._exc = None
            t.coro.close()
            raise exc
        else:
            t._exc = None
            req = t.coro.throw(exc)
    except StopIteration as e:
        _cur = None
        _finish(t, e.value)
        return
    except (KeyboardInterrupt, SystemExit):
        _cur = None
        raise
    except BaseException as e:
        _cur = None
        _finish(t, e)
        return
    _cur = None
    if req is None:
        return
    if type(req) is _Sleep:
        _push(t, req.ms)
    else:
        t._exc = RuntimeError('Task got bad yield: ' + repr(req))
        _push(t, 0)


def _loop_run(main):
    global _stop
    while True:
        if main is not None:
            if main._done:
                return
        elif _stop:
            _stop = False
            return
        if not _queue:
            _time.sleep_ms(_POLL_MS)
            continue
        t = _queue[0]
        d = _time.ticks_diff(t._when, _time.ticks_ms())
        if d > 0:
            # Nothing runnable before `t`: hand the wait to the driver.
            _time.sleep_ms(d)
            continue
        _queue.pop(0)
        t._q = None
        _step(t)


def _to_task(aw):
    if isinstance(aw, Task):
        return aw
    return create_task(aw)


def create_task(coro):
    if not hasattr(coro, 'send'):
        raise TypeError('coroutine expected')
    t = Task(coro)
    _push(t, 0)
    return t


def current_task():
    if _cur is None:
        raise RuntimeError('no running event loop')
    return _cur


def run_until_complete(main_task=None):
    global _main
    if main_task is None:
        _loop_run(None)
        return None
    main_task = _to_task(main_task)
    prev = _main
    _main = main_task
    try:
        _loop_run(main_task)
    finally:
        _main = prev
    return main_task.result()


def run(coro):
    return run_until_complete(create_task(coro))


def sleep_ms(t):
    return _Sleep(t)


def sleep(t):
    return _Sleep(int(t * 1000))


async def wait_for(aw, timeout, sleep=sleep):
    aw = _to_task(aw)
    if timeout is None:
        return await aw
    fired = [False]

    async def _killer():
        await sleep(timeout)
        fired[0] = True
        aw.cancel()

    k = create_task(_killer())
    try:
        r = await aw
    except CancelledError:
        if fired[0]:
            raise TimeoutError
        # We were cancelled ourselves: take the awaited task with us.
        if aw._done:
            raise
        aw.cancel()
        raise
    finally:
        k.cancel()
    return r


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, sleep_ms)


async def gather(*aws, return_exceptions=False):
    ts = [_to_task(a) for a in aws]
    res = []
    for t in ts:
        try:
            res.append(await t)
        except BaseException as e:
            if not (t._done and t.data is e):
                # Not the child's error: this task is being cancelled.
                for u in ts:
                    u.cancel()
                raise
            if not return_exceptions:
                raise
            res.append(e)
    return res


class _Flag:
    # A state that tasks wait on; set() wakes them all.
    def __init__(self):
        self.state = False
        self.waiting = []

    def set(self):
        self.state = True
        while self.waiting:
            _wake(self.waiting[0])

    def clear(self):
        self.state = False


class Event(_Flag):
    def is_set(self):
        return self.state

    async def wait(self):
        if not self.state:
            _park(self.waiting, _cur)
            await _PARK
        return True


class ThreadSafeFlag(_Flag):
    # Set from interrupt-like contexts (micropython.schedule callbacks);
    # the scheduler polls while nothing else is due. wait() consumes it.
    async def wait(self):
        while not self.state:
            _park(self.waiting, _cur)
            await _PARK
        self.state = False


class Lock:
    def __init__(self):
        # False: free; True: held; a Task: handed to that waiting task.
        self.state = False
        self.waiting = []

    def locked(self):
        return self.state is not False

    def release(self):
        if self.state is False:
            raise RuntimeError('Lock not acquired')
        if self.waiting:
            t = self.waiting[0]
            self.state = t
            _wake(t)
        else:
            self.state = False

    async def acquire(self):
        if self.state is not False:
            me = _cur
            _park(self.waiting, me)
            try:
                await _PARK
            except CancelledError:
                if self.state is me:
                    self.state = True
                    self.release()
                raise
        self.state = True
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Loop:
    def create_task(self, coro):
        return create_task(coro)

    def run_forever(self):
        global _stop
        _stop = False
        _loop_run(None)

    def run_until_complete(self, aw):
        return run_until_complete(_to_task(aw))

    def stop(self):
        global _stop
        _stop = True

    def close(self):
        pass

    def set_exception_handler(self, handler):
        global _handler
        _handler = handler

    def get_exception_handler(self):
        return _handler

    def default_exception_handler(self, context):
        _default_handler(self, context)

    def call_exception_handler(self, context):
        (_handler or _default_handler)(self, context)


_loop = Loop()


def get_event_loop(runq_len=0, waitq_len=0):
    return _loop


def new_event_loop():
    global _queue, _cur, _stop
    _queue = []
    _cur = None
    _stop = False
    return _loop
