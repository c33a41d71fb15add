\ tools.fs -- the Programming-Tools word set, and MARKER
\
\ .S DUMP WORDS SEE, the [IF] family, TRAVERSE-WORDLIST.  SEE prints the
\ token list the recorder in boot.fs kept for a colon definition: each
\ word compiled, each literal, each immediate word that ran.  MARKER (Core
\ Extensions) is here because it is a word-list tool: it snapshots every
\ word list's latest header and hash buckets (and the SEE arena).

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


: (WL-COUNT) ( -- n ) 0 (WIDS) @ BEGIN ?DUP WHILE SWAP 1+ SWAP (WL.CHAIN) + @ REPEAT ;
: (WL-SNAP)  ( -- buf u ) \ each word list: wid, latest, its buckets; then 0
  (WL-COUNT) [ 2 CELLS (WL.BUCKETS-SIZE) + ] LITERAL * CELL+ DUP ALLOCATE THROW SWAP
  OVER (WIDS) @
  BEGIN ?DUP WHILE
    2DUP SWAP ! SWAP CELL+ OVER (WL.LATEST) + @ OVER ! CELL+
    OVER (WL.BUCKETS) + OVER (WL.BUCKETS-SIZE) MOVE (WL.BUCKETS-SIZE) + SWAP (WL.CHAIN) + @
  REPEAT 0 SWAP ! ;
: MARKER ( "name" -- )
  (SEE-HERE) @ HERE CODE-HERE (LATEST) @ (WIDS) @ GET-CURRENT (WL-SNAP)
  CREATE 2>R , , , , , , GET-ORDER DUP , 0 ?DO , LOOP
  2R> OVER HERE ROT DUP ALLOT MOVE FREE DROP
  DOES> ( body )
  DUP @ SET-CURRENT CELL+ DUP @ (WIDS) ! CELL+ DUP @ (LATEST) ! CELL+ DUP @ (CHERE) ! CELL+ DUP @ >R CELL+
  DUP @ (SEE-HERE) ! CELL+
  DUP @ DUP (ORDER#) ! 0 ?DO CELL+ DUP @ I CELLS (ORDER) + ! LOOP CELL+
  BEGIN DUP @ WHILE
    DUP @ >R CELL+ DUP @ R@ (WL.LATEST) + ! CELL+ DUP R> (WL.BUCKETS) + (WL.BUCKETS-SIZE) MOVE (WL.BUCKETS-SIZE) +
  REPEAT DROP
  R> (HERE) ! ;
