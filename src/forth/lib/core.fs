\ core.fs -- the Core word set written in Forth
\
\ Names and lookup over the kernel's headers, characters and strings, WORD,
\ pictured numeric output and ENVIRONMENT?.  String literals compiled into
\ a definition live in code space, jumped over; interpreted ones go to four
\ transient buffers used in turn, so that a few can be alive at once.
\
\ Some Core words that are often primitives are written here, where their
\ speed does not suffer: TYPE copies into the output buffer with MOVE,
\ EVALUATE and ACCEPT wrap INTERPRET and KEY.  (WITHIN FM/MOD >NUMBER stay
\ primitives: written in Forth they took two to seven times as long.)

\ Output and input.
: TYPE ( addr u -- ) \ into the output buffer ((OUTBUF), (OUT#) bytes used), flushed when full
  BEGIN DUP 0> WHILE
    (OUT#) @ (OUTBUF-SIZE) = IF (FLUSH) THEN
    2DUP (OUTBUF-SIZE) (OUT#) @ - MIN ( addr u addr n )
    TUCK (OUTBUF) (OUT#) @ + SWAP MOVE ( addr u n )
    DUP (OUT#) +! TUCK - >R + R>
  REPEAT 2DROP ;
: ACCEPT ( addr +n1 -- +n2 ) \ a line from standard input, without its newline
  OVER + OVER ( addr end p )
  BEGIN 2DUP > WHILE KEY DUP 10 = OVER 0< OR IF DROP NIP SWAP - EXIT THEN OVER C! 1+ REPEAT
  NIP SWAP - ;

\ The text interpreter.
VARIABLE BLK  0 BLK !   \ the block being interpreted (block.fs), 0 for none
: EVALUATE ( i*x addr u -- j*x ) \ interpret a string, then restore the input source
  (SOURCE) @ >R (SOURCE-LEN) @ >R >IN @ >R SOURCE-ID >R (LINE) @ >R
  -1 (SET-SOURCE) INTERPRET
  R> (LINE) ! R> (SOURCE-ID) ! R> >IN ! R> (SOURCE-LEN) ! R> (SOURCE) ! ;

\ Names and lookup.
\ The STATE-smart words (S" ." S\" TO IS ACTION-OF) name in (COMP-LIST) the word
\ that performs their compilation semantics: POSTPONE and NAME>COMPILE use it, so
\ that a postponed S" compiles its string even when it runs inside [ ].
VARIABLE (COMP-LIST)  0 (COMP-LIST) !   \ entries: link, xt, compiling xt
: (COMP-XT?) ( xt -- xt-comp true | xt false )
  (COMP-LIST) @ BEGIN ?DUP WHILE 2DUP CELL+ @ = IF NIP 2 CELLS + @ TRUE EXIT THEN @ REPEAT FALSE ;
: (COMPILES) ( xt xt-comp -- ) HERE (COMP-LIST) @ , (COMP-LIST) ! SWAP , , ;
: COUNT ( c-addr -- addr u ) DUP 1+ SWAP C@ ;
: NAME>INTERPRET ( nt -- xt ) (HDR.XT) + @ ;
: NAME>STRING    ( nt -- addr u ) DUP (HDR.NAME) + SWAP (HDR.LEN) + C@ ;
: (IMMEDIATE?)   ( nt -- flag ) (HDR.FLAGS) + C@ (F.IMMEDIATE) AND 0<> ;
: (FIND!)        ( addr u -- nt ) 2DUP FIND-NAME ?DUP IF NIP NIP EXIT THEN (CULPRIT) -13 THROW ;
: '              ( "name" -- xt ) PARSE-NAME (FIND!) NAME>INTERPRET ;
: [']            ( "name" -- ) ' (LITERAL) ; IMMEDIATE COMPILE-ONLY
: [COMPILE]      ( "name" -- ) ' COMPILE, ; IMMEDIATE COMPILE-ONLY
: POSTPONE       ( "name" -- )
  PARSE-NAME (FIND!) DUP NAME>INTERPRET (COMP-XT?) IF NIP COMPILE, EXIT THEN DROP DUP (IMMEDIATE?)
  IF NAME>INTERPRET COMPILE, ELSE NAME>INTERPRET (LITERAL) ['] COMPILE, COMPILE, THEN ; IMMEDIATE COMPILE-ONLY
: NAME>COMPILE   ( nt -- xt xt-compile )
  DUP NAME>INTERPRET (COMP-XT?) IF NIP ['] EXECUTE EXIT THEN SWAP (IMMEDIATE?) IF ['] EXECUTE ELSE ['] COMPILE, THEN ;
: SYNONYM ( "new" "old" -- ) PARSE-NAME PARSE-NAME (FIND!) DUP NAME>INTERPRET SWAP (HDR.FLAGS) + C@ 2SWAP (HEADER-XT) ;
SYNONYM CS-ROLL ROLL   \ the control-flow stack is the data stack
: FIND ( c-addr -- c-addr 0 | xt 1 | xt -1 )
  DUP COUNT FIND-NAME ?DUP IF NIP DUP NAME>INTERPRET SWAP (IMMEDIATE?) IF 1 ELSE -1 THEN ELSE 0 THEN ;

\ Characters and strings.
: CHAR     ( "c" -- char ) PARSE-NAME DROP C@ ;
: [CHAR]   ( "c" -- ) CHAR (LITERAL) ; IMMEDIATE COMPILE-ONLY
: DECIMAL  10 BASE ! ;
: HEX      16 BASE ! ;
: S>D      ( n -- d ) DUP 0< ;
: SPACE    BL EMIT ;
: SPACES   ( n -- ) BEGIN DUP 0> WHILE SPACE 1- REPEAT DROP ;
: /STRING  ( addr u n -- addr+n u-n ) ROT OVER + -ROT - ;
: ERASE    ( addr u -- ) 0 FILL ;
: BLANK    ( addr u -- ) BL FILL ;
: (STR,)   ( addr u -- addr' ) CODE-HERE >R 0 ?DO DUP I + C@ CODE, LOOP DROP R> ;
\ A string literal lives in code space, jumped over.
: SLITERAL ( addr u -- ) (BRANCH>) >R DUP >R (STR,) R> R> (RESOLVE>) SWAP (LITERAL) (LITERAL) ; IMMEDIATE COMPILE-ONLY
\ Interpreted strings go to four transient buffers used in turn.
CREATE (SBUF) 8192 ALLOT  VARIABLE (SBUF#)
: (TRANSIENT) ( addr u -- addr' u ) (SBUF#) @ 1+ 3 AND DUP (SBUF#) ! 2048 * (SBUF) + SWAP 2047 MIN >R TUCK R@ MOVE R> ;
: (S"-COMP) ( "ccc<quote>" -- ) [CHAR] " PARSE POSTPONE SLITERAL ;
: S"  ( "ccc<quote>" -- addr u ) STATE @ IF (S"-COMP) ELSE [CHAR] " PARSE (TRANSIENT) THEN ; IMMEDIATE
' S" ' (S"-COMP) (COMPILES)
: (."-COMP) ( "ccc<quote>" -- ) (S"-COMP) POSTPONE TYPE ;
: ."  ( "ccc<quote>" -- ) STATE @ IF (."-COMP) ELSE [CHAR] " PARSE TYPE THEN ; IMMEDIATE
' ." ' (."-COMP) (COMPILES)
: .(  ( "ccc<paren>" -- ) [CHAR] ) PARSE TYPE ; IMMEDIATE
: C"  ( "ccc<quote>" -- ) [CHAR] " PARSE (BRANCH>) >R CODE-HERE >R DUP CODE, (STR,) DROP R> R> (RESOLVE>) (LITERAL) ; IMMEDIATE COMPILE-ONLY
: ABORT  -1 THROW ;
: (ABORT") ( flag addr u -- ) ROT IF (CULPRIT) -2 THROW THEN 2DROP ;
: ABORT" ( "ccc<quote>" -- ) (S"-COMP) POSTPONE (ABORT") ; IMMEDIATE COMPILE-ONLY
: QUIT   -56 THROW ;

\ Skip delimiters, then parse: WORD's counted string.
: (SKIP) ( char -- )
  BEGIN SOURCE >IN @ /STRING
        IF C@ OVER BL = IF BL 1+ < ELSE OVER = THEN ELSE DROP 0 THEN
  WHILE 1 >IN +! REPEAT DROP ;
CREATE (WORDBUF) 258 ALLOT
: WORD ( char "<chars>ccc<char>" -- c-addr ) DUP (SKIP) PARSE 255 MIN DUP (WORDBUF) C! (WORDBUF) 1+ SWAP MOVE (WORDBUF) ;
CREATE (PAD) 1024 ALLOT
: PAD ( -- addr ) (PAD) ;

\ Pictured numeric output.
CREATE (HOLDBUF) 256 ALLOT
: <#     ( -- ) (HOLDBUF) 256 + HLD ! ;
: HOLD   ( char -- ) HLD @ 1- DUP HLD ! C! ;
: HOLDS  ( addr u -- ) BEGIN DUP WHILE 1- 2DUP + C@ HOLD REPEAT 2DROP ;
: SIGN   ( n -- ) 0< IF [CHAR] - HOLD THEN ;
: (UD/MOD) ( ud u -- urem udquot ) >R 0 R@ UM/MOD R> SWAP >R UM/MOD R> ;
: #      ( ud -- ud' ) BASE @ (UD/MOD) ROT DUP 9 > IF 7 + THEN [CHAR] 0 + HOLD ;
: #S     ( ud -- 0 0 ) BEGIN # 2DUP OR 0= UNTIL ;
: #>     ( xd -- addr u ) 2DROP HLD @ (HOLDBUF) 256 + OVER - ;
: DABS   ( d -- ud ) DUP 0< IF DNEGATE THEN ;
: D.R    ( d n -- ) >R TUCK DABS <# #S ROT SIGN #> R> OVER - SPACES TYPE ;
: D.     ( d -- ) 0 D.R SPACE ;
: .R     ( n w -- ) >R S>D R> D.R ;
: .      ( n -- ) S>D D. ;
: U.R    ( u w -- ) 0 SWAP D.R ;
: U.     ( u -- ) 0 D. ;
: ?      ( addr -- ) @ . ;
: UD.    ( ud -- ) <# #S #> TYPE SPACE ;

\ Environment queries answer from a word list of their own.
(WORDLIST) CONSTANT (ENV)
: ENVIRONMENT? ( addr u -- false | i*x true ) (ENV) SEARCH-WORDLIST IF EXECUTE TRUE ELSE FALSE THEN ;
