\ test/forth/gforth-compat.fth -- make gforth 0.7.3 a Forth 2012 reference
\
\ NOT part of the test suites: the Sidecar runner never loads this file.
\ It is loaded first only when the suites are checked against gforth 0.7.3
\ (Debian's gforth, which predates Forth 2012), e.g.
\
\     gforth test/forth/gforth-compat.fth test/forth/harness.fth \
\            test/forth/core-ext.fth -e bye
\
\ (test/forth/run-gforth.sh does this for every file.)  It supplies, written
\ from the standard's text, the Forth 2012 words gforth 0.7.3 lacks, and it
\ repairs the deviations found while writing the tests.  Each entry says
\ which.  Everything here is guarded so that a newer gforth that has the
\ word keeps its own.  Tests of the words below therefore check these
\ reference definitions, not gforth; see COVERAGE.md.

[UNDEFINED] BUFFER: [IF]
\ Missing in 0.7.3 (Core Ext 6.2.0825).
: BUFFER: ( u "name" -- ) CREATE ALLOT ;
[THEN]

[UNDEFINED] HOLDS [IF]
\ Missing in 0.7.3 (Core Ext 6.2.1675).
: HOLDS ( c-addr u -- )
  BEGIN DUP WHILE 1- 2DUP CHARS + C@ HOLD REPEAT 2DROP ;
[THEN]

\ 2VALUE (Double Ext 8.6.2.0435) and FVALUE (Float Ext 12.6.2.1628) are
\ missing in 0.7.3.  They are defined here as CREATEd words tagged in the
\ first cell of their body, and TO is extended to store into them; for any
\ other name TO falls back to gforth's own TO.
[UNDEFINED] 2VALUE [UNDEFINED] FVALUE OR [IF]
VARIABLE 2VALUE-TAG
VARIABLE FVALUE-TAG
: TAGGED? ( xt tag -- flag )  SWAP >BODY @ = ;
[UNDEFINED] 2VALUE [IF]
: 2VALUE ( x1 x2 "name" -- )  CREATE 2VALUE-TAG , , ,  DOES> CELL+ 2@ ;
[THEN]
[UNDEFINED] FVALUE [IF]
: FVALUE ( F: r -- ) ( "name" -- )
  CREATE FVALUE-TAG , FALIGN HERE 1 FLOATS ALLOT F!
  DOES> CELL+ FALIGNED F@ ;
[THEN]
COMP' TO 2CONSTANT GFORTH-TO-COMP
' TO CONSTANT GFORTH-TO-INT
: TO ( "name" -- )
  >IN @  PARSE-NAME FIND-NAME DUP IF NAME>INT THEN     ( in xt|0 )
  DUP IF DUP 2VALUE-TAG TAGGED? IF
      NIP >BODY CELL+
      STATE @ IF POSTPONE LITERAL POSTPONE 2! ELSE 2! THEN EXIT
  THEN THEN
  DUP IF DUP FVALUE-TAG TAGGED? IF
      NIP >BODY CELL+ FALIGNED
      STATE @ IF POSTPONE LITERAL POSTPONE F! ELSE F! THEN EXIT
  THEN THEN
  DROP >IN !  STATE @ IF GFORTH-TO-COMP EXECUTE ELSE GFORTH-TO-INT EXECUTE THEN ;
IMMEDIATE
[THEN]

\ REPLACES SUBSTITUTE UNESCAPE (String Ext 17.6.2) are missing in 0.7.3.
\ Substitutions are kept in a linked list; each entry holds its name as a
\ counted string and its text in ALLOCATEd memory.
[UNDEFINED] SUBSTITUTE [IF]
VARIABLE SUBST-LIST   0 SUBST-LIST !
\ entry: link | text-addr | text-len | name (counted string)
: SUBST-NAME ( entry -- c-addr u )  3 CELLS + COUNT ;
: FIND-SUBST ( c-addr u -- entry | 0 )
  SUBST-LIST @
  BEGIN DUP WHILE
    >R 2DUP R@ SUBST-NAME COMPARE 0= IF 2DROP R> EXIT THEN R> @
  REPEAT NIP NIP ;
: REPLACES ( c-addr1 u1 c-addr2 u2 -- )
  2DUP FIND-SUBST ?DUP IF
    NIP NIP  DUP CELL+ @ FREE THROW               ( text u entry )
  ELSE
    ALIGN HERE >R  SUBST-LIST @ , 0 , 0 ,         \ link text-addr text-len
    DUP C, HERE OVER CHARS ALLOT SWAP MOVE        \ the name
    R@ SUBST-LIST !  R>
  THEN                                            ( text u entry )
  >R DUP ALLOCATE THROW                           ( text u a )
  DUP R@ CELL+ !  OVER R@ 2 CELLS + !
  SWAP MOVE R> DROP ;
VARIABLE SUB-DST   VARIABLE SUB-LEN   VARIABLE SUB-MAX   VARIABLE SUB-ERR
VARIABLE SUB-SRC   VARIABLE SUB-REM   VARIABLE SUB-COUNT
: SUB-CHAR ( c -- )
  SUB-LEN @ SUB-MAX @ < IF SUB-DST @ SUB-LEN @ CHARS + C! 1 SUB-LEN +!
  ELSE DROP -78 SUB-ERR ! THEN ;
: SUB-TEXT ( c-addr u -- )  0 ?DO DUP I CHARS + C@ SUB-CHAR LOOP DROP ;
: SUB-ADV ( n -- )  DUP CHARS SUB-SRC +! NEGATE SUB-REM +! ;
: PCT-POS ( c-addr u -- index | -1 )
  0 ?DO DUP I CHARS + C@ [CHAR] % = IF DROP I UNLOOP EXIT THEN LOOP DROP -1 ;
: SUBSTITUTE ( c-addr1 u1 c-addr2 u2 -- c-addr2 u3 n )
  SUB-MAX ! SUB-DST ! SUB-REM ! SUB-SRC !  0 SUB-LEN ! 0 SUB-ERR ! 0 SUB-COUNT !
  BEGIN SUB-REM @ WHILE
    SUB-SRC @ C@ [CHAR] % <> IF
      SUB-SRC @ C@ SUB-CHAR 1 SUB-ADV
    ELSE
      SUB-SRC @ CHAR+ SUB-REM @ 1- PCT-POS            ( k | -1 )
      DUP 0< IF                                       \ lone %: copy the residue
        DROP SUB-SRC @ SUB-REM @ SUB-TEXT SUB-REM @ SUB-ADV
      ELSE DUP 0= IF                                  \ %% gives %
        DROP [CHAR] % SUB-CHAR 2 SUB-ADV
      ELSE
        SUB-SRC @ CHAR+ OVER FIND-SUBST ?DUP IF
          DUP CELL+ @ SWAP 2 CELLS + @ SUB-TEXT 1 SUB-COUNT +!
        ELSE
          [CHAR] % SUB-CHAR SUB-SRC @ CHAR+ OVER SUB-TEXT [CHAR] % SUB-CHAR
        THEN
        2 + SUB-ADV
      THEN THEN
    THEN
  REPEAT
  SUB-DST @ SUB-LEN @  SUB-ERR @ ?DUP 0= IF SUB-COUNT @ THEN ;
: UNESCAPE ( c-addr1 u1 c-addr2 -- c-addr2 u2 )
  DUP >R SUB-DST ! 0 SUB-LEN ! 0 INVERT 1 RSHIFT SUB-MAX !
  0 ?DO DUP I CHARS + C@ DUP [CHAR] % = IF DUP SUB-CHAR THEN SUB-CHAR LOOP DROP
  R> SUB-LEN @ ;
[THEN]

\ DEVIATION (Memory 14.6.1.2145): when RESIZE fails, gforth 0.7.3 returns
\ 0 as a-addr2; the standard says a-addr2 equals a-addr1.  Wrapped.
: RESIZE ( a-addr1 u -- a-addr2 ior )
  OVER >R RESIZE DUP IF NIP R> SWAP ELSE R> DROP THEN ;

\ N>R NR> (Tools Ext 15.6.2.1908, 15.6.2.1940) are missing in 0.7.3.
\ They hold the caller's return address in a variable while moving items.
[UNDEFINED] N>R [IF]
VARIABLE NR-RET   VARIABLE NR-N
: N>R ( i*x +n -- ) ( R: -- j*x +n )
  R> NR-RET !  DUP NR-N !
  BEGIN DUP WHILE SWAP >R 1- REPEAT DROP
  NR-N @ >R  NR-RET @ >R ;
: NR> ( -- i*x +n ) ( R: j*x +n -- )
  R> NR-RET !  R> DUP NR-N !
  BEGIN DUP WHILE R> SWAP 1- REPEAT DROP
  NR-N @  NR-RET @ >R ;
[THEN]

\ NAME>INTERPRET NAME>COMPILE (Tools Ext 15.6.2.1909) are called NAME>INT
\ and NAME>COMP in 0.7.3.
[UNDEFINED] NAME>INTERPRET [IF]  : NAME>INTERPRET ( nt -- xt | 0 ) NAME>INT ;  [THEN]
[UNDEFINED] NAME>COMPILE [IF]    : NAME>COMPILE ( nt -- x xt ) NAME>COMP ;    [THEN]

\ TRAVERSE-WORDLIST (Tools Ext 15.6.2.2297) is missing in 0.7.3.  In gforth,
\ WORDLIST-ID of a word list holds the newest name token, and each name
\ token's first cell links to the next older one.
[UNDEFINED] TRAVERSE-WORDLIST [IF]
: TRAVERSE-WORDLIST ( i*x xt wid -- j*x )
  WORDLIST-ID @ BEGIN DUP WHILE
    2DUP 2>R SWAP EXECUTE 0= IF 2R> 2DROP EXIT THEN
    2R> @
  REPEAT 2DROP ;
[THEN]

\ SYNONYM (Tools Ext 15.6.2.2264) is missing in 0.7.3: built on gforth's
\ ALIAS, keeping immediacy.
[UNDEFINED] SYNONYM [IF]
: SYNONYM ( "newname" "oldname" -- )
  PARSE-NAME PARSE-NAME FIND-NAME DUP 0= -13 AND THROW   ( c-addr u nt )
  >R NEXTNAME R@ NAME>COMP ['] EXECUTE = IF ALIAS IMMEDIATE
  ELSE DROP R@ NAME>INT ALIAS THEN  R> DROP ;
[THEN]

\ DEVIATION (File 11.6.1.2147): after RESIZE-FILE shrinks a file, gforth
\ 0.7.3 may still read the old contents from its stdio buffer (even after
\ REPOSITION-FILE).  Flushing the stream after resizing drops that buffer.
: RESIZE-FILE ( ud fileid -- ior )
  DUP FLUSH-FILE DROP  DUP >R RESIZE-FILE  R> FLUSH-FILE DROP ;

\ EMIT? (Facility Ext 10.6.2.1325) is missing in 0.7.3.  "If the device
\ status is indeterminate, flag is true."
[UNDEFINED] EMIT? [IF]  : EMIT? ( -- flag ) -1 ;  [THEN]

\ DEVIATION (Float Ext 12.6.2.1513): with fewer than 3 significant digits,
\ gforth 0.7.3's FE. can print pages of garbage (try 1 SET-PRECISION 70E
\ FE.).  Below 3 digits FE. is replaced by this version built on REPRESENT;
\ from 3 digits on, gforth's own FE. is used.
CREATE FE-BUF 40 CHARS ALLOT
: FE-SMALL ( F: r -- )
  FE-BUF PRECISION REPRESENT DROP IF [CHAR] - EMIT THEN
  1- DUP S>D 3 FM/MOD NIP 3 * TUCK - 1+          ( exp k )
  DUP PRECISION MAX 0 ?DO
    I OVER = IF [CHAR] . EMIT THEN
    I PRECISION < IF FE-BUF I CHARS + C@ ELSE [CHAR] 0 THEN EMIT
  LOOP
  PRECISION < 0= IF [CHAR] . EMIT THEN
  [CHAR] E EMIT  DUP ABS 0 <# #S ROT SIGN #> TYPE SPACE ;
: FE. ( F: r -- )  PRECISION 3 < IF FE-SMALL ELSE FE. THEN ;
