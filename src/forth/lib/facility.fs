\ facility.fs -- the Facility word set: time, keyboard, terminal, structures

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
SYNONYM EKEY? KEY?
: EMIT? ( -- flag ) TRUE ;
: AT-XY ( col row -- ) 27 EMIT [CHAR] [ EMIT 1+ 0 U.R [CHAR] ; EMIT 1+ 0 U.R [CHAR] H EMIT ;
: PAGE ( -- ) 27 EMIT S" [2J" TYPE 27 EMIT S" [H" TYPE ;
: BEGIN-STRUCTURE ( "name" -- addr 0 ) CREATE HERE 0 0 , DOES> @ ;
: END-STRUCTURE ( addr n -- ) SWAP ! ;
: +FIELD ( n1 n2 "name" -- n3 ) CREATE OVER , + DOES> @ + ;
: FIELD:   ( n1 "name" -- n2 ) ALIGNED 8 +FIELD ;
: CFIELD:  ( n1 "name" -- n2 ) 1 +FIELD ;
