\ test/forth/tools-output.fth -- output tests for the PROGRAMMING-TOOLS word set
\ Run after harness.fth; compare with tools-output.expected.  The formats
\ of .S DUMP SEE WORDS are implementation-dependent, so the expected file
\ uses patterns ("~...") and skips ("~*") for them; what is checked is that
\ they run, print what they must contain, and leave the stacks alone.
\
\ Words covered:  ? .S DUMP SEE WORDS

DECIMAL
VARIABLE QV
{O question        5 QV ! QV ? O}
{O question-neg    -77 QV ! QV ? O}
{O question-hex    255 QV ! HEX QV ? DECIMAL O}
{O dot-s           1 2 3 .S O}
{O dot-s-kept      DEPTH . DROP DROP DROP DEPTH . O}
{O dot-s-empty     .S DEPTH . O}
CREATE DUMPED  CHAR A C, CHAR B C, CHAR C C,
{O dump            CR DUMPED 3 DUMP O}
{O dump-kept       DEPTH . O}
: SEE-ME ( -- x ) 1 2 + ;
{O see             CR SEE SEE-ME O}
{O see-kept        DEPTH . O}
WORDLIST CONSTANT ONE-WORD-WL
GET-CURRENT ONE-WORD-WL SET-CURRENT
: ZORKMID ;
SET-CURRENT
: WORDS-OF ( wid -- ) >R GET-ORDER R> 1 SET-ORDER WORDS SET-ORDER ;
{O words           CR ONE-WORD-WL WORDS-OF O}
{O words-kept      DEPTH . O}
O-SUMMARY
