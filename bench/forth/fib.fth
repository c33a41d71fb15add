\ bench/forth/fib.fth -- doubly recursive Fibonacci
\ Prints fib(34) = 5702887 (fib(0) = 0, fib(1) = 1).
\   gforth-fast bench/forth/fib.fth -e bye

DECIMAL
: FIB ( n -- fib[n] )
  DUP 2 < IF EXIT THEN
  DUP 1- RECURSE  SWAP 2 - RECURSE  + ;

: FIB-BENCH ( -- )  34 FIB ." fib(34) = " . CR ;

FIB-BENCH
