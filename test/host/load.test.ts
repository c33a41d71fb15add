/**
 * Assembled objects loaded with sc.load: their imports are looked up in
 * each sidecar they are loaded into, so code that calls into libc keeps
 * working after a restart (the new process has libc at another address).
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Sidecar } from '../../src/index.js';
import { linkFlat } from '../../src/link/index.js';
import { Assembler, eax, qword, rax, rdi, rsp } from '../../src/x86/index.js';

/** `long pid_plus(long k)`: getpid() + k through a call stub, and `labs` read from a data field (abs64). */
function object() {
  const a = new Assembler();
  a.global(a.here('pid_plus'));
  a.push(rdi);
  a.sub(rsp, 8);
  a.call(a.extern('getpid'));
  a.add(rsp, 8);
  a.pop(rdi);
  a.movsxd(rax, eax);
  a.add(rax, rdi);
  a.ret();
  a.global(a.here('labs_field'));
  a.mov(rax, qword(a.label('field')));
  a.ret();
  a.data();
  a.bind(a.label('field'));
  a.dq(a.extern('labs'));
  return a.finish();
}

describe('loaded objects and their imports', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 4 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('linkFlat without a resolver lists every import field; with one it fills them', () => {
    const obj = object();
    const img = linkFlat(obj);
    assert.deepEqual(img.imports?.map((i) => i.name).sort(), ['getpid', 'labs']);
    for (const i of img.imports ?? []) assert.equal(new DataView(img.bytes.buffer).getBigUint64(i.offset, true), 0n);
    const filled = linkFlat(obj, (n) => (n === 'labs' ? 0x1234n : 0x5678n));
    assert.equal(filled.imports, undefined);
    const labs = img.imports?.find((i) => i.name === 'labs');
    assert.equal(new DataView(filled.bytes.buffer).getBigUint64(labs?.offset ?? -1, true), 0x1234n);
    assert.throws(() => linkFlat(obj, () => undefined), /unresolved symbol/);
  });

  test('an object calling libc works in each sidecar it is loaded into, after restarts too', async () => {
    const code = await sc.load(object());
    const f = code.func('long pid_plus(long)', 'pid_plus');
    const field = code.func('unsigned long labs_field(void)', 'labs_field');
    const libc = await sc.library('c');
    for (let round = 0; round < 3; round++) {
      assert.equal(await f(1000n), BigInt(sc.pid + 1000), `round ${round}`);
      assert.equal(f.sync(7n), BigInt(sc.pid + 7));
      // The data field holds the address of labs in this sidecar.
      assert.equal(await field(), await libc.symbol('labs'));
      await sc.restart();
    }
  });
});
