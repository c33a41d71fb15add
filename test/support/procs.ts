/** What a test checks is left behind: this process's live child processes and its open file descriptors. */

import fs from 'node:fs';

/** The pids of this process's live (not zombie) children. */
export function children(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const rest = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        return rest[1] === String(process.pid) && rest[0] !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** How many file descriptors this process has open. */
export const fdCount = (): number => fs.readdirSync('/proc/self/fd').length;
