\ string.fs -- the String word set (its extensions are in string-ext.fs)

: -TRAILING ( addr u -- addr u' ) BEGIN DUP WHILE 2DUP + 1- C@ BL = WHILE 1- REPEAT THEN ;
: COMPARE ( a1 u1 a2 u2 -- n )
  ROT SWAP 2DUP - >R MIN
  0 ?DO OVER I + C@ OVER I + C@ - ?DUP IF 0< 2* 1+ NIP NIP UNLOOP R> DROP EXIT THEN LOOP
  2DROP R> DUP IF 0< 2* 1+ THEN ;
: SEARCH ( a1 u1 a2 u2 -- a3 u3 flag )
  DUP 0= IF 2DROP TRUE EXIT THEN
  2>R 2DUP
  BEGIN DUP R@ < 0= WHILE
    OVER R@ 2R@ DROP R@ COMPARE 0= IF 2SWAP 2DROP 2R> 2DROP TRUE EXIT THEN
    1 /STRING
  REPEAT
  2DROP 2R> 2DROP FALSE ;
