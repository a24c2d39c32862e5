// Messages between the page (main.ts) and the VM worker (worker.ts).
export type ToWorker =
  | { type: 'run'; source: string; virtualTime?: boolean }
  | { type: 'stop' }
  | { type: 'input'; line: string }
  | { type: 'pin'; pin: number; value: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'out'; text: string; events: number[] }
  | { type: 'status'; status: 'running' | 'sleeping' | 'input' }
  | { type: 'end'; status: 'done' | 'error' | 'syntax'; error: string; line: number; col: number };

// Status codes of Playground.run (wasm/src/lib.rs).
export const DONE = 0, YIELDED = 1, SLEEPING = 2, NEEDS_INPUT = 3, ERROR = 4;
