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
\ ASSEMBLER and EDITOR replace the first word list of the search order with one of
\ their own.  The editor's is empty: a Forth in a sidecar has no screen to edit.
: (NAME-WID) ( wid addr u -- ) \ the name ORDER shows
  HERE >R DUP C, HERE SWAP DUP ALLOT MOVE ALIGN R> SWAP (WL.NAME) + ! ;
(WORDLIST) CONSTANT (ASSEMBLER-WID)  (ASSEMBLER-WID) S" Assembler" (NAME-WID)
(WORDLIST) CONSTANT (EDITOR-WID)     (EDITOR-WID) S" Editor" (NAME-WID)
: (FIRST-WID) ( wid -- ) >R GET-ORDER DUP 0= IF 1+ ELSE NIP THEN R> SWAP SET-ORDER ;
: ASSEMBLER ( -- ) (ASSEMBLER-WID) (FIRST-WID) ;
: EDITOR ( -- ) (EDITOR-WID) (FIRST-WID) ;

\ CODE and ;CODE: the machine code is written as numbers that the ASSEMBLER words
\ lay down in code space (C, W, L, , one, two, four, eight bytes), ending with
\ END-CODE, which adds a ret.  The code runs with the registers of layout.ts
\ (the top of the data stack in rbx, the second item at [rbp] …); a ;CODE part
\ starts with the address of the CREATEd word's body in rbx.
ALSO ASSEMBLER DEFINITIONS
: C, ( byte -- ) CODE, ;
: W, ( x -- ) DUP C, 8 RSHIFT C, ;
: L, ( x -- ) DUP W, 16 RSHIFT W, ;
: , ( x -- ) DUP L, 32 RSHIFT L, ;
: END-CODE ( -- ) $C3 C, PREVIOUS ;
PREVIOUS DEFINITIONS
: CODE ( "name" -- ) PARSE-NAME (HEADER) ALSO ASSEMBLER ;
: ;CODE ( colon-sys -- ) POSTPONE DOES> POSTPONE ; -1 (CHERE) +! ALSO ASSEMBLER ; IMMEDIATE COMPILE-ONLY

\ FORGET: the newest word of that name in the compilation word list, and every word
\ defined after it, in any word list, go; so do their data space and the word lists
\ made after it.  (Their code space stays used: MARKER gives it back.)
2VARIABLE (FORGET-NAME)  VARIABLE (FORGET-NT)
: (FORGET-MATCH?) ( nt -- flag ) DUP NAME>STRING (FORGET-NAME) 2@ (ICOMPARE) IF DROP TRUE EXIT THEN (FORGET-NT) ! FALSE ;
: (FORGET-IN) ( nt wid -- nt ) \ unlink the headers from nt on
  BEGIN 2DUP (WL.LATEST) + @ SWAP OVER 0<> -ROT U< 0= AND WHILE DUP (WL.LATEST) + @ (HDR.PREV) + @ OVER (WL.LATEST) + ! REPEAT
  (WL.BUCKETS) + (WL.BUCKETS-SIZE) OVER + SWAP DO
    BEGIN I @ DUP IF OVER U< 0= ELSE 0<> THEN WHILE I @ @ I ! REPEAT
  8 +LOOP ;
: FORGET ( "name" -- )
  PARSE-NAME 2DUP (FORGET-NAME) 2! 0 (FORGET-NT) ! ['] (FORGET-MATCH?) GET-CURRENT TRAVERSE-WORDLIST
  (FORGET-NT) @ ?DUP 0= IF (CULPRIT) -13 THROW THEN NIP NIP
  BEGIN (WIDS) @ OVER U< 0= WHILE (WIDS) @ (WL.CHAIN) + @ (WIDS) ! REPEAT
  (WIDS) @ BEGIN ?DUP WHILE TUCK (FORGET-IN) SWAP (WL.CHAIN) + @ REPEAT
  GET-CURRENT (WL.LATEST) + @ (LATEST) !  (HERE) ! ;

\ The name of an xt, searching every word list.
VARIABLE (XT-WANTED)  VARIABLE (XT-FOUND)
\ The oldest name wins: a word's own name, not a later SYNONYM of it.
: (XT?) ( nt -- true ) DUP NAME>INTERPRET (XT-WANTED) @ = IF (XT-FOUND) ! ELSE DROP THEN TRUE ;
: (XT>NAME) ( xt -- nt|0 ) (XT-WANTED) ! 0 (XT-FOUND) !
  (WIDS) @ BEGIN ?DUP WHILE (XT-FOUND) @ 0= WHILE DUP >R ['] (XT?) SWAP TRAVERSE-WORDLIST R> (WL.CHAIN) + @ REPEAT DROP THEN (XT-FOUND) @ ;
: (.XT) ( xt -- ) DUP (XT>NAME) ?DUP IF NIP NAME>STRING TYPE ELSE ." <" BASE @ >R HEX 0 U.R R> BASE ! ." >" THEN SPACE ;
: (SEE-EMIT8) ( x -- ) 8 0 DO DUP 255 AND ?DUP IF EMIT THEN 8 RSHIFT LOOP DROP ;
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
      6 OF DUP CELL+ @ (SEE-EMIT8) DUP 2 CELLS + @ 6 <> IF SPACE THEN ENDOF
    ENDCASE 2 CELLS +
  REPEAT DROP R> (IMMEDIATE?) IF ." IMMEDIATE" THEN CR ;

\ What an immediate word parsed is shown as its text: `TO v`, `['] DUP`,
\ `S" hi"`, `{: a b :}`, `POSTPONE IF`, rather than what it compiled (an
\ address, a literal, the code of a locals frame).  When an immediate word has
\ run (kind 5) and moved >IN in the same line, the tokens recorded since it
\ began are replaced by that text, eight characters to a token of kind 6.  Only
\ the outermost immediate word counts (one may run others).
VARIABLE (SEE-AT)  VARIABLE (SEE-IN)  2VARIABLE (SEE-SRC)  VARIABLE (SEE-DEPTH)
: (SEE-PACK) ( addr u -- x ) 8 MIN 0 SWAP 0 ?DO OVER I + C@ I 8 * LSHIFT OR LOOP NIP ;
: (SEE-TEXT,) ( addr u -- )
  BEGIN DUP WHILE OVER C@ BL = WHILE 1 /STRING REPEAT THEN
  BEGIN DUP WHILE 2DUP + 1- C@ BL = WHILE 1- REPEAT THEN
  BEGIN DUP 0> WHILE 2DUP (SEE-PACK) 6 (SEE-TOKEN) 8 /STRING REPEAT 2DROP ;
: (SEE-PARSED) ( -- ) \ the outermost immediate word has run
  (SEE-LIST) @ 0= IF EXIT THEN
  SOURCE (SEE-SRC) 2@ D= 0= IF EXIT THEN
  >IN @ (SEE-IN) @ > 0= IF EXIT THEN
  (SEE-AT) @ (SEE-LIST) !
  SOURCE DROP (SEE-IN) @ + >IN @ (SEE-IN) @ - (SEE-TEXT,) ;
: (SEE-TOKEN2) ( x kind -- )
  DUP 3 = IF
    (SEE-DEPTH) @ 0= IF >IN @ (SEE-IN) ! SOURCE (SEE-SRC) 2! THEN
    (SEE-TOKEN) 1 (SEE-DEPTH) +! (SEE-DEPTH) @ 1 = IF (SEE-LIST) @ (SEE-AT) ! THEN EXIT THEN
  DUP 5 = IF 2DROP (SEE-DEPTH) @ 0= IF EXIT THEN -1 (SEE-DEPTH) +! (SEE-DEPTH) @ 0= IF (SEE-PARSED) THEN EXIT THEN
  DUP 0= OVER 4 = OR IF 0 (SEE-DEPTH) ! THEN
  (SEE-TOKEN) ;
' (SEE-TOKEN2) (SEE-HOOK) !


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

\ A THROW that ends an evaluation in the middle of a definition takes the
\ definition back (forth_eval runs this): every header and word list made since
\ the outermost definition began goes, and HERE, code space, LATEST and the SEE
\ arena are as they were then; so do a compilation word list or a search order
\ that names a word list made since.
: (SNAP) ( n -- x ) CELLS (COLON-SNAP) + @ ;
: (ABANDON) ( -- )
  0 (SNAP) >R
  BEGIN (WIDS) @ R@ U< 0= WHILE (WIDS) @ (WL.CHAIN) + @ (WIDS) ! REPEAT
  R@ (WIDS) @ BEGIN ?DUP WHILE TUCK (FORGET-IN) SWAP (WL.CHAIN) + @ REPEAT DROP
  GET-CURRENT R@ U< 0= IF FORTH-WORDLIST SET-CURRENT THEN
  FALSE (ORDER#) @ 0 ?DO (ORDER) I CELLS + @ 0 (SNAP) U< 0= OR LOOP IF ONLY FORTH THEN
  R> (HERE) !  1 (SNAP) (CHERE) !  2 (SNAP) (LATEST) !  3 (SNAP) (LAST-XT) !  4 (SNAP) (SEE-HERE) !
  0 (LOCALS) ! ;
' (ABANDON) (ABANDON-HOOK) !
