\ test/forth/double.fth -- tests for the Forth 2012 DOUBLE-NUMBER word set (8)
\ Run after harness.fth.  D. and D.R are tested in double-output.fth.
\
\ Words covered here:
\   2CONSTANT 2LITERAL 2VARIABLE D+ D- D0< D0= D2* D2/ D< D= D>S DABS
\   DMAX DMIN DNEGATE M*/ M+ 2ROT 2VALUE DU<
\   and the text interpreter's double-cell numbers (8.3.1: a trailing ".")
\ In double-output.fth:  D. D.R
\
\ Assumes 64-bit cells.  A double d is written "lo hi" on the stack.

DECIMAL
0 INVERT          CONSTANT UMAX
UMAX 1 RSHIFT     CONSTANT NMAX
NMAX INVERT       CONSTANT NMIN
UMAX NMAX 2CONSTANT DMAX-D           \ largest double:  2^127 - 1
0 NMIN    2CONSTANT DMIN-D           \ smallest double: -2^127

SECTION double-cell numbers in the text interpreter
T{ 0. -> 0 0 }T
T{ 1. -> 1 0 }T
T{ -1. -> -1 -1 }T
T{ 123. -> 123 0 }T
T{ -123. -> -123 -1 }T
T{ 18446744073709551615. -> UMAX 0 }T
T{ 18446744073709551616. -> 0 1 }T
T{ -18446744073709551616. -> 0 -1 }T
T{ 170141183460469231731687303715884105727. -> DMAX-D }T
T{ -170141183460469231731687303715884105728. -> DMIN-D }T
T{ #12. -> 12 0 }T
T{ #-12. -> -12 -1 }T
T{ $FF. -> 255 0 }T
T{ $-FF. -> -255 -1 }T
T{ %101. -> 5 0 }T
T{ HEX FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF. DECIMAL -> UMAX UMAX }T
T{ 2 BASE ! 110. DECIMAL -> 6 0 }T

SECTION 2CONSTANT 2VARIABLE 2LITERAL
1 2 2CONSTANT D12
T{ D12 -> 1 2 }T
T{ DMAX-D -> UMAX NMAX }T
2VARIABLE DV1
T{ 5 6 DV1 2! DV1 2@ -> 5 6 }T
T{ DMIN-D DV1 2! DV1 2@ -> DMIN-D }T
T{ DV1 ALIGNED DV1 = -> -1 }T
2VARIABLE DV2
T{ 1. DV1 2! 2. DV2 2! DV1 2@ DV2 2@ -> 1. 2. }T
: LIT-D ( -- d ) [ 7 8 ] 2LITERAL ;
T{ LIT-D -> 7 8 }T
: LIT-DMIN ( -- d ) [ DMIN-D ] 2LITERAL ;
T{ LIT-DMIN -> DMIN-D }T
: LIT-D2 ( -- d ) [ -3. ] 2LITERAL ;
T{ LIT-D2 -> -3 -1 }T

SECTION D+ D- M+ DNEGATE DABS
T{ 1. 2. D+ -> 3. }T
T{ -1. 1. D+ -> 0. }T
T{ -1. -1. D+ -> -2. }T
T{ UMAX 0 1. D+ -> 0 1 }T                 \ carry into the high cell
T{ 0 1 -1. D+ -> UMAX 0 }T                \ borrow
T{ DMAX-D 1. D+ -> DMIN-D }T              \ wraps
T{ 5. 3. D- -> 2. }T
T{ 3. 5. D- -> -2. }T
T{ 0 1 1. D- -> UMAX 0 }T
T{ DMIN-D 1. D- -> DMAX-D }T
T{ 0. 1. D- -> -1. }T
T{ 1. 2 M+ -> 3. }T
T{ 1. -2 M+ -> -1. }T                    \ n is sign-extended
T{ UMAX 0 1 M+ -> 0 1 }T
T{ 0 1 -1 M+ -> UMAX 0 }T
T{ -1. -1 M+ -> -2. }T
T{ 0. DNEGATE -> 0. }T
T{ 1. DNEGATE -> -1. }T
T{ -1. DNEGATE -> 1. }T
T{ 0 1 DNEGATE -> 0 -1 }T
T{ DMAX-D DNEGATE -> 1 NMIN }T
T{ DMIN-D DNEGATE -> DMIN-D }T
T{ 0. DABS -> 0. }T
T{ 5. DABS -> 5. }T
T{ -5. DABS -> 5. }T
T{ 0 -1 DABS -> 0 1 }T
T{ DMAX-D DNEGATE DABS -> DMAX-D }T

SECTION D0< D0= D< D= DU< DMAX DMIN
T{ 0. D0< -> 0 }T
T{ 1. D0< -> 0 }T
T{ -1. D0< -> -1 }T
T{ 0 NMIN D0< -> -1 }T
T{ UMAX 0 D0< -> 0 }T                     \ only the high cell's sign counts
T{ DMAX-D D0< -> 0 }T
T{ 0. D0= -> -1 }T
T{ 1. D0= -> 0 }T
T{ 0 1 D0= -> 0 }T
T{ -1. D0= -> 0 }T
T{ 1. 1. D= -> -1 }T
T{ 1. 2. D= -> 0 }T
T{ 0 1 1 0 D= -> 0 }T
T{ -1. -1. D= -> -1 }T
T{ DMIN-D DMAX-D D= -> 0 }T
T{ 1. 2. D< -> -1 }T
T{ 2. 1. D< -> 0 }T
T{ 1. 1. D< -> 0 }T
T{ -1. 0. D< -> -1 }T
T{ 0. -1. D< -> 0 }T
T{ UMAX 0 0 1 D< -> -1 }T                 \ low cells compare unsigned
T{ 0 1 UMAX 0 D< -> 0 }T
T{ DMIN-D DMAX-D D< -> -1 }T
T{ DMAX-D DMIN-D D< -> 0 }T
T{ -2. -1. D< -> -1 }T
T{ 1. 2. DU< -> -1 }T
T{ 2. 1. DU< -> 0 }T
T{ 1. 1. DU< -> 0 }T
T{ 0. -1. DU< -> -1 }T                    \ -1. is the largest unsigned double
T{ -1. 0. DU< -> 0 }T
T{ DMAX-D DMIN-D DU< -> -1 }T
T{ 1. 2. DMAX -> 2. }T
T{ 2. 1. DMAX -> 2. }T
T{ -1. 0. DMAX -> 0. }T
T{ DMIN-D DMAX-D DMAX -> DMAX-D }T
T{ UMAX 0 0 1 DMAX -> 0 1 }T
T{ 1. 2. DMIN -> 1. }T
T{ -1. 0. DMIN -> -1. }T
T{ DMIN-D DMAX-D DMIN -> DMIN-D }T
T{ UMAX 0 0 1 DMIN -> UMAX 0 }T

SECTION D2* D2/ D>S
T{ 0. D2* -> 0. }T
T{ 1. D2* -> 2. }T
T{ -1. D2* -> -2. }T
T{ NMIN 0 D2* -> 0 1 }T                   \ bit moves into the high cell
T{ DMAX-D D2* -> -2 -1 }T
T{ 0. D2/ -> 0. }T
T{ 2. D2/ -> 1. }T
T{ 1. D2/ -> 0. }T
T{ -1. D2/ -> -1. }T                      \ arithmetic shift
T{ -2. D2/ -> -1. }T
T{ -3. D2/ -> -2. }T
T{ 0 1 D2/ -> NMIN 0 }T                   \ bit moves into the low cell
T{ DMIN-D D2/ -> 0 NMIN 2/ }T
T{ 0. D>S -> 0 }T
T{ 1. D>S -> 1 }T
T{ -1. D>S -> -1 }T
T{ NMAX 0 D>S -> NMAX }T
T{ NMIN -1 D>S -> NMIN }T

SECTION M*/
\ d1 * n1 / +n2 with a triple-cell intermediate.  How an inexact negative
\ quotient is rounded is not fixed by the standard, so every case below
\ either divides exactly or has a non-negative result.
T{ 5. 7 7 M*/ -> 5. }T
T{ 5. 2 1 M*/ -> 10. }T
T{ -5. 2 1 M*/ -> -10. }T
T{ 5. -2 1 M*/ -> -10. }T
T{ 10. 1 3 M*/ -> 3. }T
T{ 10. 2 3 M*/ -> 6. }T
T{ -12. 1 3 M*/ -> -4. }T
T{ -12. -1 3 M*/ -> 4. }T
T{ DMAX-D 1 1 M*/ -> DMAX-D }T
T{ DMAX-D NMAX NMAX M*/ -> DMAX-D }T      \ the intermediate needs three cells
T{ DMIN-D NMAX NMAX M*/ -> DMIN-D }T
T{ DMAX-D 2 4 M*/ -> UMAX NMAX 2/ }T      \ (2^127-1)/2 rounded down
T{ 0 1 NMAX NMAX M*/ -> 0 1 }T
T{ UMAX 0 NMAX 1 M*/ -> NMIN 1+ NMAX 1- }T        \ (2^64-1)(2^63-1)

SECTION 2ROT 2VALUE
T{ 1 2 3 4 5 6 2ROT -> 3 4 5 6 1 2 }T
T{ 1. 2. 3. 2ROT 2ROT 2ROT -> 1. 2. 3. }T
1 2 2VALUE DVAL
T{ DVAL -> 1 2 }T
T{ 3 4 TO DVAL DVAL -> 3 4 }T
: SET-DVAL ( d -- ) TO DVAL ;
T{ DMIN-D SET-DVAL DVAL -> DMIN-D }T
: GET-DVAL ( -- d ) DVAL ;
T{ GET-DVAL -> DMIN-D }T

T-SUMMARY
