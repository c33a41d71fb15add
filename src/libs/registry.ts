/**
 * The known set of libraries and their prototypes, under the name the
 * package and the command have always imported it by. The table itself is
 * src/host/known.ts: the host opens these libraries and types their
 * functions from it, and a folder may import only from those below it.
 */

export {
  CBLAS,
  CBLAS_PROTOTYPES,
  KNOWN_LIBRARIES,
  type KnownLibrary,
  type KnownPrototype,
  knownSonames,
  LAPACK,
  LAPACKE_PROTOTYPES,
} from '../host/known.js';
