\ bench/forth/bubble.fth -- bubble sort of 6000 cells
\ The cells are filled by a 64-bit linear congruential generator (Knuth's
\ MMIX constants, top 31 bits kept), sorted ascending with the plain
\ exchange algorithm, then checked.  Prints whether the result is sorted
\ and a checksum: the sum over i of (i+1)*a[i], modulo 2^64, as unsigned.
\ Expected line (64-bit cells):
\   bubble: sorted, checksum 25883219367909928
\   gforth-fast bench/forth/bubble.fth -e bye

DECIMAL
6000 CONSTANT BUBBLE-N
CREATE BUBBLE-DATA BUBBLE-N CELLS ALLOT
VARIABLE SEED

: RANDOM ( -- u )
  SEED @ 6364136223846793005 * 1442695040888963407 + DUP SEED !  33 RSHIFT ;

: BUBBLE-FILL ( -- )
  12345 SEED !
  BUBBLE-N 0 DO RANDOM BUBBLE-DATA I CELLS + ! LOOP ;

: BUBBLE-SORT ( -- )
  1 BUBBLE-N 1- DO                      \ i = n-1 down to 1
    I 0 DO                              \ j = 0 .. i-1
      BUBBLE-DATA I CELLS +  DUP @ OVER CELL+ @   ( addr a b )
      2DUP > IF ROT TUCK ! CELL+ ! ELSE 2DROP DROP THEN
    LOOP
  -1 +LOOP ;

: SORTED? ( -- flag )
  -1  BUBBLE-N 1- 0 DO
    BUBBLE-DATA I CELLS + DUP @ SWAP CELL+ @ > IF DROP 0 LEAVE THEN
  LOOP ;

: CHECKSUM ( -- u )
  0  BUBBLE-N 0 DO BUBBLE-DATA I CELLS + @ I 1+ * + LOOP ;

: BUBBLE-BENCH ( -- )
  BUBBLE-FILL BUBBLE-SORT
  ." bubble: " SORTED? IF ." sorted" ELSE ." NOT SORTED" THEN
  ." , checksum " CHECKSUM U. CR ;

BUBBLE-BENCH
