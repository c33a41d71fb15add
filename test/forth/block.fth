\ test/forth/block.fth -- tests for the Forth 2012 BLOCK word set (7)
\ Run after harness.fth, with BLOCKFILE ( -- c-addr u ) naming a file that
\ does not exist yet in a writable directory.  Written from the glossary
\ entries (7.6.1, 7.6.2): block u is 1024 characters of mass storage; BLOCK
\ reads it into a buffer, BUFFER assigns one without reading, UPDATE marks
\ the current buffer, SAVE-BUFFERS and FLUSH write the marked ones, LOAD
\ interprets a block with BLK holding its number.  In this system block u is
\ at byte u * 1024 of the file and blocks past its end read as blanks.
\
\ Words covered here:
\   BLK BLOCK BUFFER EVALUATE FLUSH LOAD SAVE-BUFFERS UPDATE
\   EMPTY-BUFFERS LIST REFILL SCR THRU \

DECIMAL
BLOCKFILE OPEN-BLOCKS

: PUT ( c-addr u blk -- ) \ replace block blk with the text, blanks after it
  BLOCK DUP 1024 BL FILL SWAP MOVE UPDATE ;
: AT64 ( c-addr u blk line -- ) \ the text at the start of a 64-character line
  64 * SWAP BLOCK + SWAP MOVE UPDATE ;
: FILE-BYTES ( -- ud ) BLOCKFILE R/O OPEN-FILE THROW DUP FILE-SIZE THROW ROT CLOSE-FILE THROW ;

SECTION BLOCK and BUFFER
T{ 1 BLOCK 1 BLOCK = -> -1 }T                      \ the same buffer while it holds the block
T{ 1 BLOCK C@ 1 BLOCK 1023 + C@ -> BL BL }T         \ a block past the end: blanks
T{ 1 BLOCK 2 BLOCK = -> 0 }T
T{ 3 BUFFER 3 BLOCK = -> -1 }T

SECTION UPDATE and FLUSH
T{ S" 1 2 +" 1 PUT -> }T
T{ FLUSH -> }T
T{ FILE-BYTES -> 2048 0 }T                          \ block 1 written at 1024
T{ 1 BLOCK 5 S" 1 2 +" COMPARE -> 0 }T              \ read back from the file
T{ S" 7" 2 PUT SAVE-BUFFERS FILE-BYTES -> 3072 0 }T
T{ EMPTY-BUFFERS 2 BLOCK C@ -> CHAR 7 }T           \ SAVE-BUFFERS wrote it

SECTION EMPTY-BUFFERS forgets what was not saved
T{ S" 99" 2 PUT EMPTY-BUFFERS 2 BLOCK C@ -> CHAR 7 }T

SECTION LOAD and BLK
T{ S" 1 2 +" 1 PUT 1 LOAD -> 3 }T
T{ S" BLK @" 4 PUT 4 LOAD -> 4 }T
T{ BLK @ -> 0 }T                                     \ not while interpreting text
T{ S" 1 \ 2" 5 PUT S" 3" 5 1 AT64 5 LOAD -> 1 3 }T   \ \ ends at the 64-character line
T{ S" 10 5 LOAD 20" 6 PUT 6 LOAD -> 10 1 3 20 }T    \ nested LOAD, then on in the outer block
T{ S" : BT1 ( -- n ) 33 ; BT1" 7 PUT 7 LOAD BT1 -> 33 33 }T
T{ 0 ' LOAD CATCH NIP -> -35 }T                   \ block 0 cannot be loaded

SECTION EVALUATE inside a block
: INNER ( -- c-addr u ) S" BLK @" ;
T{ S" INNER EVALUATE BLK @" 8 PUT 8 LOAD -> 0 8 }T

SECTION THRU
T{ S" 11" 10 PUT S" 12" 11 PUT S" 13" 12 PUT 10 12 THRU -> 11 12 13 }T

SECTION REFILL in a block goes on with the next block
T{ S" 1 REFILL 3" 13 PUT S" 2" 14 PUT 13 LOAD -> 1 -1 2 }T   \ the rest of block 13 is not read

SECTION a LOAD that throws restores the input
T{ S" 5 -77 THROW" 15 PUT 15 ' LOAD CATCH NIP BLK @ -> -77 0 }T

SECTION many blocks: buffers are reused, updated ones are written first
: FILL-BLOCKS ( -- ) 40 20 DO I 0 <# #S #> I PUT LOOP ;
: SUM-BLOCKS ( -- n ) 0 40 20 DO I LOAD + LOOP ;
T{ FILL-BLOCKS SUM-BLOCKS -> 590 }T
T{ FLUSH SUM-BLOCKS -> 590 }T
T{ FILE-BYTES -> 40960 0 }T

SECTION SCR and LIST
T{ 1 LIST SCR @ -> 1 }T

T-SUMMARY
