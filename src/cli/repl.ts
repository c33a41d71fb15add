/**
 * `sidecar repl`: an interactive Forth prompt in a sidecar, with the feel
 * of a classic Forth (gforth): no prompt string, the output and ` ok` on the
 * line just typed, ` compiled` while a definition spans lines.
 *
 * Each line is one evaluation; the Forth state (dictionary, stacks, STATE)
 * persists between them. Output is written as it arrives. Ctrl-C while a
 * word runs interrupts it (THROW -28) and the sidecar stays; if the sidecar
 * dies all the same (a C call crashed it), a new one is started and the
 * user is told that the Forth state is gone. History is kept in a file;
 * Tab completes dictionary words.
 *
 * On a terminal, readline keeps the terminal in raw mode throughout, so
 * Ctrl-C arrives as a key (never as a signal to the sidecar, which shares
 * the terminal's process group). With piped input (scripts, tests) the same
 * lines run, without echo, prompt or completion; a SIGINT sent to the
 * process does what Ctrl-C does.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { THROW } from '../forth/layout.js';
import { ForthError, type ForthSession } from '../forth/session.js';
import { writeFileAtomic } from '../host/build/cache.js';
import { type ExitInfo, SidecarError, SidecarExitedError } from '../host/errors.js';
import '../forth/methods.js';
import { Sidecar } from '../host/sidecar.js';
import { type Command, keepingAlive, UsageError } from './command.js';
import { errorCaret, forthMessage, Out } from './forth.js';

/** Lines of history kept. */
export const HISTORY_SIZE = 1000;

const usage = `usage: sidecar repl

An interactive Forth prompt in a sidecar. Type Forth; each line is
evaluated when you press Enter and answered with ' ok' (and the stack depth
when it is not empty, e.g. ' ok 2', floats as f:N), or ' compiled' while a
definition continues on the next line.

  Tab            completes a dictionary word (twice: lists the candidates)
  Up/Down        history, kept between sessions
  Ctrl-C         stops the running word (THROW -28); at the prompt: clears the
                 line, abandons a definition in progress; twice on an empty
                 line: leave
  Ctrl-D, bye    leave

An error shows the line and a caret under the word where it happened; the
Forth state stays. If the sidecar itself dies (a crash in a C function, or
killed), a new one is started: the Forth state is lost then.

History file: $SIDECAR_HISTORY (empty: no history), else
$XDG_STATE_HOME/sidecar/history, else ~/.local/state/sidecar/history
(the last ${HISTORY_SIZE} lines).

With piped input the lines run one after another, without prompt or echo;
the session ends at the end of the input or at BYE.
`;

/** Where the history is kept: null for none. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env['SIDECAR_HISTORY'];
  if (explicit !== undefined) return explicit === '' ? null : explicit;
  const state = env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state');
  return path.join(state, 'sidecar', 'history');
}

/** The saved history, newest first (as readline takes it). */
export function loadHistory(file: string | null): string[] {
  if (file === null) return [];
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    return lines
      .filter((l) => l.trim() !== '')
      .slice(-HISTORY_SIZE)
      .reverse();
  } catch {
    return [];
  }
}

/** Writes the history (newest first, as readline keeps it) oldest line first; private to the user. */
export function saveHistory(file: string, newestFirst: readonly string[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = newestFirst.slice(0, HISTORY_SIZE).reverse().join('\n');
  writeFileAtomic(file, text === '' ? '' : `${text}\n`, 0o600);
}

/**
 * Completions of the last word of `line` among `words`: case-insensitive
 * prefix match; shown in lower case when the word typed has no capitals;
 * a single match gets a space after it.
 */
export function completeWord(line: string, words: readonly string[]): [string[], string] {
  const token = /\S*$/.exec(line)?.[0] ?? '';
  if (token === '') return [[], token];
  const lower = token.toLowerCase();
  const asTyped = token === lower ? (w: string) => w.toLowerCase() : (w: string) => w;
  const hits = [...new Set(words.filter((w) => w.toLowerCase().startsWith(lower)).map(asTyped))].sort();
  if (hits.length === 1) return [[`${hits[0]} `], token];
  return [hits, token];
}

/** ' ok', with the stack depths when they are not zero. */
export function okText(depth: number, fdepth: number): string {
  return ` ok${depth > 0 ? ` ${depth}` : ''}${fdepth > 0 ? ` f:${fdepth}` : ''}`;
}

/** How long after an evaluation is sent an interrupt waits (see #sendInterrupt). */
const INTERRUPT_GRACE_MS = 50;

/** A line waiting to run; `fresh` when its echo is the last thing on the terminal. */
interface Pending {
  text: string;
  fresh: boolean;
}

class Repl {
  readonly #rl: readline.Interface;
  readonly #tty: boolean;
  readonly #history: string | null;
  #sc: Sidecar | null = null;
  #session: ForthSession | null = null;
  readonly #queue: Pending[] = [];
  /** The queue is being worked on (an evaluation, a boot, a restart). */
  #busy = false;
  /** A line's evaluation is in flight (Ctrl-C interrupts it). */
  #running = false;
  #interrupts = 0;
  #runningSince = 0;
  /** Output of the line being evaluated. */
  #output: LineOutput | null = null;
  /** The last key was a Ctrl-C at an empty prompt (the next one leaves). */
  #armedExit = false;
  #compiling = false;
  #words: string[] = [];
  #wordsStale = true;
  /** Set when the session is ending; the exit status. */
  #status: number | null = null;
  #done: (status: number) => void = () => {};
  #historyWarned = false;
  /** The sidecar exited (how): a restart is due. */
  #dead: SidecarError | null = null;
  #stopping = false;
  /** Ctrl-D, the end of piped input, or the session ending. */
  #inputClosed = false;
  /** Standard output failed (not EPIPE): the exit status is 1 at least. */
  #writeFailed = false;

  constructor() {
    this.#tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    this.#history = this.#tty ? historyPath() : null;
    this.#rl = readline.createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: this.#tty,
      prompt: '',
      history: loadHistory(this.#history),
      historySize: HISTORY_SIZE,
      removeHistoryDuplicates: true,
      completer: (line: string, cb: (err: null, result: [string[], string]) => void) => {
        this.#completions(line).then((r) => cb(null, r));
      },
    });
  }

  /** Runs the session; resolves to the exit status. */
  run(): Promise<number> {
    const finished = new Promise<number>((res) => {
      this.#done = res;
    });
    const rl = this.#rl;
    rl.on('line', (text) => this.#onLine(text));
    rl.on('close', () => {
      // Ctrl-D or the end of piped input: leave once the lines read have run.
      this.#inputClosed = true;
      if (!this.#busy) this.#finish(0, true);
    });
    process.stdout.on('error', this.#onStdoutError);
    rl.on('SIGINT', () => this.#onInterrupt());
    rl.on('history', (h: string[]) => this.#saveHistory(h));
    process.on('SIGINT', this.#onSignal);
    if (this.#tty) {
      process.stdin.on('keypress', this.#onKeypress);
      this.#say('Sidecar Forth: Tab completes a word, Ctrl-C stops a running word, bye or Ctrl-D leaves.\n');
    }
    this.#busy = true;
    this.#start().then(
      () => this.#kick(),
      (e: unknown) => {
        process.stderr.write(`sidecar repl: ${(e as Error).message}\n`);
        this.#finish(1);
      },
    );
    return finished;
  }

  readonly #onSignal = (): void => this.#onInterrupt();

  /**
   * Output that cannot be written ends the session: quietly when the reader
   * went away (| head), with a message and status 1 otherwise (a full disk).
   */
  readonly #onStdoutError = (e: NodeJS.ErrnoException): void => {
    if (this.#writeFailed) return;
    if (e.code !== 'EPIPE') {
      this.#writeFailed = true;
      process.stderr.write(`sidecar repl: cannot write standard output: ${e.message}\n`);
    }
    this.#finish(0);
  };

  readonly #onKeypress = (_s: string, key: { ctrl?: boolean; name?: string } | undefined): void => {
    if (!(key?.ctrl && key.name === 'c')) this.#armedExit = false;
  };

  /** Starts the sidecar and boots Forth in it. */
  async #start(): Promise<void> {
    const sc = await Sidecar.start({ stdin: 'ignore' });
    this.#sc = sc;
    this.#session = sc.forthSession();
    sc.on('exit', (info: ExitInfo) => {
      if (this.#stopping) return;
      this.#dead = new SidecarExitedError(info);
      // Died while idle (killed from outside): say so now, not at the next line.
      if (!this.#busy) {
        this.#busy = true;
        if (this.#tty) {
          readline.clearLine(process.stdout, 0);
          readline.cursorTo(process.stdout, 0);
        }
        this.#kick();
      }
    });
    await this.#boot();
  }

  async #boot(): Promise<void> {
    const r = await (this.#session as ForthSession).eval('');
    this.#compiling = r.compiling;
    await this.#refreshWords();
  }

  #onLine(text: string): void {
    this.#armedExit = false;
    // Decide freshness after readline has taken in everything that came with
    // this line (a paste brings many lines at once).
    this.#queue.push({ text, fresh: this.#tty && !this.#busy });
    if (this.#queue.length > 1) for (const p of this.#queue) p.fresh = false;
    if (!this.#busy) {
      this.#busy = true;
      setImmediate(() => this.#kick());
    }
  }

  /** Works through the queue; a failure of the REPL itself ends it (status 70, as the dispatcher does). */
  #kick(): void {
    this.#next().catch((e: unknown) => {
      process.stderr.write(`sidecar repl: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      this.#finish(70);
    });
  }

  /** Works through the queue, then shows the prompt. */
  async #next(): Promise<void> {
    while (this.#status === null) {
      if (this.#dead) await this.#restart(this.#dead);
      const p = this.#queue.shift();
      if (p === undefined) break;
      await this.#evalLine(p);
    }
    this.#busy = false;
    if (this.#status !== null) return;
    if (this.#inputClosed) {
      this.#finish(0, true);
      return;
    }
    if (this.#tty) this.#rl.prompt(true);
  }

  async #evalLine(p: Pending): Promise<void> {
    const session = this.#session as ForthSession;
    const out = new LineOutput();
    this.#output = out;
    if (p.fresh) {
      // Back onto the line just entered (readline has moved below it), as gforth does.
      const width = [...p.text].length;
      const columns = process.stdout.columns || 80;
      if (width + 1 < columns) {
        process.stdout.write(`\x1b[1A\x1b[${width + 1}G `);
        out.backOnInputLine();
      }
    }
    this.#running = true;
    this.#runningSince = performance.now();
    this.#interrupts = 0;
    try {
      const r = await session.eval(p.text, { onOutput: (t) => out.write(t) });
      this.#wordsStale = true;
      this.#compiling = r.compiling;
      if (r.bye) {
        out.endLine();
        this.#finish(0);
        return;
      }
      out.write(r.compiling ? ' compiled\n' : `${okText(r.depth, r.fdepth)}\n`);
    } catch (e) {
      this.#wordsStale = true;
      if (e instanceof ForthError) {
        this.#compiling = false;
        this.#showError(e, out);
      } else if (e instanceof SidecarError) {
        out.endLine();
        await this.#restart(e);
      } else {
        throw e;
      }
    } finally {
      this.#running = false;
      this.#output = null;
    }
  }

  #showError(e: ForthError, out: LineOutput): void {
    const message = forthMessage(e);
    const caret = errorCaret(e);
    if (caret === null) {
      out.endLine();
      process.stderr.write(`${message}\n`);
    } else if (out.onInputLine && !out.printed) {
      // The line is right above: the caret goes under it.
      out.endLine();
      process.stderr.write(`${caret} ${message}\n`);
    } else {
      out.endLine();
      process.stderr.write(`${e.sourceLine}\n${caret} ${message}\n`);
    }
  }

  /** The sidecar died (how: `e`): start a new one and say what was lost. */
  async #restart(e: SidecarError): Promise<void> {
    const sc = this.#sc as Sidecar;
    this.#dead = null;
    if (this.#tty) this.#queue.length = 0; // typed ahead for the old state: dropped
    let what = e.message;
    if (this.#interrupts > 2) what = 'killed the sidecar: the word did not stop';
    else if (e instanceof SidecarExitedError) what = `the sidecar ${e.how}`;
    this.#say(`sidecar: ${what}.\n`);
    this.#say('Starting a new sidecar; the Forth state (definitions, variables, stacks) is lost.\n');
    try {
      if (!sc.running) await sc.restart();
      await this.#boot();
      this.#interrupts = 0;
    } catch (err) {
      process.stderr.write(`sidecar repl: the new sidecar did not start: ${(err as Error).message}\n`);
      this.#finish(1);
    }
  }

  /** Ctrl-C (a key on a terminal, SIGINT otherwise). */
  #onInterrupt(): void {
    if (this.#status !== null) return;
    const sc = this.#sc;
    if (this.#running && sc) {
      this.#interrupts++;
      if (this.#tty) this.#queue.length = 0; // typed ahead before the Ctrl-C: dropped
      if (this.#interrupts <= 2) this.#sendInterrupt(sc);
      if (this.#interrupts === 2) {
        this.#output?.endLine();
        this.#say(
          '(still running: a C function finishes before the interrupt takes effect; ' +
            'Ctrl-C once more kills the sidecar, and the Forth state with it)\n',
        );
      } else if (this.#interrupts > 2) {
        sc.kill();
      }
      return;
    }
    if (this.#busy) return; // booting or restarting
    const rl = this.#rl;
    if (rl.line !== '') {
      this.#clearLine();
      this.#armedExit = false;
      rl.prompt();
      return;
    }
    if (this.#compiling) {
      this.#clearLine();
      this.#busy = true;
      this.#abandonDefinition().then(() => this.#kick());
      return;
    }
    if (this.#armedExit) {
      this.#clearLine();
      this.#finish(0);
      return;
    }
    this.#armedExit = true;
    this.#clearLine();
    this.#say('(To leave, press Ctrl-C again, Ctrl-D, or type bye)\n');
    if (this.#tty) rl.prompt();
  }

  /**
   * SIGINT to the sidecar. Forth turns it into THROW -28 only once the
   * evaluation has begun there; one that arrives before is lost (and the
   * sidecar's handler is reset), so right after Enter it waits a moment.
   */
  #sendInterrupt(sc: Sidecar): void {
    const early = INTERRUPT_GRACE_MS - (performance.now() - this.#runningSince);
    const send = (): void => {
      if (this.#running && sc.running) sc.forthInterrupt();
    };
    if (early > 0) setTimeout(send, early);
    else send();
  }

  async #abandonDefinition(): Promise<void> {
    try {
      await (this.#session as ForthSession).eval(`[ ${THROW.userInterrupt} THROW`);
    } catch {
      // the THROW is the point: it ends the definition
    }
    this.#compiling = false;
    this.#wordsStale = true;
    this.#say('(definition abandoned; the stack is cleared)\n');
  }

  /** Ends the line being edited (with ^C shown), emptying readline's buffer. */
  #clearLine(): void {
    if (!this.#tty) return;
    const rl = this.#rl as readline.Interface & { clearLine?: () => void };
    process.stdout.write('^C');
    if (typeof rl.clearLine === 'function') {
      rl.clearLine(); // moves past the line, writes a newline, empties the buffer
    } else {
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      process.stdout.write('\n');
    }
  }

  /** A message of the REPL's own, on a line of its own even when the prompt line has text. */
  #say(text: string): void {
    process.stderr.write(text);
  }

  async #completions(line: string): Promise<[string[], string]> {
    if (this.#wordsStale && !this.#busy) await this.#refreshWords();
    return completeWord(line, this.#words);
  }

  async #refreshWords(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    this.#wordsStale = false;
    const words = await session.words();
    if (words.length > 0) this.#words = words;
  }

  #saveHistory(newestFirst: string[]): void {
    if (this.#history === null) return;
    try {
      saveHistory(this.#history, newestFirst);
    } catch (e) {
      if (!this.#historyWarned) {
        this.#historyWarned = true;
        this.#say(`(history not saved: ${(e as Error).message})\n`);
      }
    }
  }

  /** Ends the session with `status` (once): stops the sidecar, restores the terminal. */
  #finish(status: number, newline = false): void {
    if (this.#status !== null) return;
    this.#status = status;
    process.off('SIGINT', this.#onSignal);
    process.stdin.off('keypress', this.#onKeypress);
    if (!this.#inputClosed) this.#rl.close();
    if (this.#tty && newline) process.stdout.write('\n');
    this.#stopping = true;
    const sc = this.#sc;
    (sc ? sc.stop() : Promise.resolve()).finally(() => {
      process.stdout.off('error', this.#onStdoutError);
      this.#done(this.#writeFailed && status === 0 ? 1 : status);
    });
  }
}

/** Output of one evaluation: also tracks whether the cursor is on the input line. */
class LineOutput extends Out {
  /** The cursor is on the input line (right after it). */
  onInputLine = false;
  /** The cursor was put back at the end of the input line. */
  backOnInputLine(): void {
    this.onInputLine = true;
    this.atLineStart = false;
  }
  override endLine(): void {
    super.endLine();
    this.onInputLine = false;
  }
}

function run(argv: string[]): Promise<number> {
  if (argv.length > 0) throw new UsageError(`unexpected argument '${argv[0]}'`);
  return keepingAlive(() => new Repl().run());
}

export const command: Command = { usage, run };
