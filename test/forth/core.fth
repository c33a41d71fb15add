\ test/forth/core.fth -- tests for the Forth 2012 CORE word set (6.1)
\ Run after harness.fth.  Output-producing words are in core-output.fth.
\
\ Words covered here:
\   ! # #> #S ' ( * */ */MOD + +! +LOOP , - / /MOD 0< 0= 1+ 1- 2! 2* 2/
\   2@ 2DROP 2DUP 2OVER 2SWAP : ; < <# = > >BODY >IN >NUMBER >R ?DUP @ ABS
\   ALIGN ALIGNED ALLOT AND BASE BEGIN BL C! C, C@ CELL+ CELLS CHAR CHAR+
\   CHARS CONSTANT COUNT CREATE DECIMAL DEPTH DO DOES> DROP DUP ELSE
\   ENVIRONMENT? EVALUATE EXECUTE EXIT FILL FIND FM/MOD HERE HOLD I IF
\   IMMEDIATE INVERT J LEAVE LITERAL LOOP LSHIFT M* MAX MIN MOD MOVE NEGATE
\   OR OVER POSTPONE R> R@ RECURSE REPEAT ROT RSHIFT S" S>D SIGN SM/REM
\   SOURCE STATE SWAP THEN U< UM* UM/MOD UNLOOP UNTIL VARIABLE WHILE WORD
\   XOR [ ['] [CHAR] ]
\ In core-output.fth:  . ." CR EMIT SPACE SPACES TYPE U.
\ In exception.fth (they need CATCH to be observed):  ABORT ABORT"
\ Not tested (they need a terminal or end the session):  ACCEPT KEY QUIT
\
\ Assumes what the Sidecar Forth provides: 64-bit two's-complement cells,
\ 8-bit characters and byte addresses (1 CHARS = 1).

DECIMAL

\ Constants used throughout (computed, not written as literals).
0 INVERT                 CONSTANT UMAX     \ all bits set
UMAX 1 RSHIFT            CONSTANT NMAX     \ largest signed
NMAX INVERT              CONSTANT NMIN     \ smallest signed
NMIN                     CONSTANT HIBIT
UMAX 1 RSHIFT 1+         CONSTANT HALFU    \ 2^63 as unsigned

\ ---------------------------------------------------------------------
SECTION flags and comparisons with zero
T{ 0 0= -> -1 }T
T{ 1 0= -> 0 }T
T{ -1 0= -> 0 }T
T{ NMIN 0= -> 0 }T
T{ 0 0< -> 0 }T
T{ -1 0< -> -1 }T
T{ 1 0< -> 0 }T
T{ NMIN 0< -> -1 }T
T{ NMAX 0< -> 0 }T
T{ UMAX 0< -> -1 }T
T{ 0 0= 0= -> 0 }T

SECTION bitwise logic: AND OR XOR INVERT
T{ 0 0 AND -> 0 }T
T{ 0 -1 AND -> 0 }T
T{ -1 -1 AND -> -1 }T
T{ $F0F0 $FF00 AND -> $F000 }T
T{ 0 0 OR -> 0 }T
T{ 0 -1 OR -> -1 }T
T{ $F0F0 $0F00 OR -> $FFF0 }T
T{ -1 -1 XOR -> 0 }T
T{ 0 -1 XOR -> -1 }T
T{ $F0F0 $FF00 XOR -> $0FF0 }T
T{ 0 INVERT -> -1 }T
T{ -1 INVERT -> 0 }T
T{ $5555 INVERT $5555 OR -> -1 }T
T{ NMAX INVERT -> NMIN }T
T{ 12345 INVERT INVERT -> 12345 }T

SECTION shifts: 2* 2/ LSHIFT RSHIFT
T{ 0 2* -> 0 }T
T{ 1 2* -> 2 }T
T{ $4000 2* -> $8000 }T
T{ -1 2* -> -2 }T
T{ -5 2* -> -10 }T
T{ HIBIT 2* -> 0 }T
T{ NMAX 2* -> -2 }T
T{ 0 2/ -> 0 }T
T{ 1 2/ -> 0 }T
T{ 9 2/ -> 4 }T
T{ -1 2/ -> -1 }T
T{ -2 2/ -> -1 }T
T{ -9 2/ -> -5 }T
T{ HIBIT 2/ HIBIT AND -> HIBIT }T          \ 2/ keeps the sign bit
T{ NMIN 2/ -> NMIN 1 RSHIFT HIBIT OR }T
T{ 1 0 LSHIFT -> 1 }T
T{ 1 1 LSHIFT -> 2 }T
T{ 1 10 LSHIFT -> 1024 }T
T{ 1 63 LSHIFT -> HIBIT }T
T{ 3 62 LSHIFT -> HIBIT 1 RSHIFT HIBIT OR }T
T{ -1 4 LSHIFT -> -16 }T
T{ 1 0 RSHIFT -> 1 }T
T{ 1 1 RSHIFT -> 0 }T
T{ 1024 10 RSHIFT -> 1 }T
T{ HIBIT 63 RSHIFT -> 1 }T
T{ -1 1 RSHIFT -> NMAX }T                 \ RSHIFT is logical
T{ -16 60 RSHIFT -> 15 }T
T{ $1234 4 RSHIFT -> $123 }T

SECTION numeric prefixes and BASE in the text interpreter
T{ #1289 -> 1289 }T
T{ #-1289 -> -1289 }T
T{ $12EF -> 4847 }T
T{ $12ef -> 4847 }T
T{ $-12EF -> -4847 }T
T{ %10010110 -> 150 }T
T{ %-10010110 -> -150 }T
T{ 'z' -> 122 }T
T{ 'A' -> 65 }T
T{ '1' -> 49 }T
T{ -0 -> 0 }T
T{ HEX #10 DECIMAL -> 10 }T               \ prefixes ignore BASE
T{ HEX %11 DECIMAL -> 3 }T
T{ HEX 10 DECIMAL -> 16 }T
T{ BASE @ -> 10 }T
T{ HEX BASE @ DECIMAL -> 16 }T
T{ 2 BASE ! 1011 DECIMAL -> 11 }T
T{ 8 BASE ! 777 DECIMAL -> 511 }T
T{ 36 BASE ! ZZ DECIMAL -> 1295 }T
T{ 16 BASE ! FF DECIMAL -> 255 }T
T{ 16 BASE ! -FF DECIMAL -> -255 }T

SECTION data stack: DUP DROP SWAP OVER ROT ?DUP DEPTH
T{ 1 DUP -> 1 1 }T
T{ 1 2 DROP -> 1 }T
T{ 0 DROP -> }T
T{ 1 2 SWAP -> 2 1 }T
T{ 1 2 OVER -> 1 2 1 }T
T{ 1 2 3 ROT -> 2 3 1 }T
T{ 1 2 3 ROT ROT ROT -> 1 2 3 }T
T{ 0 ?DUP -> 0 }T
T{ 1 ?DUP -> 1 1 }T
T{ -1 ?DUP -> -1 -1 }T
T{ DEPTH -> 0 }T
T{ 0 DEPTH -> 0 1 }T
T{ 0 1 DEPTH -> 0 1 2 }T
T{ 0 1 2 DEPTH >R DROP DROP DROP R> -> 3 }T

SECTION double-cell stack words: 2DROP 2DUP 2OVER 2SWAP
T{ 1 2 2DROP -> }T
T{ 1 2 3 2DROP -> 1 }T
T{ 1 2 2DUP -> 1 2 1 2 }T
T{ 1 2 3 4 2OVER -> 1 2 3 4 1 2 }T
T{ 1 2 3 4 2SWAP -> 3 4 1 2 }T
T{ 1 2 3 4 5 2SWAP -> 1 4 5 2 3 }T

SECTION return stack: >R R> R@
: RS1 ( x -- x x ) >R R@ R> ;
T{ 123 RS1 -> 123 123 }T
: RS2 ( a b c -- a b c ) >R >R >R  R> R> R> ;     \ last in, first out
T{ 1 2 3 RS2 -> 1 2 3 }T
: RS2' ( a b c -- c b a ) >R >R >R  R> R> R> SWAP ROT ;
T{ 1 2 3 RS2' -> 3 2 1 }T
: RS3 ( x -- x ) >R R> ;
T{ -1 RS3 -> -1 }T
T{ NMIN RS3 -> NMIN }T
: RS4 ( a b -- a b ) >R >R R@ R> R> ROT DROP ;
T{ 10 20 RS4 -> 10 20 }T
: RS5 ( -- x ) 7 >R R@ R@ + R> + ;
T{ RS5 -> 21 }T

SECTION addition and subtraction: + - 1+ 1- NEGATE ABS
T{ 0 0 + -> 0 }T
T{ 1 2 + -> 3 }T
T{ -1 1 + -> 0 }T
T{ -1 -1 + -> -2 }T
T{ NMAX 1 + -> NMIN }T                    \ wraps around
T{ UMAX 1 + -> 0 }T
T{ 5 3 - -> 2 }T
T{ 3 5 - -> -2 }T
T{ 0 1 - -> -1 }T
T{ NMIN 1 - -> NMAX }T
T{ -7 -7 - -> 0 }T
T{ 0 1+ -> 1 }T
T{ -1 1+ -> 0 }T
T{ NMAX 1+ -> NMIN }T
T{ 1 1- -> 0 }T
T{ 0 1- -> -1 }T
T{ NMIN 1- -> NMAX }T
T{ 0 NEGATE -> 0 }T
T{ 7 NEGATE -> -7 }T
T{ -7 NEGATE -> 7 }T
T{ NMIN NEGATE -> NMIN }T
T{ NMAX NEGATE -> NMIN 1+ }T
T{ 0 ABS -> 0 }T
T{ 5 ABS -> 5 }T
T{ -5 ABS -> 5 }T
T{ NMAX ABS -> NMAX }T
T{ NMIN 1+ ABS -> NMAX }T

SECTION multiplication: * M* UM*
T{ 0 0 * -> 0 }T
T{ 3 4 * -> 12 }T
T{ -3 4 * -> -12 }T
T{ -3 -4 * -> 12 }T
T{ 1 -1 * -> -1 }T
T{ NMAX 2 * -> -2 }T
T{ HALFU 2 * -> 0 }T
T{ $100000000 $100000000 * -> 0 }T        \ low cell of 2^64
T{ 0 0 M* -> 0 0 }T
T{ 3 4 M* -> 12 0 }T
T{ -3 4 M* -> -12 -1 }T
T{ -3 -4 M* -> 12 0 }T
T{ NMAX NMAX M* -> 1 NMAX 1 RSHIFT }T     \ (2^63-1)^2 = 2^126 - 2^64 + 1
T{ NMIN NMIN M* -> 0 HALFU 1 RSHIFT }T    \ 2^126
T{ NMIN 1 M* -> NMIN -1 }T
T{ NMIN -1 M* -> NMIN 0 }T                \ +2^63 fits in a double
T{ NMAX NMIN M* -> NMIN HALFU 1 RSHIFT NEGATE }T
T{ -1 -1 M* -> 1 0 }T
T{ 0 0 UM* -> 0 0 }T
T{ 3 4 UM* -> 12 0 }T
T{ UMAX 2 UM* -> -2 1 }T
T{ UMAX UMAX UM* -> 1 -2 }T               \ (2^64-1)^2 = 2^128 - 2^65 + 1
T{ HALFU 2 UM* -> 0 1 }T
T{ $100000000 $100000000 UM* -> 0 1 }T
T{ HALFU HALFU UM* -> 0 HALFU 1 RSHIFT }T

SECTION signed division: / MOD /MOD (truncation or flooring, consistently)
\ Forth 2012 lets a system choose symmetric or floored division for / MOD
\ /MOD */ */MOD.  The tests below hold for both, or compare against the
\ definition the standard gives in terms of FM/MOD or SM/REM.
: FLOORED? ( -- flag )  -1 2 / -1 = ;
: /MOD-REF ( n1 n2 -- r q )  >R S>D R> FLOORED? IF FM/MOD ELSE SM/REM THEN ;
T{ 0 1 / -> 0 }T
T{ 7 1 / -> 7 }T
T{ 7 2 / -> 3 }T
T{ 7 7 / -> 1 }T
T{ 6 3 / -> 2 }T
T{ -6 3 / -> -2 }T
T{ 6 -3 / -> -2 }T
T{ -6 -3 / -> 2 }T
T{ -7 -2 / -> 3 }T
T{ NMAX 1 / -> NMAX }T
T{ NMIN 1 / -> NMIN }T
T{ NMAX NMAX / -> 1 }T
T{ NMIN NMIN / -> 1 }T
T{ -7 2 / -> -7 2 /MOD-REF SWAP DROP }T
T{ 7 -2 / -> 7 -2 /MOD-REF SWAP DROP }T
T{ NMIN 2 / -> NMIN 2 /MOD-REF SWAP DROP }T
T{ 0 1 MOD -> 0 }T
T{ 7 2 MOD -> 1 }T
T{ 6 3 MOD -> 0 }T
T{ -6 3 MOD -> 0 }T
T{ -7 -2 MOD -> -1 }T
T{ 7 7 MOD -> 0 }T
T{ NMAX 2 MOD -> 1 }T
T{ -7 2 MOD -> -7 2 /MOD-REF DROP }T
T{ 7 -2 MOD -> 7 -2 /MOD-REF DROP }T
T{ 0 1 /MOD -> 0 0 }T
T{ 7 2 /MOD -> 1 3 }T
T{ -7 -2 /MOD -> -1 3 }T
T{ 6 -3 /MOD -> 0 -2 }T
T{ -7 2 /MOD -> -7 2 /MOD-REF }T
T{ 7 -2 /MOD -> 7 -2 /MOD-REF }T
T{ NMIN 3 /MOD -> NMIN 3 /MOD-REF }T
T{ NMAX -3 /MOD -> NMAX -3 /MOD-REF }T
\ Whichever rounding: quotient * divisor + remainder = dividend.
T{ -7 2 /MOD 2 * + -> -7 }T
T{ 7 -2 /MOD -2 * + -> 7 }T
T{ NMIN 7 /MOD 7 * + -> NMIN }T

SECTION floored and symmetric division: FM/MOD SM/REM UM/MOD
T{ 0 S>D 1 FM/MOD -> 0 0 }T
T{ 7 S>D 2 FM/MOD -> 1 3 }T
T{ -7 S>D 2 FM/MOD -> 1 -4 }T             \ floored: remainder has divisor's sign
T{ 7 S>D -2 FM/MOD -> -1 -4 }T
T{ -7 S>D -2 FM/MOD -> -1 3 }T
T{ -6 S>D 3 FM/MOD -> 0 -2 }T
T{ 6 S>D -3 FM/MOD -> 0 -2 }T
T{ -1 S>D 5 FM/MOD -> 4 -1 }T
T{ 1 S>D -5 FM/MOD -> -4 -1 }T
T{ NMIN S>D NMIN FM/MOD -> 0 1 }T
T{ NMIN S>D 1 FM/MOD -> 0 NMIN }T
T{ NMAX S>D NMAX FM/MOD -> 0 1 }T
T{ 1 NMIN 2/ NMIN FM/MOD -> NMIN 1+ NMAX }T  \ (1 - 2^126) / -2^63
T{ 0 HALFU 1 RSHIFT NMIN FM/MOD -> 0 NMIN }T
T{ 0 S>D 1 SM/REM -> 0 0 }T
T{ 7 S>D 2 SM/REM -> 1 3 }T
T{ -7 S>D 2 SM/REM -> -1 -3 }T            \ symmetric: remainder has dividend's sign
T{ 7 S>D -2 SM/REM -> 1 -3 }T
T{ -7 S>D -2 SM/REM -> -1 3 }T
T{ -6 S>D 3 SM/REM -> 0 -2 }T
T{ -1 S>D 5 SM/REM -> -1 0 }T
T{ 1 S>D -5 SM/REM -> 1 0 }T
T{ NMIN S>D 1 SM/REM -> 0 NMIN }T
T{ NMIN S>D NMIN SM/REM -> 0 1 }T
T{ NMAX NMAX M* NMAX SM/REM -> 0 NMAX }T
T{ NMIN NMIN M* NMIN SM/REM -> 0 NMIN }T
T{ 1 NMIN 2/ NMIN SM/REM -> NMIN 1+ NMAX }T
T{ -1 -1 NMIN SM/REM -> -1 0 }T           \ -1 as a double, not a big number
T{ 0 0 1 UM/MOD -> 0 0 }T
T{ 7 0 2 UM/MOD -> 1 3 }T
T{ 1 1 2 UM/MOD -> 1 HALFU }T             \ 2^64 + 1 = 2 * 2^63 + 1
T{ 0 1 HALFU UM/MOD -> 0 2 }T
T{ UMAX 1- UMAX 1- UMAX UM/MOD -> UMAX 2 - UMAX }T
T{ 1 -2 UMAX UM/MOD -> 0 UMAX }T          \ (2^64-1)^2 / (2^64-1)
T{ 3 4 UM* 4 UM/MOD -> 0 3 }T
T{ UMAX 2 UM* 2 UM/MOD -> 0 UMAX }T

SECTION scaled arithmetic: */ */MOD
\ The intermediate product is a double: no overflow where a*b would wrap.
: */REF ( n1 n2 n3 -- r q ) >R M* R> FLOORED? IF FM/MOD ELSE SM/REM THEN ;
T{ 0 2 1 */ -> 0 }T
T{ 6 2 3 */ -> 4 }T
T{ -6 2 3 */ -> -4 }T
T{ 6 -2 3 */ -> -4 }T
T{ 6 2 -3 */ -> -4 }T
T{ NMAX 2 2 */ -> NMAX }T
T{ NMIN 2 2 */ -> NMIN }T
T{ NMAX NMAX NMAX */ -> NMAX }T
T{ NMIN NMIN NMIN */ -> NMIN }T
T{ NMAX 3 4 */ -> NMAX 3 4 */REF SWAP DROP }T
T{ -7 3 2 */ -> -7 3 2 */REF SWAP DROP }T
T{ 7 3 -2 */ -> 7 3 -2 */REF SWAP DROP }T
T{ 6 2 3 */MOD -> 0 4 }T
T{ 7 3 2 */MOD -> 1 10 }T
T{ -7 3 2 */MOD -> -7 3 2 */REF }T
T{ 7 -3 2 */MOD -> 7 -3 2 */REF }T
T{ NMAX 3 4 */MOD -> NMAX 3 4 */REF }T
T{ NMIN 5 -7 */MOD -> NMIN 5 -7 */REF }T

SECTION comparisons: = < > U< MIN MAX
T{ 0 0 = -> -1 }T
T{ 1 1 = -> -1 }T
T{ -1 -1 = -> -1 }T
T{ 1 0 = -> 0 }T
T{ -1 0 = -> 0 }T
T{ NMIN NMAX = -> 0 }T
T{ 0 1 < -> -1 }T
T{ 1 0 < -> 0 }T
T{ 1 1 < -> 0 }T
T{ -1 0 < -> -1 }T
T{ 0 -1 < -> 0 }T
T{ NMIN NMAX < -> -1 }T
T{ NMAX NMIN < -> 0 }T
T{ NMIN 0 < -> -1 }T
T{ 1 0 > -> -1 }T
T{ 0 1 > -> 0 }T
T{ 1 1 > -> 0 }T
T{ 0 -1 > -> -1 }T
T{ NMAX NMIN > -> -1 }T
T{ NMIN NMAX > -> 0 }T
T{ 0 1 U< -> -1 }T
T{ 1 0 U< -> 0 }T
T{ 1 1 U< -> 0 }T
T{ 0 -1 U< -> -1 }T                       \ -1 is the largest unsigned
T{ -1 0 U< -> 0 }T
T{ NMAX NMIN U< -> -1 }T
T{ NMIN NMAX U< -> 0 }T
T{ -2 -1 U< -> -1 }T
T{ 0 1 MIN -> 0 }T
T{ 1 0 MIN -> 0 }T
T{ -1 0 MIN -> -1 }T
T{ NMIN NMAX MIN -> NMIN }T
T{ NMAX NMIN MIN -> NMIN }T
T{ 5 5 MIN -> 5 }T
T{ 0 1 MAX -> 1 }T
T{ 1 0 MAX -> 1 }T
T{ -1 0 MAX -> 0 }T
T{ NMIN NMAX MAX -> NMAX }T
T{ NMAX NMIN MAX -> NMAX }T
T{ -5 -5 MAX -> -5 }T

SECTION S>D
T{ 0 S>D -> 0 0 }T
T{ 1 S>D -> 1 0 }T
T{ -1 S>D -> -1 -1 }T
T{ NMAX S>D -> NMAX 0 }T
T{ NMIN S>D -> NMIN -1 }T

SECTION memory: ! @ +! C! C@ 2! 2@ CELLS CELL+ CHARS CHAR+
VARIABLE V1
VARIABLE V2
T{ 5 V1 ! V1 @ -> 5 }T
T{ -1 V1 ! V1 @ -> -1 }T
T{ NMIN V1 ! V1 @ -> NMIN }T
T{ 0 V1 ! 3 V1 +! V1 @ -> 3 }T
T{ -5 V1 +! V1 @ -> -2 }T
T{ 2 V1 +! V1 @ -> 0 }T
T{ NMAX V1 ! 1 V1 +! V1 @ -> NMIN }T
T{ 1 V1 ! 2 V2 ! V1 @ V2 @ -> 1 2 }T      \ variables are distinct cells
T{ 1 CELLS -> 8 }T                        \ 64-bit cells, byte addresses
T{ 0 CELLS -> 0 }T
T{ 3 CELLS -> 24 }T
T{ -2 CELLS -> -16 }T
T{ 100 CELL+ -> 108 }T
T{ 100 CELL+ 100 - -> 1 CELLS }T
T{ 1 CHARS -> 1 }T
T{ 7 CHARS -> 7 }T
T{ 100 CHAR+ -> 101 }T
CREATE B1 4 CELLS ALLOT
T{ 11 22 B1 2! B1 2@ -> 11 22 }T
T{ B1 @ B1 CELL+ @ -> 22 11 }T            \ 2! stores x2 at a-addr, x1 next
T{ 33 B1 ! 44 B1 CELL+ ! B1 2@ -> 44 33 }T
T{ -1 NMIN B1 2! B1 2@ -> -1 NMIN }T
T{ 65 B1 C! B1 C@ -> 65 }T
T{ 255 B1 C! B1 C@ -> 255 }T              \ characters are unsigned
T{ 0 B1 ! 171 B1 C! B1 C@ -> 171 }T
T{ 1 B1 C! 2 B1 CHAR+ C! B1 C@ B1 CHAR+ C@ -> 1 2 }T
T{ -1 B1 ! 0 B1 C! B1 @ 255 INVERT AND B1 @ 255 AND -> B1 @ 0 }T

SECTION data space: HERE ALLOT , C, ALIGN ALIGNED
T{ HERE 3 CELLS ALLOT HERE SWAP - -> 3 CELLS }T
T{ HERE 0 ALLOT HERE = -> -1 }T
T{ HERE 5 CHARS ALLOT -5 CHARS ALLOT HERE = -> -1 }T
ALIGN
\ (defining a word may use data space, so each measurement is one line)
T{ HERE 1 , 2 , HERE SWAP - -> 2 CELLS }T
T{ HERE 1 , 2 , DUP @ SWAP CELL+ @ -> 1 2 }T
T{ HERE 65 C, 66 C, 67 C, HERE SWAP - -> 3 CHARS }T
T{ HERE 65 C, 66 C, 67 C, DUP C@ OVER CHAR+ C@ ROT 2 CHARS + C@ -> 65 66 67 }T
ALIGN
T{ HERE ALIGNED HERE = -> -1 }T
T{ HERE 1+ ALIGNED HERE CELL+ = -> -1 }T  \ cells are 8-aligned (see 1 CELLS)
T{ 0 ALIGNED -> 0 }T
T{ 1 ALIGNED -> 8 }T
T{ 7 ALIGNED -> 8 }T
T{ 8 ALIGNED -> 8 }T
T{ 9 ALIGNED -> 16 }T
HERE 1 C, ALIGN HERE SWAP - CONSTANT ALIGN-STEP
T{ ALIGN-STEP -> 1 CELLS }T
T{ HERE 7 AND -> 0 }T
ALIGN HERE 1 C, ALIGN 99 , CONSTANT ALIGNED-PAIR
T{ ALIGNED-PAIR CELL+ @ -> 99 }T

SECTION FILL MOVE
CREATE FBUF 16 CHARS ALLOT
T{ FBUF 16 CHAR A FILL FBUF C@ FBUF 15 CHARS + C@ -> 65 65 }T
T{ FBUF 4 CHARS + 2 CHAR z FILL FBUF 3 CHARS + C@ FBUF 4 CHARS + C@ FBUF 5 CHARS + C@ FBUF 6 CHARS + C@ -> 65 122 122 65 }T
T{ FBUF 0 CHAR Q FILL FBUF C@ -> 65 }T        \ zero length: no change
: FB@ ( i -- c ) CHARS FBUF + C@ ;
: FB-INIT ( -- ) 16 0 DO I 1+ FBUF I CHARS + C! LOOP ;
T{ FB-INIT 0 FB@ 15 FB@ -> 1 16 }T
T{ FB-INIT FBUF FBUF 8 CHARS + 4 MOVE 8 FB@ 11 FB@ 12 FB@ -> 1 4 13 }T
T{ FB-INIT FBUF FBUF 1 CHARS + 4 MOVE 0 FB@ 1 FB@ 2 FB@ 4 FB@ 5 FB@ -> 1 1 2 4 6 }T  \ overlap upward
T{ FB-INIT FBUF 1 CHARS + FBUF 4 MOVE 0 FB@ 1 FB@ 3 FB@ 4 FB@ -> 2 3 5 5 }T         \ overlap downward
T{ FB-INIT FBUF FBUF 8 CHARS + 0 MOVE 8 FB@ -> 9 }T
CREATE MCELLS 1 , 2 , 3 , 4 ,
T{ MCELLS MCELLS CELL+ 3 CELLS MOVE MCELLS @ MCELLS CELL+ @ MCELLS 3 CELLS + @ -> 1 1 3 }T

SECTION constants, variables, CREATE
123 CONSTANT C123
-1 CONSTANT CM1
T{ C123 -> 123 }T
T{ CM1 -> -1 }T
: USE-C123 C123 1+ ;
T{ USE-C123 -> 124 }T
VARIABLE V3
T{ 77 V3 ! V3 @ -> 77 }T
T{ V3 ALIGNED V3 = -> -1 }T
CREATE CR1
T{ CR1 HERE = -> -1 }T
CREATE CR2 5 , 6 ,
T{ CR2 @ CR2 CELL+ @ -> 5 6 }T
T{ CR2 ALIGNED CR2 = -> -1 }T
T{ ' CR2 >BODY -> CR2 }T
T{ ' V3 >BODY -> V3 }T

SECTION colon definitions, EXIT, RECURSE, IMMEDIATE, STATE, [ ]
: CD1 ;
T{ CD1 -> }T
: CD2 1 2 ;
T{ CD2 -> 1 2 }T
: CD3 CD2 + ;
T{ CD3 -> 3 }T
: CD4 ( flag -- x ) IF 1 EXIT THEN 2 ;
T{ -1 CD4 -> 1 }T
T{ 0 CD4 -> 2 }T
: CD5 1 EXIT 2 ;
T{ CD5 -> 1 }T
: CD6 ( n -- n! ) DUP 2 < IF DROP 1 ELSE DUP 1- RECURSE * THEN ;
T{ 0 CD6 -> 1 }T
T{ 5 CD6 -> 120 }T
T{ 20 CD6 -> 2432902008176640000 }T
: CD7 ( n -- ) DUP 0 > IF 1- RECURSE THEN ;
T{ 1000 CD7 -> 0 }T
: CD8 123 ; IMMEDIATE
: CD9 CD8 LITERAL ;                       \ CD8 runs while compiling CD9
T{ CD9 -> 123 }T
T{ CD8 -> 123 }T
: CD10 STATE @ ; IMMEDIATE
T{ CD10 -> 0 }T
: CD11 CD10 LITERAL ;
T{ CD11 0= -> 0 }T                        \ STATE is non-zero while compiling
: CD12 [ 1 2 + ] LITERAL ;
T{ CD12 -> 3 }T
: CD13 [ STATE @ ] LITERAL ;
T{ CD13 -> 0 }T
: CD14 ( -- ) ;
T{ ' CD14 EXECUTE -> }T
\ A word is not visible to itself until the definition ends (so : can redefine)
: CD15 1 ;
: CD15 CD15 10 + ;
T{ CD15 -> 11 }T
\ Case of the name does not matter to the Sidecar Forth; the standard
\ lets programs spell standard words in upper case, so only names of our
\ own words are varied here.
: MixedCase 5 ;
T{ MIXEDCASE mixedcase -> 5 5 }T

SECTION IF ELSE THEN
: IF1 ( flag -- x ) IF 11 THEN ;
T{ 0 IF1 -> }T
T{ -1 IF1 -> 11 }T
T{ 1 IF1 -> 11 }T                         \ any non-zero value is true
T{ NMIN IF1 -> 11 }T
: IF2 ( flag -- x ) IF 22 ELSE 33 THEN ;
T{ 0 IF2 -> 33 }T
T{ 5 IF2 -> 22 }T
: IF3 ( n -- x ) DUP 0 < IF DROP -1 ELSE 0 > IF 1 ELSE 0 THEN THEN ;
T{ -9 IF3 -> -1 }T
T{ 0 IF3 -> 0 }T
T{ 9 IF3 -> 1 }T
: IF4 ( a b -- x ) IF IF 1 ELSE 2 THEN ELSE IF 3 ELSE 4 THEN THEN ;
T{ -1 -1 IF4 -> 1 }T
T{ 0 -1 IF4 -> 2 }T
T{ -1 0 IF4 -> 3 }T
T{ 0 0 IF4 -> 4 }T

SECTION BEGIN UNTIL, BEGIN WHILE REPEAT
: BU1 ( n -- 0 .. n ) BEGIN DUP 1- DUP 0= UNTIL ;
T{ 3 BU1 -> 3 2 1 0 }T
T{ 1 BU1 -> 1 0 }T
: BW1 ( n -- n' steps ) 0 SWAP BEGIN DUP 1 > WHILE 2/ SWAP 1+ SWAP REPEAT SWAP ;
T{ 1 BW1 -> 1 0 }T
T{ 16 BW1 -> 1 4 }T
T{ 17 BW1 -> 1 4 }T
T{ 0 BW1 -> 0 0 }T
\ Two exits: WHILE ... WHILE ... REPEAT ELSE ... THEN (CS-stack juggling)
: BW2 ( n -- x ) BEGIN DUP 10 < WHILE DUP 5 = 0= WHILE 1+ REPEAT DROP 555 ELSE DROP 100 THEN ;
T{ 0 BW2 -> 555 }T
T{ 6 BW2 -> 100 }T
T{ 20 BW2 -> 100 }T
: BU2 ( -- n ) 0 BEGIN 1+ DUP 100 = UNTIL ;
T{ BU2 -> 100 }T

SECTION DO LOOP +LOOP I J LEAVE UNLOOP
: DL1 ( limit start -- i.. ) DO I LOOP ;
T{ 4 1 DL1 -> 1 2 3 }T
T{ 2 1 DL1 -> 1 }T
T{ -1 -3 DL1 -> -3 -2 }T
T{ HALFU 1+ HALFU 1- DL1 -> HALFU 1- HALFU }T     \ indices may be unsigned
T{ NMIN 1+ NMAX 1- DL1 -> NMAX 1- NMAX NMIN }T    \ ... or run across NMAX/NMIN
: DL2 ( -- sum ) 0 10 0 DO I + LOOP ;
T{ DL2 -> 45 }T
: PL1 ( limit start -- i.. ) DO I 2 +LOOP ;
T{ 10 1 PL1 -> 1 3 5 7 9 }T
T{ 10 2 PL1 -> 2 4 6 8 }T
T{ 3 2 PL1 -> 2 }T
: PL2 ( limit start -- i.. ) DO I -1 +LOOP ;
T{ 1 4 PL2 -> 4 3 2 1 }T                  \ negative step: the limit itself is included
T{ -4 -1 PL2 -> -1 -2 -3 -4 }T
T{ 0 0 PL2 -> 0 }T                        \ 0 -> -1 crosses the boundary at once
T{ NMAX NMIN 1+ PL2 -> NMIN 1+ NMIN NMAX }T   \ counts down across NMIN/NMAX
: PL3 ( limit start -- i.. ) DO I -2 +LOOP ;
T{ 0 5 PL3 -> 5 3 1 }T
T{ 0 6 PL3 -> 6 4 2 0 }T
T{ -1 1 PL3 -> 1 -1 }T
: PL4 ( limit start -- i.. ) DO I 5 +LOOP ;
T{ 10 0 PL4 -> 0 5 }T                     \ landing on the limit ends the loop
T{ 11 0 PL4 -> 0 5 10 }T
VARIABLE STEP
: PL5 ( limit start step -- i.. ) STEP ! DO I STEP @ +LOOP ;
T{ NMAX NMIN NMAX PL5 -> NMIN -1 NMAX 1- }T                  \ big steps, wrapping
T{ NMIN NMAX NMIN PL5 -> NMAX -1 }T
: PL6 ( -- n ) 0 0 10 DO 1+ -3 +LOOP ;
T{ PL6 -> 4 }T                            \ 10 7 4 1 then -2 crossed 0
: NEST1 ( -- i*j.. ) 3 1 DO 3 1 DO I J * LOOP LOOP ;
T{ NEST1 -> 1 2 2 4 }T
: NEST2 ( -- x ) 0 4 0 DO 4 0 DO J 4 * I + OVER = IF 1+ THEN LOOP LOOP ;
T{ NEST2 -> 16 }T
: LV1 ( n -- i.. ) 10 0 DO I DUP 3 = IF LEAVE THEN LOOP ;
T{ LV1 -> 0 1 2 3 }T
: LV2 ( -- i.. ) 5 0 DO I 2 = IF LEAVE 99 THEN I LOOP ;      \ code after LEAVE is skipped
T{ LV2 -> 0 1 }T
: LV3 ( -- x ) 0 5 0 DO 5 0 DO I 2 = IF LEAVE THEN 1 + LOOP LOOP ;  \ LEAVE leaves the inner loop only
T{ LV3 -> 10 }T
: LV4 ( -- x ) 100 0 DO I 9 > IF LEAVE THEN I 3 +LOOP ;
T{ LV4 -> 0 3 6 9 }T
: UL1 ( -- x ) 10 0 DO I 4 = IF I UNLOOP EXIT THEN LOOP 99 ;
T{ UL1 -> 4 }T
: UL2 ( -- x ) 3 0 DO 3 0 DO I J + 3 = IF I J UNLOOP UNLOOP EXIT THEN LOOP LOOP 99 ;
T{ UL2 -> 2 1 }T

SECTION execution tokens: ' ['] EXECUTE
: XT1 ['] DUP ;
T{ 5 XT1 EXECUTE -> 5 5 }T
T{ XT1 ' DUP = -> -1 }T
T{ 1 2 ' + EXECUTE -> 3 }T
: XT2 ( x xt -- ? ) EXECUTE ;
T{ 3 ' NEGATE XT2 -> -3 }T
: XT3 ['] XT1 EXECUTE ;
T{ XT3 ' DUP = -> -1 }T
: XT4 ( -- ) ;
T{ ' XT4 ' XT1 = -> 0 }T

SECTION POSTPONE
: PP1 POSTPONE DUP ; IMMEDIATE            \ ordinary word: compiles a call
: PP2 ( x -- x x ) PP1 ;
T{ 4 PP2 -> 4 4 }T
: PP3 ( -- x ) 7 ; IMMEDIATE
: PP4 ( -- x ) POSTPONE PP3 ;             \ immediate word: compiles its action
T{ PP4 -> 7 }T
: UNLESS ( flag -- ) POSTPONE 0= POSTPONE IF ; IMMEDIATE
: PP5 ( flag -- x ) UNLESS 10 ELSE 20 THEN ;
T{ 0 PP5 -> 10 }T
T{ -1 PP5 -> 20 }T
: PP6 POSTPONE LITERAL ; IMMEDIATE
: PP7 [ 42 ] PP6 ;
T{ PP7 -> 42 }T
: PP8 POSTPONE ; ; IMMEDIATE               \ a word that ends a definition
: PP9 2 3 + PP8
T{ PP9 -> 5 }T
: MY-LOOP-BODY POSTPONE I POSTPONE + ; IMMEDIATE
: PP10 ( -- sum ) 0 5 0 DO MY-LOOP-BODY LOOP ;
T{ PP10 -> 10 }T

SECTION CREATE DOES>
: DOES1 ( x "name" -- ) CREATE , DOES> @ ;
5 DOES1 FIVE
-9 DOES1 MINUS-NINE
T{ FIVE MINUS-NINE -> 5 -9 }T
: DOES2 ( "name" -- ) CREATE DOES> ;
DOES2 BODY-OF
T{ BODY-OF -> ' BODY-OF >BODY }T
: COUNTER ( "name" -- ) CREATE 0 , DOES> ( -- n ) DUP @ 1+ DUP ROT ! ;
COUNTER TICKS
T{ TICKS TICKS TICKS -> 1 2 3 }T
: PAIR ( a b "name" -- ) CREATE , , DOES> 2@ ;
1 2 PAIR P12
T{ P12 -> 1 2 }T
: ARRAY ( n "name" -- ) CREATE CELLS ALLOT DOES> ( i -- addr ) SWAP CELLS + ;
4 ARRAY ARR
T{ 11 0 ARR ! 44 3 ARR ! 0 ARR @ 3 ARR @ -> 11 44 }T
T{ 1 ARR 0 ARR - -> 1 CELLS }T
: TWO-STAGE ( "name" -- ) CREATE 100 , DOES> @ DOES> @ NEGATE ;
TWO-STAGE STAGED
T{ STAGED -> 100 }T                       \ first run installs the second behaviour
T{ STAGED -> -100 }T
: DOES3 CREATE 7 , DOES> @ ;
DOES3 SEVEN
T{ ' SEVEN >BODY @ -> 7 }T
T{ 8 ' SEVEN >BODY ! SEVEN -> 8 }T

SECTION FIND
CREATE FIND-BUF 40 CHARS ALLOT
: FIND-NAMED ( "name" -- c-addr 0 | xt 1 | xt -1 )
  BL WORD DUP C@ 1+ FIND-BUF SWAP CHARS MOVE FIND-BUF FIND ;
: IMM-WORD ; IMMEDIATE
T{ FIND-NAMED DUP -> ' DUP -1 }T
T{ FIND-NAMED IMM-WORD SWAP ' IMM-WORD = -> 1 -1 }T
T{ FIND-NAMED NO-SUCH-WORD-ANYWHERE -> FIND-BUF 0 }T
T{ FIND-NAMED FIVE -> ' FIVE -1 }T
T{ FIND-NAMED five -> ' FIVE -1 }T        \ Sidecar: names are case-insensitive

SECTION EVALUATE
: EV1 S" 1 2 +" EVALUATE ;
T{ EV1 -> 3 }T
: EV2 S" 10 20" EVALUATE 30 ;
T{ EV2 -> 10 20 30 }T
: EV3 S" : EV-DEF 99 ;" EVALUATE ;
T{ EV3 EV-DEF -> 99 }T
: EV4 S" DUP *" EVALUATE ; IMMEDIATE     \ evaluated while compiling: compiles
: SQUARE EV4 ;
T{ 6 SQUARE -> 36 }T
: EV6 S" SOURCE" 2DUP EVALUATE ;
T{ EV6 ROT = >R = R> -> -1 -1 }T          \ SOURCE inside EVALUATE is the string
: EV7 S" >IN @" EVALUATE ;
T{ EV7 -> 5 }T
: EV10 S" 40 EV1 +" EVALUATE ;           \ nested EVALUATE
T{ EV10 -> 43 }T
: EV11 S" " EVALUATE ;
T{ EV11 -> }T

SECTION string helpers used below (Core only)
: STR-EQUAL? ( c-addr1 u1 c-addr2 u2 -- flag )
  ROT OVER = 0= IF DROP 2DROP 0 EXIT THEN     ( c-addr1 c-addr2 u )
  BEGIN DUP WHILE
    >R OVER C@ OVER C@ = 0= IF R> DROP 2DROP 0 EXIT THEN
    CHAR+ SWAP CHAR+ SWAP R> 1-
  REPEAT DROP 2DROP -1 ;
: SAB S" ab" ;
T{ SAB SAB STR-EQUAL? -> -1 }T
T{ SAB DROP 1 SAB STR-EQUAL? -> 0 }T

SECTION BL CHAR [CHAR] COUNT S"
T{ BL -> 32 }T
T{ CHAR X -> 88 }T
T{ CHAR x -> 120 }T
T{ CHAR XYZ -> 88 }T
T{ CHAR ) -> 41 }T
: BC1 [CHAR] Y ;
T{ BC1 -> 89 }T
: BC2 [CHAR] yes ;
T{ BC2 -> 121 }T
CREATE CSTR 3 C, CHAR c C, CHAR a C, CHAR t C,
T{ CSTR COUNT -> CSTR CHAR+ 3 }T
T{ CSTR COUNT DROP C@ -> CHAR c }T
CREATE CEMPTY 0 C,
T{ CEMPTY COUNT -> CEMPTY CHAR+ 0 }T
: SQ1 S" hello" ;
T{ SQ1 SWAP DROP -> 5 }T
T{ SQ1 DROP C@ -> CHAR h }T
T{ SQ1 DROP 4 CHARS + C@ -> CHAR o }T
: SQ2 S" " ;
T{ SQ2 SWAP DROP -> 0 }T
: SQ3 S"  two  spaces " ;                  \ only the one space after S" is skipped
T{ SQ3 SWAP DROP -> 13 }T
T{ SQ3 DROP C@ -> BL }T
T{ SQ1 SQ1 DROP SWAP DROP = -> -1 }T       \ the same string each time

SECTION ( comments
T{ ( a comment ) 5 -> 5 }T
T{ 1 ( 2 ) 3 -> 1 3 }T
: PC1 ( x -- x ) ( another ) 1+ ;
T{ 1 PC1 -> 2 }T
T{ ( ) 7 -> 7 }T
T{ ( no space before the paren) 8 -> 8 }T

SECTION >IN SOURCE
: SKIP-NEXT-4 ( -- ) >IN @ 4 + >IN ! ;
T{ SKIP-NEXT-4 111 222 -> 222 }T           \ " 111" is skipped
VARIABLE BACK
VARIABLE PASSES
: REMEMBER ( -- ) >IN @ BACK ! ;
: REPLAY-ONCE ( -- ) PASSES @ 0= IF 1 PASSES ! BACK @ >IN ! THEN ;
T{ 0 PASSES ! REMEMBER 7 REPLAY-ONCE -> 7 7 }T
: NEXT-CHAR ( -- c ) SOURCE DROP >IN @ CHARS + C@ 1 >IN +! ;
T{ NEXT-CHAR Q -> CHAR Q }T                \ >IN is past the space after the word
T{ SOURCE DROP >IN @ 21 - CHARS + C@ -> CHAR T }T   \ 21 = >IN after "@ "
T{ >IN @ SOURCE SWAP DROP > -> 0 }T
: TO-END ( -- ) SOURCE SWAP DROP >IN ! ;
T{ 1 2 TO-END 3 4 }T this is never read
-> 1 2 }T
: SRC-LEN ( -- u ) SOURCE SWAP DROP ;
T{ SRC-LEN >IN @ < -> 0 }T

SECTION WORD
CREATE WBUF 80 CHARS ALLOT
: WORD>WBUF ( char "<chars>ccc<char>" -- c-addr u )
  WORD DUP C@ 1+ WBUF SWAP CHARS MOVE WBUF COUNT ;
: SABC S" abc" ;
T{ BL WORD>WBUF abc SABC STR-EQUAL? -> -1 }T
T{ BL WORD>WBUF      abc SABC STR-EQUAL? -> -1 }T   \ leading delimiters skipped
T{ CHAR , WORD>WBUF ,,,abc, SABC STR-EQUAL? -> -1 }T
T{ CHAR , WORD>WBUF abc, SWAP DROP -> 3 }T
T{ CHAR " WORD>WBUF abc" SABC STR-EQUAL? -> -1 }T
: WEND ( -- u ) BL WORD>WBUF SWAP DROP ;
T{ WEND
-> 0 }T
T{ CHAR ~ WORD>WBUF to the end of the line
SWAP DROP -> 22 }T

SECTION pictured numeric output: <# # #S #> HOLD SIGN
: U>STR ( u -- c-addr u ) 0 <# #S #> ;
: N>STR ( n -- c-addr u ) DUP ABS 0 <# #S ROT SIGN #> ;
: S0 S" 0" ;     : S123 S" 123" ;     : SM123 S" -123" ;
T{ 0 U>STR S0 STR-EQUAL? -> -1 }T
T{ 123 U>STR S123 STR-EQUAL? -> -1 }T
T{ -123 N>STR SM123 STR-EQUAL? -> -1 }T
T{ 0 N>STR S0 STR-EQUAL? -> -1 }T
: SUMAX S" 18446744073709551615" ;
T{ UMAX U>STR SUMAX STR-EQUAL? -> -1 }T
: SNMIN S" -9223372036854775808" ;
: NMIN>STR ( -- c-addr u ) NMIN 0 <# #S [CHAR] - HOLD #> ;   \ NMIN as unsigned magnitude
T{ NMIN>STR SNMIN STR-EQUAL? -> -1 }T
: SFF S" FF" ;
T{ 255 HEX U>STR DECIMAL SFF STR-EQUAL? -> -1 }T
: S64ONES S" 1111111111111111111111111111111111111111111111111111111111111111" ;
T{ 2 BASE ! UMAX U>STR DECIMAL S64ONES STR-EQUAL? -> -1 }T
T{ 2 BASE ! UMAX U>STR DECIMAL SWAP DROP -> 64 }T
: S32F S" FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" ;
T{ HEX UMAX UMAX <# #S #> DECIMAL S32F STR-EQUAL? -> -1 }T      \ double-cell conversion
: S2^64 S" 18446744073709551616" ;
T{ 0 1 <# #S #> S2^64 STR-EQUAL? -> -1 }T
: S0042 S" 0042" ;
T{ 42 0 <# # # # # #> S0042 STR-EQUAL? -> -1 }T                    \ # always adds a digit
T{ 42 0 <# # #> DROP C@ -> CHAR 2 }T
: GP1 ( -- c-addr u ) 5 0 <# # # [CHAR] . HOLD #S #> ;
: S0.05 S" 0.05" ;
T{ GP1 S0.05 STR-EQUAL? -> -1 }T
T{ 0 0 <# #> SWAP DROP -> 0 }T
T{ 1 0 <# # #> SWAP DROP -> 1 }T
: HOLDS-ABC ( -- c-addr u ) 0 0 <# [CHAR] c HOLD [CHAR] b HOLD [CHAR] a HOLD #> ;
T{ HOLDS-ABC SABC STR-EQUAL? -> -1 }T            \ HOLD prepends
: SIGNS ( n -- c-addr u ) 0 0 <# ROT SIGN #> ;
T{ -1 SIGNS SWAP DROP -> 1 }T
T{ -1 SIGNS DROP C@ -> CHAR - }T
T{ 0 SIGNS SWAP DROP -> 0 }T
T{ 1 SIGNS SWAP DROP -> 0 }T
T{ NMIN SIGNS SWAP DROP -> 1 }T
: SZZ S" ZZ" ;
T{ 1295 36 BASE ! U>STR DECIMAL SZZ STR-EQUAL? -> -1 }T
T{ 123 0 <# #S #> 2DROP -> }T               \ #S leaves 0 0, consumed by #>
T{ 123 0 <# #S -> 0 0 }T  0 0 #> 2DROP

SECTION >NUMBER
: >NUM ( c-addr u -- ud u' ) 0 0 2SWAP >NUMBER SWAP DROP ;
: S12X S" 12X" ;    : SEMPTY S" " ;    : SNEG S" -5" ;
T{ S123 >NUM -> 123 0 0 }T
T{ S12X >NUM -> 12 0 1 }T
T{ SEMPTY >NUM -> 0 0 0 }T
T{ SNEG >NUM -> 0 0 2 }T                    \ no sign handling
T{ 1 0 S123 >NUMBER SWAP DROP -> 1123 0 0 }T   \ accumulates into ud1
T{ S2^64 >NUM -> 0 1 0 }T                   \ double-cell result
T{ SUMAX >NUM -> UMAX 0 0 }T
T{ S12X 0 0 2SWAP >NUMBER DROP C@ -> 12 0 CHAR X }T
T{ S12X 0 0 2SWAP >NUMBER DROP S12X DROP - -> 12 0 2 }T
T{ HEX SFF >NUM DECIMAL -> 255 0 0 }T
T{ SFF >NUM -> 0 0 2 }T
T{ 2 BASE ! S123 >NUM DECIMAL -> 1 0 2 }T
T{ 36 BASE ! SZZ >NUM DECIMAL -> 1295 0 0 }T

SECTION ENVIRONMENT? (a system may answer "unknown" to any query)
\ Each check passes if the query is unknown (false) or its value is right.
: ENV>= ( c-addr u n -- flag )  >R ENVIRONMENT? IF R> < 0= ELSE R> DROP -1 THEN ;
: ENV= ( c-addr u x -- flag )   >R ENVIRONMENT? IF R> = ELSE R> DROP -1 THEN ;
: ENV2= ( c-addr u x1 x2 -- flag )
  >R >R ENVIRONMENT? IF R> R> ROT = >R = R> AND ELSE R> R> 2DROP -1 THEN ;
: ENV-POS ( c-addr u -- flag )  ENVIRONMENT? IF 0 > ELSE -1 THEN ;
: SNOPE S" XYZZY-NOT-A-QUERY-STRING" ;
T{ SNOPE ENVIRONMENT? -> 0 }T
: Q-/COUNTED S" /COUNTED-STRING" ;   : Q-/HOLD S" /HOLD" ;   : Q-/PAD S" /PAD" ;
: Q-AUB S" ADDRESS-UNIT-BITS" ;      : Q-FLOORED S" FLOORED" ;
: Q-MAX-CHAR S" MAX-CHAR" ;          : Q-MAX-D S" MAX-D" ;   : Q-MAX-N S" MAX-N" ;
: Q-MAX-U S" MAX-U" ;                : Q-MAX-UD S" MAX-UD" ;
: Q-RSTACK S" RETURN-STACK-CELLS" ;  : Q-STACK S" STACK-CELLS" ;
T{ Q-/COUNTED 255 ENV>= -> -1 }T
T{ Q-/HOLD 130 ENV>= -> -1 }T          \ at least 2*64+2 characters
T{ Q-/PAD 84 ENV>= -> -1 }T
T{ Q-AUB 8 ENV>= -> -1 }T
T{ Q-FLOORED FLOORED? ENV= -> -1 }T
T{ Q-MAX-CHAR 127 ENV>= -> -1 }T
T{ Q-MAX-D UMAX NMAX ENV2= -> -1 }T
T{ Q-MAX-N NMAX ENV= -> -1 }T
T{ Q-MAX-U UMAX ENV= -> -1 }T
T{ Q-MAX-UD UMAX UMAX ENV2= -> -1 }T
T{ Q-RSTACK ENV-POS -> -1 }T
T{ Q-STACK ENV-POS -> -1 }T

SECTION DECIMAL LITERAL
T{ HEX DECIMAL BASE @ -> 10 }T
: LIT1 [ 5 ] LITERAL [ -5 ] LITERAL ;
T{ LIT1 -> 5 -5 }T
: LIT2 [ NMIN ] LITERAL ;
T{ LIT2 -> NMIN }T

T-SUMMARY
