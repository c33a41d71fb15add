\ memory.fs -- the Memory-Allocation word set, over the C library's malloc
\
\ The C library aborts the process when free or realloc is given a pointer
\ it did not hand out, so the blocks ALLOCATE gave (and RESIZE moved) are
\ kept in a set, and FREE and RESIZE of anything else answer an ior
\ instead (-60, -61) of calling it.  files.fs keeps its open files in a set
\ too.  A set is three cells: a table of cells (malloc'd, so MARKER and
\ FORGET do not take it away), its size (a power of 2), and the cells used;
\ a cell is 0 (empty), 1 (removed) or a member, found by linear probing.

S" (MALLOC)" (EXTERN) ptr malloc( size_t )
S" (FREE)" (EXTERN) void free( ptr )
S" (REALLOC)" (EXTERN) ptr realloc( ptr size_t )
S" (CALLOC)" (EXTERN) ptr calloc( size_t size_t )

: (SET) ( "name" -- ) CREATE 0 , 0 , 0 , ;
: (SLOT0) ( x set -- a-addr end ) \ where x's probe starts, and the table's end
  >R DUP 4 RSHIFT SWAP 21 RSHIFT XOR R@ CELL+ @ 1- AND CELLS R@ @ + R> 2@ SWAP CELLS + ;
: (NEXT-SLOT) ( a-addr set -- a-addr' ) >R CELL+ DUP R@ @ R@ CELL+ @ CELLS + = IF DROP R@ @ THEN R> DROP ;
: (SET-FIND) ( x set -- a-addr | 0 ) \ the cell holding x
  OVER 2 U< IF 2DROP 0 EXIT THEN
  DUP @ 0= IF 2DROP 0 EXIT THEN
  >R DUP R@ (SLOT0) DROP ( x a )
  BEGIN DUP @ WHILE
    2DUP @ = IF NIP R> DROP EXIT THEN R@ (NEXT-SLOT)
  REPEAT 2DROP R> DROP 0 ;
: (SET-REMOVE) ( a-addr -- ) 1 SWAP ! ;
: (SET-PUT) ( x set -- ) \ into the first free cell (the table has one)
  >R DUP R@ (SLOT0) DROP BEGIN DUP @ 1 U> WHILE R@ (NEXT-SLOT) REPEAT
  DUP @ 0= IF 1 R@ 2 CELLS + +! THEN ! R> DROP ;
: (SET-LIVE) ( set -- n ) 0 SWAP 2@ ?DUP IF SWAP CELLS OVER + SWAP ?DO I @ 1 U> - 8 +LOOP ELSE DROP THEN ;
: (SET-GROW) ( set -- ) \ a table of room for 4 times the members, without the removed cells
  >R R@ (SET-LIVE) 4 * 16 BEGIN 2DUP > WHILE 2* REPEAT NIP
  R@ 2@ ROT ( size table newsize )
  DUP 8 (CALLOC) ?DUP 0= IF DROP 2DROP R> DROP -59 THROW THEN
  R@ ! R@ CELL+ ! 0 R@ 2 CELLS + !  R> ROT ROT ( set size table )
  ?DUP IF SWAP CELLS OVER + OVER ?DO I @ 1 U> IF I @ 2 PICK (SET-PUT) THEN 8 +LOOP (FREE) ELSE DROP THEN DROP ;
: (SET-ADD) ( x set -- )
  DUP 2 CELLS + @ 1+ 2* OVER CELL+ @ > IF DUP (SET-GROW) THEN (SET-PUT) ;

(SET) (BLOCKS)  \ what ALLOCATE handed out
: (BLOCK?) ( addr -- a-addr|0 ) (BLOCKS) (SET-FIND) ;
: ALLOCATE ( u -- addr ior )
  DUP 0= - (MALLOC) DUP 0= IF -59 EXIT THEN
  DUP (BLOCKS) ['] (SET-ADD) CATCH IF 2DROP (FREE) 0 -59 EXIT THEN 0 ;
: FREE     ( addr -- ior )
  DUP (BLOCK?) ?DUP 0= IF DUP IF DROP -60 ELSE DROP 0 THEN EXIT THEN
  (SET-REMOVE) (FREE) 0 ;
: RESIZE   ( addr u -- addr' ior )
  OVER (BLOCK?) 0= IF DROP -61 EXIT THEN
  OVER SWAP DUP 0= - (REALLOC) ?DUP 0= IF -61 EXIT THEN ( addr addr' )
  SWAP (BLOCK?) (SET-REMOVE) DUP (BLOCKS) (SET-ADD) 0 ;
