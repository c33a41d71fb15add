/**
 * The seccomp filter run by an interpreter of classic BPF written here from
 * the kernel's documentation (not the assembler's tables): for every system
 * call number the verdict is the policy row's, the binary search finds
 * every row, and the architecture, x32 and argument checks answer as the
 * policy says. The kernel itself runs the same filter in test/jail/probes.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, disassemble, type Insn } from '../../src/bpf/index.js';
import { seccompFilter, seccompRules } from '../../src/jail/index.js';
import { SYSCALLS } from '../../src/sys/syscalls.js';

const ALLOW = 0x7fff0000;
const TRAP = 0x00030000;
const KILL = 0x80000000;
const ERRNO = (e: number) => 0x00050000 | e;
const X86_64 = 0xc000003e;

/** Runs a filter on seccomp_data { nr, arch, ip, args[6] }: its return value. */
function run(prog: Insn[], nr: number, args: number[] = [], arch = X86_64): number {
  const data = new DataView(new ArrayBuffer(64));
  data.setUint32(0, nr >>> 0, true);
  data.setUint32(4, arch >>> 0, true);
  args.forEach((a, i) => {
    data.setUint32(16 + 8 * i, a >>> 0, true);
  });
  let A = 0;
  let X = 0;
  for (let pc = 0; pc < prog.length; pc++) {
    const { code, jt, jf, k } = prog[pc] as Insn;
    const cls = code & 7;
    if (cls === 0) {
      if (code !== 0x20) throw new Error(`seccomp allows only ld [k], got ${code}`);
      if (k % 4 || k >= 64) throw new Error(`ld [${k}] outside seccomp_data`);
      A = data.getUint32(k, true);
    } else if (cls === 4) {
      const v = code & 8 ? X : k;
      const op = code & 0xf0;
      if (op === 0x50) A = (A & v) >>> 0;
      else if (op === 0x40) A = (A | v) >>> 0;
      else throw new Error(`unexpected ALU op ${code}`);
    } else if (cls === 5) {
      const v = code & 8 ? X : k;
      const op = code & 0xf0;
      if (op === 0) pc += k;
      else {
        const taken = op === 0x10 ? A === v : op === 0x20 ? A > v : op === 0x30 ? A >= v : (A & v) !== 0;
        pc += taken ? jt : jf;
      }
    } else if (cls === 6) return code & 0x10 ? A : k;
    else if (code === 0x07) X = A;
    else throw new Error(`unexpected instruction ${code}`);
  }
  throw new Error('fell off the end');
}

const options = [
  { threads: true, network: false },
  { threads: true, network: true },
  { threads: false, network: false },
];

test("seccomp: every system call number gets its row's verdict", () => {
  for (const o of options) {
    const prog = seccompFilter(o).insns;
    const rules = seccompRules(o);
    for (let nr = 0; nr < 470; nr++) {
      const name = Object.entries(SYSCALLS).find(([, v]) => v === nr)?.[0];
      const v = name ? rules.get(name as keyof typeof SYSCALLS) : undefined;
      const got = run(prog, nr);
      if (v === undefined || v === 'kill') assert.equal(got, TRAP, `${name ?? nr}`);
      else if (v === 'allow') assert.equal(got, ALLOW, `${name}`);
      else if (typeof v === 'object') assert.equal(got, ERRNO(v.errno), `${name}`);
    }
  }
});

test('seccomp: architecture, x32 and the argument checks', () => {
  const prog = seccompFilter({ threads: true, network: true }).insns;
  assert.equal(run(prog, SYSCALLS.read, [], 0x40000003), KILL); // i386
  assert.equal(run(prog, 0x40000000 | SYSCALLS.read), KILL); // x32
  const thread = 0x3d0f00; // glibc's pthread_create flags
  assert.equal(run(prog, SYSCALLS.clone, [thread]), ALLOW);
  assert.equal(run(prog, SYSCALLS.clone, [thread | 0x10000000]), TRAP); // CLONE_NEWUSER
  assert.equal(run(prog, SYSCALLS.clone, [0x01200011]), TRAP); // fork(): SIGCHLD | CHILD_SETTID | CHILD_CLEARTID
  assert.equal(run(prog, SYSCALLS.clone, [0x4111]), ERRNO(1)); // posix_spawn: VM | VFORK | SIGCHLD
  assert.equal(run(prog, SYSCALLS.clone3), ERRNO(38));
  assert.equal(run(prog, SYSCALLS.rt_sigaction, [31]), ERRNO(1));
  assert.equal(run(prog, SYSCALLS.rt_sigaction, [11]), ALLOW);
  assert.equal(run(prog, SYSCALLS.ioctl, [1, 0x5401]), ALLOW); // TCGETS
  assert.equal(run(prog, SYSCALLS.ioctl, [1, 0x5412]), ERRNO(1)); // TIOCSTI
  assert.equal(run(prog, SYSCALLS.socket, [2, 1]), ALLOW);
  assert.equal(run(prog, SYSCALLS.socket, [10, 0x80801]), ALLOW); // SOCK_STREAM | NONBLOCK | CLOEXEC
  assert.equal(run(prog, SYSCALLS.socket, [2, 2]), TRAP); // UDP
  assert.equal(run(prog, SYSCALLS.socket, [1, 1]), TRAP); // AF_UNIX
  const noThreads = seccompFilter({ threads: false, network: false }).insns;
  assert.equal(run(noThreads, SYSCALLS.clone, [thread]), TRAP);
  assert.equal(run(noThreads, SYSCALLS.socket, [2, 1]), TRAP);
});

test('seccomp: the filter decodes and reassembles, and is small', () => {
  const { bytes, insns } = seccompFilter({ threads: true, network: false });
  assert.deepEqual(decode(bytes), insns);
  const text = disassemble(bytes);
  assert.equal(text[0], 'ld [4]');
  assert.equal(text[1], 'jeq #0xc000003e, L3, L2');
  assert.ok(insns.length < 1024, `${insns.length} instructions`);
});
