/**
 * `sidecar forth [FILE...] [-e CODE]`: runs Forth source in a sidecar and
 * exits. Each file's text is evaluated as one piece, so an error's line is
 * the file's line; -e code runs where it stands among the files. Output is
 * written as the sidecar produces it. The sidecar inherits standard input,
 * so KEY and ACCEPT read the command's.
 *
 * Also here, shared with the REPL: how an uncaught Forth error is shown, and
 * the stdout writer that knows whether the cursor is at the start of a line.
 */

import { readFileSync } from 'node:fs';
import { THROW } from '../forth/layout.js';
import { ForthError, type ForthSession } from '../forth/session.js';
import { SidecarError } from '../host/errors.js';
import '../forth/methods.js';
import { Sidecar } from '../host/sidecar.js';
import { type Command, keepingAlive, UsageError } from './command.js';

const usage = `usage: sidecar forth [FILE...] [-e CODE...]

Starts a sidecar, loads the Forth system into it, runs the files and the
-e code in the order given, and exits.

  FILE       Forth source; - reads the program from standard input
  -e CODE    Forth code to run (repeatable; also --eval)
  --         the rest are files, even when they start with '-'

Output appears as it is printed. KEY and ACCEPT read standard input. BYE
ends the run at once (status 0).

Exit status: 0 when everything ran (or BYE), 1 when an uncaught error stopped
the run (the error, its file and line go to stderr) or the sidecar died, 130
when interrupted (Ctrl-C: the running word stops with THROW -28), 2 on a
usage error.

examples:
  sidecar forth hello.fs
  sidecar forth -e '1 2 + . cr'
  sidecar forth lib.fs -e 'main bye'
  echo 42 | sidecar forth -e 'pad 80 accept pad swap evaluate 1+ . cr'
`;

/** One piece of source to run: a file's text, or -e code. */
interface Source {
  /** How errors name it: the file path, or -e (-e#2 when there are several). */
  name: string;
  text: string;
}

interface Parsed {
  items: ({ kind: 'file'; path: string } | { kind: 'code'; text: string })[];
}

function parse(argv: string[]): Parsed {
  const items: Parsed['items'] = [];
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (rest || a === '-' || !a.startsWith('-')) {
      items.push({ kind: 'file', path: a });
    } else if (a === '--') {
      rest = true;
    } else if (a === '-e' || a === '--eval') {
      const code = argv[++i];
      if (code === undefined) throw new UsageError(`${a} needs Forth code`);
      items.push({ kind: 'code', text: code });
    } else if (a.startsWith('--eval=')) {
      items.push({ kind: 'code', text: a.slice('--eval='.length) });
    } else {
      throw new UsageError(`unknown option '${a}'`);
    }
  }
  if (items.length === 0) throw new UsageError('nothing to run: give a FILE or -e CODE (or try sidecar repl)');
  return { items };
}

/** Reads the files (all of them, before anything runs: a missing file is reported up front). */
function readSources(items: Parsed['items']): Source[] {
  const codes = items.filter((it) => it.kind === 'code').length;
  let k = 0;
  return items.map((it) => {
    if (it.kind === 'code') {
      k++;
      return { name: codes > 1 ? `-e#${k}` : '-e', text: it.text };
    }
    const text = readFileSync(it.path === '-' ? 0 : it.path, 'utf8');
    return { name: it.path === '-' ? '<stdin>' : it.path, text };
  });
}

/** The message of a ForthError without the "(line N)" the session appends. */
export function forthMessage(e: ForthError): string {
  return e.message.replace(/ \(line \d+\)$/, '');
}

/**
 * Where in `sourceLine` the word the interpreter stopped at lies. The
 * session's column is the input position after that word (and its
 * delimiter), counted in bytes: the word is the last one that ends there.
 */
export function culprit(sourceLine: string, column: number): { start: number; end: number } | null {
  const bytes = Buffer.from(sourceLine, 'utf8');
  const before = bytes.subarray(0, Math.max(0, Math.min(column, bytes.length))).toString('utf8');
  const m = /(\S+)\s*$/.exec(before);
  if (!m) return null;
  return { start: m.index, end: m.index + (m[1] as string).length };
}

/**
 * The caret line under `sourceLine` marking the word at `column` (tabs kept
 * so that it lines up), or null when there is nothing to mark.
 */
export function caretLine(sourceLine: string, column: number, indent = 0): string | null {
  const c = culprit(sourceLine, column);
  if (!c) return null;
  const pad = sourceLine.slice(0, c.start).replace(/[^\t]/g, ' ');
  return ' '.repeat(indent) + pad + '^'.repeat(Math.max(1, c.end - c.start));
}

/** The caret line under the line an error happened in, or null when there is nothing to mark. */
export function errorCaret(e: ForthError): string | null {
  return e.sourceLine.trim() === '' ? null : caretLine(e.sourceLine, e.column);
}

/** An uncaught error as the command prints it: `NAME:LINE: message`, the line, a caret under the word. */
function formatForthError(e: ForthError, name: string): string {
  let text = `${name}:${e.line}: ${forthMessage(e)}\n`;
  const caret = errorCaret(e);
  if (caret !== null) text += `${e.sourceLine}\n${caret}\n`;
  return text;
}

/** The exit status after an interrupt, as shells report SIGINT. */
const INTERRUPTED = 130;

/**
 * Writes to stdout, remembering whether anything was written and whether the
 * last byte was a newline (so that an error starts on a line of its own).
 */
export class Out {
  atLineStart = true;
  printed = false;
  /** Standard output failed (the reader went away): output is dropped and the run ends. */
  closed = false;
  write(text: string): void {
    if (text === '' || this.closed) return;
    process.stdout.write(text);
    this.printed = true;
    this.atLineStart = text.endsWith('\n');
  }
  /** Moves to the start of a fresh line unless already there. */
  endLine(): void {
    if (!this.atLineStart && !this.closed) process.stdout.write('\n');
    this.atLineStart = true;
  }
  /** Ends the current line on a terminal before something else (stderr) is written there. */
  breakLine(): void {
    if (process.stdout.isTTY && process.stderr.isTTY) this.endLine();
  }
}

/**
 * Runs the sources in one session; resolves to the exit status. The caller
 * starts and stops the sidecar.
 */
async function runSources(
  session: ForthSession,
  sources: Source[],
  out = new Out(),
  /** The run was interrupted (Ctrl-C): a sidecar that died then was stopped, not crashed. */
  killed = (): boolean => false,
): Promise<number> {
  const onOutput = (t: string): void => out.write(t);
  /** The exit status after `e` stopped the run in `name`. */
  const failed = (e: unknown, name: string): number => {
    out.breakLine();
    if (e instanceof ForthError) {
      process.stderr.write(formatForthError(e, name));
      return e.code === THROW.userInterrupt ? INTERRUPTED : 1;
    }
    if (e instanceof SidecarError) {
      if (out.closed) return 0;
      if (killed()) {
        process.stderr.write('sidecar forth: interrupted; the sidecar was stopped\n');
        return INTERRUPTED;
      }
      process.stderr.write(`sidecar forth: ${name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  };
  for (const src of sources) {
    try {
      const r = await session.eval(src.text, { onOutput });
      if (r.bye) return 0;
    } catch (e) {
      return failed(e, src.name);
    }
  }
  let last: Awaited<ReturnType<ForthSession['eval']>>;
  try {
    last = await session.eval('');
  } catch (e) {
    return failed(e, sources.at(-1)?.name ?? '-e');
  }
  if (last.compiling) {
    out.breakLine();
    process.stderr.write(`sidecar forth: the input ended inside a definition (a missing ';'?)\n`);
    return 1;
  }
  return 0;
}

function run(argv: string[]): Promise<number> {
  return keepingAlive(() => runForth(argv));
}

async function runForth(argv: string[]): Promise<number> {
  const { items } = parse(argv);
  let sources: Source[];
  try {
    sources = readSources(items);
  } catch (e) {
    process.stderr.write(`sidecar forth: ${(e as Error).message}\n`);
    return 1;
  }
  let sc: Sidecar;
  try {
    sc = await Sidecar.start({ stdin: 'inherit' });
  } catch (e) {
    process.stderr.write(`sidecar forth: ${(e as Error).message}\n`);
    return 1;
  }
  // Ctrl-C: the running word stops with THROW -28; a second one, while it
  // does not stop (a C function runs), kills the sidecar.
  let interrupts = 0;
  const out = new Out();
  const onSigint = (): void => {
    interrupts++;
    // The terminal echoed ^C where the cursor was.
    if (process.stderr.isTTY) {
      process.stderr.write('\n');
      out.atLineStart = true;
    }
    if (interrupts === 1 && sc.running) sc.forthInterrupt();
    else sc.kill();
  };
  // Output that cannot be written ends the run: quietly when the reader went
  // away (| head), with a message and status 1 otherwise (a full disk).
  let writeError = null as Error | null;
  const onStdoutError = (e: NodeJS.ErrnoException): void => {
    if (out.closed) return;
    out.closed = true;
    if (e.code !== 'EPIPE') writeError = e;
    sc.kill();
  };
  process.on('SIGINT', onSigint);
  process.stdout.on('error', onStdoutError);
  let status: number;
  try {
    status = await runSources(sc.forthSession(), sources, out, () => interrupts > 0);
    if (interrupts > 0 && status !== 0) status = INTERRUPTED;
  } finally {
    process.off('SIGINT', onSigint);
    try {
      await sc.stop();
    } finally {
      process.stdout.off('error', onStdoutError);
    }
  }
  if (writeError) {
    process.stderr.write(`sidecar forth: cannot write standard output: ${writeError.message}\n`);
    return 1;
  }
  return status;
}

export const command: Command = { usage, run };
