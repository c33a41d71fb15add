: \  SOURCE NIP >IN ! ; IMMEDIATE
\ boot.fs -- the first words of the Forth system, compiled by the bare kernel
\
\ The kernel (src/forth/kernel/) knows no comment syntax, no control
\ structure and no defining word but : CREATE and DOES>; this file gives it
\ those, in that order, using only primitives, so that everything after it
\ reads as ordinary Forth.  Its first line defines \ itself, so that the
\ comments can follow.  Control structures are thin: each calls a branch
\ emitter of the compiler, and the control-flow stack is the data stack.
\ system.ts follows this file with the layout constants (header offsets,
\ flags) from layout.ts.

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
: REPEAT  (<BRANCH) (RESOLVE>) ; IMMEDIATE COMPILE-ONLY
: DO      (DO) ; IMMEDIATE COMPILE-ONLY
: ?DO     (?DO) ; IMMEDIATE COMPILE-ONLY
: LOOP    (LOOP) ; IMMEDIATE COMPILE-ONLY
: +LOOP   (+LOOP) ; IMMEDIATE COMPILE-ONLY
: LEAVE   (LEAVE) ; IMMEDIATE COMPILE-ONLY
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
