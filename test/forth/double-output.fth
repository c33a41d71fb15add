\ test/forth/double-output.fth -- output tests for the DOUBLE-NUMBER word set
\ Run after harness.fth; compare with double-output.expected.
\
\ Words covered:  D. D.R

DECIMAL
{O ddot-zero        0. D. O}
{O ddot-pos         123. D. O}
{O ddot-neg         -123. D. O}
{O ddot-2^64        18446744073709551616. D. O}
{O ddot-max         170141183460469231731687303715884105727. D. O}
{O ddot-min         -170141183460469231731687303715884105728. D. O}
{O ddot-hex         255. HEX D. DECIMAL O}
{O ddot-hex-neg     -1. HEX D. DECIMAL O}
{O ddotr-pad        123. 6 D.R O}
{O ddotr-neg        -123. 6 D.R O}
{O ddotr-narrow     123456. 2 D.R O}
{O ddotr-zero       0. 0 D.R O}
{O ddotr-wide       -18446744073709551616. 24 D.R O}
{O ddotr-two        1. 3 D.R 2. 3 D.R O}
O-SUMMARY
