\ files.fs -- the File-Access word set over the C library's stdio
\
\ A fileid is a FILE *.  INCLUDE-FILE makes each line of the file the input
\ buffer in turn, in a line buffer of its own, and restores the including
\ source afterwards (also when the file throws).

S" (FOPEN)"   (EXTERN) ptr fopen( ptr ptr )
S" (FCLOSE)"  (EXTERN) int fclose( ptr )
S" (FREAD)"   (EXTERN) size_t fread( ptr size_t size_t ptr )
S" (FWRITE)"  (EXTERN) size_t fwrite( ptr size_t size_t ptr )
S" (FGETC)"   (EXTERN) int fgetc( ptr )
S" (FSEEKO)"  (EXTERN) int fseeko( ptr off_t int )
S" (FTELLO)"  (EXTERN) long ftello( ptr )
S" (FFLUSH)"  (EXTERN) int fflush( ptr )
S" (FERROR)"  (EXTERN) int ferror( ptr )
S" (FILENO)"  (EXTERN) int fileno( ptr )
S" (FTRUNC)"  (EXTERN) int ftruncate( int long )
S" (REMOVE)"  (EXTERN) int remove( ptr )
S" (RENAME)"  (EXTERN) int rename( ptr ptr )
S" (ACCESS)"  (EXTERN) int access( ptr int )

: R/O ( -- fam ) 0 ;
: W/O ( -- fam ) 1 ;
: R/W ( -- fam ) 2 ;
: BIN ( fam -- fam ) ;
: (IOR)  ( flag -- ior ) IF (ERRNO) ?DUP 0= IF -37 THEN ELSE 0 THEN ;
: (MODE) ( fam create? -- zmode ) IF S" w+ w  w+ " ELSE S" r  r+ r+ " THEN DROP SWAP 3 * + 2 -TRAILING (Z) ;
: OPEN-FILE   ( addr u fam -- fileid ior ) >R (Z) R> FALSE (MODE) (FOPEN) DUP 0= (IOR) ;
: CREATE-FILE ( addr u fam -- fileid ior ) >R (Z) R> TRUE (MODE) (FOPEN) DUP 0= (IOR) ;
: CLOSE-FILE  ( fileid -- ior ) (FCLOSE) 0<> (IOR) ;
: DELETE-FILE ( addr u -- ior ) (Z) (REMOVE) 0<> (IOR) ;
: RENAME-FILE ( addr1 u1 addr2 u2 -- ior ) (Z) >R (Z) R> (RENAME) 0<> (IOR) ;
: FILE-STATUS ( addr u -- x ior ) (Z) 0 (ACCESS) 0 SWAP 0<> (IOR) ;
: FLUSH-FILE  ( fileid -- ior ) (FFLUSH) 0<> (IOR) ;
: READ-FILE   ( addr u fileid -- u2 ior ) >R 1 SWAP R@ (FREAD) R> (FERROR) 0<> (IOR) ;
: WRITE-FILE  ( addr u fileid -- ior ) >R TUCK 1 SWAP R> (FWRITE) <> (IOR) ;
: FILE-POSITION ( fileid -- ud ior ) (FTELLO) DUP 0< IF DROP 0 0 -65 ELSE 0 0 THEN ;
: REPOSITION-FILE ( ud fileid -- ior ) NIP SWAP 0 (FSEEKO) 0<> (IOR) ;
: FILE-SIZE ( fileid -- ud ior )
  DUP (FTELLO) >R DUP 0 2 (FSEEKO) DROP DUP (FTELLO) SWAP R> 0 (FSEEKO) DROP
  DUP 0< IF DROP 0 0 -66 ELSE 0 0 THEN ;
: RESIZE-FILE ( ud fileid -- ior ) NIP DUP (FFLUSH) DROP (FILENO) SWAP (FTRUNC) 0<> (IOR) ;
: READ-LINE ( addr u fileid -- u2 flag ior )
  >R 0 ( addr u n )
  BEGIN 2DUP > WHILE
    R@ (FGETC) DUP -1 = IF DROP R> (FERROR) 0<> (IOR) >R NIP NIP DUP 0<> R> EXIT THEN
    DUP 10 = IF DROP R> DROP NIP NIP TRUE 0 EXIT THEN
    DUP 13 = IF DROP ELSE 3 PICK 2 PICK + C! 1+ THEN
  REPEAT R> DROP NIP NIP TRUE 0 ;
: WRITE-LINE ( addr u fileid -- ior ) DUP >R WRITE-FILE ?DUP IF R> DROP EXIT THEN S\" \n" R> WRITE-FILE ;

\ Input from files: each INCLUDE-FILE reads lines into a buffer of its own.
VARIABLE (INC-BUF)
1024 CONSTANT (LINE-MAX)
: (REFILL-FILE-IMPL) ( -- flag )
  (INC-BUF) @ (LINE-MAX) SOURCE-ID READ-LINE IF 2DROP FALSE EXIT THEN
  0= IF DROP FALSE EXIT THEN
  (INC-BUF) @ SWAP SOURCE-ID (SET-SOURCE) 1 (LINE) +! TRUE ;
' (REFILL-FILE-IMPL) (REFILL-FILE) !
: (INCLUDE-LINES) ( -- ) BEGIN REFILL WHILE INTERPRET REPEAT ;
: INCLUDE-FILE ( i*x fileid -- j*x )
  (SOURCE) @ >R (SOURCE-LEN) @ >R >IN @ >R SOURCE-ID >R (LINE) @ >R (INC-BUF) @ >R
  (LINE-MAX) ALLOCATE THROW (INC-BUF) ! 0 (LINE) !
  (INC-BUF) @ 0 ROT (SET-SOURCE)
  ['] (INCLUDE-LINES) CATCH
  (INC-BUF) @ FREE DROP
  R> (INC-BUF) ! R> (LINE) ! R> R> R> R> ( id in len addr )
  (SOURCE) ! (SOURCE-LEN) ! >IN ! (SOURCE-ID) !
  THROW ;
\ The names of files included, for REQUIRED.
VARIABLE (INCLUDED-LIST)
: (REMEMBER) ( addr u -- ) HERE (INCLUDED-LIST) @ , (INCLUDED-LIST) ! DUP C, HERE SWAP DUP ALLOT MOVE ALIGN ;
: (INCLUDED?) ( addr u -- flag )
  (INCLUDED-LIST) @ BEGIN ?DUP WHILE >R 2DUP R@ CELL+ COUNT COMPARE 0= IF 2DROP R> DROP TRUE EXIT THEN R> @ REPEAT 2DROP FALSE ;
: INCLUDED ( i*x addr u -- j*x )
  2DUP R/O OPEN-FILE IF DROP (CULPRIT) -38 THROW THEN >R (REMEMBER) R>
  DUP >R ['] INCLUDE-FILE CATCH R> CLOSE-FILE DROP THROW ;
: INCLUDE  ( i*x "name" -- j*x ) PARSE-NAME INCLUDED ;
: REQUIRED ( i*x addr u -- j*x ) 2DUP (INCLUDED?) IF 2DROP ELSE INCLUDED THEN ;
: REQUIRE  ( i*x "name" -- j*x ) PARSE-NAME REQUIRED ;
