\ test/forth/facility.fth -- tests for the Forth 2012 FACILITY word set (10)
\ Run after harness.fth.  (FFIELD: SFFIELD: DFFIELD: are tested in
\ float.fth, together with these structure words.)
\
\ Words covered:
\   +FIELD BEGIN-STRUCTURE CFIELD: END-STRUCTURE FIELD: MS TIME&DATE EMIT?
\ Not tested (see COVERAGE.md): AT-XY PAGE (terminal control, output not
\   specified), KEY? EKEY EKEY? EKEY>CHAR EKEY>FKEY (need keyboard input),
\   the 25 K-* constants (their values are implementation-defined).

DECIMAL

SECTION BEGIN-STRUCTURE FIELD: CFIELD: +FIELD END-STRUCTURE
BEGIN-STRUCTURE POINT
  FIELD: P.X
  FIELD: P.Y
END-STRUCTURE
T{ POINT -> 2 CELLS }T
T{ 0 P.X -> 0 }T
T{ 0 P.Y -> 1 CELLS }T
T{ 1000 P.Y -> 1000 1 CELLS + }T
BEGIN-STRUCTURE MIXED
  CFIELD: M.A
  CFIELD: M.B
  FIELD: M.C                  \ aligned
  3 +FIELD M.D                \ +FIELD does not align
  CFIELD: M.E
END-STRUCTURE
T{ 0 M.A 0 M.B 0 M.C 0 M.D 0 M.E -> 0 1 8 16 19 }T
T{ MIXED -> 20 }T
BEGIN-STRUCTURE SEGMENT
  POINT +FIELD S.FROM         \ a structure inside a structure
  POINT +FIELD S.TO
  CFIELD: S.COLOUR
END-STRUCTURE
T{ 0 S.FROM 0 S.TO 0 S.COLOUR SEGMENT -> 0 16 32 33 }T
T{ 0 S.TO P.Y -> 24 }T
BEGIN-STRUCTURE NOTHING
END-STRUCTURE
T{ NOTHING -> 0 }T
T{ 3 4 +FIELD AT-THREE -> 7 }T               \ +FIELD works outside a structure too
T{ 100 AT-THREE -> 103 }T
T{ 0 FIELD: F-ZERO 0 F-ZERO -> 1 CELLS 0 }T
T{ 1 FIELD: F-ONE 0 F-ONE -> 2 CELLS 1 CELLS }T    \ FIELD: aligns the offset
T{ 5 CFIELD: C-FIVE 0 C-FIVE -> 6 5 }T
CREATE SEG SEGMENT ALLOT
T{ 1 SEG S.FROM P.X ! 2 SEG S.FROM P.Y ! 3 SEG S.TO P.X ! 4 SEG S.TO P.Y ! -> }T
T{ SEG S.FROM P.X @ SEG S.FROM P.Y @ SEG S.TO P.X @ SEG S.TO P.Y @ -> 1 2 3 4 }T
T{ 255 SEG S.COLOUR C! SEG S.COLOUR C@ SEG S.TO P.Y @ -> 255 4 }T
: X-OF ( point -- x ) P.X @ ;                \ field words inside definitions
: Y-OF ( point -- y ) P.Y @ ;
T{ SEG S.TO X-OF SEG S.TO Y-OF -> 3 4 }T

SECTION MS TIME&DATE
T{ 0 MS -> }T
T{ 1 2 10 MS -> 1 2 }T
: SANE-TIME? ( s m h d mo y -- flag )
  2000 10000 WITHIN >R
  1 13 WITHIN R> AND >R
  1 32 WITHIN R> AND >R
  0 24 WITHIN R> AND >R
  0 60 WITHIN R> AND >R
  0 61 WITHIN R> AND ;                       \ 60: a leap second
T{ TIME&DATE SANE-TIME? -> -1 }T
T{ TIME&DATE DEPTH NIP NIP NIP NIP NIP NIP -> 6 }T
: CLOCK ( -- u )  TIME&DATE DROP DROP ( s m h d ) 24 * + 60 * + 60 * + ;
: CLOCK-TICKS? ( -- flag ) CLOCK 1100 MS CLOCK - 0< ;   \ 1.1 s later the clock moved
T{ CLOCK-TICKS? -> -1 }T
: WAITS-LONG-ENOUGH? ( -- flag ) CLOCK 2100 MS CLOCK SWAP - 2 4 WITHIN ;
T{ WAITS-LONG-ENOUGH? -> -1 }T               \ 2.1 s: two or three clock seconds

SECTION EMIT?
T{ EMIT? -> -1 }T                            \ output is ready (or its state unknown)

T-SUMMARY
