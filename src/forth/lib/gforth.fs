\ gforth.fs -- words that programs written for gforth use most, outside the standard
\
\ Written from gforth's documentation of them (same names, same stack
\ effects), so that such programs, gforth's own test files and its
\ benchmarks load unchanged.  Nothing here is needed by the rest of the
\ system.  (The system does not say it is gforth: S" gforth" ENVIRONMENT?
\ stays false, so programs do not reach for gforth's internals.)

\ Comments: \G documents a word; #! starts a script's first line.
: \G ( "ccc<eol>" -- ) POSTPONE \ ; IMMEDIATE
: #! ( "ccc<eol>" -- ) POSTPONE \ ; IMMEDIATE

\ Cells, stacks and memory.
8 CONSTANT CELL
: CELL- ( addr -- addr' ) 8 - ;
: UNDER+ ( n1 n2 n3 -- n1+n3 n2 ) ROT + SWAP ;
: NOOP ( -- ) ;
: ON ( addr -- ) TRUE SWAP ! ;
: OFF ( addr -- ) FALSE SWAP ! ;
: PERFORM ( addr -- ) @ EXECUTE ;
: BOUNDS ( addr u -- addr+u addr ) OVER + SWAP ;
: CLEARSTACK ( i*x -- ) BEGIN DEPTH WHILE DROP REPEAT ;

\ Control.
SYNONYM ENDIF THEN
: [IFDEF] ( "name" -- ) POSTPONE [DEFINED] POSTPONE [IF] ; IMMEDIATE
: [IFUNDEF] ( "name" -- ) POSTPONE [UNDEFINED] POSTPONE [IF] ; IMMEDIATE
: RECURSIVE ( -- ) \ the definition being compiled can be called by its name from here on
  (LATEST) @ (HDR.FLAGS) + DUP C@ (F.HIDDEN) INVERT AND SWAP C! ; IMMEDIATE
SYNONYM NEEDS REQUIRE

\ Locals in gforth's syntax, { a b | c -- d }, as {: :} (without gforth's type prefixes).
: { ( "args [| vals] [-- outs] }" -- ) S" }" (LOCALS-LIST) ; IMMEDIATE COMPILE-ONLY

\ Names and word lists.
: LATEST ( -- nt ) (LATEST) @ ;
: LATESTXT ( -- xt ) (LAST-XT) @ ;
: ALIAS ( xt "name" -- ) PARSE-NAME 0 -ROT (HEADER-XT) ;
: >ORDER ( wid -- ) >R GET-ORDER R> SWAP 1+ SET-ORDER ;
: ENVIRONMENT-WORDLIST ( -- wid ) (ENV) ;
\ ROOT: a word list with only the words to set the search order again.
(WORDLIST) CONSTANT (ROOT-WID)  (ROOT-WID) S" Root" (NAME-WID)
: ROOT ( -- ) (ROOT-WID) (FIRST-WID) ;
GET-CURRENT (ROOT-WID) SET-CURRENT
SYNONYM FORTH FORTH  SYNONYM FORTH-WORDLIST FORTH-WORDLIST  SYNONYM SET-ORDER SET-ORDER
SYNONYM ORDER ORDER  SYNONYM WORDS WORDS  SYNONYM ALSO ALSO  SYNONYM ONLY ONLY  SYNONYM PREVIOUS PREVIOUS
SYNONYM ROOT ROOT
SET-CURRENT
: VOCABULARY ( "name" -- ) \ name replaces the first word list of the search order with its own
  (WORDLIST) CREATE DUP , (LATEST) @ (HDR.LEN) + SWAP (WL.NAME) + !
  DOES> @ >R GET-ORDER DUP 0= IF 1+ ELSE NIP THEN R> SWAP SET-ORDER ;

\ Strings.
: STR= ( addr1 u1 addr2 u2 -- flag ) COMPARE 0= ;
: STR< ( addr1 u1 addr2 u2 -- flag ) COMPARE 0< ;
: STRING-PREFIX? ( addr1 u1 addr2 u2 -- flag ) \ does addr1 u1 start with addr2 u2?
  TUCK 2>R MIN 2R> COMPARE 0= ;
: PLACE ( addr u c-addr -- ) 2DUP C! 1+ SWAP MOVE ;
: +PLACE ( addr u c-addr -- ) \ append to the counted string at c-addr
  >R R@ COUNT + SWAP DUP >R MOVE R> R@ C@ + R> C! ;
SYNONYM SCAN (SCAN)   ( addr u char -- addr' u' ) \ to the first char
: SKIP ( addr u char -- addr' u' ) \ past the leading chars
  >R BEGIN DUP WHILE OVER C@ R@ = WHILE 1 /STRING REPEAT THEN R> DROP ;
: S>NUMBER? ( addr u -- d flag ) \ a number in BASE, single or double (a trailing .)
  2DUP (NUMBER?) IF NIP NIP S>D TRUE EXIT THEN (DNUMBER?) IF TRUE ELSE 0 0 FALSE THEN ;
: SLURP-FILE ( addr u -- addr2 u2 ) \ the whole file, in allocated memory
  R/O BIN OPEN-FILE THROW >R
  R@ FILE-SIZE THROW DROP DUP ALLOCATE THROW SWAP
  2DUP R@ READ-FILE THROW NIP R> CLOSE-FILE THROW ;

\ Numbers out.
: HEX. ( u -- ) [CHAR] $ EMIT BASE @ >R HEX U. R> BASE ! ;
: DEC. ( n -- ) BASE @ >R DECIMAL . R> BASE ! ;

\ Double-cell comparisons.
: D<> ( d1 d2 -- flag ) D= 0= ;
: D> ( d1 d2 -- flag ) 2SWAP D< ;
: D<= ( d1 d2 -- flag ) D> 0= ;
: D>= ( d1 d2 -- flag ) D< 0= ;
: D0<> ( d -- flag ) OR 0<> ;
: D0> ( d -- flag ) 0 0 D> ;
: D0<= ( d -- flag ) D0> 0= ;
: D0>= ( d -- flag ) D0< 0= ;
: DU> ( ud1 ud2 -- flag ) 2SWAP DU< ;
: DU<= ( ud1 ud2 -- flag ) DU> 0= ;
: DU>= ( ud1 ud2 -- flag ) DU< 0= ;

\ Floating point.
3.14159265358979323846E FCONSTANT PI
: F2* ( F: r -- r*2 ) 2E F* ;
: F2/ ( F: r -- r/2 ) 0.5E F* ;
: 1/F ( F: r -- 1/r ) 1E FSWAP F/ ;
: FNIP ( F: r1 r2 -- r2 ) FSWAP FDROP ;
: FTUCK ( F: r1 r2 -- r2 r1 r2 ) FSWAP FOVER ;

\ Time: microseconds since 1970, as a double cell.
S" (CLOCK-GETTIME)" (EXTERN) int clock_gettime( int ptr )
CREATE (TIMESPEC) 2 CELLS ALLOT
: UTIME ( -- ud ) 0 (TIMESPEC) (CLOCK-GETTIME) DROP (TIMESPEC) @ 1000000 UM* (TIMESPEC) CELL+ @ 1000 / M+ ;
