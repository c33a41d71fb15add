\ memory.fs -- the Memory-Allocation word set, over the C library's malloc

S" (MALLOC)" (EXTERN) ptr malloc( size_t )
S" (FREE)" (EXTERN) void free( ptr )
S" (REALLOC)" (EXTERN) ptr realloc( ptr size_t )
: ALLOCATE ( u -- addr ior ) DUP 0= - (MALLOC) DUP 0= ;
: FREE     ( addr -- ior ) (FREE) 0 ;
: RESIZE   ( addr u -- addr' ior ) OVER SWAP DUP 0= - (REALLOC) ?DUP IF NIP 0 ELSE -61 THEN ;
