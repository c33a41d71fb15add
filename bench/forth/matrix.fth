\ bench/forth/matrix.fth -- 200 x 200 integer matrix multiply, C = A * B
\ A[i][j] = (i + 2j) mod 7 - 3 and B[i][j] = (3i + j) mod 11 - 5, stored
\ row by row.  Prints a checksum: the sum over i, j of (200i + j + 1) * C[i][j].
\ Expected line (64-bit cells):
\   matrix: checksum -8332921
\   gforth-fast bench/forth/matrix.fth -e bye

DECIMAL
200 CONSTANT MN
CREATE MA MN MN * CELLS ALLOT
CREATE MB MN MN * CELLS ALLOT
CREATE MC MN MN * CELLS ALLOT

: ROW ( i m -- addr )  SWAP MN * CELLS + ;

: MATRIX-FILL ( -- )
  MN 0 DO MN 0 DO
    J I 2* + 7 MOD 3 -     J MA ROW I CELLS + !
    J 3 * I + 11 MOD 5 -   J MB ROW I CELLS + !
  LOOP LOOP ;

\ Row of A (stride one cell) times column of B (stride one row).
: DOT ( a-addr b-addr -- n )
  0 ROT ROT                             ( sum a b )
  MN 0 DO
    OVER @ OVER @ *  >R ROT R> + ROT ROT
    SWAP CELL+ SWAP [ MN CELLS ] LITERAL +
  LOOP 2DROP ;

: MATRIX-MULTIPLY ( -- )
  MN 0 DO MN 0 DO
    J MA ROW  I CELLS MB +  DOT   J MC ROW I CELLS + !
  LOOP LOOP ;

: MATRIX-CHECKSUM ( -- n )
  0  MN 0 DO MN 0 DO
    J MC ROW I CELLS + @   J MN * I + 1+  *  +
  LOOP LOOP ;

: MATRIX-BENCH ( -- )
  MATRIX-FILL MATRIX-MULTIPLY
  ." matrix: checksum " MATRIX-CHECKSUM . CR ;

MATRIX-BENCH
