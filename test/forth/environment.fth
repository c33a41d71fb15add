\ test/forth/environment.fth -- ENVIRONMENT? as a Forth 2012 system with every word set answers it
\ Run after harness.fth.  The queries of table 3.5 and of each word set
\ (3.2.6 and the "Environmental queries" section of each word set), and the
\ Forth 94 word-set queries that programs and test suites still ask: each
\ answers with its value and true.  An unknown query answers false.

DECIMAL
: ENV ( c-addr u -- x true | false ) ENVIRONMENT? ;
: YES? ( c-addr u -- flag ) ENVIRONMENT? IF ELSE FALSE THEN ;

SECTION table 3.5
T{ S" /COUNTED-STRING" ENV -> 255 -1 }T
T{ S" /HOLD" ENV SWAP 66 < 0= -> -1 -1 }T
T{ S" /PAD" ENV SWAP 84 < 0= -> -1 -1 }T
T{ S" ADDRESS-UNIT-BITS" ENV -> 8 -1 }T
T{ S" FLOORED" ENV -> 0 -1 }T
T{ S" MAX-CHAR" ENV -> 255 -1 }T
T{ S" MAX-N" ENV -> -1 1 RSHIFT -1 }T
T{ S" MAX-U" ENV -> -1 -1 }T
T{ S" MAX-D" ENV -> -1 -1 1 RSHIFT -1 }T
T{ S" MAX-UD" ENV -> -1 -1 -1 }T
T{ S" RETURN-STACK-CELLS" ENV SWAP 0> -> -1 -1 }T
T{ S" STACK-CELLS" ENV SWAP 1000 > -> -1 -1 }T

SECTION the word sets' queries
T{ S" FLOATING-STACK" ENV SWAP 6 < 0= -> -1 -1 }T
T{ S" #LOCALS" ENV SWAP 16 < 0= -> -1 -1 }T
T{ S" WORDLISTS" ENV SWAP 8 < 0= -> -1 -1 }T
T{ S" MAX-FLOAT" ENVIRONMENT? -> -1 }T

SECTION Forth 94 word-set queries
T{ S" CORE" YES? S" CORE-EXT" YES? -> -1 -1 }T
T{ S" BLOCK" YES? S" BLOCK-EXT" YES? -> -1 -1 }T
T{ S" DOUBLE" YES? S" DOUBLE-EXT" YES? -> -1 -1 }T
T{ S" EXCEPTION" YES? S" EXCEPTION-EXT" YES? -> -1 -1 }T
T{ S" FACILITY" YES? S" FACILITY-EXT" YES? -> -1 -1 }T
T{ S" FILE" YES? S" FILE-EXT" YES? -> -1 -1 }T
T{ S" FLOATING" YES? S" FLOATING-EXT" YES? -> -1 -1 }T
T{ S" LOCALS" YES? S" LOCALS-EXT" YES? -> -1 -1 }T
T{ S" MEMORY-ALLOC" YES? S" MEMORY-ALLOC-EXT" YES? -> -1 -1 }T
T{ S" SEARCH-ORDER" YES? S" SEARCH-ORDER-EXT" YES? -> -1 -1 }T
T{ S" STRING" YES? S" STRING-EXT" YES? -> -1 -1 }T
T{ S" TOOLS" YES? S" TOOLS-EXT" YES? -> -1 -1 }T
T{ S" floating" YES? -> -1 }T                       \ names are case-insensitive

SECTION Forth 200x extension queries
T{ S" X:locals" YES? S" X:deferred" YES? S" X:parse-name" YES? -> -1 -1 -1 }T

SECTION unknown queries
T{ S" NO-SUCH-QUERY" ENV -> 0 }T
T{ S" " ENV -> 0 }T
T{ S" gforth" ENV -> 0 }T

T-SUMMARY
