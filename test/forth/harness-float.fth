\ test/forth/harness-float.fth -- float-stack support for harness.fth
\
\ Load after harness.fth.  Needs the Floating-Point word set and F~ and FS.
\ from its extensions.  From then on T{ ... -> ... }T also compares the
\ float stack: the number of floats left above the depth seen at T{ and each
\ value, according to the comparison mode:
\
\   EXACT            (default) encodings must be identical (0E F~): 1E and
\                    1E are equal, -0E and 0E are not.
\   APPROX           relative tolerance 1E-12 (an exact match also passes,
\                    so 0E matches 0E).
\   <r> SET-FTOLERANCE   any F~ tolerance: r>0 absolute, r<0 relative,
\                    r=0 exact.
\
\ A failing float comparison adds a line to the FAIL report, e.g.
\   float result 1 (counting from the deepest): got 1.00000000000000E0 expected ...

FVARIABLE T-FTOL   0E T-FTOL F!
: SET-FTOLERANCE ( F: r -- )  T-FTOL F! ;
: EXACT ( -- )   0E SET-FTOLERANCE ;
: APPROX ( -- )  -1E-12 SET-FTOLERANCE ;

VARIABLE T-FBASE        \ FDEPTH at T{
VARIABLE T-FNRESULTS    \ floats above it at ->
VARIABLE T-FNWANTED     \ floats above it at }T
VARIABLE T-FBAD         \ -1 ok, -2 count differs, else index
32 CONSTANT T-FMAX
FALIGN HERE T-FMAX FLOATS ALLOT CONSTANT T-FRESULTS
FVARIABLE T-FBAD-GOT
FVARIABLE T-FBAD-WANT

: T-FDROPN ( n -- ) ( F: r1 .. rn -- )
  BEGIN DUP 0 > WHILE FDROP 1- REPEAT DROP ;

: T-FOPEN ( -- )  FDEPTH T-FBASE !  0 T-FNRESULTS ! ;

: T-FARROW ( -- ) ( F: r1 .. rn -- )
  FDEPTH T-FBASE @ -  DUP T-FNRESULTS !
  DUP 0 < IF DROP EXIT THEN
  DUP T-FMAX > IF T-FDROPN EXIT THEN
  BEGIN DUP 0 > WHILE 1- DUP FLOATS T-FRESULTS + F! REPEAT DROP ;

\ Equal under the current mode?
: T-F= ( -- flag ) ( F: r1 r2 -- )
  FOVER FOVER 0E F~ IF FDROP FDROP -1 EXIT THEN
  T-FTOL F@ F0= IF FDROP FDROP 0 EXIT THEN
  T-FTOL F@ F~ ;

: T-FCHECK ( -- ok? ) ( F: r1 .. rm -- )
  -1 T-FBAD !
  FDEPTH T-FBASE @ -  DUP T-FNWANTED !
  DUP T-FNRESULTS @ <>  OVER T-FMAX > OR  OVER 0 < OR
  IF T-FDROPN -2 T-FBAD ! 0 EXIT THEN
  BEGIN DUP 0 > WHILE
    1-  DUP FLOATS T-FRESULTS + F@        ( i ) ( F: .. want got )
    FOVER FOVER T-F= IF FDROP FDROP
    ELSE T-FBAD @ -1 = IF T-FBAD-GOT F! T-FBAD-WANT F! DUP T-FBAD !
                      ELSE FDROP FDROP THEN
    THEN
  REPEAT DROP
  T-FBAD @ -1 = ;

: T-FDETAIL ( -- )
  T-FBAD @ -2 = IF
    CR ."   wrong number of float results: got " T-FNRESULTS @ T-N.
    ."  expected " T-FNWANTED @ T-N.
  THEN
  T-FBAD @ 0 < 0= IF
    CR ."   float result " T-FBAD @ 1+ T-U. ."  (counting from the deepest): got "
    T-FBAD-GOT F@ FS. ." expected " T-FBAD-WANT F@ FS.
  THEN ;

' T-FOPEN  'T-OPEN !
' T-FARROW 'T-ARROW !
' T-FCHECK 'T-CHECK !
' T-FDETAIL 'T-DETAIL !
