/**
 * Forth source: Core Extensions, Double-Number, String, Exception,
 * Memory-Allocation, Search-Order, Programming-Tools and Facility, and the
 * words that reach C libraries (LIBRARY, EXTERN:).
 */

export const EXTRA = String.raw`
\ ---------------------------------------------------------------- core extensions
: BUFFER:  ( u "name" -- ) CREATE ALLOT ;
: CASE     ( -- 0 ) 0 ; IMMEDIATE COMPILE-ONLY
: OF       ( -- orig ) POSTPONE OVER POSTPONE = POSTPONE IF POSTPONE DROP ; IMMEDIATE COMPILE-ONLY
: ENDOF    ( orig1 -- orig2 ) POSTPONE ELSE ; IMMEDIATE COMPILE-ONLY
: ENDCASE  ( 0 orig... -- ) POSTPONE DROP BEGIN ?DUP WHILE POSTPONE THEN REPEAT ; IMMEDIATE COMPILE-ONLY
: (DEFER-UNSET) -21 THROW ;
: DEFER    ( "name" -- ) CREATE ['] (DEFER-UNSET) , DOES> @ EXECUTE ;
: DEFER@   ( xt1 -- xt2 ) >BODY @ ;
: DEFER!   ( xt2 xt1 -- ) >BODY ! ;
: IS       ( xt "name" -- ) STATE @ IF POSTPONE ['] POSTPONE DEFER! ELSE ' DEFER! THEN ; IMMEDIATE
: ACTION-OF ( "name" -- xt ) STATE @ IF POSTPONE ['] POSTPONE DEFER@ ELSE ' DEFER@ THEN ; IMMEDIATE
\ A value's body: a type cell (0 cell, 1 double cell, 2 float), then the value.
: VALUE    ( x "name" -- ) CREATE 0 , , DOES> CELL+ @ ;
: 2VALUE   ( x1 x2 "name" -- ) CREATE 1 , , , DOES> CELL+ 2@ ;
: (TO)     ( i*x body -- ) DUP @ CASE 0 OF CELL+ ! ENDOF 1 OF CELL+ 2! ENDOF 2 OF CELL+ F! ENDOF -32 THROW ENDCASE ;
: (CREATED?) ( xt -- flag ) (XI.FLAGS) + C@ (IF.CREATED) AND 0<> ;
: TO       ( i*x "name" -- ) ' DUP (CREATED?) 0= IF -32 THROW THEN >BODY STATE @ IF (LITERAL) POSTPONE (TO) ELSE (TO) THEN ; IMMEDIATE
: 2LITERAL ( x1 x2 -- ) SWAP (LITERAL) (LITERAL) ; IMMEDIATE COMPILE-ONLY
VARIABLE (NRTMP)
: N>R      ( i*x n -- ) ( R: -- i*x n ) R> (NRTMP) ! DUP BEGIN ?DUP WHILE ROT >R 1- REPEAT >R (NRTMP) @ >R ; (NO-TAIL)
: NR>      ( -- i*x n ) ( R: i*x n -- ) R> (NRTMP) ! R> DUP BEGIN ?DUP WHILE R> -ROT 1- REPEAT (NRTMP) @ >R ; (NO-TAIL)
: SAVE-INPUT    ( -- x1 x2 x3 x4 5 ) (SOURCE) @ (SOURCE-LEN) @ >IN @ (LINE) @ SOURCE-ID 5 ;
: RESTORE-INPUT ( x1 x2 x3 x4 x5 5 -- flag )
  DUP 5 <> IF 0 ?DO DROP LOOP TRUE EXIT THEN DROP
  SOURCE-ID <> IF 2DROP 2DROP TRUE EXIT THEN
  (LINE) ! >IN ! (SOURCE-LEN) ! (SOURCE) ! FALSE ;
: (ICHAR)  ( c -- c' ) DUP [CHAR] A [CHAR] Z 1+ WITHIN IF 32 OR THEN ;
: (ICOMPARE) ( a1 u1 a2 u2 -- n ) \ case-insensitive COMPARE
  ROT SWAP 2DUP - >R MIN
  0 ?DO OVER I + C@ (ICHAR) OVER I + C@ (ICHAR) - ?DUP IF 0< 2* 1+ NIP NIP UNLOOP R> DROP EXIT THEN LOOP
  2DROP R> DUP IF 0< 2* 1+ THEN ;

\ S\" with escapes.
CREATE (SQBUF) 4096 ALLOT  VARIABLE (SQBUF#)
: (IN-CHAR) ( -- c | -1 ) SOURCE >IN @ > IF >IN @ + C@ 1 >IN +! ELSE DROP -1 THEN ;
: (HEX-DIGIT) ( c -- n ) DUP [CHAR] 0 [CHAR] 9 1+ WITHIN IF [CHAR] 0 - EXIT THEN (ICHAR) [CHAR] a - 10 + ;
: (SQ,)     ( c -- ) (SQBUF#) @ (SQBUF) + C! 1 (SQBUF#) +! ;
: (ESCAPE)  ( c -- )
  CASE
    [CHAR] a OF 7 (SQ,) ENDOF   [CHAR] b OF 8 (SQ,) ENDOF   [CHAR] e OF 27 (SQ,) ENDOF
    [CHAR] f OF 12 (SQ,) ENDOF  [CHAR] l OF 10 (SQ,) ENDOF  [CHAR] m OF 13 (SQ,) 10 (SQ,) ENDOF
    [CHAR] n OF 10 (SQ,) ENDOF  [CHAR] q OF 34 (SQ,) ENDOF  [CHAR] r OF 13 (SQ,) ENDOF
    [CHAR] t OF 9 (SQ,) ENDOF   [CHAR] v OF 11 (SQ,) ENDOF  [CHAR] z OF 0 (SQ,) ENDOF
    [CHAR] " OF 34 (SQ,) ENDOF  [CHAR] \ OF 92 (SQ,) ENDOF
    [CHAR] x OF (IN-CHAR) (HEX-DIGIT) 4 LSHIFT (IN-CHAR) (HEX-DIGIT) OR (SQ,) ENDOF
    DUP (SQ,)
  ENDCASE ;
: (PARSE\")  ( "ccc<quote>" -- addr u )
  0 (SQBUF#) !
  BEGIN (IN-CHAR) DUP -1 <> OVER [CHAR] " <> AND WHILE
    DUP [CHAR] \ = IF DROP (IN-CHAR) (ESCAPE) ELSE (SQ,) THEN
  REPEAT DROP (SQBUF) (SQBUF#) @ ;
: S\"  ( "ccc<quote>" -- addr u ) (PARSE\") STATE @ IF POSTPONE SLITERAL ELSE (TRANSIENT) THEN ; IMMEDIATE

\ ---------------------------------------------------------------- double numbers
: D0<    ( d -- flag ) NIP 0< ;
: D0=    ( d -- flag ) OR 0= ;
: D2*    ( d -- d*2 ) 2DUP D+ ;
: D2/    ( d -- d/2 ) DUP 1 AND 63 LSHIFT >R 2/ SWAP 1 RSHIFT R> OR SWAP ;
: D<     ( d1 d2 -- flag ) ROT 2DUP = IF 2DROP U< ELSE > NIP NIP THEN ;
: DU<    ( ud1 ud2 -- flag ) ROT 2DUP = IF 2DROP U< ELSE U> NIP NIP THEN ;
: D=     ( d1 d2 -- flag ) ROT = -ROT = AND ;
: DMAX   ( d1 d2 -- d3 ) 2OVER 2OVER D< IF 2SWAP THEN 2DROP ;
: DMIN   ( d1 d2 -- d3 ) 2OVER 2OVER D< 0= IF 2SWAP THEN 2DROP ;
: M+     ( d n -- d' ) S>D D+ ;
: 2ROT   ( x1 x2 x3 x4 x5 x6 -- x3 x4 x5 x6 x1 x2 ) 2>R 2SWAP 2R> 2SWAP ;
: (T*)   ( ud u -- t ) TUCK UM* 2>R UM* 0 2R> D+ ;
: (T/)   ( t u -- ud ) >R R@ UM/MOD SWAP ROT SWAP R> UM/MOD NIP SWAP ;
: M*/    ( d1 n1 +n2 -- d2 ) >R 2DUP XOR >R ABS -ROT DABS ROT (T*) R> R> SWAP >R (T/) R> 0< IF DNEGATE THEN ;

\ ---------------------------------------------------------------- strings
: -TRAILING ( addr u -- addr u' ) BEGIN DUP WHILE 2DUP + 1- C@ BL = WHILE 1- REPEAT THEN ;
: COMPARE ( a1 u1 a2 u2 -- n )
  ROT SWAP 2DUP - >R MIN
  0 ?DO OVER I + C@ OVER I + C@ - ?DUP IF 0< 2* 1+ NIP NIP UNLOOP R> DROP EXIT THEN LOOP
  2DROP R> DUP IF 0< 2* 1+ THEN ;
: SEARCH ( a1 u1 a2 u2 -- a3 u3 flag )
  DUP 0= IF 2DROP TRUE EXIT THEN
  2>R 2DUP
  BEGIN DUP R@ < 0= WHILE
    OVER R@ 2R@ DROP R@ COMPARE 0= IF 2SWAP 2DROP 2R> 2DROP TRUE EXIT THEN
    1 /STRING
  REPEAT
  2DROP 2R> 2DROP FALSE ;

\ ---------------------------------------------------------------- calling C
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

\ ---------------------------------------------------------------- memory allocation
S" (MALLOC)" (EXTERN) ptr malloc( size_t )
S" (FREE)" (EXTERN) void free( ptr )
S" (REALLOC)" (EXTERN) ptr realloc( ptr size_t )
: ALLOCATE ( u -- addr ior ) DUP 0= - (MALLOC) DUP 0= ;
: FREE     ( addr -- ior ) (FREE) 0 ;
: RESIZE   ( addr u -- addr' ior ) OVER SWAP DUP 0= - (REALLOC) ?DUP IF NIP 0 ELSE -61 THEN ;

\ ---------------------------------------------------------------- search order
: FORTH-WORDLIST ( -- wid ) (FORTH-WID) @ ;
: GET-CURRENT ( -- wid ) (CURRENT) @ ;
: SET-CURRENT ( wid -- ) (CURRENT) ! ;
: GET-ORDER   ( -- widn .. wid1 n ) (ORDER#) @ 0 ?DO (ORDER#) @ I - 1- CELLS (ORDER) + @ LOOP (ORDER#) @ ;
: SET-ORDER   ( widn .. wid1 n -- )
  DUP -1 = IF DROP FORTH-WORDLIST 1 THEN
  DUP 16 > IF -49 THROW THEN
  DUP (ORDER#) ! 0 ?DO I CELLS (ORDER) + ! LOOP ;
: DEFINITIONS ( -- ) (ORDER#) @ IF (ORDER) @ SET-CURRENT THEN ;
: ALSO      ( -- ) GET-ORDER OVER SWAP 1+ SET-ORDER ;
: ONLY      ( -- ) -1 SET-ORDER ;
: PREVIOUS  ( -- ) GET-ORDER DUP 0= IF -50 THROW THEN NIP 1- SET-ORDER ;
: FORTH     ( -- ) GET-ORDER DUP 0= IF 1+ ELSE NIP THEN FORTH-WORDLIST SWAP SET-ORDER ;
: (.WID)    ( wid -- ) DUP FORTH-WORDLIST = IF DROP ." Forth " EXIT THEN
  DUP (WL.NAME) + @ ?DUP IF NIP COUNT TYPE SPACE EXIT THEN BASE @ >R HEX U. R> BASE ! ;
: ORDER     ( -- ) GET-ORDER 0 ?DO (.WID) LOOP 3 SPACES GET-CURRENT (.WID) CR ;

\ ---------------------------------------------------------------- strings
\ Text substitution: each name is a word in a word list of its own; its body holds
\ the address and length of an allocated copy of the text.
(WORDLIST) CONSTANT (SUBST)
: REPLACES ( text u name u -- )
  2DUP (SUBST) SEARCH-WORDLIST IF >BODY NIP NIP
  ELSE GET-CURRENT >R (SUBST) SET-CURRENT (CREATE) R> SET-CURRENT HERE 0 , 0 , THEN
  >R DUP ALLOCATE THROW DUP R@ ! OVER R> CELL+ ! SWAP MOVE ;
VARIABLE (SUB-DST)  VARIABLE (SUB-LEN)  VARIABLE (SUB-MAX)  VARIABLE (SUB-N)
VARIABLE (SA)  VARIABLE (SU)
: (SUB-C)  ( c -- ) (SUB-LEN) @ (SUB-MAX) @ < IF (SUB-DST) @ (SUB-LEN) @ + C! 1 (SUB-LEN) +! ELSE DROP -78 (SUB-N) ! THEN ;
: (SUB-S)  ( addr u -- ) 0 ?DO DUP I + C@ (SUB-C) LOOP DROP ;
: (ADV)    ( n -- ) DUP (SA) +! NEGATE (SU) +! ;
: (SCAN)   ( a u c -- a' u' ) >R BEGIN DUP WHILE OVER C@ R@ <> WHILE 1 /STRING REPEAT THEN R> DROP ;
: SUBSTITUTE ( a1 u1 a2 u2 -- a2 u3 n )
  (SUB-MAX) ! (SUB-DST) ! (SU) ! (SA) ! 0 (SUB-LEN) ! 0 (SUB-N) !
  BEGIN (SU) @ 0> WHILE
    (SA) @ C@ [CHAR] % <> IF (SA) @ C@ (SUB-C) 1 (ADV) ELSE
      (SA) @ 1+ (SU) @ 1- [CHAR] % (SCAN) ( a' u' )
      0= IF DROP [CHAR] % (SUB-C) 1 (ADV) ELSE
        (SA) @ 1+ TUCK - ( name len )
        DUP 0= IF 2DROP [CHAR] % (SUB-C) 2 (ADV) ELSE
          2DUP (SUBST) SEARCH-WORDLIST IF
            >BODY 2@ SWAP (SUB-S) (SUB-N) @ 0< 0= IF 1 (SUB-N) +! THEN NIP 2 + (ADV)
          ELSE
            [CHAR] % (SUB-C) (SUB-S) [CHAR] % (SUB-C) (SA) @ 1+ (SU) @ 1- [CHAR] % (SCAN) DROP (SA) @ - 1+ (ADV)
          THEN
        THEN
      THEN
    THEN
  REPEAT (SUB-DST) @ (SUB-LEN) @ (SUB-N) @ ;
: UNESCAPE ( a1 u1 a2 -- a2 u2 )
  DUP >R (SUB-DST) ! 0 (SUB-LEN) ! -1 1 RSHIFT (SUB-MAX) !
  0 ?DO DUP I + C@ DUP [CHAR] % = IF DUP (SUB-C) THEN (SUB-C) LOOP DROP R> (SUB-LEN) @ ;

\ ---------------------------------------------------------------- programming tools
: .S   ( -- ) [CHAR] < EMIT DEPTH 0 .R [CHAR] > EMIT SPACE DEPTH 0 ?DO DEPTH I - 1- PICK . LOOP ;
: (.HEX) ( u n -- ) BASE @ >R HEX 0 <# 0 ?DO # LOOP #> TYPE R> BASE ! ;
: DUMP ( addr u -- )
  BEGIN DUP 0> WHILE
    OVER 16 (.HEX) ." : "
    16 0 DO I 2 PICK < IF OVER I + C@ 2 (.HEX) SPACE ELSE 3 SPACES THEN LOOP SPACE
    16 0 DO I 2 PICK < IF OVER I + C@ DUP 32 127 WITHIN 0= IF DROP [CHAR] . THEN EMIT THEN LOOP CR
    16 /STRING
  REPEAT 2DROP ;
: TRAVERSE-WORDLIST ( i*x xt wid -- j*x )
  (WL.LATEST) + @
  BEGIN DUP WHILE
    2DUP 2>R SWAP EXECUTE 0= IF 2R> 2DROP EXIT THEN 2R> (HDR.PREV) + @
  REPEAT 2DROP ;
VARIABLE (WCOL)
: (.WORD) ( nt -- true ) NAME>STRING DUP (WCOL) @ + 78 > IF CR 0 (WCOL) ! THEN DUP 1+ (WCOL) +! TYPE SPACE TRUE ;
: WORDS ( -- ) 0 (WCOL) ! ['] (.WORD) (ORDER) @ TRAVERSE-WORDLIST CR ;
: (.NAME) ( nt -- true ) NAME>STRING TYPE SPACE TRUE ;
: (ALL-WORDS) ( -- ) GET-ORDER 0 ?DO ['] (.NAME) SWAP TRAVERSE-WORDLIST LOOP ;
: [DEFINED]   ( "name" -- flag ) PARSE-NAME FIND-NAME 0<> ; IMMEDIATE
: [UNDEFINED] ( "name" -- flag ) PARSE-NAME FIND-NAME 0= ; IMMEDIATE
: [ELSE] ( -- )
  1 BEGIN
    BEGIN PARSE-NAME DUP WHILE
      2DUP S" [IF]" (ICOMPARE) 0= IF 2DROP 1+ ELSE
      2DUP S" [ELSE]" (ICOMPARE) 0= IF 2DROP 1- DUP IF 1+ THEN ELSE
      S" [THEN]" (ICOMPARE) 0= IF 1- THEN THEN THEN
      ?DUP 0= IF EXIT THEN
    REPEAT 2DROP
  REFILL 0= UNTIL DROP -58 THROW ; IMMEDIATE
: [IF]   ( flag -- ) 0= IF POSTPONE [ELSE] THEN ; IMMEDIATE
: [THEN] ( -- ) ; IMMEDIATE
\ The name of an xt, searching every word list.
VARIABLE (XT-WANTED)  VARIABLE (XT-FOUND)
\ The oldest name wins: a word's own name, not a later SYNONYM of it.
: (XT?) ( nt -- true ) DUP NAME>INTERPRET (XT-WANTED) @ = IF (XT-FOUND) ! ELSE DROP THEN TRUE ;
: (XT>NAME) ( xt -- nt|0 ) (XT-WANTED) ! 0 (XT-FOUND) !
  (WIDS) @ BEGIN ?DUP WHILE (XT-FOUND) @ 0= WHILE DUP >R ['] (XT?) SWAP TRAVERSE-WORDLIST R> (WL.CHAIN) + @ REPEAT DROP THEN (XT-FOUND) @ ;
: (.XT) ( xt -- ) DUP (XT>NAME) ?DUP IF NIP NAME>STRING TYPE ELSE ." <" BASE @ >R HEX 0 U.R R> BASE ! ." >" THEN SPACE ;
: SEE ( "name" -- )
  PARSE-NAME (FIND!) DUP (HDR.SEE) + @ ?DUP 0= IF
    ." <code> " NAME>STRING TYPE CR EXIT THEN
  ." : " SWAP DUP >R NAME>STRING TYPE SPACE
  \ The tokens end with the ; that ended the definition (an immediate word).
  BEGIN DUP @ WHILE
    DUP @ CASE
      1 OF DUP CELL+ @ (.XT) ENDOF
      2 OF DUP CELL+ @ . ENDOF
      3 OF DUP CELL+ @ NAME>STRING TYPE SPACE ENDOF
    ENDCASE 2 CELLS +
  REPEAT DROP R> (IMMEDIATE?) IF ." IMMEDIATE" THEN CR ;

\ ---------------------------------------------------------------- facility
S" (TIME)" (EXTERN) long time( ptr )
S" (LOCALTIME)" (EXTERN) ptr localtime_r( ptr ptr )
CREATE (TM) 64 ALLOT  VARIABLE (NOW)
: TIME&DATE ( -- sec min hour day month year )
  (NOW) (TIME) (NOW) ! (NOW) (TM) (LOCALTIME) DROP
  (TM) SL@  (TM) 4 + SL@  (TM) 8 + SL@  (TM) 12 + SL@  (TM) 16 + SL@ 1+  (TM) 20 + SL@ 1900 + ;
S" (POLL)" (EXTERN) int poll( ptr ulong int )
CREATE (PFD) 8 ALLOT
: KEY? ( -- flag ) (FLUSH) 0 (PFD) L! 1 (PFD) 4 + W! 0 (PFD) 6 + W! (PFD) 1 0 (POLL) 0> ;
: EKEY>CHAR ( x -- x false | char true ) DUP 0 256 WITHIN ;
SYNONYM EKEY? KEY?
: EMIT? ( -- flag ) TRUE ;
: AT-XY ( col row -- ) 27 EMIT [CHAR] [ EMIT 1+ 0 U.R [CHAR] ; EMIT 1+ 0 U.R [CHAR] H EMIT ;
: PAGE ( -- ) 27 EMIT S" [2J" TYPE 27 EMIT S" [H" TYPE ;
: BEGIN-STRUCTURE ( "name" -- addr 0 ) CREATE HERE 0 0 , DOES> @ ;
: END-STRUCTURE ( addr n -- ) SWAP ! ;
: +FIELD ( n1 n2 "name" -- n3 ) CREATE OVER , + DOES> @ + ;
: FIELD:   ( n1 "name" -- n2 ) ALIGNED 8 +FIELD ;
: CFIELD:  ( n1 "name" -- n2 ) 1 +FIELD ;

\ ---------------------------------------------------------------- MARKER
: (WL-COUNT) ( -- n ) 0 (WIDS) @ BEGIN ?DUP WHILE SWAP 1+ SWAP (WL.CHAIN) + @ REPEAT ;
: (WL-SNAP)  ( -- buf u ) \ each word list: wid, latest, its buckets; then 0
  (WL-COUNT) [ 2 CELLS (WL.BUCKETS-SIZE) + ] LITERAL * CELL+ DUP ALLOCATE THROW SWAP
  OVER (WIDS) @
  BEGIN ?DUP WHILE
    2DUP SWAP ! SWAP CELL+ OVER (WL.LATEST) + @ OVER ! CELL+
    OVER (WL.BUCKETS) + OVER (WL.BUCKETS-SIZE) MOVE (WL.BUCKETS-SIZE) + SWAP (WL.CHAIN) + @
  REPEAT 0 SWAP ! ;
: MARKER ( "name" -- )
  HERE CODE-HERE (LATEST) @ (WIDS) @ GET-CURRENT (WL-SNAP)
  CREATE 2>R , , , , , GET-ORDER DUP , 0 ?DO , LOOP
  2R> OVER HERE ROT DUP ALLOT MOVE FREE DROP
  DOES> ( body )
  DUP @ SET-CURRENT CELL+ DUP @ (WIDS) ! CELL+ DUP @ (LATEST) ! CELL+ DUP @ (CHERE) ! CELL+ DUP @ >R CELL+
  DUP @ DUP (ORDER#) ! 0 ?DO CELL+ DUP @ I CELLS (ORDER) + ! LOOP CELL+
  BEGIN DUP @ WHILE
    DUP @ >R CELL+ DUP @ R@ (WL.LATEST) + ! CELL+ DUP R> (WL.BUCKETS) + (WL.BUCKETS-SIZE) MOVE (WL.BUCKETS-SIZE) +
  REPEAT DROP
  R> (HERE) ! ;
`;
