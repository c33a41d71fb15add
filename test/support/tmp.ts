/** Temporary directories for tests: removed when the process exits, or when a function is done with one. */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

export function tmpDir(prefix = 'sidecar-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Runs `fn` in a new temporary directory and removes the directory when it returns or throws. */
export function withTempDir<T>(prefix: string, fn: (dir: string) => T): T {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return fn(d);
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
}
