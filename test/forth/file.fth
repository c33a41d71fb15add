\ test/forth/file.fth -- tests for the Forth 2012 FILE-ACCESS word set (11)
\ Run after harness.fth, with a word TMPDIR defined first by the runner:
\
\     : TMPDIR ( -- c-addr u ) S" /some/empty/writable/dir/" ;
\
\ (an existing, writable directory, with the trailing slash).  The tests
\ create, read, rename and delete files named ft-*.txt / ft-*.fth in it
\ and leave none behind when they pass.
\
\ Words covered:
\   ( BIN CLOSE-FILE CREATE-FILE DELETE-FILE FILE-POSITION FILE-SIZE
\   INCLUDE-FILE INCLUDED OPEN-FILE R/O R/W READ-FILE READ-LINE
\   REPOSITION-FILE RESIZE-FILE S" SOURCE-ID W/O WRITE-FILE WRITE-LINE
\   FILE-STATUS FLUSH-FILE INCLUDE REFILL RENAME-FILE REQUIRE REQUIRED S\"
\
\ Assumes, as on the Sidecar (Linux), that WRITE-LINE ends a line with a
\ single LF.

DECIMAL

\ Full path names: TMPDIR followed by a file name, in one of two buffers.
CREATE PATH-BUF1 256 CHARS ALLOT
CREATE PATH-BUF2 256 CHARS ALLOT
: PATH-IN ( c-addr u buf -- c-addr' u' )
  >R TMPDIR R@ SWAP CHARS MOVE                  ( c-addr u )
  TMPDIR NIP CHARS R@ + SWAP DUP >R CHARS MOVE
  R> TMPDIR NIP + R> SWAP ;
: PATH ( c-addr u -- c-addr' u' )  PATH-BUF1 PATH-IN ;
: PATH2 ( c-addr u -- c-addr' u' ) PATH-BUF2 PATH-IN ;

: F1 S" ft-one.txt" PATH ;
: F2 S" ft-two.txt" PATH2 ;
: F3 S" ft-lines.txt" PATH ;
: F-INC S" ft-include.fth" PATH ;
: F-REQ S" ft-require.fth" PATH ;

VARIABLE FID
CREATE RBUF 100 CHARS ALLOT
: HELLO S" hello" ;
: LINE2 S" line2" ;

SECTION interpreted S" and S\"
T{ S" abc" NIP -> 3 }T
T{ S" abc" DROP C@ -> CHAR a }T
T{ S" " NIP -> 0 }T
T{ S" first" S" second" 2SWAP S" first" COMPARE >R S" second" COMPARE R> -> 0 0 }T
T{ S\" a\tb" NIP -> 3 }T
T{ S\" a\tb" DROP CHAR+ C@ -> 9 }T
T{ S\" \x41\"" S" A" S\" \"" 2DROP COMPARE -> 1 }T

SECTION CREATE-FILE WRITE-FILE WRITE-LINE CLOSE-FILE FILE-STATUS
T{ F1 W/O CREATE-FILE SWAP FID ! -> 0 }T
T{ HELLO FID @ WRITE-FILE -> 0 }T
T{ FID @ FILE-POSITION -> 5 0 0 }T
T{ LINE2 FID @ WRITE-LINE -> 0 }T
T{ FID @ FILE-POSITION -> 11 0 0 }T            \ 5 + 5 + LF
T{ FID @ FLUSH-FILE -> 0 }T
T{ FID @ CLOSE-FILE -> 0 }T
T{ F1 FILE-STATUS NIP -> 0 }T                  \ exists

SECTION OPEN-FILE READ-FILE READ-LINE FILE-SIZE FILE-POSITION REPOSITION-FILE
T{ F1 R/O OPEN-FILE SWAP FID ! -> 0 }T
T{ FID @ FILE-SIZE -> 11 0 0 }T
T{ FID @ FILE-POSITION -> 0 0 0 }T
T{ RBUF 5 FID @ READ-FILE -> 5 0 }T
T{ RBUF 5 HELLO COMPARE -> 0 }T
T{ FID @ FILE-POSITION -> 5 0 0 }T
T{ RBUF 80 FID @ READ-LINE -> 5 -1 0 }T         \ the rest of the line, without LF
T{ RBUF 5 LINE2 COMPARE -> 0 }T
T{ FID @ FILE-POSITION -> 11 0 0 }T
T{ RBUF 80 FID @ READ-LINE -> 0 0 0 }T          \ end of file
T{ RBUF 80 FID @ READ-FILE -> 0 0 }T            \ end of file: 0 characters
T{ 0. FID @ REPOSITION-FILE -> 0 }T
T{ RBUF 80 FID @ READ-LINE -> 10 -1 0 }T
T{ 7. FID @ REPOSITION-FILE -> 0 }T
T{ RBUF 2 FID @ READ-FILE -> 2 0 }T
T{ RBUF C@ RBUF CHAR+ C@ -> CHAR n CHAR e }T
T{ RBUF 80 FID @ READ-FILE -> 2 0 }T            \ fewer than asked: "2" and LF
T{ RBUF CHAR+ C@ -> 10 }T
T{ FID @ CLOSE-FILE -> 0 }T
T{ F1 R/O BIN OPEN-FILE SWAP CLOSE-FILE -> 0 0 }T

SECTION R/W RESIZE-FILE
T{ F1 R/W OPEN-FILE SWAP FID ! -> 0 }T
T{ 1. FID @ REPOSITION-FILE -> 0 }T
T{ S" E" FID @ WRITE-FILE -> 0 }T               \ overwrite one character
T{ 0. FID @ REPOSITION-FILE -> 0 }T
T{ RBUF 5 FID @ READ-FILE -> 5 0 }T
T{ RBUF 5 S" hEllo" COMPARE -> 0 }T
T{ 3. FID @ RESIZE-FILE -> 0 }T
T{ FID @ FILE-SIZE -> 3 0 0 }T
T{ 0. FID @ REPOSITION-FILE RBUF 80 FID @ READ-FILE -> 0 3 0 }T
T{ 100. FID @ RESIZE-FILE FID @ FILE-SIZE -> 0 100 0 0 }T
T{ FID @ CLOSE-FILE -> 0 }T
T{ F1 W/O BIN CREATE-FILE SWAP FID ! -> 0 }T    \ creating an existing file empties it
T{ FID @ FILE-SIZE -> 0 0 0 }T
T{ FID @ CLOSE-FILE -> 0 }T

SECTION READ-LINE details
T{ F3 W/O CREATE-FILE SWAP FID ! -> 0 }T
T{ S" abcdefghij" FID @ WRITE-LINE -> 0 }T
T{ S" " FID @ WRITE-LINE -> 0 }T
T{ S" last line, no newline" FID @ WRITE-FILE -> 0 }T
T{ FID @ CLOSE-FILE -> 0 }T
T{ F3 R/O OPEN-FILE SWAP FID ! -> 0 }T
T{ RBUF 4 FID @ READ-LINE -> 4 -1 0 }T          \ longer than the buffer: 4 now ...
T{ RBUF 4 S" abcd" COMPARE -> 0 }T
T{ RBUF 80 FID @ READ-LINE -> 6 -1 0 }T         \ ... the rest later
T{ RBUF 80 FID @ READ-LINE -> 0 -1 0 }T         \ an empty line
T{ RBUF 80 FID @ READ-LINE -> 21 -1 0 }T        \ the last line has no LF
T{ RBUF 80 FID @ READ-LINE -> 0 0 0 }T
T{ FID @ CLOSE-FILE -> 0 }T

SECTION RENAME-FILE DELETE-FILE
T{ F2 DELETE-FILE DROP -> }T                    \ in case an earlier run left it
T{ F1 F2 RENAME-FILE -> 0 }T
T{ F1 FILE-STATUS NIP 0= -> 0 }T                \ gone
T{ F2 FILE-STATUS NIP -> 0 }T
T{ F1 R/O OPEN-FILE NIP 0= -> 0 }T              \ cannot be opened
T{ F2 DELETE-FILE -> 0 }T
T{ F2 FILE-STATUS NIP 0= -> 0 }T
T{ F2 DELETE-FILE 0= -> 0 }T                    \ deleting it again fails
T{ F3 DELETE-FILE -> 0 }T

SECTION INCLUDED INCLUDE-FILE INCLUDE SOURCE-ID REFILL and ( across lines
: WL ( c-addr u -- ) FID @ WRITE-LINE THROW ;
VARIABLE INC-COUNT   0 INC-COUNT !
T{ F-INC W/O CREATE-FILE SWAP FID ! -> 0 }T
T{ S" 1 INC-COUNT +!" WL -> }T
T{ S" 42 CONSTANT FROM-FILE" WL -> }T
T{ S" : FILE-DEF ( x -- x' ) 1+ ;" WL -> }T
T{ S" SOURCE-ID CONSTANT INC-SID" WL -> }T
T{ S" REFILL 77" WL -> }T
T{ S" CONSTANT AFTER-REFILL" WL -> }T
T{ S" 5 ( a comment" WL -> }T
T{ S" that goes on ) 6 CONSTANT AFTER-COMMENT DROP" WL -> }T
T{ FID @ CLOSE-FILE -> 0 }T
T{ F-INC INCLUDED -> }T
T{ INC-COUNT @ FROM-FILE 1 FILE-DEF -> 1 42 2 }T
T{ INC-SID 0= INC-SID -1 = OR -> 0 }T             \ a file id
T{ SOURCE-ID INC-SID = -> 0 }T
T{ AFTER-REFILL -> -1 }T                         \ REFILL's flag: the new line replaced " 77"
T{ AFTER-COMMENT -> 6 }T                         \ ( continued on the next line
T{ F-INC R/O OPEN-FILE SWAP FID ! -> 0 }T
T{ FID @ INCLUDE-FILE INC-COUNT @ -> 2 }T        \ INCLUDE-FILE closes the file itself
: INCLUDE-LINE ( -- c-addr u ) S" INCLUDE " PAD SWAP CHARS MOVE
  F-INC DUP >R PAD 8 CHARS + SWAP CHARS MOVE PAD R> 8 + ;
T{ INCLUDE-LINE EVALUATE INC-COUNT @ -> 3 }T

SECTION REQUIRED REQUIRE
VARIABLE REQ-COUNT   0 REQ-COUNT !
T{ F-REQ W/O CREATE-FILE SWAP FID ! -> 0 }T
T{ S" 1 REQ-COUNT +!" WL -> }T
T{ FID @ CLOSE-FILE -> 0 }T
T{ F-REQ REQUIRED REQ-COUNT @ -> 1 }T
T{ F-REQ REQUIRED REQ-COUNT @ -> 1 }T            \ not again
: REQUIRE-LINE ( -- c-addr u ) S" REQUIRE " PAD SWAP CHARS MOVE
  F-REQ DUP >R PAD 8 CHARS + SWAP CHARS MOVE PAD R> 8 + ;
T{ REQUIRE-LINE EVALUATE REQ-COUNT @ -> 1 }T     \ nor with REQUIRE
T{ F-INC REQUIRED INC-COUNT @ -> 3 }T            \ F-INC was INCLUDED already
T{ F-REQ INCLUDED REQ-COUNT @ -> 2 }T            \ INCLUDED always loads
T{ F-INC DELETE-FILE F-REQ DELETE-FILE -> 0 0 }T

T-SUMMARY
