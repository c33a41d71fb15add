\ test/forth/locals.fth -- tests for the Forth 2012 LOCALS word set (13)
\ Run after harness.fth.  Written from the glossary entries of {: :},
\ (LOCAL), LOCALS| and TO (13.6.1.0086, 13.6.1.2295, 13.6.2.1795,
\ 13.6.2.2550): locals are initialised from the data stack (the last name
\ of the list takes the top), names after | are uninitialised, names after
\ -- are a comment, a local's name hides a word of the same name until the
\ definition ends, and the locals stack is restored by THROW.
\
\ Words covered here:
\   (LOCAL) TO LOCALS| {:

DECIMAL

SECTION {: with arguments
T{ : LT1 {: a b :} a b ; -> }T
T{ 1 2 LT1 -> 1 2 }T
T{ : LT2 {: a b :} b a ; -> }T
T{ 1 2 LT2 -> 2 1 }T
T{ : LT3 {: a :} a a * ; 7 LT3 -> 49 }T
T{ : LT4 {: a b c d e f g h :} h g f e d c b a ; -> }T
T{ 1 2 3 4 5 6 7 8 LT4 -> 8 7 6 5 4 3 2 1 }T
T{ : LT5 {: :} 5 ; LT5 -> 5 }T                       \ an empty list

SECTION {: with | and --
T{ : LT6 {: a | b :} a 1+ TO b b a ; 5 LT6 -> 6 5 }T
T{ : LT7 {: a b -- c :} a b + ; 3 4 LT7 -> 7 }T
T{ : LT8 {: | x y -- z :} 3 TO x 4 TO y x y * ; LT8 -> 12 }T
T{ : LT9 {: a b | c -- d e :} a b + TO c c c ; 1 2 LT9 -> 3 3 }T
T{ : LT10 {: a
      b :} a b - ; 10 3 LT10 -> 7 }T                  \ a list may go on over lines

SECTION TO a local
T{ : LT11 {: a :} a 10 * TO a a ; 3 LT11 -> 30 }T
T{ : LT12 {: a b :} b TO a a ; 1 2 LT12 -> 2 }T
0 VALUE LV1
T{ : LT13 {: a :} a TO LV1 ; 9 LT13 LV1 -> 9 }T       \ TO of a VALUE still works beside locals

SECTION scope and hiding
T{ : LT14 {: dup :} dup dup ; 7 LT14 -> 7 7 }T       \ the local hides DUP in its definition
T{ 1 DUP -> 1 1 }T                                   \ and only there
T{ : LT15 {: a :} a ; : LT16 {: b :} b ; 4 LT15 5 LT16 -> 4 5 }T
T{ : LT17 {: a :} {: b :} a b ; 1 2 LT17 -> 2 1 }T   \ two lists: a takes 2, then b takes 1

SECTION control flow, recursion, EXIT
T{ : LFACT {: n :} n 1 > IF n 1- RECURSE n * ELSE 1 THEN ; 5 LFACT -> 120 }T
T{ : LT18 {: n :} 0 n 0 ?DO I + LOOP ; 4 LT18 -> 6 }T
T{ : LT19 {: n :} 0 n 0 ?DO n I - + LOOP ; 3 LT19 -> 6 }T
T{ : LT20 {: a :} a 0< IF 0 EXIT THEN a ; -1 LT20 3 LT20 -> 0 3 }T
T{ : LT21 {: a :} BEGIN a WHILE a 1- TO a REPEAT a ; 5 LT21 -> 0 }T
T{ : LT22 {: a b :} a >R b R> ; 1 2 LT22 -> 2 1 }T  \ the return stack is free to use
: LT23 ( n -- n' ) {: n :} n IF n 1- RECURSE n + ELSE 0 THEN ;
T{ 100 LT23 -> 5050 }T                               \ a deep recursion, one frame each

SECTION THROW restores the locals
: LT24 {: a :} a THROW ;
: LT25 {: b :} 5 ['] LT24 CATCH NIP b ;   \ CATCH leaves the depth as it was: NIP the cell LT24 took
T{ 9 LT25 -> 5 9 }T
T{ : LT26 {: a :} 0 ['] LT24 CATCH a ; 8 LT26 -> 0 8 }T

SECTION locals and DOES>
T{ : LT27 {: a :} CREATE a , DOES> {: addr :} addr @ ; -> }T
T{ 42 LT27 LT28 LT28 -> 42 }T

SECTION LOCALS|
T{ : LT29 LOCALS| a b | a b ; 1 2 LT29 -> 2 1 }T     \ the first name takes the top
T{ : LT30 LOCALS| x | x 2* ; 21 LT30 -> 42 }T
T{ : LT31 LOCALS| a | 3 TO a a ; 1 LT31 -> 3 }T

SECTION (LOCAL)
\ (LOCAL) is for defining words of one's own syntax: names, then 0 0 to end.
: LOCAL ( "name" -- ) PARSE-NAME (LOCAL) ; IMMEDIATE
: END-LOCALS ( -- ) 0 0 (LOCAL) ; IMMEDIATE
T{ : LT32 LOCAL x LOCAL y END-LOCALS x y - ; 10 4 LT32 -> -6 }T   \ the first name takes the top
T{ : LT33 [ S" z" (LOCAL) 0 0 (LOCAL) ] z z + ; 4 LT33 -> 8 }T

SECTION #LOCALS
T{ S" #LOCALS" ENVIRONMENT? SWAP 16 < 0= -> -1 -1 }T
: LT34 {: a b c d e f g h i j k l m n o p :} p o n m l k j i h g f e d c b a ;
T{ 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 LT34 -> 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 }T

T-SUMMARY
