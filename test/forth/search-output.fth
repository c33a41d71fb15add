\ test/forth/search-output.fth -- output tests for the SEARCH-ORDER word set
\ Run after harness.fth; compare with search-output.expected.  The format
\ of ORDER is implementation-dependent: checked is that it runs, shows
\ something, and leaves the stacks and the search order alone.
\
\ Words covered:  ORDER

DECIMAL
: ORDER-DEPTH ( -- n )  GET-ORDER DUP >R 0 ?DO DROP LOOP R> ;
ORDER-DEPTH CONSTANT DEPTH-BEFORE
{O order           CR ORDER O}
{O order-kept      DEPTH . ORDER-DEPTH DEPTH-BEFORE = . O}
O-SUMMARY
