#!/usr/bin/env node
/**
 * The `sidecar` command: a dispatcher over subcommands. To add one, write
 * src/cli/NAME.ts exporting `command: Command` and add a line to `commands`.
 */

import type { Command } from './command.js';
import { packageVersion, UsageError } from './command.js';

interface Entry {
  summary: string;
  load: () => Promise<{ command: Command }>;
}

const commands: Record<string, Entry> = {
  demo: {
    summary: 'a one-second tour: C calls, BLAS on shared buffers, machine code, a crash, a timeout, Forth',
    load: () => import('./demo.js'),
  },
  asm: {
    summary: 'assemble Intel-syntax x86-64 source to a flat binary or an ELF file',
    load: () => import('./asm.js'),
  },
  build: {
    summary: 'build the channel addon and the sidecar executable into the cache; print paths and hashes',
    load: () => import('./build.js'),
  },
  run: {
    summary: "call one C function in a sidecar and print the result: run m 'double cos(double)' 0",
    load: () => import('./run.js'),
  },
  forth: {
    summary: 'run Forth files and -e code in a sidecar and exit: forth hello.fs -e bye',
    load: () => import('./forth.js'),
  },
  repl: {
    summary: 'an interactive Forth prompt in a sidecar (history, tab completion, Ctrl-C interrupts)',
    load: () => import('./repl.js'),
  },
  doctor: {
    summary: 'check this machine: kernel, glibc, CPU features, cache, a live sidecar, the known libraries',
    load: () => import('./doctor.js'),
  },
};

function usage(): string {
  const names = Object.keys(commands);
  const width = Math.max(4, ...names.map((n) => n.length));
  const list = names.map((n) => `  ${n.padEnd(width)}  ${commands[n]?.summary}`).join('\n');
  return `usage: sidecar <command> [args]\n\ncommands:\n${list}\n  ${'help'.padEnd(width)}  show this, or the usage of a command\n\noptions:\n  --version  print the version\n`;
}

/** `--help` or `-h` among a command's arguments (before a `--`): the user asks for its usage. */
function asksForHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/**
 * Output that cannot be written, for a command that does not handle it
 * itself (forth and repl do): a reader that went away (`sidecar demo |
 * head -1`) ends the command quietly, as SIGPIPE ends a C program; another
 * failure (a full disk) with one line and status 1 — never an unhandled
 * 'error' with a stack trace. (The command's sidecar ends with the host.)
 */
function onOutputError(stream: NodeJS.WriteStream, what: string): void {
  const listener = (e: NodeJS.ErrnoException): void => {
    if (stream.listenerCount('error') > 1) return; // the command's own listener deals with it
    if (e.code === 'EPIPE') process.exit(0);
    if (what === 'output') process.stderr.write(`sidecar: cannot write standard output: ${e.message}\n`);
    process.exit(1);
  };
  stream.on('error', listener);
}

export async function main(argv: string[]): Promise<number> {
  onOutputError(process.stdout, 'output');
  onOutputError(process.stderr, 'error output');
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    process.stdout.write(`sidecar ${packageVersion()}\n`);
    return 0;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic === undefined) {
      process.stdout.write(usage());
      return 0;
    }
    const entry = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
    if (!entry) {
      process.stderr.write(`sidecar: no command '${topic}'\n\n${usage()}`);
      return 2;
    }
    process.stdout.write((await entry.load()).command.usage);
    return 0;
  }
  if (name === undefined) {
    process.stderr.write(usage());
    return 2;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    process.stderr.write(`sidecar: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const { command } = await entry.load();
  if (asksForHelp(rest)) {
    process.stdout.write(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sidecar ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sidecar: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
