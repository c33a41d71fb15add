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
