\ test/forth/core-ext.fth -- tests for the Forth 2012 CORE EXT word set (6.2)
\ Run after harness.fth.  .( .R U.R are tested in core-ext-output.fth.
\
\ Words covered here:
\   0<> 0> 2>R 2R> 2R@ :NONAME <> ?DO ACTION-OF AGAIN BUFFER: C" CASE
\   COMPILE, DEFER DEFER! DEFER@ ENDCASE ENDOF ERASE FALSE HEX HOLDS IS
\   MARKER NIP OF PAD PARSE PARSE-NAME PICK REFILL RESTORE-INPUT ROLL S\"
\   SAVE-INPUT SOURCE-ID TO TRUE TUCK U> UNUSED VALUE WITHIN [COMPILE] \
\ In core-ext-output.fth:  .( .R U.R
\
\ Assumes 64-bit cells and byte addresses, like core.fth.

DECIMAL
0 INVERT          CONSTANT UMAX
UMAX 1 RSHIFT     CONSTANT NMAX
NMAX INVERT       CONSTANT NMIN

: STR-EQUAL? ( c-addr1 u1 c-addr2 u2 -- flag )
  ROT OVER = 0= IF DROP 2DROP 0 EXIT THEN
  BEGIN DUP WHILE
    >R OVER C@ OVER C@ = 0= IF R> DROP 2DROP 0 EXIT THEN
    CHAR+ SWAP CHAR+ SWAP R> 1-
  REPEAT DROP 2DROP -1 ;
: SABC S" abc" ;

\ ---------------------------------------------------------------------
SECTION TRUE FALSE 0<> 0> <> U>
T{ TRUE -> -1 }T
T{ FALSE -> 0 }T
T{ TRUE 0 0= = -> -1 }T
T{ 0 0<> -> FALSE }T
T{ 1 0<> -> TRUE }T
T{ -1 0<> -> TRUE }T
T{ NMIN 0<> -> TRUE }T
T{ 0 0> -> FALSE }T
T{ 1 0> -> TRUE }T
T{ -1 0> -> FALSE }T
T{ NMAX 0> -> TRUE }T
T{ NMIN 0> -> FALSE }T
T{ 0 0 <> -> FALSE }T
T{ 1 2 <> -> TRUE }T
T{ -1 -1 <> -> FALSE }T
T{ NMIN NMAX <> -> TRUE }T
T{ 2 1 U> -> TRUE }T
T{ 1 2 U> -> FALSE }T
T{ 1 1 U> -> FALSE }T
T{ -1 0 U> -> TRUE }T
T{ 0 -1 U> -> FALSE }T
T{ NMIN NMAX U> -> TRUE }T
T{ NMAX NMIN U> -> FALSE }T

SECTION NIP TUCK PICK ROLL
T{ 1 2 NIP -> 2 }T
T{ 1 2 3 NIP -> 1 3 }T
T{ 1 2 TUCK -> 2 1 2 }T
T{ 1 2 3 TUCK -> 1 3 2 3 }T
T{ 1 0 PICK -> 1 1 }T
T{ 1 2 1 PICK -> 1 2 1 }T
T{ 1 2 3 2 PICK -> 1 2 3 1 }T
T{ 1 2 3 4 5 6 7 8 9 10 9 PICK -> 1 2 3 4 5 6 7 8 9 10 1 }T
T{ 1 0 ROLL -> 1 }T
T{ 1 2 1 ROLL -> 2 1 }T
T{ 1 2 3 2 ROLL -> 2 3 1 }T
T{ 1 2 3 4 3 ROLL -> 2 3 4 1 }T
T{ 1 2 3 4 5 6 7 8 9 10 9 ROLL -> 2 3 4 5 6 7 8 9 10 1 }T

SECTION 2>R 2R> 2R@
: TR1 ( a b -- a b ) 2>R 2R> ;
T{ 1 2 TR1 -> 1 2 }T
: TR2 ( a b -- a b a b ) 2>R 2R@ 2R> ;
T{ 1 2 TR2 -> 1 2 1 2 }T
: TR3 ( a b -- b a ) 2>R R> R> ;               \ x2 is on top of the return stack
T{ 1 2 TR3 -> 2 1 }T
: TR4 ( a b -- a b ) >R >R 2R> SWAP ;         \ 2>R is SWAP >R >R
T{ 1 2 TR4 -> 1 2 }T
: TR5 ( a b c d -- c d a b ) 2>R 2>R 2R> 2R> 2SWAP ;
T{ 1 2 3 4 TR5 -> 3 4 1 2 }T
: TR6 ( -- x ) 5 6 2>R 2R@ + 2R> 2DROP ;
T{ TR6 -> 11 }T

SECTION WITHIN
T{ 1 0 2 WITHIN -> TRUE }T
T{ 0 0 2 WITHIN -> TRUE }T               \ lower limit included
T{ 2 0 2 WITHIN -> FALSE }T              \ upper limit excluded
T{ -1 0 2 WITHIN -> FALSE }T
T{ 3 0 2 WITHIN -> FALSE }T
T{ 0 -5 5 WITHIN -> TRUE }T
T{ -5 -5 5 WITHIN -> TRUE }T
T{ 5 -5 5 WITHIN -> FALSE }T
T{ 7 7 7 WITHIN -> FALSE }T              \ empty range
T{ NMIN NMIN NMAX WITHIN -> TRUE }T
T{ NMAX NMIN NMAX WITHIN -> FALSE }T
T{ NMAX 0 UMAX WITHIN -> TRUE }T         \ unsigned range
T{ UMAX 0 UMAX WITHIN -> FALSE }T
T{ NMIN NMAX 1+ NMAX 2 + WITHIN -> TRUE }T   \ NMIN is NMAX+1 as unsigned
T{ 0 5 -5 WITHIN -> FALSE }T             \ wrapping range: lower > upper
T{ 6 5 -5 WITHIN -> TRUE }T
T{ -6 5 -5 WITHIN -> TRUE }T
T{ 5 5 -5 WITHIN -> TRUE }T
T{ -5 5 -5 WITHIN -> FALSE }T
T{ UMAX 10 2 WITHIN -> TRUE }T

SECTION HEX
T{ HEX BASE @ DECIMAL -> 16 }T
T{ HEX FF DECIMAL -> 255 }T
T{ HEX -1A DECIMAL -> -26 }T

SECTION ERASE PAD UNUSED BUFFER:
CREATE EBUF 8 CHARS ALLOT
: EB@ ( i -- c ) CHARS EBUF + C@ ;
T{ EBUF 8 CHAR x FILL EBUF 2 CHARS + 3 ERASE 1 EB@ 2 EB@ 4 EB@ 5 EB@ -> CHAR x 0 0 CHAR x }T
T{ EBUF 8 CHAR x FILL EBUF 0 ERASE 0 EB@ -> CHAR x }T
T{ PAD 84 CHAR Z FILL PAD C@ PAD 83 CHARS + C@ -> CHAR Z CHAR Z }T
T{ PAD PAD = -> TRUE }T
T{ PAD 1 CHARS + C@ 10 ALLOT -10 ALLOT PAD 1 CHARS + C@ = -> TRUE }T
T{ UNUSED 0 > -> TRUE }T
T{ UNUSED 16 CELLS ALLOT UNUSED - -16 CELLS ALLOT -> 16 CELLS }T
16 BUFFER: BUF16
T{ BUF16 16 CHAR b FILL BUF16 15 CHARS + C@ -> CHAR b }T
T{ BUF16 ALIGNED BUF16 = -> TRUE }T
100 BUFFER: BUF100
T{ BUF100 BUF16 = -> FALSE }T
T{ 12345 BUF100 ! BUF100 @ -> 12345 }T

SECTION :NONAME COMPILE,
:NONAME ( -- x ) 1234 ; CONSTANT XT-NONAME
T{ XT-NONAME EXECUTE -> 1234 }T
T{ :NONAME 3 4 + ; EXECUTE -> 7 }T
:NONAME ( n -- n! ) DUP 2 < IF DROP 1 ELSE DUP 1- RECURSE * THEN ; CONSTANT XT-FACT
T{ 6 XT-FACT EXECUTE -> 720 }T
: CC1 ( -- ) ['] DUP COMPILE, ; IMMEDIATE
: CC2 ( x -- x x ) CC1 ;
T{ 5 CC2 -> 5 5 }T
: CC3 ( xt -- ) COMPILE, ;
: CC4 ( -- ) [ ' 1+ ] LITERAL CC3 ; IMMEDIATE
: CC5 ( x -- x+1 ) CC4 ;
T{ 5 CC5 -> 6 }T
T{ :NONAME [ ' NEGATE COMPILE, ] ; 5 SWAP EXECUTE -> -5 }T

SECTION ?DO
: QD1 ( limit start -- i.. ) ?DO I LOOP ;
T{ 5 5 QD1 -> }T                         \ equal bounds: no iteration
T{ 0 0 QD1 -> }T
T{ 3 0 QD1 -> 0 1 2 }T
T{ NMIN NMIN QD1 -> }T
: QD2 ( limit start -- i.. ) ?DO I -1 +LOOP ;
T{ 0 0 QD2 -> }T
T{ 0 3 QD2 -> 3 2 1 0 }T
: QD3 ( limit start -- i.. ) ?DO I 2 +LOOP ;
T{ 4 4 QD3 -> }T
T{ 5 0 QD3 -> 0 2 4 }T
: QD4 ( n -- sum ) 0 SWAP 0 ?DO I + LOOP ;
T{ 0 QD4 -> 0 }T
T{ 10 QD4 -> 45 }T
: QD5 ( -- x ) 0 10 10 ?DO 1+ LOOP 5 5 ?DO 1+ LEAVE LOOP ;
T{ QD5 -> 0 }T
: QD6 ( -- i.. ) 10 0 ?DO I I 3 = IF LEAVE THEN LOOP ;
T{ QD6 -> 0 1 2 3 }T
: QD7 ( -- x ) 3 0 ?DO 3 3 ?DO 99 LOOP I LOOP ;
T{ QD7 -> 0 1 2 }T

SECTION AGAIN
: AG1 ( n -- x ) BEGIN DUP 100 > IF EXIT THEN 2* AGAIN ;
T{ 1 AG1 -> 128 }T
T{ 101 AG1 -> 101 }T
: AG2 ( -- x ) 0 BEGIN 1+ DUP 7 = IF EXIT THEN AGAIN ;
T{ AG2 -> 7 }T

SECTION C"
: CQ1 ( -- c-addr ) C" abc" ;
T{ CQ1 C@ -> 3 }T
T{ CQ1 COUNT SABC STR-EQUAL? -> TRUE }T
: CQ2 ( -- c-addr ) C" " ;
T{ CQ2 C@ -> 0 }T
T{ CQ1 CQ1 = -> TRUE }T
: CQ3 ( -- xt flag ) C" DUP" FIND ;
T{ CQ3 -> ' DUP -1 }T

SECTION CASE OF ENDOF ENDCASE
: CS1 ( n -- x )
  CASE
    1 OF 10 ENDOF
    2 OF 20 ENDOF
    -1 OF 30 ENDOF
    DUP 100 + SWAP                       \ default: the selector stays below
  ENDCASE ;
T{ 1 CS1 -> 10 }T
T{ 2 CS1 -> 20 }T
T{ -1 CS1 -> 30 }T
T{ 5 CS1 -> 105 }T
T{ 0 CS1 -> 100 }T
: CS2 ( n -- ) CASE ENDCASE ;
T{ 3 CS2 -> }T                           \ ENDCASE drops the selector
T{ 4 5 CS2 -> 4 }T
: CS3 ( n -- x ) CASE 7 OF ENDOF 0 SWAP ENDCASE ;
T{ 7 CS3 -> }T
T{ 8 CS3 -> 0 }T
: CS4 ( a b -- x )
  CASE
    1 OF CASE 1 OF 11 ENDOF 2 OF 12 ENDOF 0 SWAP ENDCASE ENDOF
    2 OF CASE 1 OF 21 ENDOF 2 OF 22 ENDOF 0 SWAP ENDCASE ENDOF
    -1 SWAP
  ENDCASE ;
T{ 1 1 CS4 -> 11 }T
T{ 2 1 CS4 -> 12 }T
T{ 1 2 CS4 -> 21 }T
T{ 2 2 CS4 -> 22 }T
T{ 3 2 CS4 -> 0 }T
T{ 1 3 CS4 -> 1 -1 }T
: CS5 ( n -- x ) CASE 1 OF 100 EXIT ENDOF 2 OF 200 ENDOF 0 SWAP ENDCASE 1+ ;
T{ 1 CS5 -> 100 }T
T{ 2 CS5 -> 201 }T
T{ 3 CS5 -> 1 }T

SECTION DEFER IS DEFER! DEFER@ ACTION-OF
DEFER DF1
T{ ' DUP IS DF1 -> }T
T{ 5 DF1 -> 5 5 }T
T{ ' DF1 DEFER@ -> ' DUP }T
T{ ACTION-OF DF1 -> ' DUP }T
T{ ' SWAP ' DF1 DEFER! 1 2 DF1 -> 2 1 }T
T{ ACTION-OF DF1 -> ' SWAP }T
: SET-DF1 ( xt -- ) IS DF1 ;
: GET-DF1 ( -- xt ) ACTION-OF DF1 ;
T{ ' NEGATE SET-DF1 7 DF1 -> -7 }T
T{ GET-DF1 -> ' NEGATE }T
: CALLS-DF1 ( x -- x' ) DF1 ;           \ binding is late: follows IS
T{ 3 CALLS-DF1 -> -3 }T
T{ ' 1+ IS DF1 3 CALLS-DF1 -> 4 }T
DEFER DF2
T{ :NONAME 99 ; IS DF2 DF2 -> 99 }T
T{ ' DF1 ' DF2 DEFER! ' DF2 DEFER@ -> ' DF1 }T   \ DF2 now runs DF1 (which runs 1+)
T{ 10 DF2 -> 11 }T

SECTION VALUE TO
111 VALUE VAL1
T{ VAL1 -> 111 }T
T{ 222 TO VAL1 VAL1 -> 222 }T
: SET-VAL1 ( x -- ) TO VAL1 ;
: GET-VAL1 ( -- x ) VAL1 ;
T{ -5 SET-VAL1 GET-VAL1 -> -5 }T
T{ NMIN TO VAL1 VAL1 -> NMIN }T
-1 VALUE VAL2
T{ VAL2 VAL1 -> -1 NMIN }T
: VAL-INC ( -- ) VAL2 1+ TO VAL2 ;
T{ VAL-INC VAL-INC VAL2 -> 1 }T

SECTION HOLDS
: HS1 ( -- c-addr u ) 123 0 <# #S SABC HOLDS #> ;
: SABC123 S" abc123" ;
T{ HS1 SABC123 STR-EQUAL? -> TRUE }T
: HS2 ( -- c-addr u ) 0 0 <# SABC HOLDS SABC HOLDS #> ;
: SABCABC S" abcabc" ;
T{ HS2 SABCABC STR-EQUAL? -> TRUE }T
: HS3 ( -- u ) 5 0 <# #S SABC DROP 0 HOLDS #> NIP ;
T{ HS3 -> 1 }T

SECTION MARKER
T{ HERE MARKER MK1 100 ALLOT MK1 HERE = -> TRUE }T   \ data space given back
: MK-FIND ( -- flag ) C" MK-WORD" FIND NIP ;
: MK-FIND2 ( -- flag ) C" MK2" FIND NIP ;
MARKER MK2
: MK-WORD 42 ;
CREATE MK-BUF 30 CHARS ALLOT
T{ MK-WORD -> 42 }T
T{ MK-FIND MK-FIND2 -> -1 -1 }T
MK2
T{ MK-FIND -> 0 }T                       \ MK-WORD is gone
T{ MK-FIND2 -> 0 }T                      \ so is the marker itself
: MK-WORD 43 ;
T{ MK-WORD -> 43 }T

SECTION PARSE PARSE-NAME
: P) ( "ccc<paren>" -- c-addr u ) [CHAR] ) PARSE ;
T{ P) abc) SABC STR-EQUAL? -> TRUE }T
T{ P)  abc) NIP -> 4 }T                  \ leading spaces are kept
T{ P) ) NIP -> 0 }T
: PNAME ( "name" -- c-addr u ) PARSE-NAME ;
T{ PNAME abc SABC STR-EQUAL? -> TRUE }T
T{ PNAME      abc    SABC STR-EQUAL? -> TRUE }T   \ leading spaces skipped
T{ PNAME abc) NIP -> 4 }T
: PN-END ( -- u ) PARSE-NAME NIP ;
T{ PN-END
-> 0 }T                                  \ at the end of the line: empty
T{ PN-END     
-> 0 }T                                  \ only spaces left: empty
: EVAL-PN-END S" PN-END" EVALUATE ;
T{ EVAL-PN-END -> 0 }T
: EVAL-PN S" PNAME xyz" EVALUATE NIP ;
T{ EVAL-PN -> 3 }T
: P-TO-END ( -- u ) [CHAR] | PARSE NIP ;
T{ P-TO-END no bar on this line
-> 19 }T
: P-LINE-END ( -- u ) [CHAR] | PARSE NIP ;
T{ P-LINE-END
-> 0 }T

SECTION SOURCE-ID REFILL
: EVAL-SID S" SOURCE-ID" EVALUATE ;
T{ EVAL-SID -> -1 }T                     \ -1 while EVALUATE runs
T{ SOURCE-ID -1 = -> FALSE }T            \ here: the file or user input, not a string
: EVAL-REFILL S" REFILL" EVALUATE ;
T{ EVAL-REFILL -> FALSE }T               \ a string cannot be refilled
T{ REFILL
1 2 -> TRUE 1 2 }T                       \ REFILL read this line

SECTION SAVE-INPUT RESTORE-INPUT
CREATE SI-BUF 32 CELLS ALLOT
VARIABLE SI-N
VARIABLE SI-DONE
: SI-MARK ( -- ) SAVE-INPUT DUP SI-N ! 0 ?DO SI-BUF I CELLS + ! LOOP ;
: SI-PUSH ( -- xn .. x1 n ) SI-N @ 0 ?DO SI-BUF SI-N @ 1- I - CELLS + @ LOOP SI-N @ ;
: SI-BACK ( -- flag | ) SI-DONE @ IF EXIT THEN TRUE SI-DONE ! SI-PUSH RESTORE-INPUT ;
: EVAL-SI ( -- ... ) FALSE SI-DONE ! S" SI-MARK 5 SI-BACK 6" EVALUATE ;
T{ EVAL-SI -> 5 FALSE 5 6 }T             \ "5 SI-BACK" runs twice
T{ FALSE SI-DONE ! SI-MARK 7 SI-BACK -> 7 FALSE 7 }T   \ same line of this file

SECTION S\" escapes
: ES1 S\" \a\b\e\f\l\q\r\t\v\z\\\"" ;
CREATE ES1-WANT 7 C, 8 C, 27 C, 12 C, 10 C, 34 C, 13 C, 9 C, 11 C, 0 C, 92 C, 34 C,
T{ ES1 ES1-WANT 12 STR-EQUAL? -> TRUE }T
: ES2 S\" a\mb" ;                        \ \m is CR LF
CREATE ES2-WANT CHAR a C, 13 C, 10 C, CHAR b C,
T{ ES2 ES2-WANT 4 STR-EQUAL? -> TRUE }T
: ES3 S\" \x41\x7a\x7E\x00\xff\xFF" ;
CREATE ES3-WANT 65 C, 122 C, 126 C, 0 C, 255 C, 255 C,
T{ ES3 ES3-WANT 6 STR-EQUAL? -> TRUE }T
: ES4 S\" \n" ;                          \ newline: LF on the Sidecar (Linux)
T{ ES4 NIP -> 1 }T
T{ ES4 DROP C@ -> 10 }T
: ES5 S\" plain text" ;
: SPLAIN S" plain text" ;
T{ ES5 SPLAIN STR-EQUAL? -> TRUE }T
: ES6 S\" " ;
T{ ES6 NIP -> 0 }T
: ES7 S\" tab\there" ;
T{ ES7 NIP -> 8 }T
T{ ES7 DROP 3 CHARS + C@ -> 9 }T
: ES8 S\" q\"q" ;
T{ ES8 NIP -> 3 }T

SECTION [COMPILE]
: MY-IF ( -- ) [COMPILE] IF ; IMMEDIATE    \ IF has special compilation semantics
: BC1 ( flag -- x ) MY-IF 1 ELSE 2 THEN ;
T{ TRUE BC1 -> 1 }T
T{ FALSE BC1 -> 2 }T
: BC2 ( x -- x x ) [COMPILE] DUP ;         \ default semantics: compiles DUP
T{ 4 BC2 -> 4 4 }T
: IMM-SEVEN 7 ; IMMEDIATE
: BC3 ( -- x ) [COMPILE] IMM-SEVEN ;       \ compiled, not run now
T{ BC3 -> 7 }T

SECTION \ comments
T{ 1 \ 2 3
-> 1 }T
T{ 1 2 \ -> 3 }T
-> 1 2 }T
: BS1 ( -- x ) 5 \ 6 ;
  ;
T{ BS1 -> 5 }T

T-SUMMARY
