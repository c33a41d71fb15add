\ test/forth/gforth.fth -- the common words outside the standard (src/forth/lib/gforth.fs)
\ Run after harness.fth.  Each word as gforth's documentation gives its
\ stack effect, so that programs written for gforth load unchanged.

DECIMAL
CREATE GB 64 ALLOT

SECTION cells and memory
T{ CELL -> 1 CELLS }T
T{ 100 CELL- -> 100 1 CELLS - }T
T{ 1 2 3 UNDER+ -> 4 2 }T
T{ 1 2 3 -ROT -> 3 1 2 }T
T{ NOOP -> }T
T{ GB ON GB @ GB OFF GB @ -> -1 0 }T
T{ ' 1+ GB ! 5 GB PERFORM -> 6 }T
T{ GB 10 BOUNDS -> GB 10 + GB }T
T{ : GT1 0 S" abc" BOUNDS ?DO I C@ + LOOP ; GT1 -> 294 }T

SECTION control
T{ : GT2 IF 1 ENDIF 2 ; -1 GT2 0 GT2 -> 1 2 2 }T
T{ [IFDEF] DUP 1 [ELSE] 2 [THEN] -> 1 }T
T{ [IFDEF] NO-SUCH-WORD 1 [ELSE] 2 [THEN] -> 2 }T
T{ [IFUNDEF] NO-SUCH-WORD 3 [THEN] -> 3 }T
T{ [DEFINED] DUP [UNDEFINED] DUP -> -1 0 }T
T{ : GFIB RECURSIVE DUP 2 < IF EXIT THEN DUP 1- GFIB SWAP 2 - GFIB + ; 10 GFIB -> 55 }T

SECTION gforth's locals syntax
T{ : GT3 { a b } a b - ; 10 3 GT3 -> 7 }T
T{ : GT4 { a | b -- c } a 2* TO b b ; 21 GT4 -> 42 }T

SECTION names and word lists
T{ : GT5 ; LATESTXT ' GT5 = -> -1 }T
T{ LATEST NAME>STRING S" GT5" COMPARE -> 0 }T
T{ ' 1+ ALIAS GINC 5 GINC -> 6 }T
T{ ENVIRONMENT-WORDLIST 0<> -> -1 }T
VOCABULARY GVOC
ALSO GVOC DEFINITIONS : GV1 11 ; PREVIOUS DEFINITIONS
T{ [DEFINED] GV1 -> 0 }T
T{ ALSO GVOC GV1 PREVIOUS -> 11 }T
T{ WORDLIST >ORDER GET-ORDER NIP NIP PREVIOUS GET-ORDER NIP - -> 1 }T

SECTION strings
T{ S" abc" S" abc" STR= S" abc" S" abd" STR= -> -1 0 }T
T{ S" abc" S" abd" STR< S" b" S" a" STR< -> -1 0 }T
T{ S" abcdef" S" abc" STRING-PREFIX? S" ab" S" abc" STRING-PREFIX? -> -1 0 }T
T{ S" hello" GB PLACE GB COUNT S" hello" COMPARE -> 0 }T
T{ S" , world" GB +PLACE GB COUNT S" hello, world" COMPARE -> 0 }T
: GS1 S" a,b" ;  : GS2 S" aab" ;
T{ GS1 CHAR , SCAN -> GS1 DROP 1+ 2 }T
T{ GS1 CHAR x SCAN -> GS1 + 0 }T
T{ GS2 CHAR a SKIP -> GS2 DROP 2 + 1 }T
T{ S" 123" S>NUMBER? -> 123 0 -1 }T
T{ S" 12." S>NUMBER? -> 12 0 -1 }T
T{ S" 1x" S>NUMBER? NIP NIP -> 0 }T

SECTION double-cell comparisons
T{ 1 0 2 0 D<> 1 0 1 0 D<> -> -1 0 }T
T{ 2 0 1 0 D> 1 0 2 0 D> -> -1 0 }T
T{ 1 0 1 0 D<= 1 0 1 0 D>= -> -1 -1 }T
T{ 0 0 D0<> -1 -1 D0> 1 0 D0> -> 0 0 -1 }T
T{ -1 -1 D0<= 0 0 D0>= -> -1 -1 }T
T{ -1 -1 1 0 DU> 1 0 -1 -1 DU<= 1 0 1 0 DU>= -> -1 -1 -1 }T

SECTION time
T{ UTIME UTIME 2SWAP D< 0= -> -1 }T
T{ UTIME 1600000000000000. D> -> -1 }T

T-SUMMARY
