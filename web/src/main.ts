// The playground page: CodeMirror editor, xterm console, SVG board, and the
// VM in a Web Worker (worker.ts). Test hooks live on `window.__ferrite`.
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { Decoration, type DecorationSet } from '@codemirror/view';
import { StateEffect, StateField } from '@codemirror/state';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { FromWorker, ToWorker } from './protocol';
import { LineEditor } from './lineedit';

const BLINK = `# Blink the onboard LED at 1 Hz; press button A (GP14) to light LED 1.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
led1 = Pin(2, Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)

print("blinking; press Stop to end")
while True:
    led.toggle()
    led1.value(not button.value())
    time.sleep(0.5)
`;

// ---- editor, with one marked error line ----
const setErrorLine = StateEffect.define<number>();
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setErrorLine)) {
        const n = e.value;
        if (n >= 1 && n <= tr.state.doc.lines) {
          const line = tr.state.doc.line(n);
          deco = Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(line.from)]);
        } else {
          deco = Decoration.none;
        }
      }
    }
    if (tr.docChanged) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});
const editor = new EditorView({
  doc: BLINK,
  extensions: [basicSetup, python(), errorField],
  parent: document.getElementById('editor')!,
});
function markLine(n: number) {
  editor.dispatch({ effects: setErrorLine.of(n) });
  document.getElementById('editor')!.dataset.errorLine = String(n);
}

// ---- console: batched writes, bounded scrollback ----
const MAX_LINES = 1000;
const term = new Terminal({ convertEol: true, scrollback: MAX_LINES, rows: 12, fontSize: 13 });
term.open(document.getElementById('console')!);
let pending = '';
let flushQueued = false;
// Everything written, last MAX_LINES lines only (for tests and copy).
let transcript: string[] = [''];
function record(text: string) {
  const parts = text.split('\n');
  transcript[transcript.length - 1] += parts[0];
  for (let i = 1; i < parts.length; i++) transcript.push(parts[i]);
  if (transcript.length > MAX_LINES) transcript = transcript.slice(-MAX_LINES);
}
// To the terminal only (line editing: echo and cursor moves), in order with write.
function raw(text: string) {
  pending += text;
  // Never hand xterm more than it can show: keep the tail of a flood.
  if (pending.length > 200_000) pending = pending.slice(-100_000);
  if (!flushQueued) {
    flushQueued = true;
    requestAnimationFrame(() => {
      flushQueued = false;
      term.write(pending);
      pending = '';
    });
  }
}
function write(text: string) {
  record(text);
  raw(text);
}

// ---- board ----
const SVGNS = 'http://www.w3.org/2000/svg';
const ledsG = document.getElementById('leds')!;
[2, 3, 4, 5].forEach((pin, i) => {
  const c = document.createElementNS(SVGNS, 'circle');
  c.setAttribute('id', `led-${pin}`);
  c.setAttribute('class', 'led');
  c.setAttribute('cx', String(50 + i * 33));
  c.setAttribute('cy', '130');
  c.setAttribute('r', '9');
  ledsG.appendChild(c);
  const t = document.createElementNS(SVGNS, 'text');
  t.setAttribute('x', String(42 + i * 33));
  t.setAttribute('y', '155');
  t.setAttribute('fill', '#fff');
  t.setAttribute('font-size', '9');
  t.textContent = `GP${pin}`;
  ledsG.appendChild(t);
});
const btnG = document.getElementById('buttons')!;
[14, 15].forEach((pin, i) => {
  const r = document.createElementNS(SVGNS, 'rect');
  r.setAttribute('id', `btn-${pin}`);
  r.setAttribute('class', 'btn');
  r.setAttribute('x', String(45 + i * 70));
  r.setAttribute('y', '220');
  r.setAttribute('width', '40');
  r.setAttribute('height', '40');
  r.setAttribute('rx', '6');
  const press = (v: number) => (ev: Event) => {
    ev.preventDefault();
    r.classList.toggle('pressed', v === 0);
    send({ type: 'pin', pin, value: v });
  };
  r.addEventListener('pointerdown', press(0));
  r.addEventListener('pointerup', press(2));
  r.addEventListener('pointerleave', (ev) => {
    if (r.classList.contains('pressed')) press(2)(ev);
  });
  btnG.appendChild(r);
  const t = document.createElementNS(SVGNS, 'text');
  t.setAttribute('x', String(45 + i * 70));
  t.setAttribute('y', '275');
  t.setAttribute('fill', '#fff');
  t.setAttribute('font-size', '10');
  t.textContent = `${i ? 'B' : 'A'} (GP${pin})`;
  btnG.appendChild(t);
});
const ledLog: { t: number; boardMs: number; pin: number; on: boolean }[] = [];
function applyEvents(ev: number[]) {
  for (let i = 0; i + 2 < ev.length; i += 3) {
    const [ms, pin, v] = [ev[i], ev[i + 1], ev[i + 2]];
    const el = document.getElementById(`led-${pin}`);
    if (el) {
      el.classList.toggle('on', v === 1);
      ledLog.push({ t: performance.now(), boardMs: ms, pin, on: v === 1 });
      if (ledLog.length > 10_000) ledLog.splice(0, 5_000);
    }
  }
}
function resetBoard() {
  document.querySelectorAll('.led').forEach((e) => e.classList.remove('on'));
}

// ---- worker and controls ----
const runBtn = document.getElementById('run') as HTMLButtonElement;
const stopBtn = document.getElementById('stop') as HTMLButtonElement;
const statusEl = document.getElementById('status')!;
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
function send(m: ToWorker) {
  worker.postMessage(m);
}
let state = 'loading';
function setState(s: string) {
  state = s;
  statusEl.textContent = s;
  const busy = s === 'running' || s === 'sleeping' || s === 'input';
  runBtn.disabled = s === 'loading';
  stopBtn.disabled = !busy;
}

// ---- the console's keyboard: REPL prompts, input(), Ctrl-C ----
// 'prompt': editing a REPL line; 'input': answering input(); 'busy': code
// runs (or a REPL line is with the worker); 'off': loading.
let mode: 'off' | 'prompt' | 'input' | 'busy' = 'off';
// The code running is a REPL statement (else the editor's program).
let replBusy = false;
// Keys typed and pasted lines left over while the REPL was busy, replayed
// at the next prompt (or input()) as a terminal's type-ahead. Chunks stay
// apart: a Tab alone completes, a Tab in a paste indents.
let typeahead: string[] = [];
let prompt = '>>> ';
let completeId = 0;
let completeText = '';
const ed = new LineEditor(raw, () => term.cols);

function lastLine(): string {
  return transcript[transcript.length - 1];
}
function edit(m: 'prompt' | 'input', width: number) {
  mode = m;
  ed.begin(width);
  // Not away from the code editor, where the learner may be typing.
  if (!editor.hasFocus) term.focus();
  while (typeahead.length && (mode === 'prompt' || mode === 'input')) typed(typeahead.shift()!);
}
function showPrompt(p: string) {
  if (lastLine() !== '') write('\n');
  prompt = p;
  write(p);
  edit('prompt', p.length);
}
// End the line being edited: keep its text in the transcript.
function endLine(suffix = '\n') {
  record(ed.finish());
  write(suffix);
}

function typed(data: string) {
  if (mode === 'off') return;
  if (mode === 'busy') {
    if (data.includes('\x03')) {
      typeahead = [];
      stop();
    } else if (replBusy) {
      typeahead.push(data);
    }
    return;
  }
  const { action, rest } = ed.feed(data);
  if (!action) return;
  if (rest) typeahead.unshift(rest);
  if (mode === 'input') {
    if (action.kind === 'submit') {
      endLine();
      mode = 'busy';
      send({ type: 'input', line: action.line });
    } else if (action.kind === 'interrupt') {
      typeahead = [];
      stop();
    }
    return;
  }
  switch (action.kind) {
    case 'submit':
      endLine();
      ed.addHistory(action.line);
      mode = 'busy';
      replBusy = true;
      send({ type: 'repl', line: action.line });
      break;
    case 'interrupt':
      endLine('\nKeyboardInterrupt\n');
      typeahead = [];
      send({ type: 'repl-cancel' });
      showPrompt('>>> ');
      break;
    case 'eof':
      // MicroPython's soft reset: Ctrl-D on an empty primary prompt.
      if (prompt !== '>>> ') return;
      endLine('\nsoft reboot: a fresh VM and board\n');
      send({ type: 'reset' });
      resetBoard();
      showPrompt('>>> ');
      break;
    case 'tab': {
      const before = ed.beforeCursor();
      if (before.trim() === '') ed.insert('    ');
      else send({ type: 'complete', id: ++completeId, text: (completeText = before) });
      break;
    }
  }
}
term.onData(typed);

// Insert the candidates' common prefix; when that adds nothing, list them.
function completed(word: string, candidates: string[]) {
  if (candidates.length === 0) return;
  let common = candidates[0];
  for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
  if (common.length > word.length) {
    ed.insert(common.slice(word.length));
  } else if (candidates.length > 1) {
    const width = Math.max(...candidates.map((c) => c.length)) + 2;
    const per = Math.max(1, Math.floor(term.cols / width));
    let list = '';
    candidates.forEach((c, i) => {
      list += i % per === per - 1 || i === candidates.length - 1 ? c + '\n' : c.padEnd(width);
    });
    const text = ed.text();
    const cursor = Array.from(ed.beforeCursor()).length;
    endLine('\n' + list);
    write(prompt);
    ed.begin(prompt.length, text, cursor);
  }
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'ready') {
    setState('ready');
    write('Ferrite REPL: Tab completes, Up/Down recall, Ctrl-D resets the VM.\n'
      + "Run starts the editor's program; this prompt then works in its globals.\n");
    showPrompt('>>> ');
    (window as any).__wasmReady = true;
  } else if (m.type === 'out') {
    if (m.text) write(m.text);
    applyEvents(m.events);
  } else if (m.type === 'status') {
    setState(m.status);
    if (m.status === 'input') edit('input', Array.from(lastLine()).length);
  } else if (m.type === 'more') {
    if (replBusy) showPrompt('... ');
  } else if (m.type === 'completions') {
    // Unless the line changed meanwhile.
    if (mode === 'prompt' && m.id === completeId && ed.beforeCursor() === completeText) {
      completed(m.word, m.candidates);
    }
  } else if (m.type === 'end') {
    if (m.repl !== replBusy) return; // from before the last Run
    if (m.error) write(m.error.endsWith('\n') ? m.error : m.error + '\n');
    if (m.repl) {
      setState('ready');
    } else {
      if (m.line) markLine(m.line);
      if (m.status === 'syntax' && m.line >= 1 && m.line <= editor.state.doc.lines) {
        // Put the cursor where the SyntaxError points, as an IDE would.
        const line = editor.state.doc.line(m.line);
        const at = Math.min(line.from + Math.max(m.col - 1, 0), line.to);
        editor.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        document.getElementById('editor')!.dataset.errorColumn = String(at - line.from + 1);
      }
      setState(m.status === 'done' ? 'done' : 'error');
      (window as any).__stoppedAt = performance.now();
    }
    // Thonny's way: after a program the REPL works in its globals.
    replBusy = false;
    showPrompt('>>> ');
  }
};

function run() {
  markLine(0);
  resetBoard();
  mode = 'busy';
  replBusy = false;
  typeahead = [];
  pending = '';
  term.reset();
  transcript = [''];
  setState('running');
  send({ type: 'run', source: editor.state.doc.toString() });
}
function stop() {
  send({ type: 'stop' });
}
runBtn.addEventListener('click', run);
stopBtn.addEventListener('click', stop);

(window as any).__ferrite = {
  setSource(text: string) {
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  },
  output: () => transcript.join('\n'),
  state: () => state,
  ledLog,
};
