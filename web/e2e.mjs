// End-to-end checks of the playground in headless Chromium (run by
// `cargo xtask test` / `cargo xtask e2e`): node e2e.mjs URL
// Env: CHROMIUM (browser binary), SHOTS (screenshot directory).
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:8000/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ': ' + detail : ''}`);
  if (!ok) failed++;
}
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
page.on('pageerror', (e) => check('no page errors', false, String(e)));
await page.goto(url);
await page.waitForFunction(() => window.__wasmReady === true, null, { timeout: 20000 });

const setSource = (s) => page.evaluate((s) => window.__ferrite.setSource(s), s);
const state = () => page.evaluate(() => window.__ferrite.state());
const output = () => page.evaluate(() => window.__ferrite.output());
const waitState = (s, timeout = 10000) =>
  page.waitForFunction((s) => window.__ferrite.state() === s, s, { timeout });

// 1. The default example blinks the LED at 1 Hz (toggle every 500 ms).
await page.click('#run');
await page.waitForTimeout(2300);
const log = await page.evaluate(() => window.__ferrite.ledLog.filter((e) => e.pin === 25));
const boardGaps = log.slice(1).map((e, i) => e.boardMs - log[i].boardMs);
const pageGaps = log.slice(1).map((e, i) => Math.round(e.t - log[i].t));
check('LED toggles', log.length >= 4 && log.every((e, i) => e.on === (i % 2 === 0)), JSON.stringify(log.map((e) => e.on)));
check('board period 500 ms', boardGaps.length >= 3 && boardGaps.every((g) => g >= 499 && g <= 520), JSON.stringify(boardGaps));
check('page period ~500 ms', pageGaps.every((g) => g >= 400 && g <= 650), JSON.stringify(pageGaps));
const cls1 = await page.getAttribute('#led-25', 'class');
await page.waitForTimeout(500);
const cls2 = await page.getAttribute('#led-25', 'class');
check('LED element class changes', cls1 !== cls2, `${cls1} -> ${cls2}`);
await page.screenshot({ path: `${process.env.SHOTS ?? '.'}/playground.png` });
await page.click('#stop');
await waitState('error');
check('Stop during sleep raises KeyboardInterrupt', (await output()).includes('KeyboardInterrupt'));

// 2. Stop in `while True: pass` within 100 ms.
await setSource('x = 0\nwhile True:\n    pass\n');
await page.click('#run');
await page.waitForTimeout(500);
check('busy loop is running', (await state()) === 'running');
await page.evaluate(() => {
  window.__stoppedAt = 0;
  window.__t0 = performance.now();
  document.getElementById('stop').click();
});
await waitState('error', 2000);
const latency = await page.evaluate(() => window.__stoppedAt - window.__t0);
check('Stop within 100 ms', latency < 100, `${latency.toFixed(1)} ms`);
const out2 = await output();
check('KeyboardInterrupt shown', out2.includes('KeyboardInterrupt'), JSON.stringify(out2.slice(-80)));

// 3. input() reads a line typed in the console; the VM is usable after Stop.
await setSource('name = input("name? ")\nprint("hello", name)\n');
await page.click('#run');
await waitState('input');
await page.focus('.xterm-helper-textarea');
await page.keyboard.type('bob');
await page.keyboard.press('Enter');
await waitState('done');
const out3 = await output();
check('input() answered', out3.includes('name? bob') && out3.includes('hello bob'), JSON.stringify(out3));

// 4. A syntax error marks its line; so does a runtime error.
await setSource('x = 1\ny = (\nz = 3\n');
await page.click('#run');
await waitState('error');
check('SyntaxError shown', (await output()).includes('SyntaxError'));
check('syntax error line marked', (await page.getAttribute('#editor', 'data-error-line')) === '2'
  && (await page.locator('.cm-error-line').count()) === 1);
check('cursor put at the error column', (await page.getAttribute('#editor', 'data-error-column')) === '5');
await setSource('a = 1\nb = 2\nc = a / 0\n');
await page.click('#run');
await waitState('error');
check('runtime error line marked', (await page.getAttribute('#editor', 'data-error-line')) === '3'
  && (await output()).includes('ZeroDivisionError'));

// 5. A flood of output does not freeze the page; the console keeps the tail.
await setSource('for i in range(200000):\n    print(i)\n');
await page.click('#run');
let worst = 0;
for (let i = 0; i < 20 && (await state()) !== 'done'; i++) {
  const t = Date.now();
  await page.evaluate(() => 1);
  worst = Math.max(worst, Date.now() - t);
  await page.waitForTimeout(100);
}
await waitState('done', 60000);
const out5 = await output();
check('page responsive during output flood', worst < 250, `${worst} ms`);
check('console keeps the tail', out5.includes('199999') && out5.split('\n').length <= 1001);

// 6. Buttons: pressing button A (GP14) reads 0.
await setSource('from machine import Pin\nimport time\nb = Pin(14, Pin.IN, Pin.PULL_UP)\nwhile b.value():\n    time.sleep_ms(10)\nprint("pressed")\n');
await page.click('#run');
await page.waitForTimeout(300);
await page.dispatchEvent('#btn-14', 'pointerdown');
await waitState('done', 3000).catch(() => {});
await page.dispatchEvent('#btn-14', 'pointerup');
check('button press seen by the program', (await output()).includes('pressed'));
await page.screenshot({ path: `${process.env.SHOTS ?? '.'}/playground-end.png` });

// 7. The REPL: after a program it works in the program's globals.
await setSource('greeting = "hi"\n');
await page.click('#run');
await waitState('done');
await page.focus('.xterm-helper-textarea');
// Type a line and Enter; wait for the next prompt.
const line = async (text) => {
  const before = (await output()).length;
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction(([n]) => {
    const o = window.__ferrite.output();
    return o.length > n && (o.endsWith('\n>>> ') || o.endsWith('\n... '));
  }, [before + text.length], { timeout: 5000 });
  return (await output()).slice(before);
};
await line('x = 6*7');
check('REPL expression echo', (await line('x')).endsWith('x\n42\n>>> '), JSON.stringify(await output()));
check('REPL sees the program\'s globals', (await line('greeting')) === "greeting\n'hi'\n>>> ");
await line('for i in range(2):');
await line('    print(i * 10)');
const block = await line('');
check('REPL two-line for block', (await output()).includes('>>> for i in range(2):\n...     print(i * 10)\n... \n0\n10\n>>> '),
  JSON.stringify(block));
await page.keyboard.type('abc');
await page.keyboard.press('Control+C');
await page.waitForFunction(() => window.__ferrite.output().endsWith('>>> abc\nKeyboardInterrupt\n>>> '), null, { timeout: 2000 })
  .then(() => check('Ctrl-C at the prompt', true), async () => check('Ctrl-C at the prompt', false, JSON.stringify((await output()).slice(-60))));
// Tab completes the unique candidate; Up recalls the last line.
await page.keyboard.type('gree');
await page.keyboard.press('Tab');
await page.waitForTimeout(200);
check('Tab completion', (await line('')).startsWith("greeting\n'hi'\n"));
await page.keyboard.press('ArrowUp');
check('Up recalls the last line', (await line('')).startsWith("greeting\n'hi'\n"));
// A REPL statement drives the board, sleeps, and stops on Ctrl-C.
await line('from machine import Pin; import time');
await line('Pin(2, Pin.OUT).on()');
check('REPL lights an LED', ((await page.getAttribute('#led-2', 'class')) ?? '').includes('on'));
await page.keyboard.type('while True: time.sleep_ms(10)');
await page.keyboard.press('Enter');
await page.keyboard.press('Enter');
await waitState('sleeping', 3000).catch(() => {});
check('REPL statement runs', ['running', 'sleeping'].includes(await state()), await state());
await page.keyboard.press('Control+C');
await waitState('ready', 3000).catch(() => {});
check('Ctrl-C interrupts a REPL statement', (await output()).endsWith('KeyboardInterrupt\n>>> '), JSON.stringify((await output()).slice(-60)));
// A pasted block runs line by line, as typed.
await page.evaluate((text) => {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  document.querySelector('.xterm-helper-textarea').dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
}, 'def f(n):\n    return n + 1\n\nprint(f(41), x)\n');
await page.waitForFunction(() => window.__ferrite.output().endsWith('42 42\n>>> '), null, { timeout: 5000 })
  .then(() => check('pasted lines', true), async () => check('pasted lines', false, JSON.stringify((await output()).slice(-120))));
// Editing inside a line, also one longer than the console is wide.
await page.keyboard.type('print(12)');
await page.keyboard.press('ArrowLeft');
await page.keyboard.press('ArrowLeft');
const mid = await line('3');
check('insert in the middle of a line', mid.startsWith('print(132)\n132\n'), JSON.stringify(mid));
const long = 'len("' + 'a'.repeat(100) + '")';
await page.keyboard.type(long);
await page.keyboard.press('Home');
await page.keyboard.type('-');
await page.keyboard.press('End');
await page.keyboard.press('Backspace');
const wrapped = await line('+"b")');
check('editing a wrapped line', wrapped.startsWith('-len("' + 'a'.repeat(100) + '"+"b")\n-101\n'), JSON.stringify(wrapped));
await page.screenshot({ path: `${process.env.SHOTS ?? '.'}/playground-repl-edit.png` });
// Several candidates are listed; the line and its cursor stay.
await line('apple = 1; apricot = 2');
await page.keyboard.type('ap + 0');
for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
await page.keyboard.press('Tab');
await page.waitForFunction(() => /apple +apricot/.test(window.__ferrite.output()), null, { timeout: 2000 }).catch(() => {});
await line('ple');
check('Tab lists the candidates', />>> ap \+ 0\napple +apricot\n>>> apple \+ 0\n1\n>>> $/.test(await output()), JSON.stringify((await output()).slice(-60)));
// input() in a REPL statement reads the console as in a program.
await page.keyboard.type("name = input('who? ')");
await page.keyboard.press('Enter');
await waitState('input', 3000).catch(() => {});
await line('ann');
check('input() in the REPL', (await line('name')).endsWith("name\n'ann'\n>>> "));
// The Stop button stops a REPL statement too; Ctrl-D on an empty line is a soft reset.
await page.keyboard.type('while True: pass');
await page.keyboard.press('Enter');
await page.keyboard.press('Enter');
await waitState('running', 3000).catch(() => {});
await page.click('#stop');
await waitState('ready', 3000).catch(() => {});
check('Stop interrupts a REPL statement', (await output()).endsWith('KeyboardInterrupt\n>>> '));
await page.focus('.xterm-helper-textarea');
await page.keyboard.press('Control+D');
await page.waitForTimeout(200);
check('Ctrl-D soft reset forgets the globals', (await line('x')).includes('NameError'),
  JSON.stringify((await output()).slice(-80)));
// Keys typed while a REPL statement runs wait for the next prompt; keys
// typed while a program runs (without input()) do not reach the REPL.
await line('import time');
await page.keyboard.type('time.sleep_ms(300)');
await page.keyboard.press('Enter');
await page.keyboard.type('7*6');
await page.keyboard.press('Enter');
await page.waitForFunction(() => window.__ferrite.output().endsWith('>>> 7*6\n42\n>>> '), null, { timeout: 3000 })
  .then(() => check('type-ahead during a REPL statement', true),
    async () => check('type-ahead during a REPL statement', false, JSON.stringify((await output()).slice(-60))));
await setSource('import time\ntime.sleep(0.3)\nprint("end")\n');
await page.click('#run');
await page.focus('.xterm-helper-textarea');
await page.keyboard.type('zzz');
await waitState('done');
check('typing during a program does not reach the REPL', (await line('1')) === '1\n1\n>>> ', JSON.stringify((await output()).slice(-40)));
await page.screenshot({ path: `${process.env.SHOTS ?? '.'}/playground-repl.png` });

await browser.close();
console.log(failed ? `e2e: ${failed} FAILED` : 'e2e: all passed');
process.exit(failed ? 1 : 0);
