/**
 * Landlock for the jail: the access rights by ABI, and the path rules of a
 * policy (read-only: read files, list directories, map executable code;
 * read-write: also create, remove, truncate). A rule on a file may only
 * carry the file rights, so each path is stat'ed here, by the host.
 */

import fs from 'node:fs';
import { LANDLOCK_ABI_MAX } from '../channel/jail.js';

export const FS = {
  execute: 1n << 0n,
  writeFile: 1n << 1n,
  readFile: 1n << 2n,
  readDir: 1n << 3n,
  removeDir: 1n << 4n,
  removeFile: 1n << 5n,
  makeChar: 1n << 6n,
  makeDir: 1n << 7n,
  makeReg: 1n << 8n,
  makeSock: 1n << 9n,
  makeFifo: 1n << 10n,
  makeBlock: 1n << 11n,
  makeSym: 1n << 12n,
  refer: 1n << 13n, // ABI 2
  truncate: 1n << 14n, // ABI 3
  ioctlDev: 1n << 15n, // ABI 5
} as const;
export const NET = { bindTcp: 1n, connectTcp: 2n } as const; // ABI 4
export const SCOPE = { abstractUnixSocket: 1n, signal: 2n } as const; // ABI 6

/** handled_access_fs, handled_access_net, scoped and the attribute's size for each ABI 0..LANDLOCK_ABI_MAX. */
export function masksByAbi(): { fs: bigint[]; net: bigint[]; scope: bigint[]; attrSize: bigint[] } {
  const out = { fs: [] as bigint[], net: [] as bigint[], scope: [] as bigint[], attrSize: [] as bigint[] };
  for (let abi = 0; abi <= LANDLOCK_ABI_MAX; abi++) {
    let fsMask = abi >= 1 ? (1n << 13n) - 1n : 0n;
    if (abi >= 2) fsMask |= FS.refer;
    if (abi >= 3) fsMask |= FS.truncate;
    if (abi >= 5) fsMask |= FS.ioctlDev;
    out.fs.push(fsMask);
    out.net.push(abi >= 4 ? NET.bindTcp | NET.connectTcp : 0n);
    out.scope.push(abi >= 6 ? SCOPE.abstractUnixSocket | SCOPE.signal : 0n);
    out.attrSize.push(abi >= 6 ? 24n : abi >= 4 ? 16n : 8n);
  }
  return out;
}

const READ_FILE = FS.readFile | FS.execute;
const READ_DIR = READ_FILE | FS.readDir;
const WRITE_FILE = READ_FILE | FS.writeFile | FS.truncate;
const WRITE_DIR =
  READ_DIR |
  FS.writeFile |
  FS.truncate |
  FS.removeDir |
  FS.removeFile |
  FS.makeDir |
  FS.makeReg |
  FS.makeSym |
  FS.refer;

export interface PathRule {
  path: string;
  access: bigint;
}

/** The rules for the read and write lists (paths that do not exist are a TypeError naming them, unless `optional`). */
export function pathRules(
  where: string,
  read: readonly string[],
  write: readonly string[],
  optional: ReadonlySet<string>,
): PathRule[] {
  const rules: PathRule[] = [];
  const add = (p: string, writable: boolean): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      if (optional.has(p)) return;
      throw new TypeError(
        `${where}: jail.fs.${writable ? 'write' : 'read'} names ${JSON.stringify(p)}, which does not exist`,
      );
    }
    const dir = st.isDirectory();
    rules.push({ path: p, access: writable ? (dir ? WRITE_DIR : WRITE_FILE) : dir ? READ_DIR : READ_FILE });
  };
  for (const p of read) add(p, false);
  for (const p of write) add(p, true);
  return rules;
}
