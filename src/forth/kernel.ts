/**
 * The Forth kernel: machine code the host assembles and loads into a running
 * sidecar (bootstrap stage 2). It holds what cannot be written in Forth
 * itself, or not as fast: the primitives, a native-code compiler
 * (subroutine threading, small primitives copied inline, literals folded
 * into instructions, comparisons fused with branches), the dictionary, the
 * text interpreter, CATCH/THROW, and the signal handler that turns faults
 * into THROWs. Everything else is Forth source compiled at boot
 * (src/forth/lib/*.fs, put together by system.ts), among it the stack model
 * the compiler consults first (lib/optimise.fs, kernel/stackmodel.ts).
 *
 * Each concern is a file of its own under kernel/, all writing into one
 * builder (kernel/context.ts). This file is the table of contents: the
 * order below is the order of the code in the kernel, the primitives first
 * (the order of their headers in the dictionary), then the routines they
 * share, the signal handler, the entry points and the data.
 *
 * Register use and data layout: src/forth/layout.ts. Entry points:
 * kernel/entry.ts.
 */

import type { ObjectCode } from '../x86/index.js';
import { arithmeticWords } from './kernel/arithmetic.js';
import { ccallAlignedRoutine, ccallWords } from './kernel/ccall.js';
import { codeEmitters, compilerWords, controlFlowChecks, seeRecorder } from './kernel/compiler.js';
import { newBuilder } from './kernel/context.js';
import { definitionRoutines, dictionaryWords } from './kernel/dictionary.js';
import { entryPoints, kernelData } from './kernel/entry.js';
import { colonSnapshotRoutines, culpritRoutine, exceptionWords, signalHandler } from './kernel/exceptions.js';
import { floatWords } from './kernel/floats.js';
import { interpreterRoutines, interpreterWords } from './kernel/interpreter.js';
import { flushOutRoutine, ioWords } from './kernel/io.js';
import { localsWords } from './kernel/locals.js';
import { memoryWords } from './kernel/memory.js';
import { effectTracking, peepholeHandlers } from './kernel/peephole.js';
import { stackWords } from './kernel/stack.js';
import { stackModelDoor } from './kernel/stackmodel.js';
import { checkLayout } from './layout.js';

export function buildForthKernel(): ObjectCode {
  checkLayout();
  const k = newBuilder();
  k.a.bind(k.L('kernel_start'));
  // primitives
  stackWords(k);
  arithmeticWords(k);
  memoryWords(k);
  floatWords(k);
  ioWords(k);
  ccallWords(k);
  exceptionWords(k);
  compilerWords(k);
  dictionaryWords(k);
  interpreterWords(k);
  localsWords(k);
  // routines
  codeEmitters(k);
  peepholeHandlers(k);
  controlFlowChecks(k);
  effectTracking(k);
  definitionRoutines(k);
  interpreterRoutines(k);
  culpritRoutine(k);
  flushOutRoutine(k);
  ccallAlignedRoutine(k);
  seeRecorder(k);
  stackModelDoor(k);
  signalHandler(k);
  colonSnapshotRoutines(k);
  entryPoints(k);
  kernelData(k);
  return k.a.finish();
}
