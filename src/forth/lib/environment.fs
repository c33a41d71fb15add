\ environment.fs -- what ENVIRONMENT? answers
\
\ Each query is a word in the word list (ENV) (core.fs); ENVIRONMENT? runs
\ it and adds true.  The answers are those of a Forth 2012 system with all
\ of its word sets: the queries of table 3.5 and of the word sets, and the
\ word-set queries of Forth 94 (CORE, FLOATING-EXT …: true when the whole
\ word set, or its extension, is there), which Forth 2012 calls
\ obsolescent but programs and test suites still ask.  This file comes
\ last, so that every word set it answers for is loaded.

S" (GETRLIMIT)" (EXTERN) int getrlimit( int ptr )
CREATE (RLIMIT) 2 CELLS ALLOT
: (RETURN-STACK-CELLS) ( -- n ) \ the return stack is the machine stack: its limit, less room for C
  3 (RLIMIT) (GETRLIMIT) IF 65536 EXIT THEN   \ RLIMIT_STACK
  (RLIMIT) @ DUP 0< IF DROP 1 30 LSHIFT THEN 8 / 8192 - 4096 MAX ;

GET-CURRENT (ENV) SET-CURRENT
255 CONSTANT /COUNTED-STRING
256 CONSTANT /HOLD
1024 CONSTANT /PAD
8 CONSTANT ADDRESS-UNIT-BITS
FALSE CONSTANT FLOORED
255 CONSTANT MAX-CHAR
-1 -1 1 RSHIFT 2CONSTANT MAX-D
-1 1 RSHIFT CONSTANT MAX-N
-1 CONSTANT MAX-U
-1 -1 2CONSTANT MAX-UD
(RETURN-STACK-CELLS) CONSTANT RETURN-STACK-CELLS
(STACK-CELLS) CONSTANT STACK-CELLS
\ Floating-Point, Locals, Search-Order
(FLOATING-STACK) CONSTANT FLOATING-STACK
1.7976931348623157E308 FCONSTANT MAX-FLOAT
(#LOCALS) CONSTANT #LOCALS
16 CONSTANT WORDLISTS
\ Word sets (Forth 94's queries)
TRUE CONSTANT CORE             TRUE CONSTANT CORE-EXT
TRUE CONSTANT BLOCK            TRUE CONSTANT BLOCK-EXT
TRUE CONSTANT DOUBLE           TRUE CONSTANT DOUBLE-EXT
TRUE CONSTANT EXCEPTION        TRUE CONSTANT EXCEPTION-EXT
TRUE CONSTANT FACILITY         TRUE CONSTANT FACILITY-EXT
TRUE CONSTANT FILE             TRUE CONSTANT FILE-EXT
TRUE CONSTANT FLOATING         TRUE CONSTANT FLOATING-EXT
TRUE CONSTANT LOCALS           TRUE CONSTANT LOCALS-EXT
TRUE CONSTANT MEMORY-ALLOC     TRUE CONSTANT MEMORY-ALLOC-EXT
TRUE CONSTANT SEARCH-ORDER     TRUE CONSTANT SEARCH-ORDER-EXT
TRUE CONSTANT STRING           TRUE CONSTANT STRING-EXT
TRUE CONSTANT TOOLS            TRUE CONSTANT TOOLS-EXT
\ Forth 200x extension queries, for the extensions this system has
TRUE CONSTANT X:buffer              TRUE CONSTANT X:deferred
TRUE CONSTANT X:defined             TRUE CONSTANT X:extension-query
TRUE CONSTANT X:fp-stack            TRUE CONSTANT X:ftrunc
TRUE CONSTANT X:fvalue              TRUE CONSTANT X:locals
TRUE CONSTANT X:n-to-r              TRUE CONSTANT X:number-prefixes
TRUE CONSTANT X:parse-name          TRUE CONSTANT X:required
TRUE CONSTANT X:s-escape-quote      TRUE CONSTANT X:structures
TRUE CONSTANT X:synonym             TRUE CONSTANT X:text-substitution
TRUE CONSTANT X:traverse-wordlist
SET-CURRENT
