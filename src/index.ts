/**
 * Sidecar: machine-level access for Node.js without native code in the host.
 *
 *   import { Sidecar } from 'sidecar';
 *   const sc = await Sidecar.start();
 *   const m = await sc.library('m');
 *   const cos = m.func('double cos(double)');
 *   await cos(0); // 1
 */

import { provideJailLoader } from './host/jailing.js';
// The Forth's methods on Sidecar (sc.forth, sc.forthDefine, ...).
import './forth/methods.js';
// The matrix operations as methods of Matrix (a.matmul(b), a.add(b), ...).
import './matrix/methods.js';
// sc.python(): the CPython interpreter of a sidecar.
import './python/methods.js';

// The jail (Sidecar.start({ jail })), loaded by the first start that asks for one.
provideJailLoader(() => import('./jail/index.js'));

export { ForthError } from './forth/errors.js';
export type { ForthEvalOptions, ForthResult, ForthSession } from './forth/session.js';
export { OutOfMemoryError } from './host/arena.js';
export { CacheError } from './host/build/cache.js';
export type { CallOptions, FunctionOptions, NativeFunction, WithErrno } from './host/call.js';
export { LoadedCode } from './host/code.js';
export { type CKind, type CType, parsePrototype, type Signature } from './host/ctypes.js';
export type { ExitInfo, ExitRequest } from './host/errors.js';
export {
  AbortError,
  JailViolationError,
  LibraryError,
  MemoryAccessError,
  ProtocolError,
  RestartLimitError,
  SidecarError,
  SidecarExitedError,
  SidecarStartError,
  TimeoutError,
} from './host/errors.js';
export type { JailOptions, JailReport } from './host/jailing.js';
export { Library } from './host/library.js';
export type { RegionArray } from './host/marshal.js';
export type { SidecarOutput } from './host/output.js';
export { MAX_POOL, Pool, type PoolOptions } from './host/pool.js';
export { type RegionArrayOf, Sidecar, type StartOptions } from './host/sidecar.js';
export { defineStruct, type StructType, type StructValue } from './host/structs.js';
export type { RestartPolicy } from './host/supervisor.js';
export type { ArgsOfPrototype, FunctionOf, ResultOfPrototype } from './host/typed.js';
export { type Blas, blis, type CblasFunctions, type LibraryOpener, openBlas } from './libs/blas.js';
export { LinAlgError, type LinAlgErrorKind } from './libs/errors.js';
export { type CheckedRoutine, type Lapack, type LapackFunctions, lapacke } from './libs/lapack.js';
export { CBLAS, KNOWN_LIBRARIES, type KnownPrototype, LAPACK } from './libs/registry.js';
export { BACKENDS, type BackendName } from './matrix/backends.js';
export type { ElementOptions, NormKind } from './matrix/elementwise.js';
export type { SolverBackend, SolverOptions } from './matrix/linalg.js';
export type { MatmulOptions } from './matrix/matmul.js';
export { type Compute, type ElementType, Matrix } from './matrix/matrix.js';
export { PythonError } from './python/errors.js';
export { Kwargs, kwargs, PyObject, type PythonCallOptions } from './python/objects.js';
export type { PyFunction, Python } from './python/python.js';
export type { PythonStartOptions } from './python/session.js';
