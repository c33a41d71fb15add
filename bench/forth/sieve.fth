\ bench/forth/sieve.fth -- the BYTE sieve of Eratosthenes (Gilbreath, 1981)
\ 8190 flags, flag i standing for the odd number 2i+3; 1000 passes.
\ Prints the prime count of the last pass: 1899.
\   gforth-fast bench/forth/sieve.fth -e bye

DECIMAL
8190 CONSTANT SIEVE-SIZE
CREATE SIEVE-FLAGS SIEVE-SIZE CHARS ALLOT

: SIEVE-PASS ( -- count )
  SIEVE-FLAGS SIEVE-SIZE 1 FILL
  0  SIEVE-SIZE 0 DO
    SIEVE-FLAGS I CHARS + C@ IF
      I 2* 3 +                          ( count prime )
      DUP I +                           ( count prime k )
      BEGIN DUP SIEVE-SIZE < WHILE
        0 OVER CHARS SIEVE-FLAGS + C!  OVER +
      REPEAT 2DROP
      1+
    THEN
  LOOP ;

: SIEVE-BENCH ( -- )
  0  1000 0 DO DROP SIEVE-PASS LOOP
  ." sieve: " . ." primes" CR ;

SIEVE-BENCH
