\ test/forth/harness.fth -- the test harness for the Sidecar Forth test suites
\
\ Written for this project in standard Forth, using Core words only (plus
\ the Core Ext comment word \ itself), so it loads before anything else is
\ known to work.  Floating-point support lives in harness-float.fth, which hooks into
\ this file and is loaded after it by the float test files' runner.
\
\ -------------------------------------------------------------------------
\ STACK TESTS                    T{ <code> -> <expected results> }T
\ -------------------------------------------------------------------------
\   T{   records the data-stack depth (and, with harness-float.fth, the
\        float-stack depth), and where in the source the test text begins.
\   ->   saves everything the code left above the recorded depth.
\   }T   compares the values given after -> with the saved ones: same
\        number of items and each item equal (=).  On success it counts a
\        pass, silently.  On failure it counts a failure and prints
\
\          FAIL #<n> [<section>]: <the source line of the test>
\            <what differed: item counts, or the first differing item>
\
\        <n> is the ordinal of the test in the file (1-based, counting every
\        T{ since the harness was loaded), <section> the last SECTION title.
\        The line is SOURCE, so a failure names the exact line to look for;
\        for a test spread over several lines it is the last one, after
\        "... ".  (Should the input buffer hold several lines, only the
\        test's own text, from after T{ up to >IN, is shown.)
\   Tests may be run with items already on the stack; only what lies above
\   the depth seen at T{ is compared.  Do not nest T{.
\
\   SECTION <title to end of line>   names the group of tests that follows.
\
\   T-SUMMARY   prints, on a line of its own, exactly
\
\          #TESTS <n> #FAILED <m>
\
\        where <n> counts the completed tests (}T reached) and <m> the failed
\        ones, both in decimal.  Every test file ends by calling T-SUMMARY;
\        a runner greps for that line.  A file that stops early (an uncaught
\        THROW, e.g. from an unimplemented word) never prints it, which
\        the runner must treat as a failure of the whole file.
\
\ -------------------------------------------------------------------------
\ OUTPUT TESTS                   {O <name> <code> O}
\ -------------------------------------------------------------------------
\   Output cannot be captured portably from standard Forth, so words that
\   print (. U. .R TYPE EMIT CR ." D. F. FS. ...) are tested by comparing
\   text.  They live in separate files <set>-output.fth, each with an
\   expected-output file <set>-output.expected next to it.
\
\   {O <name>  prints <name> immediately followed by "<";  O}  prints ">"
\   and a newline.  So every output test is one line of output (unless the
\   code itself prints a newline), e.g.
\
\       {O dot-neg  -5 . O}          prints     dot-neg<-5 >
\
\   and trailing spaces stay visible between < and >.  Code between {O and
\   O} is interpreted; put anything compile-only in a definition first.
\   O-SUMMARY  prints "#OUTPUT-TESTS <n>" (n = number of {O in the file);
\   every output file ends with it, so a truncated run shows in the diff.
\
\   The runner runs  harness.fth  then  <set>-output.fth  and compares the
\   printed text, line by line, with <set>-output.expected:
\     * the printed text and the expected file are split into lines at LF
\       (a CR before an LF, and trailing empty lines, are ignored);
\     * an expected line that starts with "~" is a regular expression (the
\       rest of the line, anchored at both ends, in the common subset of
\       POSIX ERE and JavaScript syntax) that the printed line must match;
\       it is used where the standard leaves part of a format open (for
\       example the exponent digits of FS.);
\     * an expected line that is exactly "~*" matches any number (zero or
\       more) of printed lines, up to the first printed line that matches
\       the expected line after it; it is used where the standard leaves a
\       whole display open (DUMP SEE WORDS);
\     * every other expected line must equal the printed line exactly;
\     * after the last expected line there must be no further output.
\   test/forth/run-gforth.sh implements exactly this comparison.
\   Output files print nothing but their {O ... O} lines and the summary.
\
\ -------------------------------------------------------------------------
\ FLOATS (harness-float.fth)
\ -------------------------------------------------------------------------
\   With harness-float.fth loaded, T{ -> }T also compares the float stack.
\   Comparison mode: EXACT (the default) compares encodings (0E F~), so
\   -0E and 0E differ.  APPROX compares with a relative tolerance of 1E-12
\   (after trying an exact match, so exact zeros still match);
\   <r> SET-FTOLERANCE  sets any F~ tolerance (>0 absolute, <0 relative,
\   0 exact).  The mode stays until changed.
\ -------------------------------------------------------------------------

DECIMAL

VARIABLE T-PASSED    0 T-PASSED !
VARIABLE T-FAILED    0 T-FAILED !
VARIABLE T-COUNT     0 T-COUNT !      \ T{ seen so far
VARIABLE T-BASE-DEPTH                 \ DEPTH when T{ ran
VARIABLE T-NRESULTS                   \ items found above it at ->
VARIABLE T-NWANTED                    \ items found above it at }T
VARIABLE T-ARROWED                    \ true once -> has run for this test
VARIABLE T-BAD                        \ -1 ok, -2 count differs, else index
VARIABLE T-BAD-GOT
VARIABLE T-BAD-WANT
VARIABLE T-SRC-ADDR                   \ SOURCE address at T{
VARIABLE T-SRC-IN                     \ >IN just after T{
VARIABLE T-SRC-LEN                    \ SOURCE length at T{
64 CONSTANT T-MAX
CREATE T-RESULTS  T-MAX CELLS ALLOT

CREATE T-SECTION  81 CHARS ALLOT   0 T-SECTION C!

\ Hooks for harness-float.fth (xts kept in variables: Core has no DEFER).
: T-NOP ( -- ) ;
: T-OK ( -- true ) 0 0 = ;
VARIABLE 'T-OPEN     ' T-NOP 'T-OPEN !     \ run by T{
VARIABLE 'T-ARROW    ' T-NOP 'T-ARROW !    \ run by ->
VARIABLE 'T-CHECK    ' T-OK  'T-CHECK !    \ run by }T  ( -- ok? )
VARIABLE 'T-DETAIL   ' T-NOP 'T-DETAIL !   \ prints what that check found

: T-U. ( u -- )  0 <# #S #> TYPE ;
: T-N. ( n -- )  DUP 0 < IF [CHAR] - EMIT NEGATE THEN T-U. ;

\ Drop n items under n; nothing if n <= 0.
: T-DROPN ( x1 .. xn n -- )
  BEGIN DUP 0 > WHILE SWAP DROP 1- REPEAT DROP ;

\ Save x1 .. xn so that T-RESULTS holds x1 at index 0.
: T-SAVE ( x1 .. xn n -- )
  BEGIN DUP 0 > WHILE 1- SWAP OVER CELLS T-RESULTS + ! REPEAT DROP ;

: SECTION ( "text<eol>" -- )
  10 WORD COUNT 80 MIN DUP T-SECTION C!
  T-SECTION CHAR+ SWAP CHARS MOVE ;

: T{ ( -- )
  DEPTH T-BASE-DEPTH !  0 T-NRESULTS !  0 T-ARROWED !
  SOURCE T-SRC-LEN ! T-SRC-ADDR !  >IN @ T-SRC-IN !
  1 T-COUNT +!  'T-OPEN @ EXECUTE ;

: -> ( -- )
  DEPTH T-BASE-DEPTH @ -  DUP T-NRESULTS !
  DUP 0 < IF DROP ELSE DUP T-MAX > IF T-DROPN ELSE T-SAVE THEN THEN
  -1 T-ARROWED !  'T-ARROW @ EXECUTE ;

\ Compare the expected items on the stack with the saved results.
: T-RECORD ( i want got -- i )
  T-BAD @ -1 = IF T-BAD-GOT ! T-BAD-WANT ! DUP T-BAD ! ELSE 2DROP THEN ;
: T-CHECK-DATA ( y1 .. ym -- ok? )
  -1 T-BAD !
  DEPTH T-BASE-DEPTH @ -  DUP T-NWANTED !
  DUP T-NRESULTS @ = 0=  OVER T-MAX > OR  OVER 0 < OR
  IF T-DROPN -2 T-BAD ! 0 EXIT THEN
  BEGIN DUP 0 > WHILE
    1- SWAP OVER CELLS T-RESULTS + @     ( .. i want got )
    2DUP = IF 2DROP ELSE T-RECORD THEN
  REPEAT DROP
  T-BAD @ -1 = ;

\ Did the test start in the current input line?  (A system may reuse one
\ buffer for every line of a file, so the length is compared too.)
: T-SAME-LINE? ( -- flag )
  SOURCE T-SRC-LEN @ = SWAP T-SRC-ADDR @ = AND  T-SRC-IN @ >IN @ > 0= AND ;
: T-HAS-LF? ( c-addr u -- flag )
  BEGIN DUP WHILE
    OVER C@ 10 = IF 2DROP -1 EXIT THEN  1- SWAP CHAR+ SWAP
  REPEAT 2DROP 0 ;
\ Show where the test is: the whole input line; but if the input buffer
\ holds more than one line, just the test's own text (from after T{ to >IN).
: T-WHERE ( -- )
  SOURCE T-HAS-LF? IF
    T-SAME-LINE? IF ." T{" T-SRC-ADDR @ T-SRC-IN @ CHARS +  >IN @ T-SRC-IN @ - TYPE
    ELSE ." ... " SOURCE DROP >IN @ TYPE THEN
  ELSE
    T-SAME-LINE? 0= IF ." ... " THEN  SOURCE TYPE
  THEN ;

: T-REPORT ( -- )
  1 T-FAILED +!
  CR ." FAIL #" T-COUNT @ T-U.
  T-SECTION C@ IF ."  [" T-SECTION COUNT TYPE ." ]" THEN
  ." : " T-WHERE
  T-ARROWED @ 0= IF CR ."   no -> in this test" THEN
  T-BAD @ -2 = IF
    T-NRESULTS @ 0 < IF
      CR ."   the code consumed " T-NRESULTS @ NEGATE T-U.
      ."  item(s) from below the depth seen at T{"
    ELSE
      CR ."   wrong number of results: got " T-NRESULTS @ T-N.
      ."  expected " T-NWANTED @ T-N.
    THEN
  THEN
  T-BAD @ 0 < 0= IF
    CR ."   result " T-BAD @ 1+ T-U. ."  (counting from the deepest): got "
    T-BAD-GOT @ . ." expected " T-BAD-WANT @ .
  THEN
  'T-DETAIL @ EXECUTE CR ;

: }T ( y1 .. ym -- )
  T-CHECK-DATA  'T-CHECK @ EXECUTE AND  T-ARROWED @ AND
  IF 1 T-PASSED +! ELSE T-REPORT THEN ;

: T-SUMMARY ( -- )
  CR ." #TESTS " T-PASSED @ T-FAILED @ + T-U. ."  #FAILED " T-FAILED @ T-U. CR ;

\ Output tests ------------------------------------------------------------
VARIABLE O-COUNT   0 O-COUNT !
: {O ( "name" -- )  1 O-COUNT +!  BL WORD COUNT TYPE [CHAR] < EMIT ;
: O} ( -- )  [CHAR] > EMIT CR ;
: O-SUMMARY ( -- )  ." #OUTPUT-TESTS " O-COUNT @ T-U. CR ;
