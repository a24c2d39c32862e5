// Line editing in the xterm console, for the REPL's prompts and for
// `input()`: insert at the cursor, Backspace/Delete, Left/Right, Home/End
// (also Ctrl-A/E), Ctrl-K/U, Up/Down through the history. The prompt is
// already on the screen (written by the page); the editor redraws only the
// text after it, so a line longer than the terminal wraps and is still
// edited in place. Keys that end the editing (Enter, Ctrl-C, Ctrl-D on an
// empty line, Tab) come back to the page as an action.

export type Action =
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'eof' }
  | { kind: 'tab' };

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  /** Width of the prompt: where the text starts, counted from column 0 of the prompt's row. */
  private base = 0;
  /** Where the terminal's cursor is, in the same count. */
  private at = 0;
  private history: string[] = [];
  private histPos = 0;
  private draft: string[] = [];

  /** `raw` writes to the terminal only (echo, cursor moves); `cols` is its width. */
  constructor(
    private raw: (text: string) => void,
    private cols: () => number,
  ) {}

  /** Start editing after a prompt `promptWidth` characters wide (already
   * written, the cursor after it), with `text` (usually empty) in the line
   * and the cursor `cursor` characters into it (default: at its end). */
  begin(promptWidth: number, text = '', cursor?: number) {
    this.base = this.at = promptWidth;
    // After writing up to the last column the terminal waits to wrap;
    // start the next row so the row arithmetic holds.
    if (promptWidth > 0 && promptWidth % this.cols() === 0) this.raw('\r\n');
    this.chars = Array.from(text);
    this.cursor = Math.min(cursor ?? this.chars.length, this.chars.length);
    this.histPos = this.history.length;
    this.render();
  }

  text(): string {
    return this.chars.join('');
  }

  beforeCursor(): string {
    return this.chars.slice(0, this.cursor).join('');
  }

  /** Put the terminal's cursor after the text and return the text: the
   * line is done (the caller writes the newline). */
  finish(): string {
    this.moveTo(this.base + this.chars.length);
    return this.text();
  }

  addHistory(line: string) {
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > 500) this.history.shift();
    this.histPos = this.history.length;
  }

  insert(text: string) {
    const add = Array.from(text);
    this.chars.splice(this.cursor, 0, ...add);
    this.cursor += add.length;
    this.render();
  }

  /** Handle typed or pasted data up to the first key that ends editing;
   * `rest` is what followed it (more pasted lines), for the next prompt. */
  feed(data: string): { action?: Action; rest: string } {
    // One key at a time is typing; more is a paste, where Tab is indentation.
    const paste = data.length > 1 && data[0] !== '\x1b';
    let i = 0;
    let action: Action | undefined;
    while (i < data.length && !action) {
      const ch = data[i];
      if (ch === '\x1b') {
        // CSI (ESC [ params final) or SS3 (ESC O final).
        const m = /^\x1b(\[[0-9;]*[@-~]|O.)?/.exec(data.slice(i))!;
        this.escape(m[1] ?? '');
        i += m[0].length;
        continue;
      }
      i++;
      if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && data[i] === '\n') i++;
        action = { kind: 'submit', line: this.text() };
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.cursor > 0) this.chars.splice(--this.cursor, 1);
      } else if (ch === '\x03') {
        action = { kind: 'interrupt' };
      } else if (ch === '\x04') {
        if (this.chars.length === 0) action = { kind: 'eof' };
        else this.chars.splice(this.cursor, 1);
      } else if (ch === '\t') {
        if (paste) {
          // Python's tab stops are every 8 columns: spaces keep the indentation.
          const n = 8 - (this.cursor % 8);
          this.chars.splice(this.cursor, 0, ...' '.repeat(n));
          this.cursor += n;
        } else {
          action = { kind: 'tab' };
        }
      } else if (ch === '\x01') {
        this.cursor = 0;
      } else if (ch === '\x05') {
        this.cursor = this.chars.length;
      } else if (ch === '\x0b') {
        this.chars.length = this.cursor;
      } else if (ch === '\x15') {
        this.chars.splice(0, this.cursor);
        this.cursor = 0;
      } else if (ch === '\x10') {
        this.recall(-1);
      } else if (ch === '\x0e') {
        this.recall(1);
      } else if (ch >= ' ') {
        // A surrogate pair is one character.
        const cp = String.fromCodePoint(data.codePointAt(i - 1)!);
        i += cp.length - 1;
        this.chars.splice(this.cursor++, 0, cp);
      }
    }
    this.render();
    return { action, rest: data.slice(i) };
  }

  private escape(seq: string) {
    switch (seq) {
      case '[D':
        if (this.cursor > 0) this.cursor--;
        break;
      case '[C':
        if (this.cursor < this.chars.length) this.cursor++;
        break;
      case '[A':
        this.recall(-1);
        break;
      case '[B':
        this.recall(1);
        break;
      case '[H':
      case 'OH':
      case '[1~':
      case '[7~':
        this.cursor = 0;
        break;
      case '[F':
      case 'OF':
      case '[4~':
      case '[8~':
        this.cursor = this.chars.length;
        break;
      case '[3~':
        this.chars.splice(this.cursor, 1);
        break;
    }
  }

  private recall(dir: number) {
    const pos = this.histPos + dir;
    if (pos < 0 || pos > this.history.length) return;
    if (this.histPos === this.history.length) this.draft = this.chars;
    this.histPos = pos;
    this.chars = pos === this.history.length ? this.draft : Array.from(this.history[pos]);
    this.cursor = this.chars.length;
  }

  /** Redraw the text after the prompt and place the cursor. */
  private render() {
    this.moveTo(this.base);
    const end = this.base + this.chars.length;
    this.raw('\x1b[J' + this.text());
    this.at = end;
    if (this.chars.length > 0 && end % this.cols() === 0) this.raw('\r\n');
    this.moveTo(this.base + this.cursor);
  }

  private moveTo(offset: number) {
    const cols = this.cols();
    const rows = Math.floor(offset / cols) - Math.floor(this.at / cols);
    if (rows < 0) this.raw(`\x1b[${-rows}A`);
    else if (rows > 0) this.raw(`\x1b[${rows}B`);
    this.raw(`\x1b[${(offset % cols) + 1}G`);
    this.at = offset;
  }
}
