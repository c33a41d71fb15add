: \  SOURCE NIP >IN ! ; IMMEDIATE
\ boot.fs -- the first words of the Forth system, compiled by the bare kernel
\
\ The kernel (src/forth/kernel/) knows no comment syntax, no control
\ structure and no defining word but : CREATE and DOES>; this file gives it
\ those, in that order, using only primitives, so that everything after it
\ reads as ordinary Forth.  Its first line defines \ itself, so that the
\ comments can follow.  Control structures are thin: each calls a branch
\ emitter of the compiler, and the control-flow stack is the data stack.
\ The layout constants (header offsets, flags: (HDR.XT) …) come before this
\ file, made by system.ts from layout.ts.  Then the SEE recorder, so that
\ every definition from there on can be shown by SEE.

: (  41 PARSE 2DROP ; IMMEDIATE

\ Control structures: the kernel emits the code; the control-flow stack is the data stack.
: IF      (0BRANCH>) ; IMMEDIATE COMPILE-ONLY
: THEN    (RESOLVE>) ; IMMEDIATE COMPILE-ONLY
: ELSE    (BRANCH>) SWAP (RESOLVE>) ; IMMEDIATE COMPILE-ONLY
: AHEAD   (BRANCH>) ; IMMEDIATE COMPILE-ONLY
: BEGIN   (<MARK) ; IMMEDIATE COMPILE-ONLY
: UNTIL   (<0BRANCH) ; IMMEDIATE COMPILE-ONLY
: AGAIN   (<BRANCH) ; IMMEDIATE COMPILE-ONLY
: WHILE   (0BRANCH>) SWAP ; IMMEDIATE COMPILE-ONLY
: REPEAT  (REPEAT) (RESOLVE>) ; IMMEDIATE COMPILE-ONLY
: DO      (DO) ; IMMEDIATE COMPILE-ONLY
: ?DO     (?DO) ; IMMEDIATE COMPILE-ONLY
: LOOP    (LOOP) ; IMMEDIATE COMPILE-ONLY
: +LOOP   (+LOOP) ; IMMEDIATE COMPILE-ONLY
: LEAVE   (LEAVE) ; IMMEDIATE COMPILE-ONLY

\ SEE's recorder.  While a colon definition compiles, the compiler calls the word
\ in (SEE-HOOK) with ( x kind -- ) for each word it compiles (kind 1, x its xt),
\ each literal (2, its value) and each immediate word that runs (3, its nt); with
\ kind 4 when the definition begins (x its nt, 0 for :NONAME) and 0 when it ends;
\ kind 5 after an immediate word has run (tools.fs then puts the text it parsed
\ in place of what it compiled; this first recorder ignores it).
\ The tokens, two cells each (kind, then x), go to the arena the kernel mapped
\ ((SEE-HERE) (SEE-END)) and the header's see field points at the list; SEE
\ (tools.fs) reads it back.  A full arena takes no more tokens, and every list
\ still ends.
: (SEE,) ( x kind addr -- addr' ) TUCK ! CELL+ TUCK ! CELL+ ;
: (SEE-TOKEN) ( x kind -- )
  DUP 5 = IF 2DROP EXIT THEN
  DUP 4 = IF DROP (SEE-HERE) @ DUP 2 CELLS + (SEE-END) @ U> IF DROP 0 THEN
    DUP (SEE-LIST) ! SWAP ?DUP IF (HDR.SEE) + ! ELSE DROP THEN EXIT THEN
  DUP 0= IF (SEE-LIST) @ ?DUP IF (SEE,) (SEE-HERE) ! ELSE 2DROP THEN 0 (SEE-LIST) ! EXIT THEN
  (SEE-LIST) @ DUP 4 CELLS + (SEE-END) @ U> IF DROP 2DROP EXIT THEN
  (SEE,) (SEE-LIST) ! ;
(LATEST) @ (HDR.XT) + @ (SEE-HOOK) !
: ROLL    ( xu xu-1 ... x0 u -- xu-1 ... x0 xu ) DUP 0= IF DROP EXIT THEN SWAP >R 1- RECURSE R> SWAP ;
\ A comment may span lines of a file or of the text being evaluated (not of an EVALUATE string).
: (  ( "ccc<paren>" -- )
  BEGIN 41 PARSE 2DROP
    >IN @ DUP IF 1- SOURCE DROP + C@ 41 = ELSE DROP 0 THEN 0=
    SOURCE-ID -1 <> AND
  WHILE REFILL 0= UNTIL THEN ; IMMEDIATE

: CONSTANT  ( x "name" -- ) CREATE (MAKE-CONSTANT) ;
: VARIABLE  ( "name" -- ) CREATE 0 , ;
: 2CONSTANT ( x1 x2 "name" -- ) CREATE , , DOES> 2@ ;
: 2VARIABLE ( "name" -- ) CREATE 0 , 0 , ;
: BL    32 ;
: TRUE  -1 ;
: FALSE 0 ;
