// `cargo xtask bench --wasm`: Ferrite's wasm (web/src/pkg, as the page ships
// it) side by side with MicroPython's WebAssembly port
// (@micropython/micropython-webassembly-pyscript, a dependency of this
// folder only), in Node.
//
//   node bench.mjs PKG_DIR [--runs N]
//
// * download: gzip -9 of what a page fetches to run Python: the .wasm and
//   the JS glue (Ferrite: wasm-bindgen's `--target web` glue, which the
//   page's worker imports; MicroPython: micropython.mjs).
// * first print: a fresh Node process imports the glue, instantiates the
//   wasm and runs `print(1)` (median of N processes; Node's own start-up is
//   not counted). "after warm-up": the same, timing only `print(1)` after
//   a small program has run once (what the page's worker does at start).
// * programs: the median of N runs (after one warm-up run) of each program
//   on a fresh VM. Ferrite runs in the page's driver loop (web/src/worker.ts):
//   adaptive instruction budgets in ~4 ms slices with a MessageChannel hop
//   between slices; MicroPython's runPython runs to the end in one call.
// Both get a 32 MB heap. The outputs must match.
// Times are CPU time (user + system of the Node process, V8's compiler
// threads included), like `cargo xtask bench`: on a busy machine wall time
// varies several-fold, CPU time much less. On an idle machine they agree
// (Ferrite's driver loop never waits: it hops to the next slice at once).
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MP_DIR = path.join(HERE, 'node_modules/@micropython/micropython-webassembly-pyscript');
const HEAP_KB = 32 * 1024;
const [DONE, YIELDED, SLEEPING, NEEDS_INPUT] = [0, 1, 2, 3];

const PROGRAMS = [
  ['fib(25)', 'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(25))\n'],
  ['sum(i*i for i in range(1000000))', 'print(sum(i * i for i in range(1000000)))\n'],
  ['100k str join', "s = ','.join([str(i) for i in range(100000)])\nprint(len(s))\n"],
  ['dict of 100k ints', 'd = {}\nfor i in range(100000):\n    d[i] = i * 2\nprint(len(d), d[99999])\n'],
];

// ---- Ferrite, driven like web/src/worker.ts -------------------------------

async function loadFerrite(pkg) {
  const glue = await import(pathToFileURL(path.join(pkg, 'ferrite_wasm.js')).href);
  // initSync, as MicroPython's loader does in Node (fs read + instantiate).
  // The async default init would also work, but in Node it first touches
  // the global `Request`, which loads Node's fetch implementation: ~16 ms
  // of CPU that a browser never pays.
  glue.initSync({ module: readFileSync(path.join(pkg, 'ferrite_wasm_bg.wasm')) });
  return new glue.Playground(HEAP_KB, false);
}

const SLICE_MS = 4;
let budget = 20_000;
const tick = new MessageChannel();
const nextSlice = () => new Promise((r) => { tick.port1.onmessage = r; tick.port2.postMessage(null); });

async function runFerrite(pg, src) {
  const err = pg.load(src);
  if (err) throw new Error(err);
  let out = '';
  for (;;) {
    const start = performance.now();
    let status = YIELDED;
    while (performance.now() - start < SLICE_MS) {
      const t0 = performance.now();
      status = pg.run(budget);
      const dt = performance.now() - t0;
      if (status === YIELDED) {
        if (dt < 1) budget = Math.min(budget * 2, 2_000_000);
        else if (dt > 2) budget = Math.max(1000, Math.floor(budget / 2));
      }
      if (status !== YIELDED) break;
    }
    out += pg.take_output();
    pg.board_events();
    if (status === YIELDED) await nextSlice();
    else if (status === DONE) return out;
    else if (status === SLEEPING || status === NEEDS_INPUT) throw new Error('unexpected status ' + status);
    else throw new Error(pg.take_error());
  }
}

// ---- MicroPython ------------------------------------------------------------

async function loadMp(sink) {
  const { loadMicroPython } = await import(pathToFileURL(path.join(MP_DIR, 'micropython.mjs')).href);
  const dec = new TextDecoder();
  return loadMicroPython({
    heapsize: HEAP_KB * 1024,
    linebuffer: false,
    stdout: (d) => sink.push(typeof d === 'string' ? d : dec.decode(d)),
    stderr: (d) => sink.push(typeof d === 'string' ? d : dec.decode(d)),
  });
}

function runMp(mp, sink, src) {
  sink.length = 0;
  mp.runPython(src);
  return sink.join('');
}

// ---- measuring --------------------------------------------------------------

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// The page's worker runs this once on a throwaway VM before the learner's
// first Run (web/src/worker.ts), so the browser has compiled the compiler
// and the interpreter loop by then. Keep the two texts the same.
const WARM_UP = 'for i in range(3):\n    s = str(i) + "!"\nprint(s, [i * 2.5])\n';

// `warm`: time only the print after each VM has run WARM_UP once and the
// engine's background compiles have settled (what a Run click costs on a
// page that has finished loading).
const idle = () => new Promise((r) => setTimeout(r, 300));
async function firstPrintChild(which, pkg, warm) {
  let t0 = cpuMs();
  let out;
  if (which === 'ferrite') {
    const pg = await loadFerrite(pkg);
    if (warm) {
      const w = new (await import(pathToFileURL(path.join(pkg, 'ferrite_wasm.js')).href)).Playground(256, true);
      await runFerrite(w, WARM_UP);
      w.free();
      await idle();
      t0 = cpuMs();
    }
    out = await runFerrite(pg, 'print(1)\n');
  } else {
    const sink = [];
    const mp = await loadMp(sink);
    if (warm) {
      runMp(mp, sink, WARM_UP);
      await idle();
      t0 = cpuMs();
    }
    out = runMp(mp, sink, 'print(1)\n');
  }
  const ms = cpuMs() - t0;
  if (out !== '1\n') throw new Error(`${which}: print(1) gave ${JSON.stringify(out)}`);
  console.log(ms.toFixed(3));
  process.exit(0);
}

function firstPrint(which, pkg, runs, warm = false) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const args = [fileURLToPath(import.meta.url), warm ? '--warm-print' : '--first-print', which, pkg];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${which} first print failed: ${r.stderr}`);
    times.push(Number(r.stdout.trim()));
  }
  return median(times);
}

async function timeRuns(run, runs) {
  let out = await run();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    out = await run();
    times.push(cpuMs() - t0);
  }
  return { ms: median(times), out };
}

const gz = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--first-print') return firstPrintChild(args[1], args[2], false);
  if (args[0] === '--warm-print') return firstPrintChild(args[1], args[2], true);
  const pkg = path.resolve(args[0] ?? path.join(HERE, '../src/pkg'));
  const ri = args.indexOf('--runs');
  const runs = ri >= 0 ? Number(args[ri + 1]) : 5;

  const rows = [];
  const fe = gz([path.join(pkg, 'ferrite_wasm_bg.wasm'), path.join(pkg, 'ferrite_wasm.js')]);
  const mpz = gz([path.join(MP_DIR, 'micropython.wasm'), path.join(MP_DIR, 'micropython.mjs')]);
  rows.push(['download (gzip -9, wasm + JS glue)', fe / 1024, mpz / 1024, 'KB']);
  rows.push(['time to first print', firstPrint('ferrite', pkg, runs), firstPrint('micropython', pkg, runs), 'ms']);
  rows.push(['first print after warm-up', firstPrint('ferrite', pkg, runs, true), firstPrint('micropython', pkg, runs, true), 'ms']);

  const pg = await loadFerrite(pkg);
  const sink = [];
  const mp = await loadMp(sink);
  let failed = false;
  for (const [name, src] of PROGRAMS) {
    const f = await timeRuns(() => runFerrite(pg, src), runs);
    const m = await timeRuns(() => runMp(mp, sink, src), runs);
    if (f.out !== m.out) {
      console.error(`${name}: outputs differ: ferrite ${JSON.stringify(f.out)} micropython ${JSON.stringify(m.out)}`);
      failed = true;
    }
    rows.push([name, f.ms, m.ms, 'ms']);
  }

  const w = Math.max(...rows.map((r) => r[0].length));
  const fmt = (v, unit) => `${v.toFixed(unit === 'KB' ? 1 : 1)} ${unit}`.padStart(11);
  console.log(`${''.padEnd(w)}     Ferrite  MicroPython   ratio`);
  let wins = 0;
  for (const [name, f, m, unit] of rows) {
    const ratio = f / m;
    if (ratio < 1) wins++;
    console.log(`${name.padEnd(w)} ${fmt(f, unit)} ${fmt(m, unit)}  ${ratio.toFixed(2).padStart(5)}x ${ratio < 1 ? '' : ' (not better)'}`);
  }
  console.log(`Ferrite smaller/faster on ${wins} of ${rows.length} lines (ratio = Ferrite / MicroPython; ` +
    `CPU time, median of ${runs}; MicroPython ${JSON.parse(readFileSync(path.join(MP_DIR, 'package.json'), 'utf8')).version}, Node ${process.version})`);
  tick.port1.close();
  process.exit(failed ? 1 : 0);
}

await main();
