/**
 * The known set of libraries: what a sidecar may load without being told,
 * by short name, with the sonames to try in order and ready-made prototypes
 * for their common functions (so `m.func('cos')` needs no prototype).
 * Anything else must be listed in `allow` when the sidecar starts.
 *
 * It lives with the host, which opens these libraries (`sc.library`) and
 * types their functions from it; src/libs/registry.ts is its public name,
 * and the facades over it (src/libs/blas.ts, lapack.ts) sit above the host.
 */

export interface KnownLibrary {
  /** Short name (`m`, `openblas`). */
  name: string;
  description: string;
  /** Sonames to try, in order. */
  sonames: string[];
  /** Prototypes of common functions, by function name. */
  prototypes: Record<string, string>;
  /**
   * What functions do with pointers beyond the call, by function name: a
   * pointer argument kept after they return (a JS string is copied for the
   * call only, so these need `sc.cstring`), or a result the caller frees.
   */
  pointers?: Record<string, string>;
}

const byName = new WeakMap<readonly string[], Record<string, string>>();

/** The prototypes of `list` by function name, made the first time a library's are asked for (not at import). */
function protos(list: readonly string[]): Record<string, string> {
  let out = byName.get(list);
  if (!out) {
    out = {};
    for (const p of list) {
      const m = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(p);
      if (m) out[m[1] as string] = p;
    }
    byName.set(list, out);
  }
  return out;
}

// The lists are literal types (`as const`) so that `m.func('hypot')` is typed from its prototype at compile time.
// biome-ignore format: a table
const mathUnary = [
  'cos', 'sin', 'tan', 'acos', 'asin', 'atan', 'cosh', 'sinh', 'tanh', 'acosh', 'asinh', 'atanh',
  'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'cbrt', 'fabs', 'floor', 'ceil',
  'round', 'trunc', 'rint', 'nearbyint', 'erf', 'erfc', 'tgamma', 'lgamma', 'j0', 'j1', 'y0', 'y1',
] as const;
const mathBinary = [
  'atan2',
  'pow',
  'hypot',
  'fmod',
  'remainder',
  'fmin',
  'fmax',
  'fdim',
  'copysign',
  'nextafter',
] as const;

const C_PROTOTYPES = [
  'size_t strlen(const char *s)',
  'void *memcpy(void *dest, const void *src, size_t n)',
  'void *memset(void *s, int c, size_t n)',
  'int memcmp(const void *a, const void *b, size_t n)',
  'int strcmp(const char *a, const char *b)',
  'void *malloc(size_t size)',
  'void *calloc(size_t n, size_t size)',
  'void *realloc(void *p, size_t size)',
  'void free(void *p)',
  'int getpid(void)',
  'unsigned int sleep(unsigned int seconds)',
  'int usleep(unsigned int usec)',
  'int abs(int x)',
  'long labs(long x)',
  'int atoi(const char *s)',
  'long strtol(const char *s, char **end, int base)',
  'double strtod(const char *s, char **end)',
  'int puts(const char *s)',
  'int fflush(void *stream)',
  'char *getenv(const char *name)',
  'char *strdup(const char *s)',
  'char *realpath(const char *path, char *resolved)',
  'const char *strerror(int errnum)',
  'long time(long *t)',
  'int rand(void)',
  'void srand(unsigned int seed)',
  'int toupper(int c)',
  'int tolower(int c)',
  'ssize_t write(int fd, const void *buf, size_t n)',
  'ssize_t read(int fd, void *buf, size_t n)',
  'int close(int fd)',
] as const;

const M_PROTOTYPES = [
  ...mathUnary.map((f) => `double ${f}(double x)` as const),
  ...mathBinary.map((f) => `double ${f}(double x, double y)` as const),
  'double fma(double x, double y, double z)',
  'double ldexp(double x, int e)',
  'double frexp(double x, int *e)',
  'double modf(double x, double *ip)',
  'float cosf(float x)',
  'float sinf(float x)',
  'float sqrtf(float x)',
  'float expf(float x)',
  'float logf(float x)',
  'float powf(float x, float y)',
] as const;

const Z_PROTOTYPES = [
  'const char *zlibVersion(void)',
  'unsigned long compressBound(unsigned long sourceLen)',
  'int compress(unsigned char *dest, unsigned long *destLen, const unsigned char *source, unsigned long sourceLen)',
  'int compress2(unsigned char *dest, unsigned long *destLen, const unsigned char *source, unsigned long sourceLen, int level)',
  'int uncompress(unsigned char *dest, unsigned long *destLen, const unsigned char *source, unsigned long sourceLen)',
  'unsigned long crc32(unsigned long crc, const unsigned char *buf, unsigned int len)',
  'unsigned long adler32(unsigned long adler, const unsigned char *buf, unsigned int len)',
] as const;

const SQLITE3_PROTOTYPES = [
  'const char *sqlite3_libversion(void)',
  'int sqlite3_open(const char *filename, void **db)',
  'int sqlite3_close(void *db)',
  'int sqlite3_exec(void *db, const char *sql, void *callback, void *arg, char **errmsg)',
  'const char *sqlite3_errmsg(void *db)',
  'int sqlite3_prepare_v2(void *db, const char *sql, int nbyte, void **stmt, const char **tail)',
  'int sqlite3_step(void *stmt)',
  'int sqlite3_reset(void *stmt)',
  'int sqlite3_finalize(void *stmt)',
  'int sqlite3_column_count(void *stmt)',
  'long long sqlite3_column_int64(void *stmt, int col)',
  'double sqlite3_column_double(void *stmt, int col)',
  'const unsigned char *sqlite3_column_text(void *stmt, int col)',
  'int sqlite3_column_bytes(void *stmt, int col)',
  'int sqlite3_bind_int64(void *stmt, int i, long long v)',
  'int sqlite3_bind_double(void *stmt, int i, double v)',
  'int sqlite3_bind_text(void *stmt, int i, const char *text, int n, void *destructor)',
  'int sqlite3_changes(void *db)',
  'void sqlite3_free(void *p)',
] as const;

const CURL_PROTOTYPES = [
  'char *curl_version(void)',
  'int curl_global_init(long flags)',
  'void *curl_easy_init(void)',
  'void curl_easy_cleanup(void *curl)',
  'int curl_easy_perform(void *curl)',
  'const char *curl_easy_strerror(int code)',
  'int curl_easy_setopt(void *curl, int option, void *param)',
  'int curl_easy_getinfo(void *curl, int info, void *out)',
] as const;

const CRYPTO_PROTOTYPES = [
  'const char *OpenSSL_version(int t)',
  'unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md)',
  'unsigned char *SHA1(const unsigned char *d, size_t n, unsigned char *md)',
  'unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md)',
  'int RAND_bytes(unsigned char *buf, int num)',
] as const;

/**
 * The CBLAS functions of one precision (`d`/`double`, `s`/`float`): levels 1-3.
 * Enum arguments (order, trans, uplo, diag, side) are `int`s (the CBLAS
 * constants below). `i?amax` is declared `int`: OpenBLAS returns a size_t,
 * BLIS a 32-bit integer, and the low 32 bits are the index in both.
 */
function cblas<R extends 'double' | 'float', P extends 'd' | 's'>(r: R, p: P) {
  return [
    `${r} cblas_${p}dot(int n, const ${r} *x, int incx, const ${r} *y, int incy)`,
    `void cblas_${p}axpy(int n, ${r} alpha, const ${r} *x, int incx, ${r} *y, int incy)`,
    `void cblas_${p}scal(int n, ${r} alpha, ${r} *x, int incx)`,
    `${r} cblas_${p}nrm2(int n, const ${r} *x, int incx)`,
    `${r} cblas_${p}asum(int n, const ${r} *x, int incx)`,
    `void cblas_${p}copy(int n, const ${r} *x, int incx, ${r} *y, int incy)`,
    `void cblas_${p}swap(int n, ${r} *x, int incx, ${r} *y, int incy)`,
    `int cblas_i${p}amax(int n, const ${r} *x, int incx)`,
    `void cblas_${p}gemv(int order, int trans, int m, int n, ${r} alpha, const ${r} *a, int lda, const ${r} *x, int incx, ${r} beta, ${r} *y, int incy)`,
    `void cblas_${p}ger(int order, int m, int n, ${r} alpha, const ${r} *x, int incx, const ${r} *y, int incy, ${r} *a, int lda)`,
    `void cblas_${p}symv(int order, int uplo, int n, ${r} alpha, const ${r} *a, int lda, const ${r} *x, int incx, ${r} beta, ${r} *y, int incy)`,
    `void cblas_${p}trmv(int order, int uplo, int trans, int diag, int n, const ${r} *a, int lda, ${r} *x, int incx)`,
    `void cblas_${p}trsv(int order, int uplo, int trans, int diag, int n, const ${r} *a, int lda, ${r} *x, int incx)`,
    `void cblas_${p}gemm(int order, int transa, int transb, int m, int n, int k, ${r} alpha, const ${r} *a, int lda, const ${r} *b, int ldb, ${r} beta, ${r} *c, int ldc)`,
    `void cblas_${p}syrk(int order, int uplo, int trans, int n, int k, ${r} alpha, const ${r} *a, int lda, ${r} beta, ${r} *c, int ldc)`,
    `void cblas_${p}symm(int order, int side, int uplo, int m, int n, ${r} alpha, const ${r} *a, int lda, const ${r} *b, int ldb, ${r} beta, ${r} *c, int ldc)`,
    `void cblas_${p}trmm(int order, int side, int uplo, int transa, int diag, int m, int n, ${r} alpha, const ${r} *a, int lda, ${r} *b, int ldb)`,
    `void cblas_${p}trsm(int order, int side, int uplo, int transa, int diag, int m, int n, ${r} alpha, const ${r} *a, int lda, ${r} *b, int ldb)`,
  ] as const;
}

/** CBLAS in double and float: what OpenBLAS and BLIS both export. */
export const CBLAS_PROTOTYPES = [...cblas('double', 'd'), ...cblas('float', 's')] as const;

const OPENBLAS_PROTOTYPES = [
  ...CBLAS_PROTOTYPES,
  'int openblas_get_num_threads(void)',
  'void openblas_set_num_threads(int n)',
  'int openblas_get_num_procs(void)',
  'int openblas_get_parallel(void)',
  'char *openblas_get_config(void)',
  'char *openblas_get_corename(void)',
] as const;

const BLIS_PROTOTYPES = [
  ...CBLAS_PROTOTYPES,
  'char *bli_info_get_version_str(void)',
  'int64_t bli_thread_get_num_threads(void)',
  'void bli_thread_set_num_threads(int64_t n)',
  'int bli_arch_query_id(void)',
  'const char *bli_arch_string(int id)',
] as const;

/** The LAPACKE routines of one precision (matrices in the layout of the first argument; `info` is the result). */
function lapacke<R extends 'double' | 'float', P extends 'd' | 's'>(r: R, p: P) {
  return [
    `int LAPACKE_${p}gesv(int layout, int n, int nrhs, ${r} *a, int lda, int *ipiv, ${r} *b, int ldb)`,
    `int LAPACKE_${p}getrf(int layout, int m, int n, ${r} *a, int lda, int *ipiv)`,
    `int LAPACKE_${p}getrs(int layout, char trans, int n, int nrhs, const ${r} *a, int lda, const int *ipiv, ${r} *b, int ldb)`,
    `int LAPACKE_${p}getri(int layout, int n, ${r} *a, int lda, const int *ipiv)`,
    `int LAPACKE_${p}potrf(int layout, char uplo, int n, ${r} *a, int lda)`,
    `int LAPACKE_${p}potrs(int layout, char uplo, int n, int nrhs, const ${r} *a, int lda, ${r} *b, int ldb)`,
    `int LAPACKE_${p}syev(int layout, char jobz, char uplo, int n, ${r} *a, int lda, ${r} *w)`,
    `int LAPACKE_${p}syevd(int layout, char jobz, char uplo, int n, ${r} *a, int lda, ${r} *w)`,
    `int LAPACKE_${p}gesdd(int layout, char jobz, int m, int n, ${r} *a, int lda, ${r} *s, ${r} *u, int ldu, ${r} *vt, int ldvt)`,
    `int LAPACKE_${p}gesvd(int layout, char jobu, char jobvt, int m, int n, ${r} *a, int lda, ${r} *s, ${r} *u, int ldu, ${r} *vt, int ldvt, ${r} *superb)`,
    `int LAPACKE_${p}gels(int layout, char trans, int m, int n, int nrhs, ${r} *a, int lda, ${r} *b, int ldb)`,
    `int LAPACKE_${p}geqrf(int layout, int m, int n, ${r} *a, int lda, ${r} *tau)`,
    `int LAPACKE_${p}orgqr(int layout, int m, int n, int k, ${r} *a, int lda, const ${r} *tau)`,
  ] as const;
}

export const LAPACKE_PROTOTYPES = [...lapacke('double', 'd'), ...lapacke('float', 's')] as const;

/** What `sc.python()` calls in libpython before its own helper takes over (the rest goes through Python). */
const PYTHON_PROTOTYPES = [
  'void Py_InitializeEx(int initsigs)',
  'int Py_IsInitialized(void)',
  'const char *Py_GetVersion(void)',
  'int PyRun_SimpleString(const char *command)',
  'void *PyEval_SaveThread(void)',
  'int PyGILState_Ensure(void)',
  'void PyGILState_Release(int state)',
] as const;

/** Every ready-made prototype of the known set, as literal types (`lib.func('hypot')` is typed from it). */
export type KnownPrototype =
  | (typeof C_PROTOTYPES)[number]
  | (typeof M_PROTOTYPES)[number]
  | (typeof Z_PROTOTYPES)[number]
  | (typeof SQLITE3_PROTOTYPES)[number]
  | (typeof CURL_PROTOTYPES)[number]
  | (typeof CRYPTO_PROTOTYPES)[number]
  | (typeof OPENBLAS_PROTOTYPES)[number]
  | (typeof BLIS_PROTOTYPES)[number]
  | (typeof LAPACKE_PROTOTYPES)[number]
  | (typeof PYTHON_PROTOTYPES)[number];

export const KNOWN_LIBRARIES: Readonly<Record<string, KnownLibrary>> = {
  c: {
    name: 'c',
    description: 'the C library (glibc)',
    sonames: ['libc.so.6'],
    get prototypes() {
      return protos(C_PROTOTYPES);
    },
    pointers: {
      strdup: "the result is the caller's: c.func('strdup', { free: true }) frees it after reading",
      realpath: "with resolved NULL the result is malloc'd: c.func('realpath', { free: true })",
      getenv: 'the result is the environment itself: never free it',
    },
  },
  m: {
    name: 'm',
    description: 'the C math library',
    sonames: ['libm.so.6'],
    get prototypes() {
      return protos(M_PROTOTYPES);
    },
  },
  z: {
    name: 'z',
    description: 'zlib compression',
    sonames: ['libz.so.1'],
    get prototypes() {
      return protos(Z_PROTOTYPES);
    },
  },
  sqlite3: {
    name: 'sqlite3',
    description: 'SQLite',
    sonames: ['libsqlite3.so.0'],
    get prototypes() {
      return protos(SQLITE3_PROTOTYPES);
    },
    pointers: {
      sqlite3_bind_text:
        'keeps text until the statement is finalized or the parameter rebound when destructor is SQLITE_STATIC (0n): pass sc.cstring(text) and free it after sqlite3_finalize; SQLITE_TRANSIENT (-1n) makes sqlite copy it, so a JS string is fine',
      sqlite3_prepare_v2:
        '*tail points into sql: for a JS string that is a copy released when the call returns; pass sc.cstring(sql) to use the tail',
      sqlite3_exec: '*errmsg is allocated by sqlite: release it with sqlite3_free, not libc free',
      sqlite3_column_text:
        "the result points into sqlite's memory until the next step, reset or finalize: read it (sc.readCString) before that",
    },
  },
  curl: {
    name: 'curl',
    description: 'libcurl (easy API; curl_easy_setopt is declared per argument type)',
    sonames: ['libcurl.so.4', 'libcurl-gnutls.so.4'],
    get prototypes() {
      return protos(CURL_PROTOTYPES);
    },
    pointers: {
      curl_easy_setopt:
        'CURLOPT_POSTFIELDS (10015) keeps its pointer until the transfer is done: pass sc.cstring(body) and free it after curl_easy_perform (curl copies the other string options)',
    },
  },
  crypto: {
    name: 'crypto',
    description: 'OpenSSL libcrypto',
    sonames: ['libcrypto.so.3', 'libcrypto.so.1.1'],
    get prototypes() {
      return protos(CRYPTO_PROTOTYPES);
    },
  },
  openblas: {
    name: 'openblas',
    description: 'OpenBLAS (CBLAS interface)',
    sonames: ['libopenblas.so.0', 'libopenblas.so', 'libcblas.so.3', 'libblas.so.3'],
    get prototypes() {
      return protos(OPENBLAS_PROTOTYPES);
    },
  },
  lapacke: {
    name: 'lapacke',
    description: 'LAPACKE (C interface to LAPACK)',
    sonames: ['liblapacke.so.3', 'liblapacke.so'],
    get prototypes() {
      return protos(LAPACKE_PROTOTYPES);
    },
  },
  blis: {
    name: 'blis',
    description: 'BLIS (its CBLAS interface)',
    sonames: ['libblis.so.4', 'libblis.so.3', 'libblis.so'],
    get prototypes() {
      return protos(BLIS_PROTOTYPES);
    },
  },
  python: {
    name: 'python',
    description: 'the CPython runtime (sc.python() opens it RTLD_GLOBAL for extension modules)',
    sonames: [
      'libpython3.14.so.1.0',
      'libpython3.13.so.1.0',
      'libpython3.12.so.1.0',
      'libpython3.11.so.1.0',
      'libpython3.10.so.1.0',
      'libpython3.9.so.1.0',
    ],
    get prototypes() {
      return protos(PYTHON_PROTOTYPES);
    },
  },
};

/** CBLAS enum values, for the prototypes above. */
export const CBLAS = {
  RowMajor: 101,
  ColMajor: 102,
  NoTrans: 111,
  Trans: 112,
  ConjTrans: 113,
  Upper: 121,
  Lower: 122,
  NonUnit: 131,
  Unit: 132,
  Left: 141,
  Right: 142,
} as const;

export const LAPACK = { RowMajor: 101, ColMajor: 102 } as const;

/** The sonames of the known set (every candidate of every library). */
export function knownSonames(): Set<string> {
  return new Set(Object.values(KNOWN_LIBRARIES).flatMap((l) => l.sonames));
}
