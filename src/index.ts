/**
 * Sidecar: machine-level access for Node.js without native code in the host.
 *
 *   import { Sidecar } from 'sidecar';
 *   const sc = await Sidecar.start();
 *   const m = await sc.library('m');
 *   const cos = m.func('double cos(double)');
 *   await cos(0); // 1
 */

export { OutOfMemoryError } from './host/arena.js';
export { CacheError } from './host/cache.js';
export { type CKind, type CType, parsePrototype, type Signature } from './host/ctypes.js';
export type { ExitInfo } from './host/errors.js';
export {
  AbortError,
  LibraryError,
  SidecarError,
  SidecarExitedError,
  SidecarStartError,
  TimeoutError,
} from './host/errors.js';
export {
  type CallOptions,
  Library,
  LoadedCode,
  type NativeFunction,
  type RegionArray,
  type RegionArrayOf,
  Sidecar,
  type StartOptions,
} from './host/sidecar.js';
export { CBLAS, KNOWN_LIBRARIES, LAPACK } from './libs/registry.js';
