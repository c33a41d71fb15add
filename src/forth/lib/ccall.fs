\ ccall.fs -- calling C functions from Forth: LIBRARY and EXTERN:
\
\ EXTERN: reads a C prototype and defines a word that calls the function
\ through the kernel's (CCALL): integer and pointer parameters come from
\ the data stack, floating-point ones from the float stack, each with its
\ last parameter on top.  The word is the prototype's descriptor (a count
\ byte, one kind byte per parameter, the return kind) and the function's
\ address compiled as literals, then a call of (CCALL).

\ LIBRARY libm.so.6   then   EXTERN: double cos( double )
\ Types are C's: the table of src/abi (void bool char short int long float double with
\ signed/unsigned/long/short in front, int8_t … uint64_t, size_t and the other typedef names
\ it knows), made into (KIND) by src/forth/system.ts; the short spellings ptr uchar ushort
\ uint ulong; and any word with a * (a pointer). const is ignored. As in C, a run of
\ keywords is one type: ( long long ) is one long long, ( int64_t int64_t ) two parameters.
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
: (MODIFIER?) ( addr u -- flag ) \ a word that may begin a several-word C type
  2DUP S" unsigned" (S=) >R 2DUP S" signed" (S=) >R 2DUP S" long" (S=) >R S" short" (S=) R> R> R> OR OR OR ;
: (POINTER?) ( addr u -- flag ) S" *" SEARCH NIP NIP ;
: (TYPEWORD?) ( addr u -- flag ) \ a word that may follow a modifier in one type
  2DUP (MODIFIER?) >R 2DUP S" int" (S=) >R 2DUP S" char" (S=) >R S" double" (S=) R> R> R> OR OR OR ;
CREATE (TNAME) 64 ALLOT  VARIABLE (TNAME#)
: (TNAME+)  ( addr u -- ) \ appends a word to the type's name, joined by '-'
  DUP (TNAME#) @ + 62 > IF -24 THROW THEN
  (TNAME#) @ IF [CHAR] - (TNAME) (TNAME#) @ + C! 1 (TNAME#) +! THEN
  DUP >R (TNAME) (TNAME#) @ + SWAP MOVE R> (TNAME#) +! ;
: (CTYPE)   ( -- pkind rkind true | false ) \ the next type of the prototype; false at )
  BEGIN PARSE-NAME 2DUP S" const" (S=) WHILE 2DROP REPEAT
  DUP 0= IF 2DROP FALSE EXIT THEN
  2DUP S" )" (S=) IF 2DROP FALSE EXIT THEN
  2DUP (POINTER?) IF 2DROP 0 1 TRUE EXIT THEN
  0 (TNAME#) !
  BEGIN 2DUP (TNAME+) (MODIFIER?) WHILE \ unsigned long long: read on while the words go together
    >IN @ PARSE-NAME ( in addr u )
    2DUP (POINTER?) IF 2DROP DROP 0 1 TRUE EXIT THEN \ unsigned char*
    2DUP (TYPEWORD?) 0= IF 2DROP >IN ! (TNAME) (TNAME#) @ (KIND) TRUE EXIT THEN
    ROT DROP
  REPEAT
  (TNAME) (TNAME#) @ (KIND) TRUE ;
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
