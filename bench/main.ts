/**
 * `npm run bench -- NAME...`: runs the named benches (all without a name).
 * To add one, write bench/NAME.ts exporting `run(opts)` and add it to
 * `benches`; bench/harness.ts has the timing and table helpers.
 */

export interface BenchOptions {
  /** Timed runs per measurement (the table shows medians). */
  runs: number;
}

const benches: Record<string, () => Promise<{ run(opts: BenchOptions): Promise<void> }>> = {
  asm: () => import('./asm.js'),
  forth: () => import('./forth.js'),
  calls: () => import('./calls.js'),
  channel: () => import('./channel.js'),
  interop: () => import('./interop.js'),
  blas: () => import('./blas.js'),
  load: () => import('./load.js'),
};

async function main(argv: string[]): Promise<number> {
  let runs = 7;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--list') {
      process.stdout.write(`${Object.keys(benches).join('\n')}\n`);
      return 0;
    } else names.push(a);
  }
  if (!Number.isInteger(runs) || runs < 5) {
    process.stderr.write('bench: --runs needs a whole number of at least 5\n');
    return 2;
  }
  for (const n of names) {
    if (!Object.hasOwn(benches, n)) {
      process.stderr.write(`bench: no bench '${n}' (have: ${Object.keys(benches).join(', ')})\n`);
      return 2;
    }
  }
  for (const n of names.length ? names : Object.keys(benches)) {
    const b = await (benches[n] as () => Promise<{ run(opts: BenchOptions): Promise<void> }>)();
    await b.run({ runs });
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
