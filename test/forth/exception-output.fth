\ test/forth/exception-output.fth -- output tests for the EXCEPTION word set
\ Run after harness.fth; compare with exception-output.expected.
\
\ Words covered:  ABORT" (prints nothing when its THROW is caught),
\                 CATCH THROW (no output of their own)

DECIMAL
: AB-MSG ( flag -- ) ABORT" this must not be displayed" ;
{O abort-quote-caught    -1 ' AB-MSG CATCH . DROP O}
{O abort-quote-false     0 ' AB-MSG CATCH . O}
: SHOUT-AND-THROW ( -- ) ." before" 5 THROW ." after" ;
{O throw-skips-rest      ' SHOUT-AND-THROW CATCH . O}
{O abort-caught          ' ABORT CATCH . O}
O-SUMMARY
