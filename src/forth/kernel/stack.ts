/**
 * Stack primitives: the data stack, the return stack and the indices of
 * DO loops.
 *
 * The data stack grows down from U.s0 with its top cached in rbx and rbp
 * pointing at the second item, so DUP is one store and DROP one load; the
 * return stack is the machine stack (rsp), shared with the return addresses
 * of the subroutine-threaded code. A called primitive that touches the
 * return stack must step over its own return address; each such word has a
 * second, inline body (`inlineBody`) that the compiler copies into the
 * definition instead, where there is no return address in the way. The
 * innermost DO loop lives in r14/r15 (layout.ts), so I is one `lea`.
 */

import { qword, r13, r14, r15, rax, rbp, rbx, rcx, rdx, rsp } from '../../x86/index.js';
import { THROW, U } from '../layout.js';
import type { A, Builder } from './context.js';

/** DUP … UNLOOP. */
export function stackWords(k: Builder): void {
  const { tosPush, tosPop, throwCode, prim, alias } = k;
  const { dupSpecial } = k.r;
  const { pusher } = k;
  prim('DUP', '( x -- x x )', { inline: true, special: dupSpecial }, (x) => tosPush(x));
  prim('DROP', '( x -- )', { inline: true }, (x) => tosPop(x));
  alias('D>S', 'DROP'); // ( d -- n )
  prim('SWAP', '( a b -- b a )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(qword(rbp), rbx);
    x.mov(rbx, rax);
  });
  // `5 OVER`: both pushed at once, the top stays in rbx.
  const overLit = (s: A): void => {
    s.sub(rbp, 16);
    s.mov(qword(rbp, 8), rbx);
    s.mov(qword(rbp), 0x1234_5678);
  };
  prim('OVER', '( a b -- a b a )', { inline: true, special: pusher((s) => s.mov(rax, qword(rbp)), overLit) }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(rbp, 8));
  });
  prim('ROT', '( a b c -- b c a )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.mov(qword(rbp, 8), rcx);
    x.mov(qword(rbp), rbx);
    x.mov(rbx, rax);
  });
  prim('-ROT', '( a b c -- c a b )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rax);
    x.mov(rbx, rcx);
  });
  prim('NIP', '( a b -- b )', { inline: true }, (x) => x.lea(rbp, qword(rbp, 8)));
  prim('TUCK', '( a b -- b a b )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.sub(rbp, 8);
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rax);
  });
  prim('?DUP', '( x -- 0 | x x )', { inline: true, needs: 1 }, (x) => {
    const z = x.label();
    x.test(rbx, rbx);
    x.jz(z);
    tosPush(x);
    x.bind(z);
  });
  prim('2DUP', '( a b -- a b a b )', { inline: true }, (x) => {
    x.sub(rbp, 16);
    x.mov(rax, qword(rbp, 16));
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rax);
  });
  prim('2DROP', '( a b -- )', { inline: true }, (x) => {
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('2SWAP', '( x1 x2 x3 x4 -- x3 x4 x1 x2 )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(rcx, qword(rbp, 8));
    x.mov(rdx, qword(rbp, 16));
    x.mov(qword(rbp, 16), rax);
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rdx);
    x.mov(rbx, rcx);
  });
  prim('2OVER', '( x1 x2 x3 x4 -- x1 x2 x3 x4 x1 x2 )', { inline: true }, (x) => {
    x.sub(rbp, 16);
    x.mov(qword(rbp, 8), rbx);
    x.mov(rax, qword(rbp, 32));
    x.mov(qword(rbp), rax);
    x.mov(rbx, qword(rbp, 24));
  });
  prim('PICK', '( xu..x0 u -- xu..x0 xu )', { needs: 1 }, (x) => {
    // with u checked against the depth
    const under = x.label();
    x.mov(rax, qword(r13, U.s0));
    x.sub(rax, rbp);
    x.sar(rax, 3);
    x.sub(rax, 1); // items below the top
    x.cmp(rbx, rax);
    x.jae(under);
    x.mov(rbx, qword(rbp, rbx, 8, 0));
    x.ret();
    x.bind(under);
    throwCode(THROW.stackUnderflow);
  });
  alias('CS-PICK', 'PICK'); // the control-flow stack is the data stack
  prim('DEPTH', '( -- n )', {}, (x) => {
    x.mov(rax, qword(r13, U.s0));
    x.sub(rax, rbp);
    x.sar(rax, 3);
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  prim('SP@', '( -- addr )', { inline: true }, (x) => {
    // address of the second item (the top is in a register)
    x.mov(rax, rbp);
    tosPush(x);
    x.mov(rbx, rax);
  });
  prim('SP!', '( i*x addr -- j*x )', { needs: 1 }, (x) => {
    // set the data stack pointer; the new top is loaded from memory
    x.mov(rbp, rbx);
    tosPop(x);
    x.ret();
  });
  prim(
    '>R',
    '( x -- ) ( R: -- x )',
    {
      inlineBody: (x) => {
        x.push(rbx);
        tosPop(x);
      },
    },
    (x) => {
      x.pop(rax);
      x.push(rbx);
      tosPop(x);
      x.jmp(rax);
    },
  );
  prim(
    'R>',
    '( -- x ) ( R: x -- )',
    {
      special: pusher((s) => s.pop(rax)),
      inlineBody: (x) => {
        tosPush(x);
        x.pop(rbx);
      },
    },
    (x) => {
      x.pop(rax);
      tosPush(x);
      x.pop(rbx);
      x.jmp(rax);
    },
  );
  prim(
    'R@',
    '( -- x ) ( R: x -- x )',
    {
      special: pusher((s) => s.mov(rax, qword(rsp))),
      inlineBody: (x) => {
        tosPush(x);
        x.mov(rbx, qword(rsp));
      },
    },
    (x) => {
      tosPush(x);
      x.mov(rbx, qword(rsp, 8));
      x.ret();
    },
  );
  prim(
    '2>R',
    '( a b -- ) ( R: -- a b )',
    {
      inlineBody: (x) => {
        x.push(qword(rbp));
        x.push(rbx);
        x.mov(rbx, qword(rbp, 8));
        x.lea(rbp, qword(rbp, 16));
      },
    },
    (x) => {
      x.pop(rax);
      x.push(qword(rbp));
      x.push(rbx);
      x.mov(rbx, qword(rbp, 8));
      x.lea(rbp, qword(rbp, 16));
      x.jmp(rax);
    },
  );
  prim(
    '2R>',
    '( -- a b ) ( R: a b -- )',
    {
      inlineBody: (x) => {
        x.sub(rbp, 16);
        x.mov(qword(rbp, 8), rbx);
        x.pop(rbx);
        x.pop(rax);
        x.mov(qword(rbp), rax);
      },
    },
    (x) => {
      x.pop(rcx);
      x.sub(rbp, 16);
      x.mov(qword(rbp, 8), rbx);
      x.pop(rbx);
      x.pop(rax);
      x.mov(qword(rbp), rax);
      x.jmp(rcx);
    },
  );
  prim(
    '2R@',
    '( -- a b ) ( R: a b -- a b )',
    {
      inlineBody: (x) => {
        x.sub(rbp, 16);
        x.mov(qword(rbp, 8), rbx);
        x.mov(rax, qword(rsp, 8));
        x.mov(qword(rbp), rax);
        x.mov(rbx, qword(rsp));
      },
    },
    (x) => {
      x.sub(rbp, 16);
      x.mov(qword(rbp, 8), rbx);
      x.mov(rax, qword(rsp, 16));
      x.mov(qword(rbp), rax);
      x.mov(rbx, qword(rsp, 8));
      x.ret();
    },
  );
  prim('RDROP', '( R: x -- )', { inlineBody: (x) => x.add(rsp, 8) }, (x) => {
    x.pop(rax);
    x.add(rsp, 8);
    x.jmp(rax);
  });
  prim(
    'RP@',
    '( -- addr )',
    {
      inlineBody: (x) => {
        tosPush(x);
        x.mov(rbx, rsp);
      },
    },
    (x) => {
      // the return stack pointer of the caller
      tosPush(x);
      x.lea(rbx, qword(rsp, 8));
      x.ret();
    },
  );
  prim(
    'I',
    '( -- n )',
    { compileOnly: true, inline: true, special: pusher((s) => s.lea(rax, qword(r14, r15, 1, 0))) },
    (x) => {
      // index of the innermost DO loop
      tosPush(x);
      x.lea(rbx, qword(r14, r15, 1, 0));
    },
  );
  prim(
    'J',
    '( -- n )',
    {
      compileOnly: true,
      special: pusher((s) => {
        s.mov(rax, qword(rsp));
        s.add(rax, qword(rsp, 8));
      }),
      inlineBody: (x) => {
        tosPush(x);
        x.mov(rbx, qword(rsp));
        x.add(rbx, qword(rsp, 8));
      },
    },
    (x) => {
      // index of the next outer DO loop
      tosPush(x);
      x.mov(rbx, qword(rsp, 8));
      x.add(rbx, qword(rsp, 16));
      x.ret();
    },
  );
  prim(
    'UNLOOP',
    '( -- ) ( R: loop-sys -- )',
    {
      compileOnly: true,
      inlineBody: (x) => {
        x.pop(r14);
        x.pop(r15);
      },
    },
    (x) => {
      x.pop(rax);
      x.pop(r14);
      x.pop(r15);
      x.jmp(rax);
    },
  );
}
