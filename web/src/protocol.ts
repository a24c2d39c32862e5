// Messages between the page (main.ts) and the VM worker (worker.ts).
export type ToWorker =
  | { type: 'run'; source: string; virtualTime?: boolean }
  | { type: 'stop' }
  | { type: 'input'; line: string }
  | { type: 'pin'; pin: number; value: number }
  // REPL: one line (`more` or a run follows), drop the pending lines, a
  // fresh VM and board, Tab completion of `text` (the line up to the cursor).
  | { type: 'repl'; line: string }
  | { type: 'repl-cancel' }
  | { type: 'reset' }
  | { type: 'complete'; id: number; text: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'out'; text: string; events: number[] }
  | { type: 'status'; status: 'running' | 'sleeping' | 'input' }
  | { type: 'more' }
  | { type: 'completions'; id: number; word: string; candidates: string[] }
  // `repl`: a REPL statement ended (or did not compile), not the program.
  | { type: 'end'; status: 'done' | 'error' | 'syntax'; error: string; line: number; col: number; repl: boolean };

// Status codes of Playground.run (wasm/src/lib.rs).
export const DONE = 0, YIELDED = 1, SLEEPING = 2, NEEDS_INPUT = 3, ERROR = 4;
// Of Playground.repl_feed.
export const REPL_RUN = 0, REPL_MORE = 1;
