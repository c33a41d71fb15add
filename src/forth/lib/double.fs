\ double.fs -- the Double-Number word set
\
\ A double cell is two cells, the high one on top.  D+ D- DNEGATE UM* UM/MOD
\ are primitives; the rest is written here over them, M*/ through a triple
\ cell intermediate (T* and T/).

: D0<    ( d -- flag ) NIP 0< ;
: D0=    ( d -- flag ) OR 0= ;
: D2*    ( d -- d*2 ) 2DUP D+ ;
: D2/    ( d -- d/2 ) DUP 1 AND 63 LSHIFT >R 2/ SWAP 1 RSHIFT R> OR SWAP ;
: D<     ( d1 d2 -- flag ) ROT 2DUP = IF 2DROP U< ELSE > NIP NIP THEN ;
: DU<    ( ud1 ud2 -- flag ) ROT 2DUP = IF 2DROP U< ELSE U> NIP NIP THEN ;
: D=     ( d1 d2 -- flag ) ROT = -ROT = AND ;
: DMAX   ( d1 d2 -- d3 ) 2OVER 2OVER D< IF 2SWAP THEN 2DROP ;
: DMIN   ( d1 d2 -- d3 ) 2OVER 2OVER D< 0= IF 2SWAP THEN 2DROP ;
: M+     ( d n -- d' ) S>D D+ ;
: 2ROT   ( x1 x2 x3 x4 x5 x6 -- x3 x4 x5 x6 x1 x2 ) 2>R 2SWAP 2R> 2SWAP ;
: (T*)   ( ud u -- t ) TUCK UM* 2>R UM* 0 2R> D+ ;
: (T/)   ( t u -- ud ) >R R@ UM/MOD SWAP ROT SWAP R> UM/MOD NIP SWAP ;
: M*/    ( d1 n1 +n2 -- d2 ) >R 2DUP XOR >R ABS -ROT DABS ROT (T*) R> R> SWAP >R (T/) R> 0< IF DNEGATE THEN ;
