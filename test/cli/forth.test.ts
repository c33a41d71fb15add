/**
 * `sidecar forth` and `sidecar repl` as a user runs them: the built CLI in
 * child processes with real sidecars. The REPL is driven through piped
 * standard input (readline reads it line by line) and, where `script`
 * (util-linux) is installed, through a pseudo-terminal for what only a
 * terminal has: Ctrl-C as a key, Tab, the history file.
 */

import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { caretLine, culprit } from '../../src/cli/forth.js';
import { completeWord, HISTORY_SIZE, historyPath, loadHistory, okText, saveHistory } from '../../src/cli/repl.js';
import { CLI, ROOT, runCli } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';

const root = ROOT;
const cli = CLI;
const cache = tmpDir('sidecar-forth-cache-');
const env = { ...process.env, SIDECAR_CACHE: cache, SIDECAR_HISTORY: '' };
const LONG = { timeout: 120_000 };

/** Runs the CLI to the end. */
function sidecar(args: string[], opts: { input?: string; cwd?: string } = {}) {
  return runCli(args, { env, input: opts.input ?? '', cwd: opts.cwd ?? root, timeout: 100_000 });
}

/** A running child whose output is read as it comes. */
class Child {
  readonly proc: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  /** Where stdout stood when the process exited (null while it runs). */
  stdoutAtExit: string | null = null;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #wake: (() => void)[] = [];

  /** What waitFor matches against (a terminal's output without its control sequences). */
  readonly #view: (s: string) => string;

  constructor(cmd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}, view = (s: string) => s) {
    this.#view = view;
    this.proc = spawn(cmd, args, { env: { ...env, ...extraEnv }, cwd: root });
    this.proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      this.stdout += d;
      this.#notify();
    });
    this.proc.stderr.setEncoding('utf8').on('data', (d: string) => {
      this.stderr += d;
      this.#notify();
    });
    this.exited = new Promise((res) =>
      this.proc.on('exit', (code, signal) => {
        this.stdoutAtExit = this.stdout;
        this.#notify();
        res({ code, signal });
      }),
    );
  }

  #notify(): void {
    for (const w of this.#wake.splice(0)) w();
  }

  /**
   * Waits until `stream` matches; fails, showing what came, when the process
   * exits first or nothing matches for a long while (a hang, not a speed test).
   */
  async waitFor(stream: 'stdout' | 'stderr', re: RegExp): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!re.test(this.#view(this[stream]))) {
      const why = this.stdoutAtExit !== null ? 'exited' : Date.now() > deadline ? 'still waiting' : null;
      if (why) {
        this.proc.kill('SIGKILL');
        assert.fail(
          `${why}: ${stream} did not match ${re}\nstdout: ${JSON.stringify(this.stdout)}\nstderr: ${this.stderr}`,
        );
      }
      await new Promise<void>((res) => {
        this.#wake.push(res);
        setTimeout(res, 1000);
      });
    }
  }

  write(text: string): void {
    this.proc.stdin.write(text);
  }
}

const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));

const hasDevFull = existsSync('/dev/full');

/** Runs the CLI with standard output on /dev/full, where every write fails with ENOSPC. */
function toDevFull(args: string[], input = '') {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env,
      input,
      cwd: root,
      stdio: ['pipe', fd, 'pipe'],
      timeout: 100_000,
    });
    return { status: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

function cliChild(...args: string[]): Child {
  return new Child(process.execPath, [cli, ...args]);
}

describe('sidecar forth', () => {
  const dir = tmpDir('sidecar-forth-');
  writeFileSync(join(dir, 'a.fs'), '." a" cr\n: twice ( n -- 2n ) 2 * ;\n');
  writeFileSync(join(dir, 'c.fs'), '\\ uses what a.fs and -e defined\n21 twice . b cr\n');
  writeFileSync(join(dir, 'bad.fs'), '1 .\n: bad\n  nope ;\n." not reached"\n');

  const forth = (args: string[], opts: { input?: string; cwd?: string } = {}) => sidecar(['forth', ...args], opts);

  it('runs files and -e code in the order given, in one Forth', LONG, () => {
    const r = forth(['a.fs', '-e', ': b ." b" ;', '-e', 'b cr', 'c.fs'], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'a\nb\n42 b\n');
    assert.equal(forth(['--eval', '1 2 + . cr']).stdout, '3 \n');
    assert.equal(forth(['--eval=7 . cr']).stdout, '7 \n');
  });

  it('reads the program from standard input for -', LONG, () => {
    const r = forth(['-', '-e', '." !" cr'], { input: ': sq dup * ;\n12 sq .\n' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '144 !\n');
  });

  it('stops at an uncaught error: status 1, FILE:LINE, the line and a caret on stderr', LONG, () => {
    const r = forth(['a.fs', 'bad.fs', '-e', '." after" cr'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, 'a\n1 '); // what ran before the error, and nothing after
    assert.equal(r.stderr, 'bad.fs:3: Undefined word: nope\n  nope ;\n  ^^^^\n');
    const m = forth(['-e', '1 .', '-e', '2 0 @ 3']);
    assert.equal(m.status, 1);
    assert.equal(m.stderr, '-e#2:1: Invalid memory address 0x0\n2 0 @ 3\n    ^\n');
    const u = forth(['-e', 'drop']);
    assert.equal(u.status, 1);
    assert.match(u.stderr, /^-e:1: Stack underflow\n/);
  });

  it('reports an input that ends inside a definition', LONG, () => {
    const r = forth(['-e', ': half 2 /']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /ended inside a definition/);
    assert.equal(forth(['-e', ': half', '-e', '2 / ; 10 half . cr']).stdout, '5 \n');
  });

  it('ends at BYE with status 0', LONG, () => {
    const r = forth(['-e', '." a" cr bye ." b"', '-e', '." c"']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'a\n');
  });

  it('gives ACCEPT and KEY the standard input', LONG, () => {
    const r = forth(['-e', ': line pad 80 accept pad swap type ." |" cr ; line line key . key . cr'], {
      input: 'hello\nworld\nxy',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'hello|\nworld|\n120 121 \n');
    const eof = forth(['-e', 'key . pad 10 accept . cr'], { input: '' });
    assert.equal(eof.stdout, '-1 0 \n');
  });

  it('streams output: what a word printed arrives while it still runs', LONG, async () => {
    // Deterministic: the word waits for a key that is sent only once its first line has arrived.
    const c = cliChild('forth', '-e', '." first" cr key drop ." second" cr');
    await c.waitFor('stdout', /first\n/);
    assert.equal(c.stdout, 'first\n');
    c.write('x');
    await c.waitFor('stdout', /second\n/);
    assert.deepEqual(await c.exited, { code: 0, signal: null });
    // And with a pause in the middle: the first part comes before the process ends.
    const s = cliChild('forth', '-e', '." before" cr 500 ms ." after" cr');
    await s.waitFor('stdout', /before\n/);
    assert.equal(s.stdoutAtExit, null, 'the first part arrived only at the end');
    assert.doesNotMatch(s.stdout, /after/);
    assert.deepEqual(await s.exited, { code: 0, signal: null });
    assert.equal(s.stdout, 'before\nafter\n');
  });

  it('stops a running word on SIGINT (THROW -28) and exits with 130', LONG, async () => {
    const c = cliChild('forth', '-e', ': spin ." spinning" cr begin again ;', '-e', 'spin');
    await c.waitFor('stdout', /spinning\n/);
    c.proc.kill('SIGINT');
    assert.deepEqual(await c.exited, { code: 130, signal: null });
    assert.match(c.stderr, /^-e#2:1: User interrupt\nspin\n\^\^\^\^\n$/);
  });

  it('reports output it cannot write (not EPIPE) with status 1 and no stack trace', {
    ...LONG,
    skip: hasDevFull ? false : 'no /dev/full',
  }, () => {
    for (const code of ['." hi" cr', ': many 100000 0 do i . cr loop ; many']) {
      const r = toDevFull(['forth', '-e', code]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, 'sidecar forth: cannot write standard output: ENOSPC: no space left on device, write\n');
    }
  });

  it('refuses usage mistakes with status 2, a missing file with 1', LONG, () => {
    const none = forth([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /nothing to run[\s\S]*usage: sidecar forth/);
    const opt = forth(['-x']);
    assert.equal(opt.status, 2);
    assert.match(opt.stderr, /unknown option '-x'/);
    assert.equal(forth(['-e']).status, 2);
    const missing = forth(['no-such-file.fs']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no-such-file\.fs/);
    const help = spawnSync(process.execPath, [cli, 'help'], { encoding: 'utf8', env });
    assert.match(help.stdout, /^ {2}forth +run Forth files/m);
    assert.match(help.stdout, /^ {2}repl +an interactive Forth prompt/m);
  });
});

describe('error display', () => {
  it('puts the caret under the word the interpreter stopped at', () => {
    // The session's column is the input position after the word and its delimiter.
    assert.deepEqual(culprit('3 nope 4', 7), { start: 2, end: 6 });
    assert.deepEqual(culprit('nope', 4), { start: 0, end: 4 });
    assert.equal(caretLine('3 nope 4', 7), '  ^^^^');
    assert.equal(caretLine('\t\tdup', 5), '\t\t^^^');
    assert.equal(caretLine('é nope', 8), '  ^^^^'); // the column counts bytes
    assert.equal(caretLine('   ', 2), null);
  });
});

describe('repl helpers', () => {
  const words = ['DUP', 'DUMP', 'DROP', 'dup-twice', '2DUP', 'SWAP'];

  it('completes the last word, case-insensitively, in the case typed', () => {
    assert.deepEqual(completeWord('1 du', words), [['dump', 'dup', 'dup-twice'], 'du']);
    assert.deepEqual(completeWord('1 DU', words), [['DUMP', 'DUP', 'dup-twice'], 'DU']);
    assert.deepEqual(completeWord('1 sw', words), [['swap '], 'sw']);
    assert.deepEqual(completeWord('1 2d', words), [['2dup '], '2d']);
    assert.deepEqual(completeWord('1 ', words), [[], '']);
    assert.deepEqual(completeWord('xyz', words), [[], 'xyz']);
  });

  it('answers ok with the stack depths', () => {
    assert.equal(okText(0, 0), ' ok');
    assert.equal(okText(2, 0), ' ok 2');
    assert.equal(okText(0, 1), ' ok f:1');
    assert.equal(okText(3, 2), ' ok 3 f:2');
  });

  it('keeps the history in a private file, the newest lines, oldest first', () => {
    assert.equal(historyPath({ SIDECAR_HISTORY: '' }), null);
    assert.equal(historyPath({ SIDECAR_HISTORY: '/x/h' }), '/x/h');
    assert.equal(historyPath({ XDG_STATE_HOME: '/st' }), '/st/sidecar/history');
    const file = join(tmpDir(), 'deep', 'history');
    assert.deepEqual(loadHistory(file), []);
    const lines = Array.from({ length: HISTORY_SIZE + 5 }, (_, k) => `line ${k}`);
    saveHistory(file, [...lines].reverse());
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(dirname(file)).mode & 0o777, 0o700);
    const text = readFileSync(file, 'utf8').split('\n');
    assert.equal(text[0], 'line 5');
    assert.equal(text[HISTORY_SIZE - 1], `line ${HISTORY_SIZE + 4}`);
    const back = loadHistory(file);
    assert.equal(back.length, HISTORY_SIZE);
    assert.equal(back[0], `line ${HISTORY_SIZE + 4}`);
  });
});

describe('sidecar repl (piped input)', () => {
  it('answers ok and compiled, keeps state across lines, goes on after an error, ends at bye', LONG, () => {
    const input = [': sq', '  dup * ;', '3 sq .', '1 2', '.s', '3 nope 4', '2 3 + .', '1e', 'bye', '." not run"', ''];
    const r = sidecar(['repl'], { input: input.join('\n') });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, ' compiled\n ok\n9  ok\n ok 2\n<2> 1 2  ok 2\n5  ok\n ok f:1\n');
    assert.equal(r.stderr, '3 nope 4\n  ^^^^ Undefined word: nope\n');
  });

  it('reports output it cannot write (not EPIPE) with status 1 and no stack trace', {
    ...LONG,
    skip: hasDevFull ? false : 'no /dev/full',
  }, () => {
    const r = toDevFull(['repl'], '1 2 + .\n3 4 + .\n');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, 'sidecar repl: cannot write standard output: ENOSPC: no space left on device, write\n');
  });

  it('ends at the end of the input', LONG, () => {
    const r = sidecar(['repl'], { input: '1 2 + .\n: unfinished\n' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '3  ok\n compiled\n');
    assert.equal(sidecar(['repl', 'extra']).status, 2);
  });

  it('turns SIGINT into an interrupt of the running word; the sidecar and its state stay', LONG, async () => {
    const c = cliChild('repl');
    c.write(': spin ." spinning" cr begin again ;\nspin\n');
    await c.waitFor('stdout', /spinning\n/);
    c.proc.kill('SIGINT');
    await c.waitFor('stderr', /User interrupt/);
    assert.equal(c.stderr, 'spin\n^^^^ User interrupt\n');
    c.write('1 2 + .\n');
    await c.waitFor('stdout', /3 {2}ok\n/);
    c.write('spin\n'); // still defined: same sidecar, same Forth
    await c.waitFor('stdout', /spinning\n[\s\S]*spinning\n/);
    c.proc.kill('SIGINT');
    await c.waitFor('stderr', /User interrupt[\s\S]*User interrupt/);
    c.write('bye\n');
    assert.deepEqual(await c.exited, { code: 0, signal: null });
    assert.doesNotMatch(c.stderr, /new sidecar/);
  });

  it('starts a new sidecar when the old one dies, and says the Forth state is lost', LONG, async () => {
    const c = cliChild('repl');
    c.write(': sq dup * ;\nLIBRARY libc.so.6\nEXTERN: void abort( )\nabort\n');
    await c.waitFor('stderr', /state .* is lost/);
    assert.match(c.stderr, /the sidecar was killed by SIGABRT/);
    c.write('3 sq .\n2 3 + .\nbye\n');
    assert.deepEqual(await c.exited, { code: 0, signal: null });
    assert.match(c.stderr, /Undefined word: sq/);
    assert.match(c.stdout, /5 {2}ok\n$/);
  });
});

/**
 * What a terminal shows after `text`: enough of one to follow what readline
 * writes (CR, LF, cursor up, cursor to column, erase below/right). Rows are
 * joined with newlines, trailing blanks removed.
 */
function screen(text: string): string {
  const rows: string[] = [''];
  let row = 0;
  let col = 0;
  const token = new RegExp(
    `${String.fromCharCode(27)}\\[([0-9;]*)([A-Za-z])|\r|\n|[^\r\n${String.fromCharCode(27)}]`,
    'gu',
  );
  for (const m of text.matchAll(token)) {
    const t = m[0];
    const line = rows[row] ?? '';
    if (t === '\r') col = 0;
    else if (t === '\n') {
      row++;
      col = 0;
      rows[row] ??= '';
    } else if (m[2] !== undefined) {
      const n = Number(m[1] || '1');
      if (m[2] === 'A') row = Math.max(0, row - n);
      else if (m[2] === 'G') col = n - 1;
      else if (m[2] === 'J') rows.splice(row, rows.length, line.slice(0, col));
      else if (m[2] === 'K') rows[row] = line.slice(0, col);
    } else {
      rows[row] = line.padEnd(col).slice(0, col) + t + line.slice(col + 1);
      col++;
    }
  }
  return rows.map((r) => r.trimEnd()).join('\n');
}
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('sidecar repl (terminal)', { skip: hasScript ? false : 'script (util-linux) is not installed' }, () => {
  /** The REPL on a pseudo-terminal made by script(1); keys are written one chunk at a time. */
  function terminal(history: string): Child {
    return new Child(
      'script',
      ['-qfec', `'${process.execPath}' '${cli}' repl`, '/dev/null'],
      { SIDECAR_HISTORY: history },
      screen,
    );
  }

  it('answers on the line typed, completes words, interrupts on Ctrl-C, keeps history', LONG, async () => {
    const history = join(tmpDir(), 'history');
    const t = terminal(history);
    await t.waitFor('stdout', /bye or Ctrl-D leaves/);
    t.write(': square dup * ;\r');
    await t.waitFor('stdout', /square dup \* ;\s+ok/);
    // gforth style: the output and ok on the line typed
    t.write('7 square .\r');
    await t.waitFor('stdout', /^7 square \. 49 {2}ok$/m);
    // Tab completes a word (defined in this session; in the case typed)
    t.write('3 squ');
    await t.waitFor('stdout', /^3 squ$/m);
    t.write('\t');
    await t.waitFor('stdout', /^3 square$/m);
    t.write('.\r');
    await t.waitFor('stdout', /^3 square \. 9 {2}ok$/m);
    // Two tabs list the candidates (written apart: a chunk with several keys is a paste, no completion)
    t.write('DU');
    await t.waitFor('stdout', /^DU$/m);
    t.write('\t');
    await pause(300);
    t.write('\t');
    await t.waitFor('stdout', /DUMP/);
    // Ctrl-C clears the line being edited
    t.write('\x03');
    await t.waitFor('stdout', /^DU\^C$/m);
    // Ctrl-C stops a running word; the prompt comes back, the definitions stay
    t.write(': spin ." spinning" cr begin again ;\r');
    await t.waitFor('stdout', /again ;\s+ok/);
    t.write('spin\r');
    await t.waitFor('stdout', /^spin spinning$/m);
    t.write('\x03');
    await t.waitFor('stdout', /User interrupt/);
    t.write('5 square .\r');
    await t.waitFor('stdout', /^5 square \. 25 {2}ok$/m);
    t.write('bye\r');
    assert.equal((await t.exited).code, 0);
    const saved = [': square dup * ;', '7 square .', '3 square .', ': spin ." spinning" cr begin again ;', 'spin'];
    assert.equal(readFileSync(history, 'utf8'), `${[...saved, '5 square .', 'bye'].join('\n')}\n`);

    // A new session has the history: Up recalls the lines of the last one (in a new Forth)
    const u = terminal(history);
    await u.waitFor('stdout', /bye or Ctrl-D leaves/);
    u.write(': square dup dup * * ;\r');
    await u.waitFor('stdout', /\* \* ;\s+ok/);
    u.write('\x1b[A');
    await u.waitFor('stdout', /\n: square dup dup \* \* ;$/);
    u.write('\x1b[A');
    await u.waitFor('stdout', /\nbye$/);
    u.write('\x1b[A');
    await u.waitFor('stdout', /\n5 square \.$/);
    u.write('\r');
    await u.waitFor('stdout', /^5 square \. 125 {2}ok$/m);
    // Ctrl-C twice on an empty line leaves
    u.write('\x03');
    await u.waitFor('stdout', /To leave/);
    u.write('\x03');
    assert.equal((await u.exited).code, 0);
  });
});
