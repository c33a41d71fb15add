/* bench/forth/sieve.c -- sieve.fth in C, the peer bench/forth.ts compiles with gcc -O2.
   The same work: 1000 passes of the BYTE sieve over 8190 flags. Prints the
   result line, then the time of the work in microseconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SIZE 8190
static char flags[SIZE];

static long pass(void) {
  memset(flags, 1, SIZE);
  long count = 0;
  for (long i = 0; i < SIZE; i++) {
    if (flags[i]) {
      long prime = i + i + 3;
      for (long k = prime + i; k < SIZE; k += prime) flags[k] = 0;
      count++;
    }
  }
  return count;
}

int main(int argc, char **argv) {
  long passes = argc > 1 ? atol(argv[1]) : 1000;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  long count = 0;
  for (long p = 0; p < passes; p++) count = pass();
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("sieve: %ld primes\n", count);
  printf("us=%ld\n", (t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
  return 0;
}
