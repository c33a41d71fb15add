\ facility.fs -- the Facility word set and its extensions: time, keyboard, terminal, structures

S" (TIME)" (EXTERN) long time( ptr )
S" (LOCALTIME)" (EXTERN) ptr localtime_r( ptr ptr )
CREATE (TM) 64 ALLOT  VARIABLE (NOW)
: TIME&DATE ( -- sec min hour day month year )
  (NOW) (TIME) (NOW) ! (NOW) (TM) (LOCALTIME) DROP
  (TM) SL@  (TM) 4 + SL@  (TM) 8 + SL@  (TM) 12 + SL@  (TM) 16 + SL@ 1+  (TM) 20 + SL@ 1900 + ;
S" (POLL)" (EXTERN) int poll( ptr ulong int )
CREATE (PFD) 8 ALLOT
: KEY? ( -- flag ) (FLUSH) 0 (PFD) L! 1 (PFD) 4 + W! 0 (PFD) 6 + W! (PFD) 1 0 (POLL) 0> ;
: EKEY>CHAR ( x -- x false | char true ) DUP 0 256 WITHIN ;
\ Keyboard events: EKEY reads the input a byte at a time, so an event is a byte, and
\ the special keys (cursor and function keys, with shift, control and alt) have ids
\ above the bytes that EKEY never returns; EKEY>FKEY recognises them.
: EKEY>FKEY ( x -- u flag ) DUP 256 U< 0= ;
$1000000 CONSTANT K-SHIFT-MASK  $2000000 CONSTANT K-CTRL-MASK  $4000000 CONSTANT K-ALT-MASK
$10001 CONSTANT K-LEFT   $10002 CONSTANT K-RIGHT  $10003 CONSTANT K-UP     $10004 CONSTANT K-DOWN
$10005 CONSTANT K-HOME   $10006 CONSTANT K-END    $10007 CONSTANT K-PRIOR  $10008 CONSTANT K-NEXT
$10009 CONSTANT K-INSERT $1000A CONSTANT K-DELETE
$10011 CONSTANT K-F1  $10012 CONSTANT K-F2  $10013 CONSTANT K-F3  $10014 CONSTANT K-F4
$10015 CONSTANT K-F5  $10016 CONSTANT K-F6  $10017 CONSTANT K-F7  $10018 CONSTANT K-F8
$10019 CONSTANT K-F9  $1001A CONSTANT K-F10 $1001B CONSTANT K-F11 $1001C CONSTANT K-F12
SYNONYM EKEY? KEY?
: EMIT? ( -- flag ) TRUE ;
: AT-XY ( col row -- ) 27 EMIT [CHAR] [ EMIT 1+ 0 U.R [CHAR] ; EMIT 1+ 0 U.R [CHAR] H EMIT ;
: PAGE ( -- ) 27 EMIT S" [2J" TYPE 27 EMIT S" [H" TYPE ;
: BEGIN-STRUCTURE ( "name" -- addr 0 ) CREATE HERE 0 0 , DOES> @ ;
: END-STRUCTURE ( addr n -- ) SWAP ! ;
: +FIELD ( n1 n2 "name" -- n3 ) CREATE OVER , + DOES> @ + ;
: FIELD:   ( n1 "name" -- n2 ) ALIGNED 8 +FIELD ;
: CFIELD:  ( n1 "name" -- n2 ) 1 +FIELD ;
