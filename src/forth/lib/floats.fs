\ floats.fs -- the Floating-Point word set
\
\ IEEE doubles on their own stack; the arithmetic is primitive (kernel/
\ floats.ts), the transcendental functions are libm's.  Text to float is
\ checked here for Forth's syntax and converted by strtod; float to text
\ goes through snprintf's %e digits.  The text interpreter's not-found hook,
\ set at the end of the conversion section, tries double-cell numbers, then
\ floats.

\ libm for the transcendental words; (LIB) goes back to the whole process after.
S" libm.so.6" (Z) (DLOPEN) (LIB) !
S" FSIN"   (EXTERN) double sin( double )
S" FCOS"   (EXTERN) double cos( double )
S" FTAN"   (EXTERN) double tan( double )
S" FASIN"  (EXTERN) double asin( double )
S" FACOS"  (EXTERN) double acos( double )
S" FATAN"  (EXTERN) double atan( double )
S" FATAN2" (EXTERN) double atan2( double double )
S" FSINH"  (EXTERN) double sinh( double )
S" FCOSH"  (EXTERN) double cosh( double )
S" FTANH"  (EXTERN) double tanh( double )
S" FASINH" (EXTERN) double asinh( double )
S" FACOSH" (EXTERN) double acosh( double )
S" FATANH" (EXTERN) double atanh( double )
S" FEXP"   (EXTERN) double exp( double )
S" FEXPM1" (EXTERN) double expm1( double )
S" FLN"    (EXTERN) double log( double )
S" FLNP1"  (EXTERN) double log1p( double )
S" FLOG"   (EXTERN) double log10( double )
S" F**"    (EXTERN) double pow( double double )
S" FALOG"  (EXTERN) double exp10( double )
0 (LIB) !
S" (STRTOD)"   (EXTERN) double strtod( ptr ptr )
S" (SNPRINTF)" (EXTERN) int snprintf( ptr ulong ptr int double )
: FSINCOS ( F: r -- sin cos ) FDUP FSIN FSWAP FCOS ;

: SFALIGN   ( -- ) HERE 3 + -4 AND (HERE) ! ;
: SFALIGNED ( addr -- addr' ) 3 + -4 AND ;
: SFLOATS   ( n -- n' ) 4 * ;
: SFLOAT+   ( addr -- addr' ) 4 + ;
: F,        ( F: r -- ) HERE F! 8 ALLOT ;
: FCONSTANT ( F: r "name" -- ) CREATE F, DOES> F@ ;
: FVARIABLE ( "name" -- ) CREATE 0 , ;
: FVALUE    ( F: r "name" -- ) CREATE 2 , F, DOES> CELL+ F@ ;
: FLITERAL  ( F: r -- ) (FLITERAL) ; IMMEDIATE COMPILE-ONLY
: FFIELD:   ( n1 "name" -- n2 ) FALIGNED 8 +FIELD ;
: DFFIELD:  ( n1 "name" -- n2 ) FALIGNED 8 +FIELD ;
: SFFIELD:  ( n1 "name" -- n2 ) SFALIGNED 4 +FIELD ;
: F~ ( F: r1 r2 r3 -- ) ( -- flag )
  FDUP F0= IF FDROP FP@ 2@ = FDROP FDROP EXIT THEN
  FDUP F0< IF FABS FROT FROT FOVER FOVER F- FABS FROT FABS FROT FABS F+ FROT F* F< EXIT THEN
  FROT FROT F- FABS FSWAP F< ;

\ Text to float: Forth syntax checked here, the digits converted by strtod.
CREATE (FBUF) 128 ALLOT  VARIABLE (FBUF#)  VARIABLE (STRICT)
: (FB,)     ( c -- ) (FBUF#) @ 120 < IF (FBUF) (FBUF#) @ + C! 1 (FBUF#) +! ELSE DROP THEN ;
: (DIGITS)  ( addr u -- addr' u' n ) \ copies decimal digits; n: how many
  0 >R BEGIN DUP WHILE OVER C@ [CHAR] 0 [CHAR] 9 1+ WITHIN WHILE OVER C@ (FB,) 1 /STRING R> 1+ >R REPEAT THEN R> ;
: (SIGN,)   ( addr u -- addr' u' ) DUP IF OVER C@ DUP [CHAR] - = SWAP [CHAR] + = OR IF OVER C@ (FB,) 1 /STRING THEN THEN ;
: (FCONV)   ( F: -- r ) (FBUF) (FBUF#) @ (Z) 0 (STRTOD) ;
: (>FLOAT)  ( addr u strict -- flag ) ( F: -- r | ) \ strict: the text interpreter's syntax (E required)
  (STRICT) ! 0 (FBUF#) !
  DUP 0= IF 2DROP FALSE EXIT THEN
  (SIGN,) (DIGITS) >R
  DUP IF OVER C@ [CHAR] . = IF [CHAR] . (FB,) 1 /STRING (DIGITS) R> + >R THEN THEN
  R> 0= IF 2DROP FALSE EXIT THEN
  DUP 0= IF 2DROP (STRICT) @ IF FALSE EXIT THEN (FCONV) TRUE EXIT THEN
  OVER C@ (ICHAR) DUP [CHAR] e = SWAP [CHAR] d = OR
  IF 1 /STRING ELSE (STRICT) @ IF 2DROP FALSE EXIT THEN THEN
  [CHAR] e (FB,) (SIGN,) (DIGITS) 0= IF [CHAR] 0 (FB,) THEN
  NIP IF FALSE EXIT THEN
  (FCONV) TRUE ;
: >FLOAT ( addr u -- true | false ) ( F: -- r | )
  2DUP -TRAILING NIP 0= IF 2DROP 0 S>F TRUE EXIT THEN FALSE (>FLOAT) ;   \ blanks only: zero

\ The text interpreter's fallback for words it cannot find: double numbers, then floats.
: (DNUMBER?) ( addr u -- d true | false )
  DUP 2 < IF 2DROP FALSE EXIT THEN
  2DUP + 1- C@ [CHAR] . <> IF 2DROP FALSE EXIT THEN 1-
  BASE @ >R
  OVER C@ CASE [CHAR] # OF 10 BASE ! 1 /STRING ENDOF [CHAR] $ OF 16 BASE ! 1 /STRING ENDOF [CHAR] % OF 2 BASE ! 1 /STRING ENDOF ENDCASE
  0 >R DUP IF OVER C@ [CHAR] - = IF R> DROP -1 >R 1 /STRING THEN THEN
  DUP 0= IF 2DROP R> DROP R> BASE ! FALSE EXIT THEN
  0 0 2SWAP >NUMBER NIP IF 2DROP R> DROP R> BASE ! FALSE EXIT THEN
  R> IF DNEGATE THEN R> BASE ! TRUE ;
: (NOT-FOUND-IMPL) ( addr u -- )
  2DUP (DNUMBER?) IF 2SWAP 2DROP STATE @ IF SWAP (LITERAL) (LITERAL) THEN EXIT THEN
  BASE @ 10 = IF 2DUP TRUE (>FLOAT) IF 2DROP STATE @ IF (FLITERAL) THEN EXIT THEN THEN
  (CULPRIT) -13 THROW ;
' (NOT-FOUND-IMPL) (NOT-FOUND) !

\ Double cells to and from floats, exact where a double holds the value.
: (U>F) ( u -- ) ( F: -- r ) DUP 0< IF DUP 1 RSHIFT SWAP 1 AND OR S>F 2E F* ELSE S>F THEN ;
: D>F ( d -- ) ( F: -- r ) OVER 0< OVER = IF DROP S>F ELSE S>F 18446744073709551616E F* (U>F) F+ THEN ;
: F>D ( F: r -- ) ( -- d )
  FTRUNC FDUP FABS 9223372036854775808E F< IF F>S S>D EXIT THEN
  FDUP 18446744073709551616E F/ FLOOR FDUP F>S 18446744073709551616E F* F-
  FDUP 9223372036854775808E F< IF F>S ELSE 9223372036854775808E F- F>S 1 63 LSHIFT XOR THEN SWAP ;

\ Float output. REPRESENT through snprintf's %e; F. FE. FS. from its digits.
CREATE (RBUF) 64 ALLOT
: REPRESENT ( c-addr u -- n flag1 flag2 ) ( F: r -- )
  FDUP F0< >R FABS
  FDUP FDUP F- F0= 0= IF FDROP [CHAR] * FILL 0 R> FALSE EXIT THEN
  DUP >R (RBUF) 64 S" %.*e" (Z) R> 1- 0 MAX (SNPRINTF) DROP
  (RBUF) C@ 2 PICK C!
  DUP 1 > IF (RBUF) 2 + 2 PICK 1+ 2 PICK 1- MOVE THEN 2DROP
  (RBUF) 64 [CHAR] e (SCAN) DROP 1+ DUP C@ [CHAR] + = IF 1+ THEN
  (ZCOUNT) BASE @ >R DECIMAL (NUMBER?) R> BASE ! 0= IF 0 THEN 1+
  R> TRUE ;
VARIABLE (PRECISION) 15 (PRECISION) !
: PRECISION ( -- u ) (PRECISION) @ ;
: SET-PRECISION ( u -- ) 1 MAX 17 MIN (PRECISION) ! ;
CREATE (FDIG) 32 ALLOT
: (FSPECIAL) ( -- ) \ r is an infinity or a NaN
  FDUP FDUP F= 0= IF FDROP ." NaN " EXIT THEN F0< IF ." -" THEN ." Inf " ;
: (FDIGITS) ( F: r -- ) ( -- n sign true | false ) \ PRECISION digits in (FDIG)
  FDUP FDUP F- F0= 0= IF (FSPECIAL) FALSE EXIT THEN
  (FDIG) PRECISION REPRESENT DROP TRUE ;
: (TRIMMED) ( -- u ) PRECISION BEGIN DUP 1 > WHILE DUP 1- (FDIG) + C@ [CHAR] 0 = WHILE 1- REPEAT THEN ;
: F. ( F: r -- )
  (FDIGITS) 0= IF EXIT THEN IF [CHAR] - EMIT THEN
  (FDIG) C@ [CHAR] 0 = IF DROP ." 0. " EXIT THEN
  (TRIMMED) SWAP ( u n )
  DUP 0> 0= IF ." 0." NEGATE 0 ?DO [CHAR] 0 EMIT LOOP (FDIG) SWAP TYPE SPACE EXIT THEN
  2DUP > 0= IF OVER (FDIG) SWAP TYPE SWAP - 0 ?DO [CHAR] 0 EMIT LOOP ." . " EXIT THEN
  (FDIG) OVER TYPE [CHAR] . EMIT (FDIG) OVER + -ROT - TYPE SPACE ;
: FS. ( F: r -- )
  (FDIGITS) 0= IF EXIT THEN IF [CHAR] - EMIT THEN
  (FDIG) 1 TYPE [CHAR] . EMIT (FDIG) 1+ PRECISION 1- TYPE [CHAR] E EMIT
  (FDIG) C@ [CHAR] 0 = IF DROP 0 ELSE 1- THEN 0 .R SPACE ;
: FE. ( F: r -- )
  (FDIGITS) 0= IF EXIT THEN IF [CHAR] - EMIT THEN
  (FDIG) C@ [CHAR] 0 = IF DROP 1 THEN 1-  ( e )
  DUP 3 MOD DUP 0< IF 3 + THEN ( e k ) TUCK - SWAP 1+ ( e3 digits-before-point )
  (FDIG) OVER PRECISION MIN TYPE DUP PRECISION - 0 MAX 0 ?DO [CHAR] 0 EMIT LOOP
  [CHAR] . EMIT (FDIG) OVER + PRECISION ROT - 0 MAX TYPE
  [CHAR] E EMIT 0 .R SPACE ;
