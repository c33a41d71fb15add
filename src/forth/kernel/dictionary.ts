/**
 * The dictionary: defining words, headers, word lists and the search.
 *
 * A header (layout.ts HDR) lives in data space and points at its xt in
 * code space; headers are chained newest first per word list and hashed
 * into 64 buckets by their case-folded name, so a lookup compares a few
 * names at most. A colon definition's header is hidden until `;`. A word
 * made by CREATE is code too (see code.ts CREATED): it pushes its body's
 * address, and DOES> patches its `ret` into a jump to the DOES> code, so
 * executing it never goes through an interpreter of any kind; compiling it
 * compiles its body address as a literal.
 */

import {
  al,
  byte,
  cl,
  dword,
  eax,
  ebx,
  ecx,
  edx,
  qword,
  r8,
  r8b,
  r8d,
  r10,
  r10d,
  r11,
  r11d,
  r13,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
} from '../../x86/index.js';
import { HDR, HFLAG, INFO_FLAG, THROW, U, WL } from '../layout.js';
import { CREATED, GUARD, MOVABS_RBX, PUSH_TOS, XI } from './code.js';
import type { Builder } from './context.js';

/** : … WORDLIST. */
export function dictionaryWords(k: Builder): void {
  const { a, tosPush, tosPop, throwCode, prim, alias } = k;
  const { emitByte, compileCall, parseName, findName, searchWid, trackStop } = k.r;
  // Defining words.
  prim(':', '( "name" -- colon-sys )', {}, (x) => {
    const named = x.label();
    x.call(parseName);
    x.test(rcx, rcx);
    x.jnz(named);
    throwCode(THROW.zeroLengthName);
    x.bind(named);
    x.call(a.label('begin_colon'));
    x.ret();
  });
  prim(':NONAME', '( -- xt colon-sys )', {}, (x) => {
    x.xor(ecx, ecx);
    x.call(a.label('begin_colon'));
    // xt under the colon-sys marker
    x.mov(rax, rbx);
    x.mov(rbx, qword(r13, U.lastXt));
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  prim(';', '( colon-sys -- )', { immediate: true, compileOnly: true }, (x) => {
    x.call(a.label('end_colon'));
    x.ret();
  });
  prim('EXIT', '( -- )', { immediate: true, compileOnly: true }, (x) => {
    // compiles a return (a tail jump when it can)
    x.jmp(a.label('compile_exit'));
  });
  prim('RECURSE', '( -- )', { immediate: true, compileOnly: true }, (x) => {
    x.call(trackStop);
    x.mov(rax, qword(r13, U.lastXt));
    x.call(compileCall);
    // a self call stays a call: recursion uses the return stack (and overflows it, -5)
    x.mov(qword(r13, U.callEnd), 0);
    x.ret();
  });
  prim('[', '( -- )', { immediate: true }, (x) => {
    x.mov(qword(r13, U.state), 0);
    x.ret();
  });
  prim(']', '( -- )', {}, (x) => {
    x.mov(qword(r13, U.state), -1);
    x.ret();
  });
  prim('IMMEDIATE', '( -- )', {}, (x) => {
    x.mov(rax, qword(r13, U.latest));
    x.or(byte(rax, HDR.flags), HFLAG.immediate);
    x.ret();
  });
  prim('(NO-TAIL)', '( -- )', {}, (x) => {
    // the last definition reads its caller's return stack: call it, never jump to it
    x.mov(rax, qword(r13, U.lastXt));
    x.add(rax, qword(r13, U.codeDelta));
    x.or(byte(rax, XI.flags), INFO_FLAG.noTail);
    x.ret();
  });
  prim('COMPILE-ONLY', '( -- )', {}, (x) => {
    x.mov(rax, qword(r13, U.latest));
    x.or(byte(rax, HDR.flags), HFLAG.compileOnly);
    x.ret();
  });
  prim('CREATE', '( "name" -- )', {}, (x) => {
    // a word that pushes the address of the data space after it
    x.call(parseName);
    x.jmp(a.label('do_create'));
  });
  prim('(CREATE)', '( addr len -- )', {}, (x) => {
    // CREATE with the name given on the stack
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.jmp(a.label('do_create'));
  });
  prim('(HEADER)', '( addr len -- )', {}, (x) => {
    // a header for code about to be compiled at CODE-HERE (visible at once)
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.call(a.label('new_code_word'));
    x.ret();
  });
  prim('(DOES>)', '( -- )', { flags: INFO_FLAG.noTail }, (x) => {
    // run time of DOES>: the last CREATE'd word now jumps to the code after the `ret`
    // that follows this call (that ret ends the defining word)
    x.mov(rdx, qword(rsp));
    x.add(rdx, 1); // the does-code
    x.mov(rax, qword(r13, U.lastCreate));
    const none = x.label();
    x.test(rax, rax);
    x.jz(none);
    x.add(rax, qword(r13, U.codeDelta)); // write view of the xt
    x.mov(byte(rax, CREATED.ret), 0xe9);
    x.mov(rcx, rdx);
    x.sub(rcx, qword(r13, U.lastCreate));
    x.sub(rcx, CREATED.end);
    x.mov(dword(rax, CREATED.rel), ecx);
    x.or(byte(rax, XI.flags), INFO_FLAG.does);
    x.mov(byte(rax, XI.needs), 255); // what the DOES> code does to the stacks is not known
    x.mov(byte(rax, XI.net), 255);
    x.ret();
    x.bind(none);
    throwCode(THROW.unsupported);
  });
  prim('DOES>', '( C: colon-sys1 -- colon-sys2 )', { immediate: true, compileOnly: true }, (x) => {
    // compiles (DOES>) and a return; the code that follows runs with the body on the stack
    x.call(trackStop);
    x.lea(rax, qword(a.label('p_(DOES>)')));
    x.call(compileCall);
    x.mov(al, 0xc3);
    x.call(emitByte);
    x.mov(rax, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rax);
    x.ret();
  });
  prim('(MAKE-CONSTANT)', '( x -- )', {}, (x) => {
    // the last CREATE'd word pushes x instead of its body: compiled as a literal
    x.mov(rax, qword(r13, U.lastCreate));
    x.add(rax, qword(r13, U.codeDelta));
    x.mov(qword(rax, CREATED.body), rbx);
    tosPop(x);
    x.ret();
  });
  prim('>BODY', '( xt -- addr )', {}, (x) => {
    const bad = x.label();
    x.test(byte(rbx, XI.flags), INFO_FLAG.created);
    x.jz(bad);
    x.mov(rbx, qword(rbx, CREATED.body));
    x.ret();
    x.bind(bad);
    throwCode(-31);
  });
  prim(
    'EXECUTE',
    '( i*x xt -- j*x )',
    {
      needs: 1,
      inlineBody: (x) => {
        x.mov(rax, rbx);
        tosPop(x);
        x.call(rax);
      },
    },
    (x) => {
      x.mov(rax, rbx);
      tosPop(x);
      x.jmp(rax);
    },
  );

  // Dictionary lookup.
  prim('FIND-NAME', '( addr len -- nt|0 )', {}, (x) => {
    // through the search order
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(findName);
    x.lea(rbp, qword(rbp, 8));
    x.mov(rbx, rax);
    x.ret();
  });
  prim('SEARCH-WORDLIST', '( addr len wid -- 0 | xt 1 | xt -1 )', { needs: 3, net: -1 }, (x) => {
    const none = x.label();
    const imm = x.label();
    x.mov(rsi, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.mov(rdx, rbx);
    x.call(searchWid);
    x.test(rax, rax);
    x.jz(none);
    x.lea(rbp, qword(rbp, 8));
    x.mov(rcx, qword(rax, HDR.xt));
    x.mov(qword(rbp), rcx);
    x.mov(rbx, -1);
    x.test(byte(rax, HDR.flags), HFLAG.immediate);
    x.jz(imm);
    x.mov(ebx, 1);
    x.bind(imm);
    x.ret();
    x.bind(none);
    x.lea(rbp, qword(rbp, 16));
    x.xor(ebx, ebx);
    x.ret();
  });
  prim('(WORDLIST)', '( -- wid )', {}, (x) => {
    // a new, empty word list
    x.call(a.label('new_wordlist'));
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  alias('WORDLIST', '(WORDLIST)');
}

/** begin_colon … new_wordlist. */
export function definitionRoutines(k: Builder): void {
  const { a, L, tosPush, tosPop, throwCode, UNKNOWN_INFO, emitSeq } = k;
  const { emitByte, emitQword, findName, searchWid, makeHeader } = k.r;
  // begin_colon: rsi/rcx = name (rcx 0: :NONAME). Header hidden until ;.
  {
    a.bind(a.label('begin_colon'));
    const anon = L();
    a.call(a.label('colon_snapshot'));
    a.call(a.label('check_code_room'));
    a.test(rcx, rcx);
    a.jz(anon);
    a.call(a.label('new_code_word'));
    a.mov(rax, qword(r13, U.latest));
    a.or(byte(rax, HDR.flags), HFLAG.hidden);
    a.mov(qword(r13, U.defHdr), rax);
    a.jmp(a.label('colon_state'));
    a.bind(anon);
    // info word, then the code
    a.mov(eax, UNKNOWN_INFO);
    a.call(a.label('emit_info'));
    a.mov(rax, qword(r13, U.chere));
    a.mov(qword(r13, U.lastXt), rax);
    a.mov(qword(r13, U.defHdr), 0);
    a.bind(a.label('colon_state'));
    // the stack model: what an enclosing definition's holds goes out; it starts afresh
    a.call(a.label('vm_flush'));
    a.mov(qword(r13, U.vmBusy), 0);
    a.mov(qword(r13, U.vmActive), 1);
    a.mov(ecx, 4);
    a.xor(edx, edx);
    a.call(a.label('vm_call'));
    a.mov(qword(r13, U.state), -1);
    a.mov(qword(r13, U.localsWid), 0); // no locals yet
    a.mov(qword(r13, U.trackOn), 1);
    a.mov(qword(r13, U.trackDepth), 0);
    a.mov(qword(r13, U.trackMin), 0);
    a.mov(qword(r13, U.callEnd), 0);
    a.mov(qword(r13, U.guardEnd), 0);
    a.mov(qword(r13, U.litEnd), 0);
    a.mov(qword(r13, U.cmpEnd), 0);
    a.mov(qword(r13, U.dupEnd), 0);
    a.mov(qword(r13, U.inlEnd), 0);
    a.mov(qword(r13, U.pushEnd), 0);
    a.mov(qword(r13, U.swapEnd), 0);
    a.mov(qword(r13, U.lastTarget), 0);
    a.mov(qword(r13, U.leaveSp), 0);
    a.call(a.label('see_begin'));
    // colon-sys: a marker checked by ;
    tosPush(a);
    a.mov(rbx, 0x5eed);
    a.ret();
  }
  // emit_info: rax = info word; aligns code to 8 first.
  {
    a.bind(a.label('emit_info'));
    const pad = L();
    const padded = L();
    a.push(rax);
    a.bind(pad);
    a.test(qword(r13, U.chere), 7);
    a.jz(padded);
    a.mov(al, 0xcc);
    a.call(emitByte);
    a.jmp(pad);
    a.bind(padded);
    a.pop(rax);
    a.jmp(emitQword);
  }
  a.bind(a.label('new_code_word'));
  a.push(rsi);
  a.push(rcx);
  a.mov(eax, UNKNOWN_INFO);
  a.call(a.label('emit_info'));
  a.pop(rcx);
  a.pop(rsi);
  a.call(makeHeader);
  a.mov(rcx, qword(r13, U.chere));
  a.mov(qword(rax, HDR.xt), rcx);
  a.mov(qword(r13, U.lastXt), rcx);
  a.ret();
  // end_colon (;): a return (or the last call becomes a jump), stack effect into the info word, reveal.
  {
    a.bind(a.label('end_colon'));
    const ok = L();
    a.cmp(rbx, 0x5eed);
    a.je(ok);
    throwCode(THROW.controlMismatch);
    a.bind(ok);
    tosPop(a);
    a.call(a.label('compile_exit'));
    a.mov(qword(r13, U.vmActive), 0);
    // info: needs = -trackMin, net = trackDepth + 128 if tracking survived
    a.mov(rdx, qword(r13, U.lastXt));
    a.add(rdx, qword(r13, U.codeDelta));
    a.mov(rax, qword(r13, U.trackMin));
    a.neg(rax);
    a.cmp(rax, 254);
    a.mov(ecx, 254);
    a.cmova(eax, ecx);
    a.mov(byte(rdx, XI.needs), al);
    a.mov(byte(rdx, XI.net), 255);
    const noNet = L();
    a.cmp(qword(r13, U.trackOn), 0);
    a.je(noNet);
    a.mov(rax, qword(r13, U.trackDepth));
    a.add(rax, 128);
    a.cmp(rax, 254);
    a.ja(noNet);
    a.mov(byte(rdx, XI.net), al);
    a.bind(noNet);
    a.call(a.label('see_end'));
    const anon = L();
    a.mov(rax, qword(r13, U.defHdr));
    a.test(rax, rax);
    a.jz(anon);
    a.and(byte(rax, HDR.flags), ~HFLAG.hidden & 0xff);
    a.bind(anon);
    a.mov(qword(r13, U.state), 0);
    a.jmp(a.label('colon_ended'));
  }
  // compile_exit: ret, or turn the call just compiled into a jump (tail call) when no
  // branch lands after it.
  {
    a.bind(a.label('compile_exit'));
    const plain = L();
    const guarded = L();
    a.call(a.label('vm_flush'));
    a.mov(rax, qword(r13, U.callEnd));
    a.cmp(rax, qword(r13, U.chere));
    a.jne(plain);
    a.cmp(rax, qword(r13, U.guardEnd));
    a.je(guarded);
    a.cmp(rax, qword(r13, U.lastTarget));
    a.je(plain);
    // the callee must not read its return address
    a.movsxd(rcx, dword(rax, -4));
    a.add(rcx, rax); // target
    a.test(byte(rcx, XI.flags), INFO_FLAG.noTail);
    a.jnz(plain);
    a.add(rax, qword(r13, U.codeDelta));
    a.mov(byte(rax, -5), 0xe9);
    a.mov(qword(r13, U.callEnd), 0);
    a.ret();
    // a call after its callee's guard (compile_call): the jump over it lands on a ret after it
    a.bind(guarded);
    a.movsxd(rcx, dword(rax, -4));
    a.add(rcx, rax); // the callee after its guard
    a.test(byte(rcx, XI.flags - GUARD.size), INFO_FLAG.noTail);
    a.jnz(plain);
    a.add(rax, qword(r13, U.codeDelta));
    a.mov(byte(rax, -5), 0xe9);
    a.mov(qword(r13, U.callEnd), 0);
    a.mov(qword(r13, U.guardEnd), 0);
    a.bind(plain);
    a.mov(al, 0xc3);
    a.jmp(emitByte);
  }
  // check_code_room: code space must have room for a definition.
  {
    a.bind(a.label('check_code_room'));
    const ok = L();
    a.mov(rax, qword(r13, U.codeEnd));
    a.sub(rax, qword(r13, U.chere));
    a.cmp(rax, 64 * 1024);
    a.jg(ok);
    throwCode(THROW.dictionaryOverflow);
    a.bind(ok);
    a.ret();
  }
  a.bind(a.label('do_create'));
  a.push(rsi);
  a.push(rcx);
  a.call(a.label('check_code_room'));
  a.pop(rcx);
  a.pop(rsi);
  a.call(a.label('new_code_word'));
  // mark CREATE'd in the info word
  a.mov(rax, qword(r13, U.lastXt));
  a.mov(qword(r13, U.lastCreate), rax);
  a.add(rax, qword(r13, U.codeDelta));
  a.mov(byte(rax, XI.flags), INFO_FLAG.created);
  a.mov(byte(rax, XI.needs), 0);
  a.mov(byte(rax, XI.net), 128 + 1); // ( -- addr )
  // align data space: the body is aligned
  a.mov(rax, qword(r13, U.here));
  a.add(rax, 7);
  a.and(rax, -8);
  a.mov(qword(r13, U.here), rax);
  emitSeq(a, [...PUSH_TOS, ...MOVABS_RBX]);
  a.mov(rax, qword(r13, U.here));
  a.call(emitQword);
  // ret, then nops: with the ret, room for the `jmp rel32` that (DOES>) writes at CREATED.ret
  emitSeq(a, [0xc3, ...new Array<number>(CREATED.end - CREATED.ret - 1).fill(0x90)]);
  a.ret();

  // make_header: rsi/rcx = name → rax = header in CURRENT (xt to be filled in).
  {
    a.bind(makeHeader);
    const okLen = L();
    const nonEmpty = L();
    a.test(rcx, rcx);
    a.jnz(nonEmpty);
    throwCode(THROW.zeroLengthName);
    a.bind(nonEmpty);
    a.cmp(rcx, 255);
    a.jbe(okLen);
    throwCode(THROW.nameTooLong);
    a.bind(okLen);
    a.push(rsi);
    a.push(rcx);
    // align HERE
    a.mov(rax, qword(r13, U.here));
    a.add(rax, 7);
    a.and(rax, -8);
    a.mov(rdi, rax); // header
    a.mov(rdx, qword(r13, U.current));
    a.mov(qword(rdi, HDR.wid), rdx);
    a.mov(rax, qword(rdx, WL.latest));
    a.mov(qword(rdi, HDR.prev), rax);
    a.mov(qword(rdx, WL.latest), rdi);
    a.mov(qword(rdi, HDR.xt), 0);
    a.mov(qword(rdi, HDR.see), 0);
    a.mov(byte(rdi, HDR.flags), 0);
    a.mov(byte(rdi, HDR.nameLen), cl);
    // copy the name
    const copy = L();
    const copied = L();
    a.xor(eax, eax);
    a.bind(copy);
    a.cmp(rax, rcx);
    a.jae(copied);
    a.mov(r8b, byte(rsi, rax, 1, 0));
    a.mov(byte(rdi, rax, 1, HDR.name), r8b);
    a.add(rax, 1);
    a.jmp(copy);
    a.bind(copied);
    a.lea(rax, qword(rdi, rcx, 1, HDR.name + 7));
    a.and(rax, -8);
    a.mov(qword(r13, U.here), rax);
    // bucket
    a.pop(rcx);
    a.pop(rsi);
    a.call(a.label('name_hash')); // eax
    a.mov(rdx, qword(rdi, HDR.wid));
    a.lea(rdx, qword(rdx, rax, 8, WL.buckets));
    a.mov(rax, qword(rdx));
    a.mov(qword(rdi, HDR.bucketLink), rax);
    a.mov(qword(rdx), rdi);
    a.mov(qword(r13, U.latest), rdi);
    a.mov(rax, rdi);
    a.ret();
  }
  // name_hash: rsi/rcx → eax in [0, nbuckets). Case-insensitive.
  {
    a.bind(a.label('name_hash'));
    const loop = L();
    const done = L();
    a.push(rcx);
    a.push(rsi);
    a.mov(eax, 2166136261);
    a.bind(loop);
    a.test(rcx, rcx);
    a.jz(done);
    a.movzx(edx, byte(rsi));
    a.call(a.label('to_lower_dl'));
    a.xor(eax, edx);
    a.imul(eax, eax, 16777619);
    a.add(rsi, 1);
    a.sub(rcx, 1);
    a.jmp(loop);
    a.bind(done);
    a.mov(edx, eax);
    a.shr(edx, 16);
    a.xor(eax, edx);
    a.and(eax, WL.nbuckets - 1);
    a.pop(rsi);
    a.pop(rcx);
    a.ret();
    a.bind(a.label('to_lower_dl'));
    const notUpper = L();
    a.lea(r8d, dword(rdx, -65));
    a.cmp(r8d, 25);
    a.ja(notUpper);
    a.or(edx, 32);
    a.bind(notUpper);
    a.ret();
  }
  // search_wid: rsi/rcx = name, rdx = wid → rax = header or 0 (skips hidden headers).
  {
    a.bind(searchWid);
    const walk = L();
    const next = L();
    const cmpLoop = L();
    const found = L();
    const none = L();
    a.push(rdi);
    a.push(r10);
    a.push(r11);
    a.mov(r11, rdx); // name_hash clobbers rdx
    a.call(a.label('name_hash'));
    a.mov(rdi, qword(r11, rax, 8, WL.buckets));
    a.bind(walk);
    a.test(rdi, rdi);
    a.jz(none);
    a.test(byte(rdi, HDR.flags), HFLAG.hidden);
    a.jnz(next);
    a.movzx(eax, byte(rdi, HDR.nameLen));
    a.cmp(rax, rcx);
    a.jne(next);
    a.xor(r10d, r10d);
    a.bind(cmpLoop);
    a.cmp(r10, rcx);
    a.jae(found);
    a.movzx(edx, byte(rsi, r10, 1, 0));
    a.call(a.label('to_lower_dl'));
    a.mov(r11d, edx);
    a.movzx(edx, byte(rdi, r10, 1, HDR.name));
    a.call(a.label('to_lower_dl'));
    a.cmp(edx, r11d);
    a.jne(next);
    a.add(r10, 1);
    a.jmp(cmpLoop);
    a.bind(next);
    a.mov(rdi, qword(rdi, HDR.bucketLink));
    a.jmp(walk);
    a.bind(found);
    a.mov(rax, rdi);
    a.pop(r11);
    a.pop(r10);
    a.pop(rdi);
    a.ret();
    a.bind(none);
    a.xor(eax, eax);
    a.pop(r11);
    a.pop(r10);
    a.pop(rdi);
    a.ret();
  }
  // find_name: rsi/rcx → rax = header or 0, through the locals (if any), then the search order.
  {
    a.bind(findName);
    const loop = L();
    const none = L();
    const found = L();
    const order = L();
    a.push(r8);
    // the locals of the definition being compiled come first, whatever the search order
    a.mov(rdx, qword(r13, U.localsWid));
    a.test(rdx, rdx);
    a.jz(order);
    a.call(searchWid);
    a.test(rax, rax);
    a.jnz(found);
    a.bind(order);
    a.xor(r8d, r8d);
    a.bind(loop);
    a.cmp(r8, qword(r13, U.orderCount));
    a.jae(none);
    a.mov(rdx, qword(r13, r8, 8, U.order));
    a.push(r8);
    a.call(searchWid);
    a.pop(r8);
    a.test(rax, rax);
    a.jnz(found);
    a.add(r8, 1);
    a.jmp(loop);
    a.bind(none);
    a.xor(eax, eax);
    a.bind(found);
    a.pop(r8);
    a.ret();
  }
  a.bind(a.label('new_wordlist'));
  a.mov(rax, qword(r13, U.here));
  a.add(rax, 7);
  a.and(rax, -8);
  a.mov(rdi, rax);
  a.lea(rcx, qword(rax, WL.size));
  a.mov(qword(r13, U.here), rcx);
  a.xor(eax, eax);
  a.mov(ecx, WL.size / 8);
  a.push(rdi);
  a.cld();
  a.rep().stosq();
  a.pop(rax);
  a.mov(rcx, qword(r13, U.widChain));
  a.mov(qword(rax, WL.chain), rcx);
  a.mov(qword(r13, U.widChain), rax);
  a.ret();
}
