\ test/forth/gforth-compat.fth -- make gforth 0.7.3 a Forth 2012 reference
\
\ NOT part of the test suites: the Sidecar runner never loads this file.
\ It is loaded first only when the suites are checked against gforth 0.7.3
\ (Debian's gforth, which predates Forth 2012), e.g.
\
\     gforth test/forth/gforth-compat.fth test/forth/harness.fth \
\            test/forth/core-ext.fth -e bye
\
\ (test/forth/run-gforth.sh does this for every file.)  It supplies, written
\ from the standard's text, the Forth 2012 words gforth 0.7.3 lacks, and it
\ repairs the deviations found while writing the tests.  Each entry says
\ which.  Everything here is guarded so that a newer gforth that has the
\ word keeps its own.  Tests of the words below therefore check these
\ reference definitions, not gforth; see COVERAGE.md.

[UNDEFINED] BUFFER: [IF]
\ Missing in 0.7.3 (Core Ext 6.2.0825).
: BUFFER: ( u "name" -- ) CREATE ALLOT ;
[THEN]

[UNDEFINED] HOLDS [IF]
\ Missing in 0.7.3 (Core Ext 6.2.1675).
: HOLDS ( c-addr u -- )
  BEGIN DUP WHILE 1- 2DUP CHARS + C@ HOLD REPEAT 2DROP ;
[THEN]

\ 2VALUE (Double Ext 8.6.2.0435) and FVALUE (Float Ext 12.6.2.1628) are
\ missing in 0.7.3.  They are defined here as CREATEd words tagged in the
\ first cell of their body, and TO is extended to store into them; for any
\ other name TO falls back to gforth's own TO.
[UNDEFINED] 2VALUE [UNDEFINED] FVALUE OR [IF]
VARIABLE 2VALUE-TAG
VARIABLE FVALUE-TAG
: TAGGED? ( xt tag -- flag )  SWAP >BODY @ = ;
[UNDEFINED] 2VALUE [IF]
: 2VALUE ( x1 x2 "name" -- )  CREATE 2VALUE-TAG , , ,  DOES> CELL+ 2@ ;
[THEN]
[UNDEFINED] FVALUE [IF]
: FVALUE ( F: r -- ) ( "name" -- )
  CREATE FVALUE-TAG , FALIGN HERE 1 FLOATS ALLOT F!
  DOES> CELL+ FALIGNED F@ ;
[THEN]
COMP' TO 2CONSTANT GFORTH-TO-COMP
' TO CONSTANT GFORTH-TO-INT
: TO ( "name" -- )
  >IN @  PARSE-NAME FIND-NAME DUP IF NAME>INT THEN     ( in xt|0 )
  DUP IF DUP 2VALUE-TAG TAGGED? IF
      NIP >BODY CELL+
      STATE @ IF POSTPONE LITERAL POSTPONE 2! ELSE 2! THEN EXIT
  THEN THEN
  DUP IF DUP FVALUE-TAG TAGGED? IF
      NIP >BODY CELL+ FALIGNED
      STATE @ IF POSTPONE LITERAL POSTPONE F! ELSE F! THEN EXIT
  THEN THEN
  DROP >IN !  STATE @ IF GFORTH-TO-COMP EXECUTE ELSE GFORTH-TO-INT EXECUTE THEN ;
IMMEDIATE
[THEN]
