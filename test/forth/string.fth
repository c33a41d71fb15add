\ test/forth/string.fth -- tests for the Forth 2012 STRING word set (17)
\ Run after harness.fth.
\
\ Words covered:
\   -TRAILING /STRING BLANK CMOVE CMOVE> COMPARE SEARCH SLITERAL
\   REPLACES SUBSTITUTE UNESCAPE

DECIMAL
\ Interpreted S" (File word set) is avoided; strings come from definitions.
: S-HELLO   S" hello world" ;
: S-HELLO3  S" hello   " ;
: S-SPACES  S"     " ;
: S-MID     S"  a b " ;
: S-WORLD   S" world" ;
: S-HELL    S" hell" ;
: S-LO      S" lo" ;
: S-XYZ     S" xyz" ;
: S-EMPTY   S" " ;
: S-ABC     S" abc" ;
: S-ABD     S" abd" ;
: S-ABCD    S" abcd" ;
: S-UPPER   S" ABC" ;

SECTION -TRAILING
T{ S-HELLO -TRAILING -> S-HELLO }T
T{ S-HELLO3 -TRAILING -> S-HELLO3 DROP 5 }T
T{ S-SPACES -TRAILING -> S-SPACES DROP 0 }T
T{ S-MID -TRAILING -> S-MID 1- }T            \ leading and inner spaces stay
T{ S-EMPTY -TRAILING -> S-EMPTY }T
T{ S-HELLO3 DROP 0 -TRAILING -> S-HELLO3 DROP 0 }T

SECTION /STRING
T{ S-HELLO 6 /STRING -> S-HELLO DROP 6 CHARS + 5 }T
T{ S-HELLO 0 /STRING -> S-HELLO }T
T{ S-HELLO 11 /STRING -> S-HELLO DROP 11 CHARS + 0 }T
T{ S-HELLO 6 /STRING -2 /STRING -> S-HELLO 4 /STRING }T    \ negative n moves back
T{ S-HELLO 6 /STRING S-WORLD COMPARE -> 0 }T

SECTION BLANK
CREATE BBUF 10 CHARS ALLOT
: BB@ ( i -- c ) CHARS BBUF + C@ ;
T{ BBUF 10 CHAR x FILL BBUF 2 CHARS + 5 BLANK 1 BB@ 2 BB@ 6 BB@ 7 BB@ -> CHAR x BL BL CHAR x }T
T{ BBUF 10 CHAR x FILL BBUF 0 BLANK 0 BB@ -> CHAR x }T

SECTION CMOVE CMOVE>
CREATE MBUF 10 CHARS ALLOT
: MB@ ( i -- c ) CHARS MBUF + C@ ;
: MB-INIT ( -- ) 10 0 DO [CHAR] a I + MBUF I CHARS + C! LOOP ;   \ "abcdefghij"
T{ MB-INIT MBUF MBUF 5 CHARS + 3 CMOVE 5 MB@ 7 MB@ 8 MB@ -> CHAR a CHAR c CHAR i }T
T{ MB-INIT MBUF MBUF 1 CHARS + 4 CMOVE 1 MB@ 4 MB@ 5 MB@ -> CHAR a CHAR a CHAR f }T  \ low to high: the "a" propagates
T{ MB-INIT MBUF 1 CHARS + MBUF 4 CMOVE 0 MB@ 3 MB@ 4 MB@ -> CHAR b CHAR e CHAR e }T
T{ MB-INIT MBUF 1 CHARS + MBUF 4 CMOVE> 0 MB@ 3 MB@ 4 MB@ -> CHAR e CHAR e CHAR e }T  \ high to low: the "e" propagates
T{ MB-INIT MBUF MBUF 1 CHARS + 4 CMOVE> 1 MB@ 4 MB@ 5 MB@ -> CHAR a CHAR d CHAR f }T
T{ MB-INIT MBUF MBUF 5 CHARS + 0 CMOVE 5 MB@ -> CHAR f }T
T{ MB-INIT MBUF MBUF 5 CHARS + 0 CMOVE> 5 MB@ -> CHAR f }T

SECTION COMPARE
T{ S-ABC S-ABC COMPARE -> 0 }T
T{ S-ABC S-ABD COMPARE -> -1 }T
T{ S-ABD S-ABC COMPARE -> 1 }T
T{ S-ABC S-ABCD COMPARE -> -1 }T             \ a prefix sorts first
T{ S-ABCD S-ABC COMPARE -> 1 }T
T{ S-EMPTY S-EMPTY COMPARE -> 0 }T
T{ S-EMPTY S-ABC COMPARE -> -1 }T
T{ S-ABC S-EMPTY COMPARE -> 1 }T
T{ S-ABC S-UPPER COMPARE -> 1 }T             \ case matters: "a" > "A"
T{ S-UPPER S-ABC COMPARE -> -1 }T
T{ S-ABD S-ABCD COMPARE -> 1 }T              \ first difference decides, not length
T{ S-HELLO DROP 4 S-HELL COMPARE -> 0 }T
CREATE HI-CHARS 200 C, 100 C,
T{ HI-CHARS 1 HI-CHARS CHAR+ 1 COMPARE -> 1 }T   \ characters compare unsigned

SECTION SEARCH
T{ S-HELLO S-WORLD SEARCH -> S-HELLO 6 /STRING -1 }T
T{ S-HELLO S-LO SEARCH -> S-HELLO 3 /STRING -1 }T
T{ S-HELLO S-HELL SEARCH -> S-HELLO -1 }T
T{ S-HELLO S-XYZ SEARCH -> S-HELLO 0 }T
T{ S-HELLO S-EMPTY SEARCH -> S-HELLO -1 }T   \ the empty string matches at once
T{ S-LO S-HELLO SEARCH -> S-LO 0 }T          \ longer than the string searched
T{ S-EMPTY S-ABC SEARCH -> S-EMPTY 0 }T
T{ S-ABCD S-ABCD SEARCH -> S-ABCD -1 }T
: S-ABAB S" ababab" ;
: S-BAB  S" bab" ;
T{ S-ABAB S-BAB SEARCH -> S-ABAB 1 /STRING -1 }T   \ the first match

SECTION SLITERAL
: SL1 ( -- c-addr u ) [ S-HELLO ] SLITERAL ;
T{ SL1 S-HELLO COMPARE -> 0 }T
T{ SL1 DROP S-HELLO DROP = -> 0 }T           \ a copy, not the original
: SL2 ( -- c-addr u ) [ S-EMPTY ] SLITERAL ;
T{ SL2 NIP -> 0 }T
CREATE SL-SRC 3 C, CHAR q C, CHAR r C, CHAR s C,
: SL3 ( -- c-addr u ) [ SL-SRC COUNT ] SLITERAL ;
CHAR z SL-SRC CHAR+ C!                       \ changing the source later ...
T{ SL3 DROP C@ -> CHAR q }T                  \ ... does not change the literal

SECTION REPLACES SUBSTITUTE UNESCAPE
CREATE SUB-OUT 64 CHARS ALLOT
: S-NAME-WHO  S" who" ;
: S-NAME-WHAT S" what" ;
: S-WORLD2    S" world" ;
: S-PLANET    S" planet" ;
: S-TEMPLATE  S" Hello %who%, %what% is %unknown% 100%% sure %" ;
: S-RESULT1   S" Hello world, %what% is %unknown% 100% sure %" ;
: S-RESULT2   S" Hello planet, fine is %unknown% 100% sure %" ;
: S-FINE      S" fine" ;
T{ S-WORLD2 S-NAME-WHO REPLACES -> }T
T{ S-TEMPLATE SUB-OUT 64 SUBSTITUTE >R S-RESULT1 COMPARE R> -> 0 1 }T
T{ S-PLANET S-NAME-WHO REPLACES S-FINE S-NAME-WHAT REPLACES -> }T
T{ S-TEMPLATE SUB-OUT 64 SUBSTITUTE >R S-RESULT2 COMPARE R> -> 0 2 }T
T{ S-TEMPLATE SUB-OUT 64 SUBSTITUTE ROT DROP -> 43 2 }T
T{ S-TEMPLATE SUB-OUT 64 SUBSTITUTE DROP DROP -> SUB-OUT }T
CREATE SUB-TEXT-BUF 5 CHARS ALLOT
: FILL-SUB-TEXT ( -- c-addr u ) SUB-TEXT-BUF 5 [CHAR] k FILL SUB-TEXT-BUF 5 ;
: S-NAME-K S" k" ;
: S-TEMPLATE-K S" <%k%>" ;
: S-RESULT-K   S" <kkkkk>" ;
T{ FILL-SUB-TEXT S-NAME-K REPLACES SUB-TEXT-BUF 5 CHAR j FILL -> }T   \ REPLACES copied the text
T{ S-TEMPLATE-K SUB-OUT 64 SUBSTITUTE >R S-RESULT-K COMPARE R> -> 0 1 }T
T{ S-EMPTY SUB-OUT 64 SUBSTITUTE -> SUB-OUT 0 0 }T
T{ S-TEMPLATE SUB-OUT 10 SUBSTITUTE NIP NIP 0< -> -1 }T   \ does not fit: negative n
: S-PCT     S" 50% off %% now" ;
: S-PCT-ESC S" 50%% off %%%% now" ;
T{ S-PCT SUB-OUT UNESCAPE S-PCT-ESC COMPARE -> 0 }T
T{ S-PCT SUB-OUT UNESCAPE DROP -> SUB-OUT }T
T{ S-HELLO SUB-OUT UNESCAPE S-HELLO COMPARE -> 0 }T
CREATE SUB-TMP 64 CHARS ALLOT
T{ S-PCT SUB-TMP UNESCAPE SUB-OUT 64 SUBSTITUTE >R S-PCT COMPARE R> -> 0 0 }T  \ round trip

T-SUMMARY
