\ search.fs -- the Search-Order word set
\
\ The search order is a count and up to 16 word lists in the user area
\ ((ORDER#) (ORDER)); the kernel searches it, these words edit it.

: FORTH-WORDLIST ( -- wid ) (FORTH-WID) @ ;
: GET-CURRENT ( -- wid ) (CURRENT) @ ;
: SET-CURRENT ( wid -- ) (CURRENT) ! ;
: GET-ORDER   ( -- widn .. wid1 n ) (ORDER#) @ 0 ?DO (ORDER#) @ I - 1- CELLS (ORDER) + @ LOOP (ORDER#) @ ;
: SET-ORDER   ( widn .. wid1 n -- )
  DUP -1 = IF DROP FORTH-WORDLIST 1 THEN
  DUP 16 > IF -49 THROW THEN
  DUP (ORDER#) ! 0 ?DO I CELLS (ORDER) + ! LOOP ;
: DEFINITIONS ( -- ) (ORDER#) @ IF (ORDER) @ SET-CURRENT THEN ;
: ALSO      ( -- ) GET-ORDER OVER SWAP 1+ SET-ORDER ;
: ONLY      ( -- ) -1 SET-ORDER ;
: PREVIOUS  ( -- ) GET-ORDER DUP 0= IF -50 THROW THEN NIP 1- SET-ORDER ;
: FORTH     ( -- ) GET-ORDER DUP 0= IF 1+ ELSE NIP THEN FORTH-WORDLIST SWAP SET-ORDER ;
: (.WID)    ( wid -- ) DUP FORTH-WORDLIST = IF DROP ." Forth " EXIT THEN
  DUP (WL.NAME) + @ ?DUP IF NIP COUNT TYPE SPACE EXIT THEN BASE @ >R HEX U. R> BASE ! ;
: ORDER     ( -- ) GET-ORDER 0 ?DO (.WID) LOOP 3 SPACES GET-CURRENT (.WID) CR ;
