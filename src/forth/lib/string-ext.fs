\ string-ext.fs -- String Extensions: REPLACES SUBSTITUTE UNESCAPE

\ Text substitution: each name is a word in a word list of its own; its body holds
\ the address and length of an allocated copy of the text.
(WORDLIST) CONSTANT (SUBST)
: REPLACES ( text u name u -- )
  2DUP (SUBST) SEARCH-WORDLIST IF >BODY NIP NIP
  ELSE GET-CURRENT >R (SUBST) SET-CURRENT (CREATE) R> SET-CURRENT HERE 0 , 0 , THEN
  >R DUP ALLOCATE THROW DUP R@ ! OVER R> CELL+ ! SWAP MOVE ;
VARIABLE (SUB-DST)  VARIABLE (SUB-LEN)  VARIABLE (SUB-MAX)  VARIABLE (SUB-N)
VARIABLE (SA)  VARIABLE (SU)
: (SUB-C)  ( c -- ) (SUB-LEN) @ (SUB-MAX) @ < IF (SUB-DST) @ (SUB-LEN) @ + C! 1 (SUB-LEN) +! ELSE DROP -78 (SUB-N) ! THEN ;
: (SUB-S)  ( addr u -- ) 0 ?DO DUP I + C@ (SUB-C) LOOP DROP ;
: (ADV)    ( n -- ) DUP (SA) +! NEGATE (SU) +! ;
: (SCAN)   ( a u c -- a' u' ) >R BEGIN DUP WHILE OVER C@ R@ <> WHILE 1 /STRING REPEAT THEN R> DROP ;
: (SUBSTITUTE) ( a1 u1 a2 u2 -- a2 u3 n )
  (SUB-MAX) ! (SUB-DST) ! (SU) ! (SA) ! 0 (SUB-LEN) ! 0 (SUB-N) !
  BEGIN (SU) @ 0> WHILE
    (SA) @ C@ [CHAR] % <> IF (SA) @ C@ (SUB-C) 1 (ADV) ELSE
      (SA) @ 1+ (SU) @ 1- [CHAR] % (SCAN) ( a' u' )
      0= IF DROP [CHAR] % (SUB-C) 1 (ADV) ELSE
        (SA) @ 1+ TUCK - ( name len )
        DUP 0= IF 2DROP [CHAR] % (SUB-C) 2 (ADV) ELSE
          2DUP (SUBST) SEARCH-WORDLIST IF
            >BODY 2@ SWAP (SUB-S) (SUB-N) @ 0< 0= IF 1 (SUB-N) +! THEN NIP 2 + (ADV)
          ELSE
            [CHAR] % (SUB-C) (SUB-S) [CHAR] % (SUB-C) (SA) @ 1+ (SU) @ 1- [CHAR] % (SCAN) DROP (SA) @ - 1+ (ADV)
          THEN
        THEN
      THEN
    THEN
  REPEAT (SUB-DST) @ (SUB-LEN) @ (SUB-N) @ ;
: (OVERLAP?) ( a1 u1 a2 u2 -- flag ) \ do the two ranges share a byte?
  2OVER + 2 PICK > >R + NIP < R> AND ;
: SUBSTITUTE ( a1 u1 a2 u2 -- a2 u3 n ) \ from a copy of the source if the buffers overlap
  2OVER 2OVER (OVERLAP?) 0= IF (SUBSTITUTE) EXIT THEN
  2SWAP DUP ALLOCATE THROW ( a2 u2 a1 u1 c )
  DUP >R SWAP DUP >R MOVE ( a2 u2 )
  R> R@ SWAP 2SWAP (SUBSTITUTE) R> FREE DROP ;
: UNESCAPE ( a1 u1 a2 -- a2 u2 )
  DUP >R (SUB-DST) ! 0 (SUB-LEN) ! -1 1 RSHIFT (SUB-MAX) !
  0 ?DO DUP I + C@ DUP [CHAR] % = IF DUP (SUB-C) THEN (SUB-C) LOOP DROP R> (SUB-LEN) @ ;
