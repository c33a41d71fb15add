/**
 * The part of the Forth system written in Forth, compiled by the kernel at
 * boot. Layout constants (header offsets, flags) are interpolated from
 * layout.ts so that the two halves agree.
 */

import { HDR, HFLAG, INFO, INFO_FLAG, WL } from './layout.js';
import { CORE } from './src/core.js';
import { EXTRA } from './src/extra.js';
import { FILES } from './src/files.js';
import { FLOATS } from './src/floats.js';

/**
 * Constants the Forth source refers to. (XI.FLAGS) is the offset of the info
 * word's flags from an xt (the XI of kernel/code.ts).
 */
function constants(): string {
  return `
${HDR.xt} CONSTANT (HDR.XT)   ${HDR.see} CONSTANT (HDR.SEE)
${HDR.flags} CONSTANT (HDR.FLAGS)   ${HDR.nameLen} CONSTANT (HDR.LEN)   ${HDR.name} CONSTANT (HDR.NAME)
${HDR.prev} CONSTANT (HDR.PREV)
${HFLAG.immediate} CONSTANT (F.IMMEDIATE)
${WL.latest} CONSTANT (WL.LATEST)   ${WL.name} CONSTANT (WL.NAME)   ${WL.chain} CONSTANT (WL.CHAIN)
${WL.buckets} CONSTANT (WL.BUCKETS)   ${WL.nbuckets * 8} CONSTANT (WL.BUCKETS-SIZE)
${INFO.flags - INFO.size} CONSTANT (XI.FLAGS)   ${INFO_FLAG.created} CONSTANT (IF.CREATED)
`;
}

/** The whole system source, in boot order. */
export function systemSource(): string {
  return [CORE.split('\\ @CONSTANTS@')[0], constants(), CORE.split('\\ @CONSTANTS@')[1], EXTRA, FLOATS, FILES].join(
    '\n',
  );
}
