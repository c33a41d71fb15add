\ test/forth/core-ext-output.fth -- output tests for the CORE EXT word set
\ Run after harness.fth; compare with core-ext-output.expected (see
\ "OUTPUT TESTS" in harness.fth).
\
\ Words covered:  .( .R U.R

DECIMAL
{O dot-paren        .( hello) O}
{O dot-paren-spaces .(  two  words ) O}
{O dot-paren-empty  .( ) O}
{O dot-paren-in-def : DP-COMPILE .( while compiling) ; O}
{O dot-paren-not-run DP-COMPILE O}
{O dotr-pad         123 6 .R O}
{O dotr-neg         -123 6 .R O}
{O dotr-exact       123 3 .R O}
{O dotr-narrow      12345 2 .R O}
{O dotr-zero-width  0 0 .R O}
{O dotr-one         7 1 .R O}
{O dotr-hex         255 HEX 4 .R DECIMAL O}
{O dotr-two         1 3 .R 2 3 .R O}
{O udotr-pad        123 6 U.R O}
{O udotr-max        -1 25 U.R O}
{O udotr-narrow     -1 1 U.R O}
{O udotr-hex        255 HEX 4 U.R DECIMAL O}
{O udotr-zero       0 3 U.R O}
O-SUMMARY
