/* bench/forth/matrix.c -- matrix.fth in C, the peer bench/forth.ts compiles with gcc -O2.
   The same work: fill A and B, C = A * B (200 x 200 cells), checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MN 200
static int64_t ma[MN][MN], mb[MN][MN], mc[MN][MN];

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : MN;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) {
      ma[i][j] = (i + 2 * j) % 7 - 3;
      mb[i][j] = (3 * i + j) % 11 - 5;
    }
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) {
      int64_t sum = 0;
      for (long k = 0; k < n; k++) sum += ma[i][k] * mb[k][j];
      mc[i][j] = sum;
    }
  int64_t check = 0;
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) check += mc[i][j] * (i * MN + j + 1);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("matrix: checksum %lld\n", (long long)check);
  printf("us=%ld\n", (t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
  return 0;
}
