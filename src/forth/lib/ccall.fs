\ ccall.fs -- calling C functions from Forth: LIBRARY and EXTERN:
\
\ EXTERN: reads a C prototype and defines a word that calls the function
\ through the kernel's (CCALL): integer and pointer parameters come from
\ the data stack, floating-point ones from the float stack, each with its
\ last parameter on top.  The word is the prototype's descriptor (a count
\ byte, one kind byte per parameter, the return kind) and the function's
\ address compiled as literals, then a call of (CCALL).

\ LIBRARY libm.so.6   then   EXTERN: double cos( double )
\ Types are single words: void char uchar short ushort int uint long ulong size_t bool
\ int8_t uint8_t int16_t uint16_t int32_t uint32_t int64_t uint64_t float double, and any
\ word with a * (a pointer); const is ignored, unsigned combines with the next word.
CREATE (ZBUF) 4096 ALLOT  VARIABLE (ZBUF#)
: (Z)       ( addr u -- zaddr ) 1023 MIN (ZBUF#) @ 1+ 3 AND DUP (ZBUF#) ! 1024 * (ZBUF) + 2DUP + 0 SWAP C! DUP >R SWAP MOVE R> ;
: (ZLEN)    ( zaddr -- u ) 0 BEGIN 2DUP + C@ WHILE 1+ REPEAT NIP ;
: (ZCOUNT)  ( zaddr -- addr u ) DUP (ZLEN) ;
SYNONYM S>Z (Z)
VARIABLE (LIB)
: LIBRARY   ( "name" -- ) PARSE-NAME (Z) (DLOPEN) ?DUP IF (LIB) ! EXIT THEN (DLERROR) ?DUP IF (ZCOUNT) (CULPRIT) THEN -38 THROW ;
: (SYMBOL)  ( addr u -- fn ) 2DUP (Z) (LIB) @ SWAP (DLSYM) ?DUP IF NIP NIP EXIT THEN
  (Z) 0 SWAP (DLSYM) ?DUP IF EXIT THEN -13 THROW ;
: (S=)      ( a1 u1 a2 u2 -- flag ) COMPARE 0= ;
: (KIND)    ( addr u -- pkind rkind ) \ parameter kind (0 int, 1 double, 2 float), return kind
  2DUP S" double" (S=) IF 2DROP 1 2 EXIT THEN
  2DUP S" float" (S=) IF 2DROP 2 3 EXIT THEN
  2DUP S" void" (S=) IF 2DROP 0 0 EXIT THEN
  2DUP S" int" (S=) >R 2DUP S" int32_t" (S=) R> OR IF 2DROP 0 4 EXIT THEN
  2DUP S" uint" (S=) >R 2DUP S" uint32_t" (S=) R> OR IF 2DROP 0 5 EXIT THEN
  2DUP S" char" (S=) >R 2DUP S" int8_t" (S=) R> OR IF 2DROP 0 6 EXIT THEN
  2DUP S" uchar" (S=) >R 2DUP S" uint8_t" (S=) >R 2DUP S" bool" (S=) R> R> OR OR IF 2DROP 0 7 EXIT THEN
  2DUP S" short" (S=) >R 2DUP S" int16_t" (S=) R> OR IF 2DROP 0 8 EXIT THEN
  2DUP S" ushort" (S=) >R 2DUP S" uint16_t" (S=) R> OR IF 2DROP 0 9 EXIT THEN
  2DROP 0 1 ;
: (UNSIGNED) ( addr u -- pkind rkind )
  2DUP S" int" (S=) IF 2DROP 0 5 EXIT THEN
  2DUP S" char" (S=) IF 2DROP 0 7 EXIT THEN
  2DUP S" short" (S=) IF 2DROP 0 9 EXIT THEN
  2DROP 0 1 ;
: (CTYPE)   ( -- pkind rkind true | false ) \ the next type of the prototype; false at )
  BEGIN PARSE-NAME 2DUP S" const" (S=) WHILE 2DROP REPEAT
  DUP 0= IF 2DROP FALSE EXIT THEN
  2DUP S" )" (S=) IF 2DROP FALSE EXIT THEN
  2DUP S" unsigned" (S=) IF 2DROP PARSE-NAME (UNSIGNED) TRUE EXIT THEN
  2DUP S" *" SEARCH NIP NIP IF 2DROP 0 1 TRUE EXIT THEN
  (KIND) TRUE ;
: (EXTERN)  ( name u "prototype" -- ) \ define the Forth word "name" for a C function
  (CTYPE) 0= IF -24 THROW THEN NIP >R
  PARSE-NAME DUP 0= IF -24 THROW THEN 1- (SYMBOL) >R
  HERE >R 0 C,
  BEGIN (CTYPE) WHILE DROP C, R@ C@ 1+ R@ C! REPEAT
  R> R> R> C, ( name u desc fn )
  2SWAP (HEADER) (LITERAL) (LITERAL) ['] (CCALL) COMPILE, (RET,) ;
: EXTERN:   ( "prototype" -- ) \ the Forth word takes the C function's name
  >IN @ >R
  BEGIN PARSE-NAME DUP 0= IF -24 THROW THEN 2DUP + 1- C@ [CHAR] ( <> WHILE 2DROP REPEAT
  1- R> >IN ! (EXTERN) ;
