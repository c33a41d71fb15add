\ block.fs -- the Block word set and its extensions, with the blocks in a file
\
\ Block u is the 1024 bytes at u * 1024 in the block file: blocks.fb in the
\ sidecar's working directory unless OPEN-BLOCKS or USE names another (the
\ same layout as gforth's, so the files are interchangeable).  The file is
\ opened (or created) when a block is first needed.  Eight buffers hold
\ blocks; BLOCK and BUFFER take the least recently used one, never the one
\ being LOADed, writing it first if it was UPDATEd.  A block past the end of
\ the file reads as blanks.
\
\ LOAD interprets a block as one line of 1024 characters (SOURCE-ID -1, as
\ for a string, BLK the block); \ skips to the end of its 64-character line
\ and REFILL goes on with the next block.  LOAD, EVALUATE and SAVE-INPUT /
\ RESTORE-INPUT keep BLK, and find a block's buffer again after a nested use
\ may have reused it.

8 CONSTANT (#BUFS)
1024 CONSTANT (B/BUF)
ALIGN CREATE (BUFS) (#BUFS) (B/BUF) * ALLOT
CREATE (BUF-BLK) (#BUFS) CELLS ALLOT     \ the block in each buffer, or -1
CREATE (BUF-DIRTY) (#BUFS) CELLS ALLOT   \ UPDATEd since read or written
CREATE (BUF-USE) (#BUFS) CELLS ALLOT     \ when last used (for the least recently used)
VARIABLE (BUF-CLOCK)  VARIABLE (BUF-CUR) \ the buffer UPDATE marks
VARIABLE SCR  0 SCR !
: (BUF) ( i -- addr ) (B/BUF) * (BUFS) + ;
: (BUF-BLK@) ( i -- u|-1 ) CELLS (BUF-BLK) + @ ;
: (DIRTY) ( i -- addr ) CELLS (BUF-DIRTY) + ;
: EMPTY-BUFFERS ( -- ) (#BUFS) 0 DO -1 I CELLS (BUF-BLK) + ! 0 I (DIRTY) ! 0 I CELLS (BUF-USE) + ! LOOP -1 (BUF-CUR) ! ;
EMPTY-BUFFERS

\ The block file.
CREATE (BLOCKS-NAME) 256 ALLOT  S" blocks.fb" (BLOCKS-NAME) 2DUP C! 1+ SWAP MOVE
VARIABLE (BLOCKS-FID)  0 (BLOCKS-FID) !
: (BLOCKS-FILE) ( -- fid ) \ opened, or created, on first use
  (BLOCKS-FID) @ ?DUP IF EXIT THEN
  (BLOCKS-NAME) COUNT R/W BIN OPEN-FILE IF
    DROP (BLOCKS-NAME) COUNT R/W BIN CREATE-FILE IF DROP (BLOCKS-NAME) COUNT (CULPRIT) -33 THROW THEN
  THEN DUP (BLOCKS-FID) ! ;
: (BLOCK-AT) ( i -- ) \ position the file at the block of buffer i
  (BUF-BLK@) (B/BUF) UM* (BLOCKS-FILE) REPOSITION-FILE IF -35 THROW THEN ;
: (WRITE-BUF) ( i -- )
  DUP (BLOCK-AT) DUP (BUF) (B/BUF) (BLOCKS-FILE) WRITE-FILE IF -34 THROW THEN 0 SWAP (DIRTY) ! ;
: (READ-BUF) ( i -- )
  DUP (BUF) (B/BUF) BL FILL DUP (BLOCK-AT) (BUF) (B/BUF) (BLOCKS-FILE) READ-FILE NIP IF -33 THROW THEN ;
: SAVE-BUFFERS ( -- ) \ write the UPDATEd buffers
  (#BUFS) 0 DO I (DIRTY) @ I (BUF-BLK@) 0< 0= AND IF I (WRITE-BUF) THEN LOOP
  (BLOCKS-FID) @ ?DUP IF FLUSH-FILE DROP THEN ;
: FLUSH ( -- ) SAVE-BUFFERS EMPTY-BUFFERS ;

\ Buffers.
: (FIND-BUF) ( u -- i | -1 ) (#BUFS) 0 DO DUP I (BUF-BLK@) = IF DROP I UNLOOP EXIT THEN LOOP DROP -1 ;
: (VICTIM) ( -- i ) \ the least recently used buffer that is not the block being loaded
  -1 -1 ( i use ) (#BUFS) 0 DO
    BLK @ IF I (BUF-BLK@) BLK @ = ELSE FALSE THEN 0= IF
      I CELLS (BUF-USE) + @ 2DUP U> IF NIP NIP I SWAP ELSE DROP THEN
    THEN
  LOOP DROP ;
: (ASSIGN) ( u -- i ) \ a buffer for block u, its old block written if UPDATEd
  (VICTIM) DUP (DIRTY) @ OVER (BUF-BLK@) 0< 0= AND IF DUP (WRITE-BUF) THEN
  0 OVER (DIRTY) ! TUCK CELLS (BUF-BLK) + ! ;
: (TOUCH) ( i -- addr ) DUP (BUF-CUR) ! 1 (BUF-CLOCK) +! (BUF-CLOCK) @ OVER CELLS (BUF-USE) + ! (BUF) ;
: BUFFER ( u -- addr ) \ a buffer for block u, not read from the file
  DUP (FIND-BUF) DUP 0< IF DROP (ASSIGN) ELSE NIP THEN (TOUCH) ;
: BLOCK ( u -- addr ) \ the buffer holding block u
  DUP (FIND-BUF) DUP 0< IF DROP (ASSIGN) DUP (READ-BUF) ELSE NIP THEN (TOUCH) ;
: UPDATE ( -- ) (BUF-CUR) @ DUP 0< IF DROP EXIT THEN (DIRTY) TRUE SWAP ! ;
: OPEN-BLOCKS ( addr u -- ) \ blocks from now on in the file named addr u
  FLUSH (BLOCKS-FID) @ ?DUP IF CLOSE-FILE DROP 0 (BLOCKS-FID) ! THEN
  255 MIN (BLOCKS-NAME) 2DUP C! 1+ SWAP MOVE ;
: USE ( "name" -- ) PARSE-NAME OPEN-BLOCKS ;

\ Interpreting blocks.
: (BLOCK-SOURCE) ( -- ) \ the buffer of BLK's block is the input again (it may have moved)
  BLK @ ?DUP IF BLOCK (SOURCE) ! THEN ;
: LOAD ( i*x u -- j*x )
  DUP 0= IF -35 THROW THEN
  BLK @ >R (SOURCE) @ >R (SOURCE-LEN) @ >R >IN @ >R SOURCE-ID >R (LINE) @ >R
  DUP BLK ! BLOCK (B/BUF) -1 (SET-SOURCE) ['] INTERPRET CATCH
  R> (LINE) ! R> (SOURCE-ID) ! R> >IN ! R> (SOURCE-LEN) ! R> (SOURCE) ! R> BLK ! (BLOCK-SOURCE)
  THROW ;
: THRU ( i*x u1 u2 -- j*x ) 1+ SWAP ?DO I LOAD LOOP ;
: LIST ( u -- ) DUP SCR ! BLOCK 16 0 DO CR I 2 .R SPACE DUP I 64 * + 64 TYPE LOOP DROP CR ;
: \ ( -- ) \ in a block, to the end of the 64-character line
  BLK @ IF >IN @ 2 - 64 / 1+ 64 * (B/BUF) MIN >IN ! ELSE POSTPONE \ THEN ; IMMEDIATE
: REFILL ( -- flag ) BLK @ IF 1 BLK +! BLK @ BLOCK (B/BUF) -1 (SET-SOURCE) TRUE EXIT THEN REFILL ;
: EVALUATE ( i*x addr u -- j*x )
  BLK @ >R 0 BLK ! ['] EVALUATE CATCH R> BLK ! (BLOCK-SOURCE) THROW ;
: SAVE-INPUT ( -- x1 .. x6 6 ) SAVE-INPUT DROP BLK @ 6 ;
: RESTORE-INPUT ( x1 .. xn n -- flag )
  DUP 6 <> IF 0 ?DO DROP LOOP TRUE EXIT THEN DROP
  BLK @ 0<> OVER 0<> <> IF 2DROP 2DROP 2DROP TRUE EXIT THEN   \ a block to restore iff one is loading
  ?DUP IF BLK ! DROP (LINE) ! >IN ! 2DROP (BLOCK-SOURCE) (B/BUF) (SOURCE-LEN) ! FALSE EXIT THEN
  5 RESTORE-INPUT ;
