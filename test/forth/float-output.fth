\ test/forth/float-output.fth -- output tests for the FLOATING-POINT word set
\ Run after harness.fth; compare with float-output.expected.
\
\ The standard pins the shape of the output (F.: [-]<digits>.<digits0>;
\ FS.: [-]<digit>.<digits0>E[-]<digits>; FE.: the same with a significand
\ from 1 to below 1000 and an exponent that is a multiple of 3) and the
\ number of significant digits (PRECISION), but not whether trailing zeros
\ of the significand or leading zeros of the exponent are shown.  So the
\ expected file uses patterns for those parts.
\
\ Words covered:  F. FE. FS. (with SET-PRECISION)
\
\ gforth 0.7.3 deviation: its FE. prints garbage for fedot-p1-tens (fewer
\ than 3 significant digits); gforth-compat.fth works around it.

DECIMAL
PRECISION CONSTANT SAVED-PRECISION
3 SET-PRECISION
{O fdot-exact      1.25E F. O}
{O fdot-1000       1E3 F. O}
{O fdot-rounded    123456789E F. O}
{O fdot-neg        -2.5E F. O}
{O fdot-half       0.5E F. O}
{O fdot-small      1E-3 F. O}
{O fdot-two        1.5E F. 2.5E F. O}
{O fsdot           1.25E FS. O}
{O fsdot-rounded   1234.5E FS. O}
{O fsdot-neg       -2.5E-7 FS. O}
{O fsdot-big       1E100 FS. O}
{O fsdot-tiny      1E-100 FS. O}
{O fedot-1         1.25E FE. O}
{O fedot-thousands 1234.5E FE. O}
{O fedot-tens      12345E FE. O}
{O fedot-hundreds  123456E FE. O}
{O fedot-milli     0.05E FE. O}
{O fedot-neg       -2.5E-7 FE. O}
1 SET-PRECISION
{O fdot-p1         5E F. O}
{O fdot-p1-half    0.5E F. O}
{O fsdot-p1        6E FS. O}
{O fedot-p1        7E FE. O}
{O fedot-p1-tens   70E FE. O}
{O fedot-p1-milli  0.05E FE. O}
2 SET-PRECISION
{O fedot-p2        12345E FE. O}
SAVED-PRECISION SET-PRECISION
O-SUMMARY
