\ test/forth/core-output.fth -- output tests for the CORE word set
\ Run after harness.fth; compare the printed text with core-output.expected
\ (see "OUTPUT TESTS" at the top of harness.fth).
\
\ Words covered:  . ." CR EMIT SPACE SPACES TYPE U.

DECIMAL
0 INVERT 1 RSHIFT CONSTANT NMAX
NMAX INVERT       CONSTANT NMIN

{O dot-zero        0 . O}
{O dot-pos         123 . O}
{O dot-neg         -123 . O}
{O dot-two         1 . 2 . O}
{O dot-max         NMAX . O}
{O dot-min         NMIN . O}
{O dot-hex         255 HEX . DECIMAL O}
{O dot-hex-neg     -255 HEX . DECIMAL O}
{O dot-binary      5 2 BASE ! . DECIMAL O}
{O dot-base36      1295 36 BASE ! . DECIMAL O}
{O udot-zero       0 U. O}
{O udot-pos        4000000000 U. O}
{O udot-minus-one  -1 U. O}
{O udot-hex        -1 HEX U. DECIMAL O}
{O udot-min        NMIN U. O}
: DQ1 ." hello" ;
: DQ2 ." two words" ;
: DQ3 ." " ;
: DQ4 ."  lead" ;
{O dotquote        DQ1 O}
{O dotquote-space  DQ2 O}
{O dotquote-empty  DQ3 O}
{O dotquote-lead   DQ4 O}
{O emit            65 EMIT 66 EMIT O}
{O emit-space      BL EMIT O}
{O emit-char       CHAR * EMIT O}
{O space           SPACE O}
{O space-between   1 . SPACE 2 . O}
{O spaces-3        3 SPACES O}
{O spaces-0        0 SPACES O}
{O spaces-neg      -4 SPACES O}
: TY1 S" typed text" ;
: TY2 S" " ;
{O type            TY1 TYPE O}
{O type-empty      TY2 TYPE O}
{O type-part       TY1 DROP 5 TYPE O}
{O cr              1 . CR 2 . O}
{O cr-two          CR CR O}
: PRINT-N ( n -- ) DUP ABS 0 <# #S ROT SIGN #> TYPE ;
{O picture-type    -42 PRINT-N O}
O-SUMMARY
