\ test/forth/tools.fth -- tests for the Forth 2012 PROGRAMMING-TOOLS word set (15)
\ Run after harness.fth.  Uses WORDLIST GET-CURRENT SET-CURRENT from the
\ Search-Order word set to make word lists to traverse.
\
\ Words covered here:
\   AHEAD CS-PICK CS-ROLL N>R NR> NAME>COMPILE NAME>INTERPRET NAME>STRING
\   SYNONYM TRAVERSE-WORDLIST [DEFINED] [ELSE] [IF] [THEN] [UNDEFINED]
\ In tools-output.fth:  ? .S DUMP SEE WORDS (the last four only as far as
\   their implementation-dependent formats allow)
\ Not tested (see COVERAGE.md):  ;CODE ASSEMBLER CODE EDITOR (need an
\   assembler/editor whose contents the standard leaves open), BYE (ends
\   the session), FORGET (obsolescent), STATE (its Tools extension only
\   concerns ;CODE).

DECIMAL

SECTION [IF] [ELSE] [THEN]
T{ -1 [IF] 1 [THEN] -> 1 }T
T{ 0 [IF] 1 [THEN] -> }T
T{ -1 [IF] 1 [ELSE] 2 [THEN] -> 1 }T
T{ 0 [IF] 1 [ELSE] 2 [THEN] -> 2 }T
T{ 5 [IF] 1 [ELSE] 2 [THEN] -> 1 }T          \ any non-zero flag
T{ 0 [IF] 1 [IF] 2 [ELSE] 3 [THEN] [ELSE] 4 [THEN] -> 4 }T   \ nesting while skipping
T{ -1 [IF] 0 [IF] 2 [ELSE] 3 [THEN] [ELSE] 4 [THEN] -> 3 }T
T{ -1 [IF] -1 [IF] 2 [ELSE] 3 [THEN] [ELSE] 4 [THEN] -> 2 }T
T{ 0 [IF] 0 [IF] 2 [THEN] 3 [ELSE] 4 [THEN] -> 4 }T
T{ 0 [IF] no-such-word ( not even parsed as code [THEN] -> }T
T{ 0 [if] 1 [else] 2 [then] -> 2 }T          \ Sidecar: case-insensitive
T{ 0 [IF] 1 [IF] [ELSE] [ELSE] [THEN] [THEN] 7 -> 7 }T
T{ 0 [IF] 1
   2
   [ELSE] 3
   [THEN] -> 3 }T                            \ across lines
T{ -1 [IF] 4
   [ELSE] 5
   6
   [THEN] -> 4 }T
: CIF ( -- x ) [ -1 ] [IF] 10 [ELSE] 20 [THEN] ;   \ also inside a definition
T{ CIF -> 10 }T
: CIF2 ( -- x ) [ 0 ] [IF] 10 [ELSE] 20 [THEN] ;
T{ CIF2 -> 20 }T
T{ [THEN] 8 -> 8 }T                          \ a lone [THEN] does nothing
T{ 0 [IF] [THEN]x [THEN] 9 -> 9 }T           \ "[THEN]x" is not [THEN]

SECTION [DEFINED] [UNDEFINED]
T{ [DEFINED] DUP -> -1 }T
T{ [DEFINED] NO-SUCH-WORD-HERE -> 0 }T
T{ [UNDEFINED] DUP -> 0 }T
T{ [UNDEFINED] NO-SUCH-WORD-HERE -> -1 }T
: DEF-IN-DEF ( -- f1 f2 ) [DEFINED] SWAP LITERAL [UNDEFINED] SWAP LITERAL ;
T{ DEF-IN-DEF -> -1 0 }T
T{ [DEFINED] DUP [IF] 1 [THEN] -> 1 }T
: LATE-WORD 1 ;
T{ [DEFINED] LATE-WORD -> -1 }T
T{ [DEFINED] late-word -> -1 }T              \ Sidecar: case-insensitive

SECTION AHEAD CS-PICK CS-ROLL
: AH1 ( -- x ) AHEAD 1 THEN 2 ;
T{ AH1 -> 2 }T
: AH2 ( flag -- x ) IF 10 AHEAD [ 1 CS-ROLL ] THEN 20 THEN 30 ;   \ AHEAD skips to the outer THEN
T{ 0 AH2 -> 20 30 }T
T{ -1 AH2 -> 10 30 }T
: MY-WHILE ( C: dest -- orig dest ) POSTPONE IF 1 CS-ROLL ; IMMEDIATE
: CSR1 ( n -- sum ) 0 SWAP BEGIN DUP MY-WHILE TUCK + SWAP 1- REPEAT DROP ;
T{ 4 CSR1 -> 10 }T
T{ 0 CSR1 -> 0 }T
: CSP1 ( n -- n' ) BEGIN [ 0 CS-PICK ] 1+ DUP 10 < 0= UNTIL 1+ DUP 20 < 0= UNTIL ;
T{ 0 CSP1 -> 21 }T                           \ two branches back to one BEGIN
T{ 100 CSP1 -> 102 }T
: CSR2 ( -- x ) 1 IF 2 IF [ 1 CS-ROLL ] 3 THEN 4 THEN 5 ;   \ resolve the outer IF first
T{ CSR2 -> 3 4 5 }T
: CSR3 ( -- x.. ) 0 IF 1 IF [ 1 CS-ROLL ] THEN 8 THEN 9 ;
T{ CSR3 -> 8 9 }T                           \ the false outer IF lands before 8

SECTION N>R NR>
: NR1 ( x1 x2 x3 -- x1 x2 x3 3 ) 3 N>R NR> ;
T{ 1 2 3 NR1 -> 1 2 3 3 }T
: NR2 ( -- n ) 0 N>R NR> ;
T{ NR2 -> 0 }T
: NR3 ( a b c d -- d a b c 3 ) 3 N>R NR> ;
T{ 7 8 9 10 NR3 -> 7 8 9 10 3 }T
: NR4 ( a b -- sum ) 2 N>R 5 NR> DROP + + ;   \ the return stack holds them meanwhile
T{ 1 2 NR4 -> 8 }T
: NR6 ( x*5 -- 42 x*5 5 ) 5 N>R 42 1 N>R NR> DROP NR> ;    \ nested uses
T{ 1 2 3 4 5 NR6 -> 42 1 2 3 4 5 5 }T

SECTION SYNONYM
SYNONYM MY-DUP DUP
T{ 5 MY-DUP -> 5 5 }T
: USES-MY-DUP ( x -- x x ) MY-DUP ;
T{ 6 USES-MY-DUP -> 6 6 }T
SYNONYM MY-THEN THEN
SYNONYM MY-IF IF
: USES-MY-IF ( flag -- x ) MY-IF 1 ELSE 2 MY-THEN ;
T{ -1 USES-MY-IF 0 USES-MY-IF -> 1 2 }T
: ORIGINAL ( -- x ) 11 ;
SYNONYM ALSO-ORIGINAL ORIGINAL
: ORIGINAL ( -- x ) 22 ;                     \ redefining the old name later ...
T{ ALSO-ORIGINAL ORIGINAL -> 11 22 }T        \ ... does not change the synonym
VARIABLE SYN-VAR
SYNONYM SYN-VAR2 SYN-VAR
T{ SYN-VAR2 SYN-VAR = -> -1 }T

SECTION TRAVERSE-WORDLIST NAME>STRING NAME>INTERPRET NAME>COMPILE
WORDLIST CONSTANT TOOLS-WL
GET-CURRENT TOOLS-WL SET-CURRENT
: TW-ONE 1 ;
: TW-TWO 2 ;
: TW-IMM 3 ; IMMEDIATE
SET-CURRENT
: COUNT-NAMES ( n nt -- n' true ) DROP 1+ -1 ;
T{ 0 ' COUNT-NAMES TOOLS-WL TRAVERSE-WORDLIST -> 3 }T
: FIRST-NAME ( n nt -- n' false ) DROP 1+ 0 ;
T{ 0 ' FIRST-NAME TOOLS-WL TRAVERSE-WORDLIST -> 1 }T      \ stops when the xt says false
T{ 0 ' COUNT-NAMES WORDLIST TRAVERSE-WORDLIST -> 0 }T    \ an empty word list
CREATE WANTED 32 CHARS ALLOT
VARIABLE FOUND-NT
: UPPER ( c -- C ) DUP [CHAR] a [CHAR] z 1+ WITHIN IF 32 - THEN ;
: SAME-NAME? ( c-addr1 u1 c-addr2 u2 -- flag )   \ ignoring case
  ROT OVER <> IF DROP 2DROP 0 EXIT THEN
  0 ?DO OVER I CHARS + C@ UPPER OVER I CHARS + C@ UPPER <> IF 2DROP 0 UNLOOP EXIT THEN LOOP
  2DROP -1 ;
: MATCH-NAME ( nt -- flag )                      \ false (stop) once found
  DUP NAME>STRING WANTED COUNT SAME-NAME? IF FOUND-NT ! 0 ELSE DROP -1 THEN ;
: NT-OF ( "name" -- nt | 0 )
  0 FOUND-NT ! PARSE-NAME DUP WANTED C! WANTED CHAR+ SWAP CHARS MOVE
  ['] MATCH-NAME TOOLS-WL TRAVERSE-WORDLIST FOUND-NT @ ;
T{ NT-OF TW-TWO 0= -> 0 }T
T{ NT-OF TW-NONE -> 0 }T
T{ NT-OF TW-TWO NAME>STRING NIP -> 6 }T
T{ NT-OF TW-ONE NAME>INTERPRET EXECUTE -> 1 }T
T{ NT-OF TW-IMM NAME>INTERPRET EXECUTE -> 3 }T
: NC-NORMAL ( -- x ) [ NT-OF TW-TWO NAME>COMPILE EXECUTE ] ;   \ compiles a call
T{ NC-NORMAL -> 2 }T
: NC-IMM ( -- x ) [ NT-OF TW-IMM NAME>COMPILE EXECUTE ] LITERAL ;  \ runs it now
T{ NC-IMM -> 3 }T
VARIABLE SEEN-DUP
: LOOK-FOR-DUP ( nt -- flag ) NAME>STRING S" DUP" SAME-NAME? IF -1 SEEN-DUP ! 0 ELSE -1 THEN ;
T{ 0 SEEN-DUP ! ' LOOK-FOR-DUP FORTH-WORDLIST TRAVERSE-WORDLIST SEEN-DUP @ -> -1 }T

SECTION CODE, ;CODE, ASSEMBLER, EDITOR (machine code as numbers, this system's registers)
\ The top of the data stack is in rbx: inc rbx is 48 FF C3, and END-CODE adds ret.
CODE TINC  $48 C, $FF C, $C3 C, END-CODE
T{ 5 TINC -> 6 }T
T{ -1 TINC -> 0 }T
: TFIRST ( -- wid ) GET-ORDER SWAP >R 1- 0 ?DO DROP LOOP R> ;
: TORDER# ( -- n ) GET-ORDER DUP >R 0 ?DO DROP LOOP R> ;
\ ASSEMBLER and EDITOR replace the first word list (names resolved when compiled)
: TASM ( -- wid n ) GET-ORDER ASSEMBLER TFIRST TORDER# 2>R SET-ORDER 2R> ;
: TED ( -- wid n ) GET-ORDER EDITOR TFIRST TORDER# 2>R SET-ORDER 2R> ;
T{ TASM SWAP FORTH-WORDLIST <> TORDER# -> TORDER# -1 TORDER# }T
T{ TED DROP TASM DROP <> -> -1 }T
\ ;CODE: the body's address is in rbx, and mov rbx, [rbx] (48 8B 1B) fetches it.
: TCONST CREATE , ;CODE $48 C, $8B C, $1B C, END-CODE
T{ 77 TCONST T77 T77 -> 77 }T

SECTION FORGET
T{ : FG1 1 ; : FG2 2 ; FG1 FG2 -> 1 2 }T
T{ FORGET FG1 -> }T
T{ S" FG1" FORTH-WORDLIST SEARCH-WORDLIST S" FG2" FORTH-WORDLIST SEARCH-WORDLIST -> 0 0 }T
T{ : FG1 3 ; FG1 -> 3 }T                            \ the name can be defined again

T-SUMMARY
