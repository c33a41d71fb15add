\ optimise.fs -- the stack model: the compiler's register allocation for straight-line code
\
\ While a colon definition compiles, the kernel hands every word, literal and
\ conditional branch to (VM) (kernel/stackmodel.ts).  It keeps the top of the
\ data stack as a compile-time model: a list of items, each a constant, a
\ register, a cell of the stack in memory at [rbp + offset] (rbp does not
\ move while the model holds items), or the flags of a comparison just made.
\ Stack words only move items in the list (no code); arithmetic, memory
\ words, comparisons, I J >R R> R@ emit their instructions on the registers
\ the items are in; a comparison before IF WHILE UNTIL becomes cmp and jcc.
\
\ Whatever the model does not know -- any other word, a call, EXIT, a branch
\ or its target, DO and LOOP, code written by CODE, -- it first FLUSHes:
\ code that puts the items where every word expects them, the top in rbx and
\ the others at [rbp], [rbp+8] ... with rbp moved once.  So every branch
\ target and every word outside the model sees the stack as without it.
\ Flushing uses only mov and lea, which keep the flags of a comparison.  A cell
\ of the stack is read only by a plain mov (into a register), never as the
\ memory operand of an add or cmp: a load right after the store of the same
\ cell is then as fast as a register on processors that rename memory (Zen 2
\ and later, measured here), and a load-op is not.
\
\ To teach the model a word: a handler ( -- ) that starts with n NEED (the
\ items it takes in the model, flags made into registers, room for two more),
\ works on the items (ITEM@ ITEM! PUSH DROP-ITEM, >REG for a register,
\ >OWN for one it may write) and emits its code; `' handler HANDLES word`.
\ DECLINE makes the compiler compile the word as before, after a flush.

DECIMAL
WORDLIST CONSTANT (OPTIMISER)
(OPTIMISER) SET-CURRENT  GET-ORDER (OPTIMISER) SWAP 1+ SET-ORDER

\ Machine code, appended to code space.
: B, ( byte -- ) 255 AND CODE, ;
: D, ( x -- ) 4 0 DO DUP B, 8 RSHIFT LOOP DROP ;
: Q, ( x -- ) DUP D, 32 RSHIFT D, ;
: FITS? ( x -- flag ) 2147483648 + 4294967296 U< ;   \ a sign-extended imm32

\ Registers by number; the model allocates from POOL (rax rcx rdx rbx rsi rdi r8-r11).
0 CONSTANT RAX  3 CONSTANT RBX  4 CONSTANT RSP  5 CONSTANT RBP
4047 CONSTANT POOL

\ Encodings, all with REX.W: reg is the ModRM reg field (a register or an
\ opcode extension), rm a register, base + disp32 a memory operand.
: HI ( r -- 0|1 ) 3 RSHIFT 1 AND ;
: REX, ( reg rm -- ) HI SWAP HI 4 * OR 72 OR B, ;
: OP, ( op -- ) DUP 255 > IF DUP 8 RSHIFT B, THEN B, ;
: RR, ( reg rm op -- ) >R 2DUP REX, R> OP, 7 AND SWAP 7 AND 8 * OR 192 OR B, ;
: DISP8? ( x -- flag ) 128 + 256 U< ;
: RM, {: reg base disp op -- :}   \ [base + disp8] or [base + disp32]
  reg base REX, op OP,  reg 7 AND 8 * base 7 AND OR  disp DISP8? IF 64 ELSE 128 THEN OR B,
  base 7 AND 4 = IF 36 B, THEN  disp DISP8? IF disp B, ELSE disp D, THEN ;

: MOV, ( dst src -- ) 2DUP = IF 2DROP EXIT THEN SWAP 137 RR, ;
: LOAD, ( dst base disp -- ) 139 RM, ;
: STORE, ( src base disp -- ) 137 RM, ;
: MOVI, ( dst x -- )
  DUP FITS? IF 0 ROT 199 RR, D, ELSE SWAP DUP HI 72 OR B, 7 AND 184 + B, Q, THEN ;
: STOREI, ( x base disp -- ) 0 -ROT 199 RM, D, ;     \ mov qword [base+disp], simm32
: LEA, ( dst base disp -- ) 141 RM, ;
: RMX, {: reg base index disp op | mode -- :}   \ [base + index + disp0/8/32]
  \ no displacement byte when it is 0 (rbp and r13 as base need one): on Zen a
  \ lea of base + index + displacement takes two cycles, of base + index one
  disp 0= base 7 AND 5 <> AND IF 0 ELSE disp DISP8? IF 64 ELSE 128 THEN THEN TO mode
  reg HI 4 * index HI 2 * OR base HI OR 72 OR B,  op OP,
  reg 7 AND 8 * 4 OR mode OR B,
  index 7 AND 8 * base 7 AND OR B,
  mode 64 = IF disp B, THEN  mode 128 = IF disp D, THEN ;
\ ALU ops by their `op r/m, r` opcode: add 1, or 9, and 33, sub 41, xor 49, cmp 57.
1 CONSTANT ADD  9 CONSTANT OR_  33 CONSTANT AND_  41 CONSTANT SUB  49 CONSTANT XOR_  57 CONSTANT CMP
: ALU, ( dst src op -- ) >R SWAP R> RR, ;
: ALU-I, ( dst x op -- ) 8 / ROT 129 RR, D, ;        \ op dst, simm32
: IMUL, ( dst src -- ) 4015 RR, ;
: IMUL-I, ( dst src x -- ) >R 105 RR, R> D, ;
: SHIFT, ( dst n ext -- ) ROT 193 RR, B, ;          \ shl 4, shr 5, sar 7
: UNARY, ( r ext -- ) SWAP 247 RR, ;                 \ not 2, neg 3
: SETCC, ( r cc -- ) OVER 0 SWAP REX, 15 B, 144 + B, 7 AND 192 OR B, ;
: MOVZX8, ( dst src -- ) 4022 RR, ;
: TEST, ( r -- ) DUP 133 RR, ;
: SHORT, ( r op -- ) OVER 8 AND IF 65 B, THEN SWAP 7 AND + B, ;
: PUSH, ( r -- ) 80 SHORT, ;
: POP, ( r -- ) 88 SHORT, ;
: PUSHI, ( x -- ) 104 B, D, ;
: I, ( r -- ) DUP HI 4 * 75 OR B, 141 B, 7 AND 8 * 4 OR B, 62 B, ;  \ lea r, [r14 + r15]
: JCC-OP, ( cc -- ) 15 B, 128 + B, ;

\ Loops start on a 64-byte boundary.  On Zen 3 a loop whose code crosses a
\ 64-byte line runs at up to half speed (the BYTE sieve's inner loop, five
\ instructions, took 1.3-2x as long across a line as within one), and a loop
\ of up to 64 bytes that starts on a line crosses none.  The padding is the
\ manual's multi-byte NOPs (of 1 to 9 bytes: NOP-BYTES holds them one after
\ another), at most seven, run once where the loop is entered.
CREATE NOP-BYTES
  144 C,  102 C, 144 C,  15 C, 31 C, 0 C,  15 C, 31 C, 64 C, 0 C,
  15 C, 31 C, 68 C, 0 C, 0 C,  102 C, 15 C, 31 C, 68 C, 0 C, 0 C,
  15 C, 31 C, 128 C, 0 C, 0 C, 0 C, 0 C,  15 C, 31 C, 132 C, 0 C, 0 C, 0 C, 0 C, 0 C,
  102 C, 15 C, 31 C, 132 C, 0 C, 0 C, 0 C, 0 C, 0 C,
: NOP, ( n -- ) \ one NOP of n bytes, 1 <= n <= 9
  DUP DUP 1- * 2/ NOP-BYTES +  SWAP 0 DO DUP I + C@ B, LOOP DROP ;
: ALIGN-CODE ( -- ) BEGIN (CHERE) @ 63 AND ?DUP WHILE 64 SWAP - 9 MIN NOP, REPEAT ;

\ The model: #E items, item 0 the deepest; #MEM cells of the stack in memory
\ taken into it (the next one is [rbp + 8 #MEM]).
8 CONSTANT #MAX
VARIABLE #E  VARIABLE #MEM  VARIABLE TEMPS  VARIABLE DECLINED
CREATE ITEMS #MAX 2* CELLS ALLOT
0 CONSTANT CONST  1 CONSTANT REG  2 CONSTANT MEM  3 CONSTANT FLAG  4 CONSTANT SUM
\ A SUM is base + index + disp, registers and a 32-bit displacement, not yet
\ added: `CELL+ @` is one load, `buf I +` an address mode; its value packs them.
255 CONSTANT NONE
: >SUM ( base index disp -- x ) 2147483648 + 16 LSHIFT SWAP 8 LSHIFT OR OR ;
: BASE@ ( x -- r ) 255 AND ;
: INDEX@ ( x -- r ) 8 RSHIFT 255 AND ;
: DISP@ ( x -- disp ) 16 RSHIFT 4294967295 AND 2147483648 - ;
: ITEM ( i -- a ) 2* CELLS ITEMS + ;
: KIND ( i -- k ) ITEM @ ;
: VAL ( i -- x ) ITEM CELL+ @ ;
: ITEM@ ( i -- x k ) DUP VAL SWAP KIND ;
: ITEM! ( x k i -- ) ITEM TUCK ! CELL+ ! ;
: TOP ( -- i ) #E @ 1- ;
: 2ND ( -- i ) #E @ 2 - ;
: 3RD ( -- i ) #E @ 3 - ;
2VARIABLE PUSHED  2VARIABLE PUSHED-ITEM   \ where the last >R's push is in code space, and its item
: RESET ( -- ) RBX REG 0 ITEM! 1 #E ! 0 #MEM ! 0 TEMPS ! 0 0 PUSHED 2! ;
: DROP-ITEM ( -- ) -1 #E +! ;
: DECLINE ( -- ) TRUE DECLINED ! ;

\ Registers: those of no item and not held by the handler running.
: REGS ( i -- mask ) \ the registers item i is in
  DUP KIND REG = IF VAL 1 SWAP LSHIFT EXIT THEN
  DUP KIND SUM = IF
    VAL DUP BASE@ 1 SWAP LSHIFT SWAP INDEX@ DUP NONE = IF DROP ELSE 1 SWAP LSHIFT OR THEN EXIT
  THEN DROP 0 ;
: USED ( -- mask ) TEMPS @ #E @ 0 ?DO I REGS OR LOOP ;
: FREE# ( -- n ) 0 POOL USED INVERT AND BEGIN ?DUP WHILE DUP 1 AND ROT + SWAP 1 RSHIFT REPEAT ;
: ALLOC ( -- r )
  POOL USED INVERT AND DUP 0= ABORT" optimiser: no free register"
  0 BEGIN 2DUP RSHIFT 1 AND 0= WHILE 1+ REPEAT NIP  1 OVER LSHIFT TEMPS @ OR TEMPS ! ;
: USERS ( r -- n ) 1 SWAP LSHIFT 0 #E @ 0 ?DO OVER I REGS AND IF 1+ THEN LOOP NIP ;
: LEA-SUM, ( dst x -- )
  DUP INDEX@ NONE = IF DUP BASE@ SWAP DISP@ 141 RM, ELSE DUP BASE@ OVER INDEX@ ROT DISP@ 141 RMX, THEN ;

: FLAG>REG ( i -- r ) ALLOC {: i r :} r i VAL SETCC,  r r MOVZX8,  r 3 UNARY,  r REG i ITEM! r ;
: >REG {: i | r -- r :} \ item i into a register
  i KIND REG = IF i VAL EXIT THEN
  i KIND FLAG = IF i FLAG>REG EXIT THEN
  i KIND SUM = IF \ into its base, when no other item uses it
    i VAL BASE@ USERS 1 = IF i VAL BASE@ ELSE ALLOC THEN TO r
    r i VAL LEA-SUM,  r REG i ITEM!  r EXIT
  THEN
  ALLOC TO r
  i KIND CONST = IF r i VAL MOVI, ELSE r RBP i VAL LOAD, THEN
  r REG i ITEM! r ;
: MEM, {: reg i op | x -- :} \ op reg, [the address that item i is]
  i KIND SUM <> IF reg i >REG 0 op RM, EXIT THEN
  i VAL TO x
  x INDEX@ NONE = IF reg x BASE@ x DISP@ op RM, ELSE reg x BASE@ x INDEX@ x DISP@ op RMX, THEN ;
: DST ( i -- r ) \ a register for the value replacing item i: one of its own no other item uses, or a new one
  DUP KIND SUM = IF
    VAL DUP BASE@ DUP USERS 1 = IF NIP EXIT THEN DROP
    INDEX@ DUP NONE <> IF DUP USERS 1 = IF EXIT THEN THEN DROP ALLOC EXIT
  THEN
  >REG DUP USERS 1 > IF DROP ALLOC THEN ;
: >OWN {: i | r n -- r :} \ … one that no other item shares
  i >REG TO r  r USERS 1 > IF ALLOC TO n  n r MOV,  n REG i ITEM!  n EXIT THEN r ;

\ Flush to layout K: the top K items in their home registers (the top in rbx,
\ then r11 r10), the others in memory: rbp moves by D0 (after the loads from
\ the old place), item i goes to [rbp + DEST] (from the new place).  Layout 1
\ is what every word expects; a loop keeps the layout of its first instruction
\ (LOOP-HEAD), so that what it carries from one iteration to the next stays
\ in registers.
3 CONSTANT #HOMES
CREATE HOMES RBX , 11 , 10 ,
VARIABLE K
: D0 ( -- disp ) #MEM @ #E @ K @ - - 8 * ;
: DEST ( i -- disp ) #E @ K @ - 1- SWAP - 8 * ;
: HOME-OF ( i -- r ) #E @ 1- SWAP - CELLS HOMES + @ ;
: STORE-ITEM ( i -- ) {: i :}
  i KIND REG = IF i VAL RBP i DEST STORE, EXIT THEN
  i KIND CONST = IF
    i VAL FITS? IF i VAL RBP i DEST STOREI, ELSE ALLOC DUP i VAL MOVI, RBP i DEST STORE, THEN
  THEN ;   \ a cell in place stays
: PULL ( -- ) \ the next cell of the stack in memory joins the model, at its bottom
  ITEMS DUP 2 CELLS + #E @ 2* CELLS MOVE
  #MEM @ 8 * MEM 0 ITEM!  1 #MEM +!  1 #E +! ;
VARIABLE DEAD   \ right after an unconditional jump: nothing runs until a target
: LAYOUT ( k -- ) \ the model of layout k: its items in their homes
  0 #MEM ! 0 TEMPS ! 0 0 PUSHED 2! 0 DEAD !
  DUP #E !  0 ?DO I CELLS HOMES + @ REG #E @ 1- I - ITEM! LOOP ;
\ The top K items into their homes: a parallel move, in an order that reads
\ each register before it is written, a cycle broken through a new register.
: HOME? ( i -- flag ) DUP KIND REG = IF DUP VAL SWAP HOME-OF = ELSE DROP FALSE THEN ;
: READS? {: r j -- flag :} \ a register item other than j, not yet home, reads r
  #E @ DUP K @ - ?DO
    I j <> IF I HOME? 0= IF I REGS 1 r LSHIFT AND IF TRUE UNLOOP EXIT THEN THEN THEN
  LOOP FALSE ;
: MOVE-HOME {: i | h -- :}
  i HOME-OF TO h
  i KIND REG = IF h i VAL MOV, ELSE i KIND CONST = IF h i VAL MOVI, ELSE
  i KIND SUM = IF h i VAL LEA-SUM, ELSE h RBP i VAL D0 - LOAD, THEN THEN THEN
  h REG i ITEM! ;
: HOMES-MASK ( -- mask ) 0 K @ 0 ?DO 1 I CELLS HOMES + @ LSHIFT OR LOOP ;
: BREAK-CYCLE ( -- ) \ the first item waiting that reads a register goes to a new one
  #E @ DUP K @ - ?DO I HOME? 0= I REGS 0<> AND IF
    TEMPS @ HOMES-MASK OR TEMPS !  ALLOC I VAL OVER SWAP I KIND SUM = IF LEA-SUM, ELSE MOV, THEN
    REG I ITEM! UNLOOP EXIT THEN LOOP ;
: HOMES! ( -- )
  BEGIN
    FALSE  #E @ DUP K @ - ?DO
      I HOME? 0= IF I HOME-OF I READS? 0= IF I MOVE-HOME DROP TRUE THEN THEN
    LOOP
    0= IF
      FALSE #E @ DUP K @ - ?DO I HOME? 0= OR LOOP  0= IF EXIT THEN
      BREAK-CYCLE
    THEN
  AGAIN ;
: FLUSH-TO ( k -- )
  K !  0 TEMPS !
  DEAD @ IF K @ LAYOUT EXIT THEN
  BEGIN #E @ K @ < WHILE PULL REPEAT
  \ first every value a store could overwrite goes into a register, and flags
  #E @ 0 ?DO
    I KIND FLAG = IF I >REG DROP THEN
    I KIND SUM = I #E @ K @ - < AND IF I >REG DROP THEN
    I KIND MEM = IF
      I #E @ K @ - < IF I VAL I DEST D0 + <> ELSE #E @ K @ > THEN IF I >REG DROP THEN
    THEN
  LOOP
  D0 ?DUP IF RBP RBP ROT LEA, THEN
  #E @ K @ - 0 ?DO I STORE-ITEM LOOP
  HOMES!
  K @ LAYOUT ;
: FLUSH ( -- ) 1 FLUSH-TO ;
: PUSH ( x k -- ) #E @ #MAX = IF FLUSH THEN #E @ ITEM! 1 #E +! ;
: UNFLAG ( -- ) #E @ 0 ?DO I KIND FLAG = IF I FLAG>REG DROP THEN LOOP ;
: NEED ( n -- ) \ n <= 4; then the handler may push two items
  0 TEMPS ! UNFLAG #E @ #MAX 2 - > IF FLUSH THEN BEGIN DUP #E @ > WHILE PULL REPEAT DROP ;
: COPY ( i -- ) ITEM@ PUSH ;

\ The handlers.
CREATE HANDLERS 80 2* CELLS ALLOT  VARIABLE #HANDLERS
: HANDLES ( handler "name" -- ) ' #HANDLERS @ 2* CELLS HANDLERS + 2! 1 #HANDLERS +! ;
: HANDLER ( xt -- handler | 0 )
  #HANDLERS @ 0 ?DO
    DUP HANDLERS I 2* CELLS + @ = IF DROP HANDLERS I 2* CELLS + CELL+ @ UNLOOP EXIT THEN
  LOOP DROP 0 ;

\ Stack words: no code.
:NONAME 1 NEED TOP COPY ; HANDLES DUP
:NONAME 1 NEED DROP-ITEM ; HANDLES DROP
:NONAME 2 NEED TOP ITEM@ 2ND ITEM@ TOP ITEM! 2ND ITEM! ; HANDLES SWAP
:NONAME 2 NEED 2ND COPY ; HANDLES OVER
:NONAME 2 NEED TOP ITEM@ 2ND ITEM! DROP-ITEM ; HANDLES NIP
:NONAME 2 NEED TOP ITEM@ 2DUP 2ND ITEM@ TOP ITEM! 2ND ITEM! PUSH ; HANDLES TUCK
:NONAME 3 NEED 3RD ITEM@ 2ND ITEM@ 3RD ITEM! TOP ITEM@ 2ND ITEM! TOP ITEM! ; HANDLES ROT
:NONAME 3 NEED TOP ITEM@ 2ND ITEM@ TOP ITEM! 3RD ITEM@ 2ND ITEM! 3RD ITEM! ; HANDLES -ROT
:NONAME 2 NEED 2ND COPY 2ND COPY ; HANDLES 2DUP
:NONAME 2 NEED DROP-ITEM DROP-ITEM ; HANDLES 2DROP
:NONAME ; HANDLES CHARS

\ Arithmetic.
: FOLD ( x y op -- z )
  CASE ADD OF + ENDOF OR_ OF OR ENDOF AND_ OF AND ENDOF SUB OF - ENDOF XOR_ OF XOR ENDOF ENDCASE ;
: SWAP-ITEMS ( -- ) TOP ITEM@ 2ND ITEM@ TOP ITEM! 2ND ITEM! ;
: (BINARY) {: op | a d -- :}   \ after 2 NEED
  TOP KIND CONST = 2ND KIND CONST = AND IF
    2ND VAL TOP VAL op FOLD CONST 2ND ITEM! DROP-ITEM EXIT THEN
  \ commutative: the constant on top, or a register of its own under it
  op SUB <> IF
    2ND KIND CONST =  2ND KIND REG <> TOP KIND REG = AND TOP VAL USERS 1 = AND  OR IF SWAP-ITEMS THEN
  THEN
  TOP KIND CONST = IF TOP VAL FITS? 0= IF TOP >REG DROP THEN THEN
  \ + and - make a SUM of a register and a displacement, or of two registers: no code yet
  op ADD = op SUB = OR TOP KIND CONST = AND IF
    TOP VAL op SUB = IF NEGATE THEN TO d
    d FITS? 2ND KIND MEM = AND IF 2ND >REG DROP THEN   \ a cell: loaded, the sum left pending
    d FITS? 2ND KIND REG = AND IF 2ND VAL NONE d >SUM SUM 2ND ITEM! DROP-ITEM EXIT THEN
    2ND KIND SUM = IF 2ND VAL DISP@ d + DUP FITS? IF
      2ND VAL BASE@ 2ND VAL INDEX@ ROT >SUM SUM 2ND ITEM! DROP-ITEM EXIT THEN DROP THEN
  THEN
  op ADD = TOP KIND REG = AND FREE# 2 > AND IF
    2ND KIND REG = IF 2ND VAL TOP VAL 0 >SUM SUM 2ND ITEM! DROP-ITEM EXIT THEN
    2ND KIND SUM = IF 2ND VAL INDEX@ NONE = IF
      2ND VAL BASE@ TOP VAL 2ND VAL DISP@ >SUM SUM 2ND ITEM! DROP-ITEM EXIT THEN THEN
  THEN
  2ND >OWN TO a
  TOP KIND CONST = IF a TOP VAL op ALU-I, DROP-ITEM EXIT THEN
  a TOP >REG op ALU, DROP-ITEM ;
: BINARY ( op -- ) 2 NEED (BINARY) ;
: WITH ( x -- ) 1 NEED CONST PUSH ;   \ a constant operand on top of the item
:NONAME ADD BINARY ; HANDLES +
:NONAME SUB BINARY ; HANDLES -
:NONAME AND_ BINARY ; HANDLES AND
:NONAME OR_ BINARY ; HANDLES OR
:NONAME XOR_ BINARY ; HANDLES XOR
:NONAME 1 WITH ADD (BINARY) ; HANDLES 1+
:NONAME 1 WITH SUB (BINARY) ; HANDLES 1-
:NONAME 8 WITH ADD (BINARY) ; HANDLES CELL+
:NONAME {: | a :}
  2 NEED
  TOP KIND CONST = 2ND KIND CONST = AND IF 2ND VAL TOP VAL * CONST 2ND ITEM! DROP-ITEM EXIT THEN
  2ND KIND CONST = IF SWAP-ITEMS THEN
  TOP KIND CONST = IF TOP VAL FITS? IF
    2ND >REG DUP USERS 1 > IF DROP ALLOC THEN ( dst ) DUP 2ND >REG TOP VAL IMUL-I,
    REG 2ND ITEM! DROP-ITEM EXIT
  THEN THEN
  2ND >OWN TO a
  a TOP >REG IMUL, DROP-ITEM ; HANDLES *
: SHIFTED ( x n ext -- x' ) CASE 4 OF LSHIFT ENDOF 5 OF RSHIFT ENDOF 7 OF 0 ?DO 2/ LOOP ENDOF ENDCASE ;
: (SHIFT) ( ext -- ) {: ext :} \ by a constant count only, after 2 NEED
  TOP KIND CONST = 0= IF DECLINE EXIT THEN
  TOP VAL 63 U> IF DECLINE EXIT THEN
  2ND KIND CONST = IF 2ND VAL TOP VAL ext SHIFTED CONST 2ND ITEM! DROP-ITEM EXIT THEN
  2ND >OWN TOP VAL ext SHIFT, DROP-ITEM ;
:NONAME 2 NEED 4 (SHIFT) ; HANDLES LSHIFT
:NONAME 2 NEED 5 (SHIFT) ; HANDLES RSHIFT
:NONAME 1 WITH 4 (SHIFT) ; HANDLES 2*
:NONAME 1 WITH 7 (SHIFT) ; HANDLES 2/
:NONAME 3 WITH 4 (SHIFT) ; HANDLES CELLS
:NONAME 1 NEED TOP KIND CONST = IF TOP VAL NEGATE CONST TOP ITEM! EXIT THEN TOP >OWN 3 UNARY, ; HANDLES NEGATE
:NONAME 1 NEED TOP KIND CONST = IF TOP VAL INVERT CONST TOP ITEM! EXIT THEN TOP >OWN 2 UNARY, ; HANDLES INVERT

\ Memory.
: FETCH {: op | d -- :}
  1 NEED TOP DST TO d  d TOP op MEM,  d REG TOP ITEM! ;
:NONAME 139 FETCH ; HANDLES @
:NONAME 4022 FETCH ; HANDLES C@
: STORE {: iop isize rop -- :} \ ( x addr -- ): op [addr], imm or op [addr], reg
  2 NEED
  2ND KIND CONST = 2ND VAL FITS? AND IF
    0 TOP iop MEM,  2ND VAL isize 1 = IF B, ELSE D, THEN
  ELSE 2ND >REG TOP rop MEM, THEN
  DROP-ITEM DROP-ITEM ;
:NONAME 199 4 137 STORE ; HANDLES !
:NONAME 198 1 136 STORE ; HANDLES C!
:NONAME 129 4 1 STORE ; HANDLES +!

\ Comparisons: the flags of `cmp second, top`, true under condition cc.
: SWAPPED ( cc -- cc' ) \ the same test with the operands exchanged
  CASE 12 OF 15 ENDOF 15 OF 12 ENDOF 2 OF 7 ENDOF 7 OF 2 ENDOF DUP ENDCASE ;
: HOLDS? ( a b cc -- flag )
  CASE 4 OF = ENDOF 5 OF <> ENDOF 12 OF < ENDOF 15 OF > ENDOF 2 OF U< ENDOF 7 OF U> ENDOF ENDCASE ;
: COMPARE ( cc -- ) {: cc :}
  2 NEED
  TOP KIND CONST = 2ND KIND CONST = AND IF
    2ND VAL TOP VAL cc HOLDS? CONST 2ND ITEM! DROP-ITEM EXIT THEN
  2ND KIND CONST = IF SWAP-ITEMS cc SWAPPED TO cc THEN
  TOP KIND CONST = IF TOP VAL FITS? 0= IF TOP >REG DROP THEN THEN
  TOP KIND CONST = IF 2ND >REG TOP VAL CMP ALU-I, ELSE 2ND >REG TOP >REG CMP ALU, THEN
  cc FLAG 2ND ITEM! DROP-ITEM ;
:NONAME 4 COMPARE ; HANDLES =
:NONAME 5 COMPARE ; HANDLES <>
:NONAME 12 COMPARE ; HANDLES <
:NONAME 15 COMPARE ; HANDLES >
:NONAME 2 COMPARE ; HANDLES U<
:NONAME 7 COMPARE ; HANDLES U>
: ZERO ( cc -- ) \ the flags of `test top, top`
  >R 1 NEED
  TOP KIND CONST = IF TOP VAL 0 R> HOLDS? CONST TOP ITEM! EXIT THEN
  TOP >REG TEST,
  R> FLAG TOP ITEM! ;
:NONAME #E @ IF TOP KIND FLAG = IF TOP VAL 1 XOR FLAG TOP ITEM! EXIT THEN THEN 4 ZERO ; HANDLES 0=
:NONAME #E @ IF TOP KIND FLAG = IF EXIT THEN THEN 5 ZERO ; HANDLES 0<>
:NONAME 12 ZERO ; HANDLES 0<
:NONAME 15 ZERO ; HANDLES 0>

\ The return stack and the loop index.
:NONAME 0 NEED ALLOC DUP I, REG PUSH ; HANDLES I
:NONAME 0 NEED ALLOC DUP RSP 0 LOAD, DUP RSP 8 ADD 2 + RM, REG PUSH ; HANDLES J
\ R> right after >R (no code between them, so the item is still where it was) takes the push back.
: >R, ( -- )
  TOP KIND CONST = IF TOP VAL FITS? IF TOP VAL PUSHI, EXIT THEN THEN
  TOP >REG PUSH, ;
:NONAME 1 NEED TOP ITEM@ PUSHED-ITEM 2! (CHERE) @ >R >R, DROP-ITEM
  R> (CHERE) @ PUSHED 2! ; HANDLES >R
:NONAME 0 NEED
  PUSHED 2@ (CHERE) @ = IF (CHERE) ! PUSHED-ITEM 2@ PUSH 0 0 PUSHED 2! EXIT THEN DROP
  ALLOC DUP POP, REG PUSH ; HANDLES R>
:NONAME 0 NEED ALLOC DUP RSP 0 LOAD, REG PUSH ; HANDLES R@

\ Branches and targets.  Every jump to a target flushes to the same layout,
\ remembered with the target (a loop's first instruction) or the jump (the
\ rel32 of a forward one): a forward jump takes the layout of the innermost
\ loop being compiled, LEAVE EXIT and calls layout 1.
VARIABLE #MARKS  CREATE MARKS 64 2* CELLS ALLOT
: MARK! ( k addr -- ) #MARKS @ 64 < IF SWAP MARKS #MARKS @ 2* CELLS + 2! 1 #MARKS +! ELSE 2DROP THEN ;
: MARK? ( addr -- k ) \ 1 if not marked
  #MARKS @ 0 ?DO DUP MARKS I 2* CELLS + CELL+ @ = IF DROP MARKS I 2* CELLS + @ UNLOOP EXIT THEN LOOP
  DROP 1 ;
: ROOM? ( -- flag ) #MARKS @ 64 < ;
VARIABLE #LOOPS  CREATE LOOPS 16 CELLS ALLOT  \ the layouts of the loops being compiled
\ A BEGIN loop's REPEAT may repeat the loop's test instead of jumping back to
\ it (one jump an iteration, not two): when the code from BEGIN to WHILE's jcc
\ is all the model's (no call, no branch, nothing that depends on where it is),
\ REPEAT copies it and ends it with the jcc inverted, back to the body.  Per
\ loop: its head (0 for DO) and the orig of that WHILE (0 while none).
\ The body after that WHILE starts on a boundary too (BODIES: where it starts,
\ the jump back of the repeated test goes there, past the padding).
CREATE HEADS 16 CELLS ALLOT  CREATE CANDS 16 CELLS ALLOT  CREATE BODIES 16 CELLS ALLOT
VARIABLE PAD-AFTER  VARIABLE PAD-LOOP   \ a candidate's orig (0: none), its loop
VARIABLE EXPECT   \ where code space ends after the model's last own code (-1: not known)
VARIABLE CLEAN-FROM   \ from there to HERE, all the code is the model's
: INNER ( -- t true | false ) #LOOPS @ 1- DUP 0< OVER 15 > OR IF DROP FALSE ELSE TRUE THEN ;
: LOOP-IN ( k head -- )
  #LOOPS @ 16 < IF #LOOPS @ CELLS HEADS + !  0 #LOOPS @ CELLS CANDS + !  LOOPS #LOOPS @ CELLS + !
  ELSE 2DROP THEN 1 #LOOPS +! ;
: CANDIDATE ( orig -- ) \ a forward branch in a BEGIN loop: its WHILE, if the test is the model's and short
  INNER 0= IF DROP EXIT THEN {: orig t :}
  t CELLS CANDS + @ IF EXIT THEN
  t CELLS HEADS + @ ?DUP 0= IF EXIT THEN
  DUP CLEAN-FROM @ U< IF DROP EXIT THEN
  orig 2 - SWAP - 128 U> IF EXIT THEN
  orig t CELLS CANDS + !  orig 4 + t CELLS BODIES + !  orig PAD-AFTER !  t PAD-LOOP ! ;
: BODY-ALIGN ( -- ) \ the code right after a candidate's rel32: align it
  PAD-AFTER @ ?DUP 0= IF EXIT THEN  0 PAD-AFTER !
  4 + (CHERE) @ <> IF EXIT THEN
  ALIGN-CODE  (CHERE) @ PAD-LOOP @ CELLS BODIES + ! ;
: LOOP-OUT ( -- ) #LOOPS @ IF -1 #LOOPS +! THEN ;
: FORWARD-K ( -- k ) ROOM? 0= #LOOPS @ 0= OR #LOOPS @ 16 > OR IF 1 ELSE LOOPS #LOOPS @ 1- CELLS + @ THEN ;
VARIABLE HEAD-K  VARIABLE HEAD-DO
: LOOP-HEAD ( consumed -- ) \ before BEGIN or DO (which takes two items): what the loop keeps in registers
  DUP HEAD-DO !
  #E @ SWAP - 1 MAX #HOMES MIN  ROOM? 0= IF DROP 1 THEN HEAD-K !
  HEAD-DO @ IF FLUSH ELSE HEAD-K @ FLUSH-TO THEN ;  \ DO's set-up takes its items from layout 1
: LOOP-ENTRY ( -- ) \ the loop's first instruction: after DO's set-up, from layout 1 to the loop's
  HEAD-DO @ IF HEAD-K @ 1- 0 ?DO PULL LOOP  HEAD-K @ FLUSH-TO THEN
  ALIGN-CODE  HEAD-K @ (CHERE) @ MARK!  HEAD-K @  HEAD-DO @ IF 0 ELSE (CHERE) @ THEN LOOP-IN ;
: LOOP-END ( dest +loop? -- ) \ the step, the items into the loop's layout, jno's opcode
  IF 1 NEED
    TOP KIND CONST = TOP VAL FITS? AND IF 14 TOP VAL ADD ALU-I, ELSE 14 TOP >REG ADD ALU, THEN
    DROP-ITEM
  ELSE 0 NEED 0 14 255 RR, THEN   \ inc r14
  MARK? FLUSH-TO  1 JCC-OP,  LOOP-OUT ;
: AHEAD ( -- ) \ an unconditional forward jump, its opcode next
  FORWARD-K DUP FLUSH-TO  (CHERE) @ 1+ MARK!  TRUE DEAD ! ;
: AGAIN ( dest -- ) MARK? FLUSH-TO  TRUE DEAD !  LOOP-OUT ;
: TARGET ( orig -- ) MARK? FLUSH-TO ;

\ A branch taken when the top is false: the test, the rest flushed, the jcc's opcode.
: BRANCH ( dest|0 -- ) {: dest | k -- :}
  dest IF dest MARK? ELSE FORWARD-K THEN TO k
  0 TEMPS !  #E @ 0= IF PULL THEN
  TOP KIND FLAG = IF TOP VAL DROP-ITEM k FLUSH-TO 1 XOR JCC-OP,
  ELSE UNFLAG TOP >REG DROP-ITEM TEST, k FLUSH-TO 4 JCC-OP, THEN
  dest IF LOOP-OUT ELSE k (CHERE) @ MARK!  (CHERE) @ CANDIDATE THEN ;

\ REPEAT ( orig dest -- flag ): AGAIN, or the test repeated (true: no jump to compile).
: REPEAT, {: orig dest | rot -- flag :}
  INNER IF DUP CELLS HEADS + @ dest = SWAP CELLS CANDS + @ orig = AND orig 0<> AND TO rot THEN
  dest MARK? FLUSH-TO
  rot IF
    orig 2 - dest ?DO I C@ B, LOOP
    15 B, orig 1- C@ 1 XOR B,  INNER DROP CELLS BODIES + @ (CHERE) @ 4 + - D,
  THEN
  TRUE DEAD !  LOOP-OUT  rot ;

\ The compiler's hook: ( x kind -- flag ), see kernel/stackmodel.ts.
: (VM) ( x kind -- flag )
  (CHERE) @ EXPECT @ <> IF (CHERE) @ CLEAN-FROM ! THEN  \ code not the model's came before
  BODY-ALIGN
  DUP >R
  CASE
    0 OF DROP FLUSH FALSE ENDOF
    1 OF HANDLER ?DUP IF
           FALSE DECLINED ! EXECUTE DECLINED @ IF FLUSH FALSE ELSE TRUE THEN
         ELSE FLUSH FALSE THEN ENDOF
    2 OF CONST PUSH TRUE ENDOF
    3 OF BRANCH TRUE ENDOF
    4 OF DROP RESET 0 #MARKS ! 0 #LOOPS ! 0 PAD-AFTER ! FALSE ENDOF
    5 OF LOOP-HEAD FALSE ENDOF
    6 OF DROP LOOP-ENTRY TRUE ENDOF
    7 OF AGAIN TRUE ENDOF
    8 OF FALSE LOOP-END TRUE ENDOF
    9 OF TRUE LOOP-END TRUE ENDOF
    10 OF TARGET TRUE ENDOF
    11 OF DROP AHEAD TRUE ENDOF
    12 OF DROP 2DUP REPEAT, ENDOF   \ ( orig dest ) under x
    NIP FALSE SWAP
  ENDCASE
  \ after a word, a literal or a loop's head the model took, the compiler adds no code
  DUP IF R@ 1 = R@ 2 = OR R@ 6 = OR ELSE FALSE THEN  R> DROP
  IF (CHERE) @ ELSE -1 THEN EXPECT ! ;

' (VM) (VM-HOOK) !
PREVIOUS FORTH-WORDLIST SET-CURRENT
