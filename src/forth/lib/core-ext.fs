\ core-ext.fs -- Core Extensions
\
\ CASE, DEFER, VALUE and TO, N>R, S\" with its escapes (SAVE-INPUT and
\ RESTORE-INPUT are in files.fs: for a file they keep its position).  A
\ VALUE's body starts with a type cell (0 a cell, 1 a double cell, 2 a
\ float) so that one TO serves 2VALUE and FVALUE as well.

: BUFFER:  ( u "name" -- ) CREATE ALLOT ;
: CASE     ( -- 0 ) 0 ; IMMEDIATE COMPILE-ONLY
: OF       ( -- orig ) POSTPONE OVER POSTPONE = POSTPONE IF POSTPONE DROP ; IMMEDIATE COMPILE-ONLY
: ENDOF    ( orig1 -- orig2 ) POSTPONE ELSE ; IMMEDIATE COMPILE-ONLY
: ENDCASE  ( 0 orig... -- ) POSTPONE DROP BEGIN ?DUP WHILE POSTPONE THEN REPEAT ; IMMEDIATE COMPILE-ONLY
: (DEFER-UNSET) -21 THROW ;
: DEFER    ( "name" -- ) CREATE ['] (DEFER-UNSET) , DOES> @ EXECUTE ;
: DEFER@   ( xt1 -- xt2 ) >BODY @ ;
: DEFER!   ( xt2 xt1 -- ) >BODY ! ;
: (IS-COMP) ( "name" -- ) POSTPONE ['] POSTPONE DEFER! ;
: IS       ( xt "name" -- ) STATE @ IF (IS-COMP) ELSE ' DEFER! THEN ; IMMEDIATE
' IS ' (IS-COMP) (COMPILES)
: (ACTION-OF-COMP) ( "name" -- ) POSTPONE ['] POSTPONE DEFER@ ;
: ACTION-OF ( "name" -- xt ) STATE @ IF (ACTION-OF-COMP) ELSE ' DEFER@ THEN ; IMMEDIATE
' ACTION-OF ' (ACTION-OF-COMP) (COMPILES)
\ A value's body: a type cell (0 cell, 1 double cell, 2 float), then the value.
: VALUE    ( x "name" -- ) CREATE 0 , , DOES> CELL+ @ ;
: 2VALUE   ( x1 x2 "name" -- ) CREATE 1 , , , DOES> CELL+ 2@ ;
: (TO)     ( i*x body -- ) DUP @ CASE 0 OF CELL+ ! ENDOF 1 OF CELL+ 2! ENDOF 2 OF CELL+ F! ENDOF -32 THROW ENDCASE ;
: (CREATED?) ( xt -- flag ) (XI.FLAGS) + C@ (IF.CREATED) AND 0<> ;
: (TO-BODY) ( "name" -- body ) ' DUP (CREATED?) 0= IF -32 THROW THEN >BODY ;
: (TO-COMP) ( "name" -- ) (TO-BODY) (LITERAL) POSTPONE (TO) ;
: TO       ( i*x "name" -- ) STATE @ IF (TO-COMP) ELSE (TO-BODY) (TO) THEN ; IMMEDIATE
' TO ' (TO-COMP) (COMPILES)
: 2LITERAL ( x1 x2 -- ) SWAP (LITERAL) (LITERAL) ; IMMEDIATE COMPILE-ONLY
VARIABLE (NRTMP)
: N>R      ( i*x n -- ) ( R: -- i*x n ) R> (NRTMP) ! DUP BEGIN ?DUP WHILE ROT >R 1- REPEAT >R (NRTMP) @ >R ; (NO-TAIL)
: NR>      ( -- i*x n ) ( R: i*x n -- ) R> (NRTMP) ! R> DUP BEGIN ?DUP WHILE R> -ROT 1- REPEAT (NRTMP) @ >R ; (NO-TAIL)
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
: (S\"-COMP) ( "ccc<quote>" -- ) (PARSE\") POSTPONE SLITERAL ;
: S\"  ( "ccc<quote>" -- addr u ) STATE @ IF (S\"-COMP) ELSE (PARSE\") (TRANSIENT) THEN ; IMMEDIATE
' S\" ' (S\"-COMP) (COMPILES)
