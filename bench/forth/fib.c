/* bench/forth/fib.c -- fib.fth in C, the peer bench/forth.ts compiles with gcc -O2.
   The same work: doubly recursive fib(34). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 34;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  long r = fib(n);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("fib(%ld) = %ld\n", n, r);
  printf("us=%ld\n", (t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
  return 0;
}
