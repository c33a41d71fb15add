/**
 * The jail's set-up code in the sidecar executable: `jail_apply(block)`
 * applies the policy the host wrote into the jail block (src/channel/jail.ts),
 * in this order, before the sidecar serves anything and before any thread
 * exists: dlopen the preloads; PR_SET_NO_NEW_PRIVS; the rlimits (soft =
 * hard); a Landlock ruleset (ABI probed with LANDLOCK_CREATE_RULESET_VERSION,
 * rights masked by the block's per-ABI tables, one path_beneath rule per path
 * opened O_PATH, one net_port rule per TCP port, then restrict_self); the
 * SIGSYS handler; the seccomp filter with SECCOMP_FILTER_FLAG_TSYNC. Each
 * step's outcome goes into the block's report; a step that fails (and is
 * not excused by bestEffort) ends the process with EXIT_CODE.jailFailed.
 *
 * The SIGSYS handler is how a violation gets its name: the filter answers
 * SECCOMP_RET_TRAP for what it forbids, the kernel skips the call and
 * raises SIGSYS on the calling thread, and the handler writes si_syscall,
 * si_arch, the first argument and the address into the control page
 * (VIOLATION) and calls exit_group(EXIT_CODE.jailViolation). The filter
 * forbids changing SIGSYS's disposition afterwards; a thread that blocks
 * SIGSYS is killed by the kernel instead (no name, still dead).
 */

import { JAIL_BLOCK, JAIL_FLAG, JAIL_INIT, JAIL_STEP, VIOLATION } from '../channel/jail.js';
import { EXIT_CODE } from '../channel/layout.js';
import {
  AT_FDCWD,
  LANDLOCK_CREATE_RULESET_VERSION,
  LANDLOCK_RULE_NET_PORT,
  LANDLOCK_RULE_PATH_BENEATH,
  O_CLOEXEC,
  O_PATH,
  PR_SET_NO_NEW_PRIVS,
  RTLD_GLOBAL,
  RTLD_NOW,
  SA_SIGINFO,
  SECCOMP_FILTER_FLAG_TSYNC,
  SECCOMP_SET_MODE_FILTER,
  SIGSYS,
} from '../sys/linux.js';
import { SYSCALLS } from '../sys/syscalls.js';
import {
  type Assembler,
  dword,
  eax,
  ecx,
  edi,
  edx,
  esi,
  type Label,
  qword,
  r8d,
  r10d,
  r12,
  r12d,
  r13,
  r14,
  r14d,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
} from '../x86/index.js';

/** struct sigaction as glibc lays it out: handler, 128-byte mask, flags, restorer. */
const SIGACTION = { handler: 0, flags: 136, size: 152 } as const;
/** Frame of jail_apply (from rsp): the sigaction, then scratch for the ruleset attribute, rules, rlimits and the filter. */
const F = { sigaction: 0, attr: 160, rule: 192, fd: 208, status: 216, prog: 224, size: 240 } as const;
/** Where a signal handler's ucontext keeps rdi (uc_mcontext.gregs[REG_RDI]). */
const UC_RDI = 40 + 8 * 8;
const LANDLOCK_ACCESS_NET_CONNECT_TCP = 2;

export interface JailLabels {
  /** jail_apply(rdi = the block); returns when every step that applies is done. */
  apply: Label;
  /** The SIGSYS handler. */
  sigsys: Label;
}

/**
 * Emits jail_apply and the SIGSYS handler. `call(name)` calls a libc function;
 * `saveError` copies dlerror() into the control page (r15: the channel);
 * `controlPage` is the .data word holding the control page's address.
 */
export function emitJail(
  a: Assembler,
  labels: JailLabels,
  call: (name: string) => void,
  saveError: Label,
  controlPage: Label,
): void {
  const B = (field: keyof typeof JAIL_BLOCK) => dword(rbx, JAIL_BLOCK[field]);
  const Bq = (field: keyof typeof JAIL_BLOCK) => qword(rbx, JAIL_BLOCK[field]);
  const sys = (name: keyof typeof SYSCALLS): void => {
    a.mov(eax, SYSCALLS[name]);
    a.syscall();
  };
  const step = (s: number): void => {
    a.mov(B('step'), s);
  };
  const fatalErrno = a.label('jail_fatal_errno'); // rax = -errno
  const fatal = a.label('jail_fatal');
  const done = a.label('jail_done');

  a.align(16);
  a.bind(labels.apply);
  a.push(rbx);
  a.push(r12);
  a.push(r13);
  a.push(r14);
  a.push(rbp);
  a.sub(rsp, F.size);
  a.mov(rbx, rdi);

  // 1. Preloads: dlopen(path, RTLD_NOW) each, while files can still be read.
  step(JAIL_STEP.preload);
  {
    const next = a.label();
    const end = a.label();
    a.xor(r12d, r12d);
    a.bind(next);
    a.cmp(r12d, B('preloadCount'));
    a.jae(end);
    a.mov(rax, Bq('preloads'));
    a.mov(rdi, qword(rax, r12, 8, 0));
    a.mov(esi, RTLD_NOW);
    const local = a.label();
    a.test(B('flags'), JAIL_FLAG.preloadGlobal);
    a.jz(local);
    a.or(esi, RTLD_GLOBAL);
    a.bind(local);
    call('dlopen');
    a.inc(r12d);
    a.test(rax, rax);
    a.jnz(next);
    a.mov(B('preloadFailed'), r12d);
    a.call(saveError);
    a.jmp(fatal);
    a.bind(end);
  }

  // 2. No new privileges (what lets an unprivileged process install a filter).
  step(JAIL_STEP.noNewPrivs);
  a.mov(edi, PR_SET_NO_NEW_PRIVS);
  a.mov(esi, 1);
  a.xor(edx, edx);
  a.xor(r10d, r10d);
  a.xor(r8d, r8d);
  sys('prctl');
  a.test(rax, rax);
  a.jnz(fatalErrno);
  a.mov(B('noNewPrivs'), 1);

  // 3. Resource limits: setrlimit(resource, { limit, limit }).
  step(JAIL_STEP.rlimits);
  {
    const next = a.label();
    const end = a.label();
    a.xor(r12d, r12d);
    a.bind(next);
    a.cmp(r12d, B('rlimitCount'));
    a.jae(end);
    a.mov(rax, Bq('rlimits'));
    a.mov(rcx, r12);
    a.shl(rcx, 4);
    a.mov(rdi, qword(rax, rcx, 1, 0));
    a.mov(rdx, qword(rax, rcx, 1, 8));
    a.mov(qword(rsp, F.rule), rdx);
    a.mov(qword(rsp, F.rule + 8), rdx);
    a.lea(rsi, qword(rsp, F.rule));
    sys('setrlimit');
    a.inc(r12d);
    a.test(rax, rax);
    a.jz(next);
    a.mov(B('rlimitFailed'), r12d);
    a.jmp(fatalErrno);
    a.bind(end);
  }

  // 4. Landlock.
  step(JAIL_STEP.landlock);
  const afterLandlock = a.label('jail_after_landlock');
  {
    const have = a.label();
    a.test(B('flags'), JAIL_FLAG.landlock);
    a.jz(afterLandlock);
    a.xor(edi, edi);
    a.xor(esi, esi);
    a.mov(edx, LANDLOCK_CREATE_RULESET_VERSION);
    sys('landlock_create_ruleset');
    a.mov(B('landlockAbi'), eax);
    a.test(eax, eax);
    a.jg(have);
    // No Landlock here: fatal unless bestEffort.
    a.test(B('flags'), JAIL_FLAG.bestEffort);
    a.jz(fatalErrno);
    a.mov(B('landlock'), 0);
    a.jmp(afterLandlock);
    a.bind(have);
    // r14 = 8 × min(abi, 7): the index into the mask tables.
    a.mov(ecx, 7);
    a.cmp(eax, ecx);
    a.cmova(eax, ecx);
    a.mov(r14d, eax);
    a.shl(r14, 3);
    a.mov(rax, qword(rbx, r14, 1, JAIL_BLOCK.fsMask));
    a.mov(qword(rsp, F.attr), rax);
    a.mov(rax, qword(rbx, r14, 1, JAIL_BLOCK.netMask));
    a.mov(qword(rsp, F.attr + 8), rax);
    a.mov(rax, qword(rbx, r14, 1, JAIL_BLOCK.scopeMask));
    a.mov(qword(rsp, F.attr + 16), rax);
    a.lea(rdi, qword(rsp, F.attr));
    a.mov(rsi, qword(rbx, r14, 1, JAIL_BLOCK.attrSize));
    a.xor(edx, edx);
    sys('landlock_create_ruleset');
    a.test(rax, rax);
    a.js(fatalErrno);
    a.mov(r13, rax); // the ruleset's fd

    // One path_beneath rule per path: { u64 allowed (masked to this ABI), s32 parent_fd } (packed).
    const next = a.label();
    const skip = a.label();
    const failed = a.label();
    const end = a.label();
    a.xor(r12d, r12d);
    a.bind(next);
    a.cmp(r12d, B('fsRuleCount'));
    a.jae(end);
    a.mov(rbp, Bq('fsRules'));
    a.mov(rcx, r12);
    a.shl(rcx, 4);
    a.add(rbp, rcx);
    a.mov(rax, qword(rbp, 8));
    a.and(rax, qword(rbx, r14, 1, JAIL_BLOCK.fsMask));
    a.jz(skip); // nothing this kernel can grant
    a.mov(qword(rsp, F.rule), rax);
    a.mov(edi, AT_FDCWD);
    a.mov(rsi, qword(rbp));
    a.mov(edx, O_PATH | O_CLOEXEC);
    a.xor(r10d, r10d);
    sys('openat');
    a.test(rax, rax);
    a.js(failed);
    a.mov(dword(rsp, F.rule + 8), eax);
    a.mov(rdi, r13);
    a.mov(esi, LANDLOCK_RULE_PATH_BENEATH);
    a.lea(rdx, qword(rsp, F.rule));
    a.xor(r10d, r10d);
    sys('landlock_add_rule');
    a.mov(qword(rsp, F.status), rax);
    a.mov(edi, dword(rsp, F.rule + 8));
    sys('close');
    a.mov(rax, qword(rsp, F.status));
    a.test(rax, rax);
    a.js(failed);
    a.bind(skip);
    a.inc(r12d);
    a.jmp(next);
    a.bind(failed);
    a.inc(r12d);
    a.mov(B('fsRuleFailed'), r12d);
    a.jmp(fatalErrno);
    a.bind(end);

    // One net_port rule per TCP port the sidecar may connect to (ABI ≥ 4: the net mask is not 0).
    const ports = a.label();
    const portsEnd = a.label();
    a.cmp(qword(rbx, r14, 1, JAIL_BLOCK.netMask), 0);
    a.je(portsEnd);
    a.xor(r12d, r12d);
    a.bind(ports);
    a.cmp(r12d, B('portCount'));
    a.jae(portsEnd);
    a.mov(qword(rsp, F.rule), LANDLOCK_ACCESS_NET_CONNECT_TCP);
    a.mov(rax, Bq('ports'));
    a.mov(rax, qword(rax, r12, 8, 0));
    a.mov(qword(rsp, F.rule + 8), rax);
    a.mov(rdi, r13);
    a.mov(esi, LANDLOCK_RULE_NET_PORT);
    a.lea(rdx, qword(rsp, F.rule));
    a.xor(r10d, r10d);
    sys('landlock_add_rule');
    a.test(rax, rax);
    a.js(fatalErrno);
    a.inc(r12d);
    a.jmp(ports);
    a.bind(portsEnd);

    a.mov(rdi, r13);
    a.xor(esi, esi);
    sys('landlock_restrict_self');
    a.mov(qword(rsp, F.status), rax);
    a.mov(rdi, r13);
    sys('close');
    a.mov(rax, qword(rsp, F.status));
    a.test(rax, rax);
    a.js(fatalErrno);
    a.mov(B('landlock'), 1);
  }
  a.bind(afterLandlock);

  // 4b. The initialisation calls: symbol(arg) each, under Landlock (a thread they start inherits it)
  // and before the filter (they may need system calls it denies: an interpreter's start-up).
  step(JAIL_STEP.init);
  {
    const next = a.label();
    const end = a.label();
    const missing = a.label();
    const ok = a.label();
    a.xor(r12d, r12d);
    a.bind(next);
    a.cmp(r12d, B('initCount'));
    a.jae(end);
    a.mov(r13, r12);
    a.lea(r13, qword(r13, r13, 2)); // × JAIL_INIT.size (24)
    a.shl(r13, 3);
    a.add(r13, Bq('inits'));
    a.xor(edi, edi); // RTLD_DEFAULT
    a.mov(rsi, qword(r13, JAIL_INIT.symbol));
    call('dlsym');
    a.inc(r12d);
    a.test(rax, rax);
    a.jz(missing);
    a.mov(rdi, qword(r13, JAIL_INIT.arg));
    a.call(rax);
    a.cmp(qword(r13, JAIL_INIT.mustBeZero), 0);
    a.je(ok);
    a.test(eax, eax);
    a.jz(ok);
    a.mov(B('initFailed'), r12d);
    a.mov(rax, -1);
    a.jmp(fatalErrno);
    a.bind(ok);
    a.jmp(next);
    a.bind(missing);
    a.mov(B('initFailed'), r12d);
    a.call(saveError);
    a.jmp(fatal);
    a.bind(end);
  }

  // 5. The SIGSYS handler, then the filter on every thread (TSYNC).
  step(JAIL_STEP.seccomp);
  {
    const ok = a.label();
    a.test(B('flags'), JAIL_FLAG.seccomp);
    a.jz(done);
    for (let o = 0; o < SIGACTION.size; o += 8) a.mov(qword(rsp, F.sigaction + o), 0);
    a.lea(rax, qword(labels.sigsys));
    a.mov(qword(rsp, F.sigaction + SIGACTION.handler), rax);
    a.mov(dword(rsp, F.sigaction + SIGACTION.flags), SA_SIGINFO);
    a.mov(edi, SIGSYS);
    a.lea(rsi, qword(rsp, F.sigaction));
    a.xor(edx, edx);
    call('sigaction');
    a.test(eax, eax);
    a.mov(rax, -1); // EPERM: sigaction failing here is unexpected
    a.jnz(fatalErrno);
    // struct sock_fprog { u16 len; struct sock_filter *filter; }
    a.mov(rax, Bq('filterLength'));
    a.mov(qword(rsp, F.prog), rax);
    a.mov(rax, Bq('filter'));
    a.mov(qword(rsp, F.prog + 8), rax);
    a.mov(edi, SECCOMP_SET_MODE_FILTER);
    a.mov(esi, SECCOMP_FILTER_FLAG_TSYNC);
    a.lea(rdx, qword(rsp, F.prog));
    sys('seccomp');
    a.test(rax, rax);
    a.jz(ok);
    // A positive result is a thread that could not be synchronised: report it as EPERM.
    const negative = a.label();
    a.js(negative);
    a.mov(rax, -1);
    a.bind(negative);
    a.test(B('flags'), JAIL_FLAG.bestEffort);
    a.jz(fatalErrno);
    a.mov(B('seccomp'), eax);
    a.jmp(done);
    a.bind(ok);
    a.mov(B('seccomp'), 1);
  }

  a.bind(done);
  step(JAIL_STEP.done);
  a.add(rsp, F.size);
  a.pop(rbp);
  a.pop(r14);
  a.pop(r13);
  a.pop(r12);
  a.pop(rbx);
  a.ret();

  a.bind(fatalErrno);
  a.neg(rax);
  a.mov(B('errno'), eax);
  a.bind(fatal);
  a.mov(edi, EXIT_CODE.jailFailed);
  call('exit');

  // void sigsys(int sig, siginfo_t *info, ucontext_t *uc): name the call, then end the process.
  a.align(16);
  a.bind(labels.sigsys);
  {
    const die = a.label();
    a.mov(rax, qword(controlPage));
    a.test(rax, rax);
    a.jz(die);
    a.mov(ecx, dword(rsi, 24)); // si_syscall
    a.inc(ecx);
    a.mov(dword(rax, VIOLATION.syscall), ecx);
    a.mov(ecx, dword(rsi, 28)); // si_arch
    a.mov(dword(rax, VIOLATION.arch), ecx);
    a.mov(rcx, qword(rdx, UC_RDI));
    a.mov(qword(rax, VIOLATION.arg0), rcx);
    a.mov(rcx, qword(rsi, 16)); // si_call_addr
    a.mov(qword(rax, VIOLATION.address), rcx);
    a.bind(die);
    a.mov(edi, EXIT_CODE.jailViolation);
    sys('exit_group');
  }
}
