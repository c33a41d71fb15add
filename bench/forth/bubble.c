/* bench/forth/bubble.c -- bubble.fth in C, the peer bench/forth.ts compiles with gcc -O2.
   The same work: fill 6000 cells from the LCG, exchange sort, check, checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 6000
static int64_t data[N];
static uint64_t seed;

static int64_t random_cell(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return (int64_t)(seed >> 33);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : N;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  seed = 12345;
  for (long i = 0; i < n; i++) data[i] = random_cell();
  for (long i = n - 1; i >= 1; i--)
    for (long j = 0; j < i; j++)
      if (data[j] > data[j + 1]) {
        int64_t t = data[j];
        data[j] = data[j + 1];
        data[j + 1] = t;
      }
  int sorted = 1;
  for (long i = 0; i < n - 1; i++)
    if (data[i] > data[i + 1]) {
      sorted = 0;
      break;
    }
  uint64_t sum = 0;
  for (long i = 0; i < n; i++) sum += (uint64_t)data[i] * (uint64_t)(i + 1);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("bubble: %s, checksum %llu\n", sorted ? "sorted" : "NOT SORTED", (unsigned long long)sum);
  printf("us=%ld\n", (t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
  return 0;
}
