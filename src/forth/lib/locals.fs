\ locals.fs -- the Locals word set: {: ... :}, (LOCAL), LOCALS| and TO of a local
\
\ A local is a name in a word list of its own, (LOCALS-WID), that the kernel
\ searches before the search order while (LOCALS) holds it, from the first
\ local of a definition to its end.  The name is a header for the
\ compile-time word of its slot (one :NONAME per slot, made below): an
\ immediate word that compiles a load from the locals stack (kernel/locals.ts)
\ at the local's offset from the top of the frames compiled so far.  Where a
\ list of locals ends, (LOCALS,) compiles the frame; ; EXIT and DOES> compile
\ its release, and ; and DOES> end the names' scope.  CATCH restores the
\ locals stack, so THROW needs nothing of them.  Locals may be declared more
\ than once in a definition (each list its frame), not inside a control
\ structure.

(WORDLIST) CONSTANT (LOCALS-WID)
64 CONSTANT (#LOCALS)       \ slots in a definition
VARIABLE (L-ALLOCATED)      \ cells of the frames compiled so far in this definition
VARIABLE (L-PENDING)        \ locals declared since the last frame
VARIABLE (L-INIT)           \ of which take their value from the data stack
VARIABLE (L-LATEST)         \ the definition's header (declaring a local changes LATEST)
2VARIABLE (L-CLOSE)         \ the word that ends the list being parsed
CREATE (LOCAL-XTS) (#LOCALS) CELLS ALLOT

: (LOCAL-USE) ( slot -- ) \ compile the local's value
  (L-ALLOCATED) @ SWAP - 1- (LOCAL@,) ;
: (MAKE-LOCAL-XTS) ( -- ) \ the compile-time word of each slot: :NONAME slot (LOCAL-USE) ;
  (#LOCALS) 0 DO :NONAME I (LITERAL) ['] (LOCAL-USE) COMPILE, POSTPONE ; (LOCAL-XTS) I CELLS + ! LOOP ;
(MAKE-LOCAL-XTS)
: (LOCAL-SLOT?) ( xt -- slot true | xt false )
  (#LOCALS) 0 DO DUP (LOCAL-XTS) I CELLS + @ = IF DROP I TRUE UNLOOP EXIT THEN LOOP FALSE ;

: (L-BEGIN) ( -- ) \ the first local of a definition (or of its DOES> part): a fresh name space
  (LOCALS) @ IF EXIT THEN
  0 (LOCALS-WID) (WL.LATEST) + !  (LOCALS-WID) (WL.BUCKETS) + (WL.BUCKETS-SIZE) ERASE
  0 (L-ALLOCATED) ! 0 (L-PENDING) ! 0 (L-INIT) !  (LATEST) @ (L-LATEST) !
  (LOCALS-WID) (LOCALS) ! ;
: (DECLARE) ( addr u -- ) \ a local named addr u, in the next slot
  (L-BEGIN)
  (L-ALLOCATED) @ (L-PENDING) @ + DUP (#LOCALS) < 0= IF -8 THROW THEN
  CELLS (LOCAL-XTS) + @ [ (F.IMMEDIATE) (F.COMPILE-ONLY) OR ] LITERAL 2SWAP
  GET-CURRENT >R (LOCALS-WID) SET-CURRENT (HEADER-XT) R> SET-CURRENT
  1 (L-PENDING) +! ;
: (FRAME,) ( -- ) \ compile the frame of the locals declared since the last one
  (L-PENDING) @ ?DUP IF (L-INIT) @ SWAP DUP (L-ALLOCATED) +! (LOCALS,) THEN
  0 (L-PENDING) ! 0 (L-INIT) ! ;
: (L-RELEASE) ( -- ) \ compile the release of the frames
  (LOCALS) @ IF (L-ALLOCATED) @ ?DUP IF (LOCALS-RELEASE,) THEN THEN ;
: (END-LOCALS) ( -- ) \ the locals' scope ends here
  (LOCALS) @ 0= IF EXIT THEN (L-RELEASE) (L-LATEST) @ (LATEST) ! 0 (LOCALS) ! ;

: (LOCAL) ( addr u -- ) \ a local that takes its value from the data stack; u = 0: the list ends
  DUP IF (DECLARE) 1 (L-INIT) +! ELSE 2DROP (FRAME,) THEN ;
: (L-NAME) ( -- addr u ) \ the next name of a list of locals, on this line or the next ones
  BEGIN PARSE-NAME DUP 0= WHILE 2DROP REFILL 0= IF -39 THROW THEN REPEAT ;
: (L-CLOSE?) ( addr u -- addr u flag ) 2DUP (L-CLOSE) 2@ (ICOMPARE) 0= ;
: (L-END?) ( addr u -- addr u flag ) \ -- or the end of the list?
  2DUP S" --" (ICOMPARE) 0= >R (L-CLOSE?) R> OR ;
: (LOCALS-LIST) ( "args [| vals] [-- outs] close" close u -- ) \ {: and gforth's {
  (L-CLOSE) 2!
  0 BEGIN (L-NAME) (L-END?) >R 2DUP S" |" (ICOMPARE) 0= R> OR 0= WHILE ROT 1+ REPEAT
  2>R BEGIN ?DUP WHILE >R (LOCAL) R> 1- REPEAT
  2R> 2DUP S" |" (ICOMPARE) 0= IF 2DROP BEGIN (L-NAME) (L-END?) 0= WHILE (DECLARE) REPEAT THEN
  S" --" (ICOMPARE) 0= IF BEGIN (L-NAME) (L-CLOSE?) NIP NIP UNTIL THEN
  (FRAME,) ;
: {: ( "args [| vals] [-- outs] :}" -- ) \ args take their values from the data stack, the last the top
  S" :}" (LOCALS-LIST) ; IMMEDIATE COMPILE-ONLY
: LOCALS| ( "name1 ... namen |" -- ) \ name1 takes the top of the data stack
  BEGIN (L-NAME) 2DUP S" |" (ICOMPARE) WHILE (LOCAL) REPEAT 2DROP 0 0 (LOCAL) ; IMMEDIATE COMPILE-ONLY

\ The words that end a definition or leave it give the frames back.
: ;  ( colon-sys -- ) (END-LOCALS) POSTPONE ; ; IMMEDIATE COMPILE-ONLY
: EXIT ( -- ) (L-RELEASE) POSTPONE EXIT ; IMMEDIATE COMPILE-ONLY
: DOES> ( -- ) (END-LOCALS) POSTPONE DOES> ; IMMEDIATE COMPILE-ONLY
: (TO-LOCAL-COMP) ( "name" -- ) \ TO a local, or a VALUE, 2VALUE, FVALUE
  (LOCALS) @ IF
    >IN @ PARSE-NAME (LOCALS) @ SEARCH-WORDLIST IF
      (LOCAL-SLOT?) IF NIP (L-ALLOCATED) @ SWAP - 1- (LOCAL!,) EXIT THEN DROP
    THEN >IN !
  THEN (TO-COMP) ;
: TO ( i*x "name" -- ) STATE @ IF (TO-LOCAL-COMP) ELSE (TO-BODY) (TO) THEN ; IMMEDIATE
' TO ' (TO-LOCAL-COMP) (COMPILES)
