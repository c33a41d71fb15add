\ ccall.fs -- calling C functions from Forth: LIBRARY and EXTERN:
\
\ EXTERN: reads a C prototype and defines a word that calls the function
\ through the kernel's (CCALL): integer and pointer parameters come from
\ the data stack, floating-point ones from the float stack, each with its
\ last parameter on top.  The word is the prototype's descriptor (a count
\ byte, one kind byte per parameter, the return kind) and the function's
\ address compiled as literals, then a call of (CCALL).

\ LIBRARY libm.so.6   then   EXTERN: double cos( double )   or   EXTERN: double pow(double x, double y)
\ The prototype is C's, as the rest of Sidecar reads it: a return type, the name, the
\ parameters in parentheses, separated by commas, each a type and an optional name
\ (a name that is not a type, after a type).  The commas may be left out, as Forth
\ does: ( ptr int ptr ); a run of keywords is then one type, as in C: ( long long ) is
\ one long long, ( int64_t int64_t ) two parameters.  ( void ) and ( ) take none.
\ Types are C's: the table of src/abi (void bool char short int long float double with
\ signed/unsigned/long/short in front, int8_t … uint64_t, size_t and the other typedef names
\ it knows), made into (KIND) by src/forth/system.ts; the short spellings ptr uchar ushort
\ uint ulong; anything with a * (a pointer); struct/union/enum NAME; a name not in the
\ table is a cell-sized typedef.  const is ignored.  The prototype ends at its ) on the line.
CREATE (ZBUF) 4096 ALLOT  VARIABLE (ZBUF#)
: (Z)       ( addr u -- zaddr ) 1023 MIN (ZBUF#) @ 1+ 3 AND DUP (ZBUF#) ! 1024 * (ZBUF) + 2DUP + 0 SWAP C! DUP >R SWAP MOVE R> ;
: (ZLEN)    ( zaddr -- u ) 0 BEGIN 2DUP + C@ WHILE 1+ REPEAT NIP ;
: (ZCOUNT)  ( zaddr -- addr u ) DUP (ZLEN) ;
SYNONYM S>Z (Z)
VARIABLE (LIB)
: LIBRARY   ( "name" -- ) PARSE-NAME (Z) (DLOPEN) ?DUP IF (LIB) ! EXIT THEN (DLERROR) ?DUP IF (ZCOUNT) (CULPRIT) THEN -38 THROW ;
: (SYMBOL)  ( addr u -- fn ) \ in the last LIBRARY, else anywhere; -13 names what is missing
  2DUP (Z) (LIB) @ SWAP (DLSYM) ?DUP IF NIP NIP EXIT THEN
  2DUP (Z) 0 SWAP (DLSYM) ?DUP IF NIP NIP EXIT THEN (CULPRIT) -13 THROW ;
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

\ The prototype's tokens (identifiers and the characters * ( ) ,), each an address and
\ length in the input line, read up to the ) that closes the first (.
64 CONSTANT (TOKS-MAX)  VARIABLE (PROTO-START)
: (CULPRIT-PROTO) ( -- ) \ the prototype read so far, for the error's message
  SOURCE DROP (PROTO-START) @ + >IN @ (PROTO-START) @ - 0 MAX (CULPRIT) ;
: (CHAR-IN?) ( addr u c -- flag ) >R BEGIN DUP WHILE OVER C@ R@ = IF 2DROP R> DROP TRUE EXIT THEN 1 /STRING REPEAT 2DROP R> DROP FALSE ;
CREATE (TOKS) (TOKS-MAX) 2* CELLS ALLOT  VARIABLE (#TOKS)  VARIABLE (TOK-I)  VARIABLE (NEST)
: (TOK)     ( i -- addr u ) DUP (#TOKS) @ < IF 2* CELLS (TOKS) + 2@ ELSE DROP 0 0 THEN ;
: (TOK+)    ( addr u -- ) (#TOKS) @ (TOKS-MAX) = IF -24 THROW THEN (#TOKS) @ 2* CELLS (TOKS) + 2! 1 (#TOKS) +! ;
: (IDCHAR?) ( c -- flag )
  DUP [CHAR] _ = OVER [CHAR] 0 [CHAR] 9 1+ WITHIN OR OVER [CHAR] a [CHAR] z 1+ WITHIN OR
  SWAP [CHAR] A [CHAR] Z 1+ WITHIN OR ;
: (IN-C@)   ( -- c | -1 ) >IN @ SOURCE NIP < IF SOURCE DROP >IN @ + C@ ELSE -1 THEN ;
: (PROTO-TOKENS) ( "prototype" -- )
  0 (#TOKS) ! 0 (NEST) !  >IN @ (PROTO-START) !
  BEGIN
    (IN-C@) DUP -1 = IF (CULPRIT-PROTO) -24 THROW THEN
    DUP (IDCHAR?) IF
      DROP SOURCE DROP >IN @ + 0 BEGIN 1+ 1 >IN +! (IN-C@) (IDCHAR?) 0= UNTIL (TOK+) FALSE
    ELSE DUP BL > IF
      DUP S" *(),"  ROT (CHAR-IN?) 0= IF DROP (CULPRIT-PROTO) -24 THROW THEN
      SOURCE DROP >IN @ + 1 (TOK+) 1 >IN +!
      DUP [CHAR] ( = IF 1 (NEST) +! THEN
      [CHAR] ) = IF -1 (NEST) +! (NEST) @ 0= ELSE FALSE THEN
    ELSE DROP 1 >IN +! FALSE THEN THEN
  UNTIL ;
: (TOK=)    ( i addr u -- flag ) ROT (TOK) (S=) ;
: (PUNCT?)  ( i -- flag ) (TOK) 1 = IF C@ (IDCHAR?) 0= ELSE DROP FALSE THEN ;
: (KNOWN?)  ( addr u -- flag ) (KIND) 2DROP (KIND-UNKNOWN?) @ 0= ;
: (QUALIFIER?) ( addr u -- flag ) \ const volatile restrict: nothing to a call
  2DUP S" const" (S=) >R 2DUP S" volatile" (S=) >R 2DUP S" restrict" (S=) >R S" __restrict" (S=) R> R> R> OR OR OR ;
: (NAME?)   ( i -- flag ) \ an identifier that is not a type: a parameter's name
  DUP (PUNCT?) IF DROP FALSE EXIT THEN (TOK) DUP 0= IF 2DROP FALSE EXIT THEN
  2DUP (QUALIFIER?) >R 2DUP (MODIFIER?) >R (KNOWN?) 0= R> 0= AND R> 0= AND ;
: (SKIP-CONST) ( -- ) BEGIN (TOK-I) @ (TOK) (QUALIFIER?) WHILE 1 (TOK-I) +! REPEAT ;
: (KIND!)   ( addr u -- pkind rkind ) \ (KIND), and a type it cannot call with is named in the error
  2DUP 2>R ['] (KIND) CATCH ?DUP IF 2R> (CULPRIT) THROW THEN 2R> 2DROP ;
: (TAKE)    ( -- addr u ) (TOK-I) @ (TOK) 1 (TOK-I) +! ;
: (PARAM)   ( -- pkind rkind ) \ one parameter from (TOK-I) on: a type, then maybe its name
  0 (TNAME#) ! (SKIP-CONST)
  (TOK-I) @ (PUNCT?) IF (CULPRIT-PROTO) -24 THROW THEN
  (TAKE) 2DUP (TNAME+)
  2DUP S" struct" (S=) >R 2DUP S" union" (S=) >R 2DUP S" enum" (S=) R> R> OR OR IF
    2DROP (TOK-I) @ (PUNCT?) IF (CULPRIT-PROTO) -24 THROW THEN (TAKE) (TNAME+)
  ELSE (MODIFIER?) IF \ unsigned long long: read on while the words go together
    BEGIN (TOK-I) @ DUP (PUNCT?) 0= SWAP (TOK) (TYPEWORD?) AND WHILE (TAKE) (TNAME+) REPEAT
  THEN THEN
  (SKIP-CONST) FALSE BEGIN (TOK-I) @ S" *" (TOK=) WHILE DROP TRUE 1 (TOK-I) +! (SKIP-CONST) REPEAT
  (TOK-I) @ (NAME?) IF 1 (TOK-I) +! THEN
  IF 0 1 ELSE (TNAME) (TNAME#) @ (KIND!) THEN ;
: (RESULT)  ( last -- rkind ) \ tokens 0 .. last-1: the return type
  0 (TNAME#) ! FALSE SWAP 0 ?DO
    I (TOK) 2DUP S" *" (S=) IF 2DROP DROP TRUE ELSE 2DUP (QUALIFIER?) IF 2DROP ELSE (TNAME+) THEN THEN
  LOOP IF 1 EXIT THEN (TNAME#) @ 0= IF (CULPRIT-PROTO) -24 THROW THEN (TNAME) (TNAME#) @ (KIND!) NIP ;
: (PROTO-FN) ( -- i ) \ the token index of the function's name: the one before the first (
  (#TOKS) @ 0 ?DO I S" (" (TOK=) IF I 1- UNLOOP DUP 1 < OVER (PUNCT?) OR IF (CULPRIT-PROTO) -24 THROW THEN EXIT THEN LOOP
  (CULPRIT-PROTO) -24 THROW ;
\ (EXTERN) ( name u "prototype" -- ): define the Forth word "name" for a C function
: (EXTERN)  ( name u "prototype" -- )
  (PROTO-TOKENS) (PROTO-FN) DUP >R (RESULT) ( name u rkind )
  R@ (TOK) (SYMBOL) ( name u rkind fn )
  HERE 0 C, ( name u rkind fn desc )
  R> 2 + (TOK-I) !
  \ ( void ) takes no parameters
  (TOK-I) @ S" void" (TOK=) (TOK-I) @ 1+ S" )" (TOK=) AND IF 1 (TOK-I) +! THEN
  BEGIN (TOK-I) @ S" )" (TOK=) 0= WHILE
    (PARAM) DROP C, DUP C@ 1+ OVER C!
    (TOK-I) @ S" ," (TOK=) IF 1 (TOK-I) +! (TOK-I) @ S" )" (TOK=) IF (CULPRIT-PROTO) -24 THROW THEN THEN
  REPEAT
  ROT C, SWAP ( name u desc fn )
  2SWAP (HEADER) (LITERAL) (LITERAL) ['] (CCALL) COMPILE, (RET,) ;
: EXTERN:   ( "prototype" -- ) \ the Forth word takes the C function's name
  >IN @ >R (PROTO-TOKENS) R> >IN ! (PROTO-FN) (TOK) (EXTERN) ;
