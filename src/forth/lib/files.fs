\ files.fs -- the File-Access word set over the C library's stdio
\
\ A fileid is a FILE *, one that OPEN-FILE or CREATE-FILE returned.  INCLUDE-FILE makes each line of the file the input
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
\ The files open (memory.fs's sets): a fileid that is not one of them is an
\ ior (the standard code of the word), never a pointer handed to the C library.
(SET) (FILES)
: (FILE?) ( fileid -- a-addr|0 ) (FILES) (SET-FIND) ;
: (IOR)  ( flag -- ior ) IF (ERRNO) ?DUP 0= IF -37 THEN ELSE 0 THEN ;
: (MODE) ( fam create? -- zmode ) IF S" w+ w  w+ " ELSE S" r  r+ r+ " THEN DROP SWAP 3 * + 2 -TRAILING (Z) ;
: (OPENED) ( fileid ior -- fileid ior ) DUP 0= IF OVER (FILES) (SET-ADD) THEN ;
: OPEN-FILE   ( addr u fam -- fileid ior ) >R (Z) R> FALSE (MODE) (FOPEN) DUP 0= (IOR) (OPENED) ;
: CREATE-FILE ( addr u fam -- fileid ior ) >R (Z) R> TRUE (MODE) (FOPEN) DUP 0= (IOR) (OPENED) ;
: CLOSE-FILE  ( fileid -- ior ) DUP (FILE?) ?DUP 0= IF DROP -62 EXIT THEN (SET-REMOVE) (FCLOSE) 0<> (IOR) ;
: DELETE-FILE ( addr u -- ior ) (Z) (REMOVE) 0<> (IOR) ;
: RENAME-FILE ( addr1 u1 addr2 u2 -- ior ) (Z) >R (Z) R> (RENAME) 0<> (IOR) ;
: FILE-STATUS ( addr u -- x ior ) (Z) 0 (ACCESS) 0 SWAP 0<> (IOR) ;
: FLUSH-FILE  ( fileid -- ior ) DUP (FILE?) 0= IF DROP -68 EXIT THEN (FFLUSH) 0<> (IOR) ;
: READ-FILE   ( addr u fileid -- u2 ior )
  DUP (FILE?) 0= IF DROP 2DROP 0 -70 EXIT THEN >R 1 SWAP R@ (FREAD) R> (FERROR) 0<> (IOR) ;
: WRITE-FILE  ( addr u fileid -- ior )
  DUP (FILE?) 0= IF DROP 2DROP -75 EXIT THEN >R TUCK 1 SWAP R> (FWRITE) <> (IOR) ;
: FILE-POSITION ( fileid -- ud ior )
  DUP (FILE?) 0= IF DROP 0 0 -65 EXIT THEN (FTELLO) DUP 0< IF DROP 0 0 -65 ELSE 0 0 THEN ;
: REPOSITION-FILE ( ud fileid -- ior ) DUP (FILE?) 0= IF DROP 2DROP -73 EXIT THEN NIP SWAP 0 (FSEEKO) 0<> (IOR) ;
: FILE-SIZE ( fileid -- ud ior )
  DUP (FILE?) 0= IF DROP 0 0 -66 EXIT THEN
  DUP (FTELLO) >R DUP 0 2 (FSEEKO) DROP DUP (FTELLO) SWAP R> 0 (FSEEKO) DROP
  DUP 0< IF DROP 0 0 -66 ELSE 0 0 THEN ;
: RESIZE-FILE ( ud fileid -- ior )
  DUP (FILE?) 0= IF DROP 2DROP -74 EXIT THEN NIP DUP (FFLUSH) DROP (FILENO) SWAP (FTRUNC) 0<> (IOR) ;
: READ-LINE ( addr u fileid -- u2 flag ior )
  DUP (FILE?) 0= IF DROP 2DROP 0 FALSE -71 EXIT THEN
  >R 0 ( addr u n )
  BEGIN 2DUP > WHILE
    R@ (FGETC) DUP -1 = IF DROP R> (FERROR) 0<> (IOR) >R NIP NIP DUP 0<> R> EXIT THEN
    DUP 10 = IF DROP R> DROP NIP NIP TRUE 0 EXIT THEN
    DUP 13 = IF DROP ELSE 3 PICK 2 PICK + C! 1+ THEN
  REPEAT R> DROP NIP NIP TRUE 0 ;
: WRITE-LINE ( addr u fileid -- ior ) DUP >R WRITE-FILE ?DUP IF R> DROP EXIT THEN S\" \n" R> WRITE-FILE ;

\ Input from files: each INCLUDE-FILE reads lines into a buffer of its own.
\ (LINE-POS) is where the current line starts in the file, for SAVE-INPUT.
VARIABLE (INC-BUF)  2VARIABLE (LINE-POS)
1024 CONSTANT (LINE-MAX)
: (REFILL-FILE-IMPL) ( -- flag )
  SOURCE-ID FILE-POSITION DROP (LINE-POS) 2!
  (INC-BUF) @ (LINE-MAX) SOURCE-ID READ-LINE IF 2DROP FALSE EXIT THEN
  0= IF DROP FALSE EXIT THEN
  (INC-BUF) @ SWAP SOURCE-ID (SET-SOURCE) 1 (LINE) +! TRUE ;
' (REFILL-FILE-IMPL) (REFILL-FILE) !
: (INCLUDE-LINES) ( -- ) BEGIN REFILL WHILE INTERPRET REPEAT ;
: INCLUDE-FILE ( i*x fileid -- j*x )
  DUP (FILE?) 0= IF -37 THROW THEN
  (SOURCE) @ >R (SOURCE-LEN) @ >R >IN @ >R SOURCE-ID >R (LINE) @ >R (INC-BUF) @ >R (LINE-POS) 2@ 2>R BLK @ >R
  (LINE-MAX) ALLOCATE THROW (INC-BUF) ! 0 (LINE) ! 0 BLK !
  (INC-BUF) @ 0 ROT (SET-SOURCE)
  ['] (INCLUDE-LINES) CATCH
  (INC-BUF) @ FREE DROP
  R> BLK ! 2R> (LINE-POS) 2! R> (INC-BUF) ! R> (LINE) ! R> R> R> R> ( id in len addr )
  (SOURCE) ! (SOURCE-LEN) ! >IN ! (SOURCE-ID) !
  THROW ;
\ SAVE-INPUT and RESTORE-INPUT (Core Extensions).  For a file the input is its
\ position and line: RESTORE-INPUT reads the line again.  For the text being
\ evaluated (SOURCE-ID 0) it is the line in that text, and the next REFILL goes
\ on after it; for an EVALUATE string, the part of the string.
: SAVE-INPUT ( -- x1 x2 x3 x4 x5 5 )
  SOURCE-ID 0> IF (LINE-POS) 2@ ELSE (SOURCE) @ (SOURCE-LEN) @ THEN >IN @ (LINE) @ SOURCE-ID 5 ;
: RESTORE-INPUT ( x1 x2 x3 x4 x5 5 -- flag )
  DUP 5 <> IF 0 ?DO DROP LOOP TRUE EXIT THEN DROP
  SOURCE-ID <> IF 2DROP 2DROP TRUE EXIT THEN
  SOURCE-ID 0> IF
    1- (LINE) ! >R SOURCE-ID REPOSITION-FILE IF R> DROP TRUE EXIT THEN
    (REFILL-FILE-IMPL) 0= IF R> DROP TRUE EXIT THEN R> >IN ! FALSE EXIT
  THEN
  (LINE) ! >IN ! (SOURCE-LEN) ! (SOURCE) !
  SOURCE-ID 0= IF (SOURCE) @ (SOURCE-LEN) @ + 1+ (TEXT) @ - (TEXT-POS) ! THEN FALSE ;

\ The names of files included, for REQUIRED: their absolute paths, so that
\ ./x.fs and x.fs are one file.
S" (REALPATH)" (EXTERN) ptr realpath( ptr ptr )
: (CANONICAL) ( addr u -- addr' u' ) \ the file's absolute path (transient), or the name as given
  2DUP (Z) 0 (REALPATH) ?DUP IF NIP NIP DUP (ZCOUNT) (TRANSIENT) ROT (FREE) THEN ;
VARIABLE (INCLUDED-LIST)
: (REMEMBER) ( addr u -- ) HERE (INCLUDED-LIST) @ , (INCLUDED-LIST) ! DUP C, HERE SWAP DUP ALLOT MOVE ALIGN ;
: (INCLUDED?) ( addr u -- flag )
  (INCLUDED-LIST) @ BEGIN ?DUP WHILE >R 2DUP R@ CELL+ COUNT COMPARE 0= IF 2DROP R> DROP TRUE EXIT THEN R> @ REPEAT 2DROP FALSE ;
: (DIR) ( addr u -- addr u' ) \ the directory part of a path: up to and with its last /
  BEGIN DUP WHILE 2DUP + 1- C@ [CHAR] / <> WHILE 1- REPEAT THEN ;
\ A relative name in a file being included is looked for in that file's directory
\ first, then in the current directory.
VARIABLE (INCLUDING)  \ the counted absolute path of the file being included, or 0
CREATE (PATH-BUF) 1024 ALLOT
: (RELATIVE) ( addr u -- addr' u' ) \ the name against the including file's directory
  (INCLUDING) @ 0= IF EXIT THEN  DUP 0= IF EXIT THEN  OVER C@ [CHAR] / = IF EXIT THEN
  (INCLUDING) @ COUNT (DIR) DUP 3 PICK + 1024 > IF 2DROP EXIT THEN
  (PATH-BUF) SWAP DUP >R MOVE  TUCK (PATH-BUF) R@ + SWAP MOVE  R> + (PATH-BUF) SWAP ;
: (FIND-INCLUDED) ( addr u -- addr' u' ) \ the name as it is found
  2DUP (RELATIVE) 2DUP FILE-STATUS NIP 0= IF 2SWAP 2DROP ELSE 2DROP THEN ;
: INCLUDED ( i*x addr u -- j*x )
  (FIND-INCLUDED) 2DUP R/O OPEN-FILE IF DROP (CULPRIT) -38 THROW THEN >R (CANONICAL) (REMEMBER) R>
  (INCLUDING) @ >R (INCLUDED-LIST) @ CELL+ (INCLUDING) !
  DUP >R ['] INCLUDE-FILE CATCH R> CLOSE-FILE DROP R> (INCLUDING) ! THROW ;
: INCLUDE  ( i*x "name" -- j*x ) PARSE-NAME INCLUDED ;
: REQUIRED ( i*x addr u -- j*x ) (FIND-INCLUDED) 2DUP (CANONICAL) (INCLUDED?) IF 2DROP ELSE INCLUDED THEN ;
: REQUIRE  ( i*x "name" -- j*x ) PARSE-NAME REQUIRED ;
