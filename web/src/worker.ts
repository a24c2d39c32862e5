// The VM driver: runs the Playground in budget slices of ~4 ms so the worker
// sees Stop messages between slices; `time.sleep` becomes a timer, `input()`
// a message round trip. Output and pin events are sent once per slice. A
// REPL statement runs in the same loop, in the last program's globals.
import init, { Playground } from './pkg/ferrite_wasm.js';
import {
  DONE, YIELDED, SLEEPING, NEEDS_INPUT, REPL_MORE, REPL_RUN, type FromWorker, type ToWorker,
} from './protocol';

const SLICE_MS = 4;
let pg: Playground | null = null;
let running = false;
// What runs is a REPL statement, not the program.
let repl = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let budget = 20_000;
// A MessageChannel wakes the next slice without setTimeout's 4 ms clamp.
const tick = new MessageChannel();
tick.port1.onmessage = () => step();

function post(m: FromWorker) {
  (self as unknown as Worker).postMessage(m);
}

function flush() {
  if (!pg) return;
  const text = pg.take_output();
  const events = Array.from(pg.board_events());
  if (text || events.length) post({ type: 'out', text, events });
}

function errorLine(text: string): number {
  const all = [...text.matchAll(/File "main\.py", line (\d+)/g)];
  return all.length ? Number(all[all.length - 1][1]) : 0;
}

function schedule() {
  tick.port2.postMessage(null);
}

function step() {
  if (!pg || !running) return;
  timer = null;
  const start = performance.now();
  let status = YIELDED;
  while (performance.now() - start < SLICE_MS) {
    const t0 = performance.now();
    status = pg.run(budget);
    const dt = performance.now() - t0;
    // Adapt the budget so one run stays well under the slice.
    if (status === YIELDED) {
      if (dt < 1) budget = Math.min(budget * 2, 2_000_000);
      else if (dt > 2) budget = Math.max(1000, Math.floor(budget / 2));
    }
    if (status !== YIELDED) break;
  }
  flush();
  if (status === YIELDED) {
    schedule();
  } else if (status === SLEEPING) {
    post({ type: 'status', status: 'sleeping' });
    timer = setTimeout(step, pg.sleep_ms());
  } else if (status === NEEDS_INPUT) {
    post({ type: 'status', status: 'input' });
  } else {
    running = false;
    const error = status === DONE ? '' : pg.take_error();
    const line = repl ? 0 : errorLine(error);
    post({ type: 'end', status: status === DONE ? 'done' : 'error', error, line, col: 0, repl });
    // The next Run starts on a VM built now, while the learner reads the output.
    pg.prepare();
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (!pg) return;
  if (m.type === 'run') {
    if (timer !== null) clearTimeout(timer);
    running = false;
    repl = false;
    const err = pg.load(m.source);
    flush();
    if (err) {
      post({
        type: 'end',
        status: 'syntax',
        error: err,
        line: pg.error_line() || errorLine(err),
        col: pg.error_column(),
        repl: false,
      });
      pg.prepare();
      return;
    }
    running = true;
    post({ type: 'status', status: 'running' });
    step();
  } else if (m.type === 'stop') {
    if (!running) return;
    pg.interrupt();
    if (timer !== null) clearTimeout(timer);
    step();
  } else if (m.type === 'input') {
    pg.provide_input(m.line);
    post({ type: 'status', status: 'running' });
    step();
  } else if (m.type === 'repl') {
    if (running) return;
    const fed = pg.repl_feed(m.line);
    if (fed === REPL_MORE) {
      post({ type: 'more' });
    } else if (fed === REPL_RUN) {
      repl = running = true;
      post({ type: 'status', status: 'running' });
      step();
    } else {
      post({ type: 'end', status: 'syntax', error: pg.take_error(), line: 0, col: 0, repl: true });
    }
  } else if (m.type === 'repl-cancel') {
    pg.repl_cancel();
  } else if (m.type === 'reset') {
    if (timer !== null) clearTimeout(timer);
    running = false;
    pg.repl_reset();
    flush();
  } else if (m.type === 'complete') {
    const [word, ...candidates] = pg.complete(m.text);
    post({ type: 'completions', id: m.id, word, candidates });
  } else if (m.type === 'pin') {
    pg.set_pin(m.pin, m.value);
    flush();
  }
};

await init();
// Warm-up: the browser compiles each wasm function on its first call, and a
// first Run would pay for the compiler and the interpreter loop (~10-15 ms of
// the first print). A throwaway VM on virtual time pays it here instead,
// while the learner is still reading the page.
const warm = new Playground(256, true);
if (!warm.load('for i in range(3):\n    s = str(i) + "!"\nprint(s, [i * 2.5])\n')) {
  for (let n = 0; n < 100 && warm.run(100_000) === YIELDED; n++);
  warm.take_output();
}
warm.free();
pg = new Playground(4096, false);
post({ type: 'ready' });
