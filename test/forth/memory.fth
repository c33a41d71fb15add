\ test/forth/memory.fth -- tests for the Forth 2012 MEMORY-ALLOCATION word set (14)
\ Run after harness.fth.
\
\ Words covered:  ALLOCATE FREE RESIZE

DECIMAL
0 INVERT CONSTANT UMAX

VARIABLE P1   VARIABLE P2   VARIABLE P3

SECTION ALLOCATE FREE
T{ 100 ALLOCATE SWAP P1 ! -> 0 }T
T{ P1 @ ALIGNED P1 @ = -> -1 }T              \ aligned
T{ 12345 P1 @ ! P1 @ @ -> 12345 }T
T{ P1 @ 100 CHAR m FILL P1 @ 99 CHARS + C@ -> CHAR m }T   \ all 100 are usable
T{ 100 ALLOCATE SWAP P2 ! -> 0 }T
T{ P1 @ P2 @ = -> 0 }T
T{ P2 @ 100 CHAR n FILL P1 @ 99 CHARS + C@ P1 @ C@ -> CHAR m CHAR m }T  \ no overlap
T{ P1 @ FREE -> 0 }T
T{ P2 @ FREE -> 0 }T
T{ 1 ALLOCATE SWAP FREE -> 0 0 }T
T{ 1 CELLS ALLOCATE SWAP P1 ! P1 @ ALIGNED P1 @ = P1 @ FREE -> 0 -1 0 }T
: MANY ( n -- ior ) 0 SWAP 0 DO 64 ALLOCATE ROT OR SWAP FREE OR LOOP ;
T{ 1000 MANY -> 0 }T
T{ 10000000 ALLOCATE SWAP P3 ! -> 0 }T        \ 10 MB
T{ 7 P3 @ C! 9 P3 @ 9999999 CHARS + C! P3 @ C@ P3 @ 9999999 CHARS + C@ -> 7 9 }T
T{ P3 @ FREE -> 0 }T
T{ UMAX ALLOCATE NIP 0= -> 0 }T             \ cannot be satisfied: ior <> 0

SECTION RESIZE
T{ 10 ALLOCATE SWAP P1 ! -> 0 }T
T{ P1 @ 10 CHAR r FILL -> }T
T{ P1 @ 1000 RESIZE SWAP P1 ! -> 0 }T        \ grow
T{ P1 @ C@ P1 @ 9 CHARS + C@ -> CHAR r CHAR r }T   \ contents kept
T{ P1 @ ALIGNED P1 @ = -> -1 }T
T{ P1 @ 1000 CHAR s FILL P1 @ 999 CHARS + C@ -> CHAR s }T
T{ P1 @ 5 RESIZE SWAP P1 ! -> 0 }T           \ shrink
T{ P1 @ 4 CHARS + C@ -> CHAR s }T
T{ P1 @ UMAX RESIZE DROP -> P1 @ }T         \ impossible: a-addr1 returned ...
T{ P1 @ UMAX RESIZE NIP 0= -> 0 }T           \ ... with a non-zero ior
T{ P1 @ C@ -> CHAR s }T                      \ and the region is untouched
T{ P1 @ FREE -> 0 }T

T-SUMMARY
