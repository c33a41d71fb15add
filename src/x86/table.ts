/**
 * The instruction table: one line per encoding, in the notation of the
 * Intel SDM, found by grep (`VADDPD ymm1, ymm2, ymm3/m256`). Columns,
 * separated by `|`:
 *
 *   instruction | opcode | operand encoding | CPU features | options
 *
 * - instruction: the mnemonic and its operand kinds (kinds.ts; a
 *   register's number, as in `xmm1` or `k2`, only names it). `simm8`/`simm32`
 *   are immediates stored in 8/32 bits and sign-extended to the operand
 *   size (the SDM writes `imm8` for both). AVX-512 decorations: `{k1}` the
 *   operand may carry a write mask, `{z}` zeroing-masking, `/m64bcst` an
 *   embedded broadcast of 8-byte elements, `{er}` a static rounding
 *   operand may follow it (`{rn-sae}`..), `{sae}` only `{sae}`.
 * - opcode: legacy prefixes that are part of the opcode (66, F2, F3),
 *   `REX.W +`, `VEX.L.pp.mmmmm.W` or `EVEX.LL.pp.mmm.W`; opcode bytes
 *   (`B8+rd`: the register in the low bits); `/digit` or `/r`; the
 *   immediate (ib iw id io) or relative displacement (cb cd).
 * - operand encoding (the SDM's Op/En): which operand goes where. O:
 *   register in the opcode's low bits. I: immediate with an implicit
 *   accumulator. M, MI, MR, RM, RMI, MRI: ModRM with rm = the first
 *   (M) or second (R first) operand. D: relative branch. FD, TD: the
 *   accumulator from or to a 64-bit absolute address. ZO: no operands
 *   encoded. VEX and EVEX forms: R = ModRM.reg, V = vvvv, M = ModRM.rm, in
 *   operand order.
 * - CPU features: the CPUID feature flags the encoding needs (X64: any
 *   x86-64 processor).
 * - options: `swap` (a VEX load whose store twin GNU `as` uses when it
 *   gives the 2-byte prefix), `default` (the row an unsized memory operand
 *   takes when several sizes fit), a guard on the operands
 *   (`not-eax-eax`, `imm=3`).
 *
 * Rows of one mnemonic are tried in order and the first that fits wins, so
 * the order encodes the choices GNU `as` makes. Lines starting with `#` are
 * comments. The table is text, read on first use (forms.ts).
 */

export const TABLE = `
# Arithmetic and logic. The sign-extended imm8 form comes before the accumulator form before the general
# imm32 form, as GNU as chooses.
ADD AL, imm8      | 04 ib            | I  | X64
ADD r/m8, imm8    | 80 /0 ib         | MI | X64
ADD r/m8, r8      | 00 /r            | MR | X64
ADD r8, r/m8      | 02 /r            | RM | X64
ADD r/m16, simm8  | 66 83 /0 ib      | MI | X64
ADD AX, imm16     | 66 05 iw         | I  | X64
ADD r/m16, imm16  | 66 81 /0 iw      | MI | X64
ADD r/m16, r16    | 66 01 /r         | MR | X64
ADD r16, r/m16    | 66 03 /r         | RM | X64
ADD r/m32, simm8  | 83 /0 ib         | MI | X64
ADD EAX, imm32    | 05 id            | I  | X64
ADD r/m32, imm32  | 81 /0 id         | MI | X64
ADD r/m32, r32    | 01 /r            | MR | X64
ADD r32, r/m32    | 03 /r            | RM | X64
ADD r/m64, simm8  | REX.W + 83 /0 ib | MI | X64
ADD RAX, simm32   | REX.W + 05 id    | I  | X64
ADD r/m64, simm32 | REX.W + 81 /0 id | MI | X64
ADD r/m64, r64    | REX.W + 01 /r    | MR | X64
ADD r64, r/m64    | REX.W + 03 /r    | RM | X64
OR AL, imm8       | 0C ib            | I  | X64
OR r/m8, imm8     | 80 /1 ib         | MI | X64
OR r/m8, r8       | 08 /r            | MR | X64
OR r8, r/m8       | 0A /r            | RM | X64
OR r/m16, simm8   | 66 83 /1 ib      | MI | X64
OR AX, imm16      | 66 0D iw         | I  | X64
OR r/m16, imm16   | 66 81 /1 iw      | MI | X64
OR r/m16, r16     | 66 09 /r         | MR | X64
OR r16, r/m16     | 66 0B /r         | RM | X64
OR r/m32, simm8   | 83 /1 ib         | MI | X64
OR EAX, imm32     | 0D id            | I  | X64
OR r/m32, imm32   | 81 /1 id         | MI | X64
OR r/m32, r32     | 09 /r            | MR | X64
OR r32, r/m32     | 0B /r            | RM | X64
OR r/m64, simm8   | REX.W + 83 /1 ib | MI | X64
OR RAX, simm32    | REX.W + 0D id    | I  | X64
OR r/m64, simm32  | REX.W + 81 /1 id | MI | X64
OR r/m64, r64     | REX.W + 09 /r    | MR | X64
OR r64, r/m64     | REX.W + 0B /r    | RM | X64
ADC AL, imm8      | 14 ib            | I  | X64
ADC r/m8, imm8    | 80 /2 ib         | MI | X64
ADC r/m8, r8      | 10 /r            | MR | X64
ADC r8, r/m8      | 12 /r            | RM | X64
ADC r/m16, simm8  | 66 83 /2 ib      | MI | X64
ADC AX, imm16     | 66 15 iw         | I  | X64
ADC r/m16, imm16  | 66 81 /2 iw      | MI | X64
ADC r/m16, r16    | 66 11 /r         | MR | X64
ADC r16, r/m16    | 66 13 /r         | RM | X64
ADC r/m32, simm8  | 83 /2 ib         | MI | X64
ADC EAX, imm32    | 15 id            | I  | X64
ADC r/m32, imm32  | 81 /2 id         | MI | X64
ADC r/m32, r32    | 11 /r            | MR | X64
ADC r32, r/m32    | 13 /r            | RM | X64
ADC r/m64, simm8  | REX.W + 83 /2 ib | MI | X64
ADC RAX, simm32   | REX.W + 15 id    | I  | X64
ADC r/m64, simm32 | REX.W + 81 /2 id | MI | X64
ADC r/m64, r64    | REX.W + 11 /r    | MR | X64
ADC r64, r/m64    | REX.W + 13 /r    | RM | X64
SBB AL, imm8      | 1C ib            | I  | X64
SBB r/m8, imm8    | 80 /3 ib         | MI | X64
SBB r/m8, r8      | 18 /r            | MR | X64
SBB r8, r/m8      | 1A /r            | RM | X64
SBB r/m16, simm8  | 66 83 /3 ib      | MI | X64
SBB AX, imm16     | 66 1D iw         | I  | X64
SBB r/m16, imm16  | 66 81 /3 iw      | MI | X64
SBB r/m16, r16    | 66 19 /r         | MR | X64
SBB r16, r/m16    | 66 1B /r         | RM | X64
SBB r/m32, simm8  | 83 /3 ib         | MI | X64
SBB EAX, imm32    | 1D id            | I  | X64
SBB r/m32, imm32  | 81 /3 id         | MI | X64
SBB r/m32, r32    | 19 /r            | MR | X64
SBB r32, r/m32    | 1B /r            | RM | X64
SBB r/m64, simm8  | REX.W + 83 /3 ib | MI | X64
SBB RAX, simm32   | REX.W + 1D id    | I  | X64
SBB r/m64, simm32 | REX.W + 81 /3 id | MI | X64
SBB r/m64, r64    | REX.W + 19 /r    | MR | X64
SBB r64, r/m64    | REX.W + 1B /r    | RM | X64
AND AL, imm8      | 24 ib            | I  | X64
AND r/m8, imm8    | 80 /4 ib         | MI | X64
AND r/m8, r8      | 20 /r            | MR | X64
AND r8, r/m8      | 22 /r            | RM | X64
AND r/m16, simm8  | 66 83 /4 ib      | MI | X64
AND AX, imm16     | 66 25 iw         | I  | X64
AND r/m16, imm16  | 66 81 /4 iw      | MI | X64
AND r/m16, r16    | 66 21 /r         | MR | X64
AND r16, r/m16    | 66 23 /r         | RM | X64
AND r/m32, simm8  | 83 /4 ib         | MI | X64
AND EAX, imm32    | 25 id            | I  | X64
AND r/m32, imm32  | 81 /4 id         | MI | X64
AND r/m32, r32    | 21 /r            | MR | X64
AND r32, r/m32    | 23 /r            | RM | X64
AND r/m64, simm8  | REX.W + 83 /4 ib | MI | X64
AND RAX, simm32   | REX.W + 25 id    | I  | X64
AND r/m64, simm32 | REX.W + 81 /4 id | MI | X64
AND r/m64, r64    | REX.W + 21 /r    | MR | X64
AND r64, r/m64    | REX.W + 23 /r    | RM | X64
SUB AL, imm8      | 2C ib            | I  | X64
SUB r/m8, imm8    | 80 /5 ib         | MI | X64
SUB r/m8, r8      | 28 /r            | MR | X64
SUB r8, r/m8      | 2A /r            | RM | X64
SUB r/m16, simm8  | 66 83 /5 ib      | MI | X64
SUB AX, imm16     | 66 2D iw         | I  | X64
SUB r/m16, imm16  | 66 81 /5 iw      | MI | X64
SUB r/m16, r16    | 66 29 /r         | MR | X64
SUB r16, r/m16    | 66 2B /r         | RM | X64
SUB r/m32, simm8  | 83 /5 ib         | MI | X64
SUB EAX, imm32    | 2D id            | I  | X64
SUB r/m32, imm32  | 81 /5 id         | MI | X64
SUB r/m32, r32    | 29 /r            | MR | X64
SUB r32, r/m32    | 2B /r            | RM | X64
SUB r/m64, simm8  | REX.W + 83 /5 ib | MI | X64
SUB RAX, simm32   | REX.W + 2D id    | I  | X64
SUB r/m64, simm32 | REX.W + 81 /5 id | MI | X64
SUB r/m64, r64    | REX.W + 29 /r    | MR | X64
SUB r64, r/m64    | REX.W + 2B /r    | RM | X64
XOR AL, imm8      | 34 ib            | I  | X64
XOR r/m8, imm8    | 80 /6 ib         | MI | X64
XOR r/m8, r8      | 30 /r            | MR | X64
XOR r8, r/m8      | 32 /r            | RM | X64
XOR r/m16, simm8  | 66 83 /6 ib      | MI | X64
XOR AX, imm16     | 66 35 iw         | I  | X64
XOR r/m16, imm16  | 66 81 /6 iw      | MI | X64
XOR r/m16, r16    | 66 31 /r         | MR | X64
XOR r16, r/m16    | 66 33 /r         | RM | X64
XOR r/m32, simm8  | 83 /6 ib         | MI | X64
XOR EAX, imm32    | 35 id            | I  | X64
XOR r/m32, imm32  | 81 /6 id         | MI | X64
XOR r/m32, r32    | 31 /r            | MR | X64
XOR r32, r/m32    | 33 /r            | RM | X64
XOR r/m64, simm8  | REX.W + 83 /6 ib | MI | X64
XOR RAX, simm32   | REX.W + 35 id    | I  | X64
XOR r/m64, simm32 | REX.W + 81 /6 id | MI | X64
XOR r/m64, r64    | REX.W + 31 /r    | MR | X64
XOR r64, r/m64    | REX.W + 33 /r    | RM | X64
CMP AL, imm8      | 3C ib            | I  | X64
CMP r/m8, imm8    | 80 /7 ib         | MI | X64
CMP r/m8, r8      | 38 /r            | MR | X64
CMP r8, r/m8      | 3A /r            | RM | X64
CMP r/m16, simm8  | 66 83 /7 ib      | MI | X64
CMP AX, imm16     | 66 3D iw         | I  | X64
CMP r/m16, imm16  | 66 81 /7 iw      | MI | X64
CMP r/m16, r16    | 66 39 /r         | MR | X64
CMP r16, r/m16    | 66 3B /r         | RM | X64
CMP r/m32, simm8  | 83 /7 ib         | MI | X64
CMP EAX, imm32    | 3D id            | I  | X64
CMP r/m32, imm32  | 81 /7 id         | MI | X64
CMP r/m32, r32    | 39 /r            | MR | X64
CMP r32, r/m32    | 3B /r            | RM | X64
CMP r/m64, simm8  | REX.W + 83 /7 ib | MI | X64
CMP RAX, simm32   | REX.W + 3D id    | I  | X64
CMP r/m64, simm32 | REX.W + 81 /7 id | MI | X64
CMP r/m64, r64    | REX.W + 39 /r    | MR | X64
CMP r64, r/m64    | REX.W + 3B /r    | RM | X64

# Moves. The store form 89 comes before the load form 8B for register-to-register moves, as GNU as
# chooses; moffs rows take 64-bit absolute addresses that do not fit a disp32.
MOV r/m8, r8      | 88 /r            | MR | X64
MOV r8, r/m8      | 8A /r            | RM | X64
MOV r8, imm8      | B0+rb ib         | OI | X64
MOV r/m8, imm8    | C6 /0 ib         | MI | X64
MOV r/m16, r16    | 66 89 /r         | MR | X64
MOV r16, r/m16    | 66 8B /r         | RM | X64
MOV r16, imm16    | 66 B8+rd iw      | OI | X64
MOV r/m16, imm16  | 66 C7 /0 iw      | MI | X64
MOV r/m32, r32    | 89 /r            | MR | X64
MOV r32, r/m32    | 8B /r            | RM | X64
MOV r32, imm32    | B8+rd id         | OI | X64
MOV r/m32, imm32  | C7 /0 id         | MI | X64
MOV r/m64, r64    | REX.W + 89 /r    | MR | X64
MOV r64, r/m64    | REX.W + 8B /r    | RM | X64
MOV r/m64, simm32 | REX.W + C7 /0 id | MI | X64
MOV r64, imm64    | REX.W + B8+rd io | OI | X64
MOV AL, moffs     | A0               | FD | X64
MOV AX, moffs     | 66 A1            | FD | X64
MOV EAX, moffs    | A1               | FD | X64
MOV RAX, moffs    | REX.W + A1       | FD | X64
MOV moffs, AL     | A2               | TD | X64
MOV moffs, AX     | 66 A3            | TD | X64
MOV moffs, EAX    | A3               | TD | X64
MOV moffs, RAX    | REX.W + A3       | TD | X64
MOVABS r64, imm64 | REX.W + B8+rd io | OI | X64
MOVABS AL, moffs  | A0               | FD | X64
MOVABS AX, moffs  | 66 A1            | FD | X64
MOVABS EAX, moffs | A1               | FD | X64
MOVABS RAX, moffs | REX.W + A1       | FD | X64
MOVABS moffs, AL  | A2               | TD | X64
MOVABS moffs, AX  | 66 A3            | TD | X64
MOVABS moffs, EAX | A3               | TD | X64
MOVABS moffs, RAX | REX.W + A3       | TD | X64

# Zero and sign extension; addresses.
MOVZX r16, r/m8   | 66 0F B6 /r      | RM | X64
MOVZX r32, r/m8   | 0F B6 /r         | RM | X64
MOVZX r64, r/m8   | REX.W + 0F B6 /r | RM | X64
MOVZX r16, r/m16  | 66 0F B7 /r      | RM | X64
MOVZX r32, r/m16  | 0F B7 /r         | RM | X64
MOVZX r64, r/m16  | REX.W + 0F B7 /r | RM | X64
MOVSX r16, r/m8   | 66 0F BE /r      | RM | X64
MOVSX r32, r/m8   | 0F BE /r         | RM | X64
MOVSX r64, r/m8   | REX.W + 0F BE /r | RM | X64
MOVSX r16, r/m16  | 66 0F BF /r      | RM | X64
MOVSX r32, r/m16  | 0F BF /r         | RM | X64
MOVSX r64, r/m16  | REX.W + 0F BF /r | RM | X64
MOVSX r64, r/m32  | REX.W + 63 /r    | RM | X64
MOVSXD r64, r/m32 | REX.W + 63 /r    | RM | X64
MOVSXD r32, r/m32 | 63 /r            | RM | X64
LEA r16, m        | 66 8D /r         | RM | X64
LEA r32, m        | 8D /r            | RM | X64
LEA r64, m        | REX.W + 8D /r    | RM | X64

# test has no sign-extended imm8 form.
TEST AL, imm8      | A8 ib            | I  | X64
TEST r/m8, imm8    | F6 /0 ib         | MI | X64
TEST r/m8, r8      | 84 /r            | MR | X64
TEST r8, r/m8      | 84 /r            | RM | X64
TEST AX, imm16     | 66 A9 iw         | I  | X64
TEST r/m16, imm16  | 66 F7 /0 iw      | MI | X64
TEST r/m16, r16    | 66 85 /r         | MR | X64
TEST r16, r/m16    | 66 85 /r         | RM | X64
TEST EAX, imm32    | A9 id            | I  | X64
TEST r/m32, imm32  | F7 /0 id         | MI | X64
TEST r/m32, r32    | 85 /r            | MR | X64
TEST r32, r/m32    | 85 /r            | RM | X64
TEST RAX, simm32   | REX.W + A9 id    | I  | X64
TEST r/m64, simm32 | REX.W + F7 /0 id | MI | X64
TEST r/m64, r64    | REX.W + 85 /r    | MR | X64
TEST r64, r/m64    | REX.W + 85 /r    | RM | X64

# xchg: 90+r with the accumulator, except 'xchg eax, eax' (90 is nop in 64-bit mode, which does not
# zero-extend); GNU as encodes 'xchg rax, rax' as a bare 90.
XCHG RAX, RAX   | 90            | ZO | X64
XCHG AX, r16    | 66 90+rd      | O  | X64
XCHG r16, AX    | 66 90+rd      | O  | X64
XCHG r/m16, r16 | 66 87 /r      | MR | X64
XCHG r16, r/m16 | 66 87 /r      | RM | X64
XCHG EAX, r32   | 90+rd         | O  | X64 | not-eax-eax
XCHG r32, EAX   | 90+rd         | O  | X64 | not-eax-eax
XCHG r/m32, r32 | 87 /r         | MR | X64
XCHG r32, r/m32 | 87 /r         | RM | X64
XCHG RAX, r64   | REX.W + 90+rd | O  | X64
XCHG r64, RAX   | REX.W + 90+rd | O  | X64
XCHG r/m64, r64 | REX.W + 87 /r | MR | X64
XCHG r64, r/m64 | REX.W + 87 /r | RM | X64
XCHG r/m8, r8   | 86 /r         | MR | X64
XCHG r8, r/m8   | 86 /r         | RM | X64

# One operand (group 3, inc, dec), and imul with two or three.
NOT r/m8                | F6 /2            | M   | X64
NOT r/m16               | 66 F7 /2         | M   | X64
NOT r/m32               | F7 /2            | M   | X64
NOT r/m64               | REX.W + F7 /2    | M   | X64
NEG r/m8                | F6 /3            | M   | X64
NEG r/m16               | 66 F7 /3         | M   | X64
NEG r/m32               | F7 /3            | M   | X64
NEG r/m64               | REX.W + F7 /3    | M   | X64
MUL r/m8                | F6 /4            | M   | X64
MUL r/m16               | 66 F7 /4         | M   | X64
MUL r/m32               | F7 /4            | M   | X64
MUL r/m64               | REX.W + F7 /4    | M   | X64
IMUL r/m8               | F6 /5            | M   | X64
IMUL r/m16              | 66 F7 /5         | M   | X64
IMUL r/m32              | F7 /5            | M   | X64
IMUL r/m64              | REX.W + F7 /5    | M   | X64
IMUL r16, r/m16         | 66 0F AF /r      | RM  | X64
IMUL r16, r/m16, simm8  | 66 6B /r ib      | RMI | X64
IMUL r16, r/m16, imm16  | 66 69 /r iw      | RMI | X64
IMUL r32, r/m32         | 0F AF /r         | RM  | X64
IMUL r32, r/m32, simm8  | 6B /r ib         | RMI | X64
IMUL r32, r/m32, imm32  | 69 /r id         | RMI | X64
IMUL r64, r/m64         | REX.W + 0F AF /r | RM  | X64
IMUL r64, r/m64, simm8  | REX.W + 6B /r ib | RMI | X64
IMUL r64, r/m64, simm32 | REX.W + 69 /r id | RMI | X64
DIV r/m8                | F6 /6            | M   | X64
DIV r/m16               | 66 F7 /6         | M   | X64
DIV r/m32               | F7 /6            | M   | X64
DIV r/m64               | REX.W + F7 /6    | M   | X64
IDIV r/m8               | F6 /7            | M   | X64
IDIV r/m16              | 66 F7 /7         | M   | X64
IDIV r/m32              | F7 /7            | M   | X64
IDIV r/m64              | REX.W + F7 /7    | M   | X64
INC r/m8                | FE /0            | M   | X64
INC r/m16               | 66 FF /0         | M   | X64
INC r/m32               | FF /0            | M   | X64
INC r/m64               | REX.W + FF /0    | M   | X64
DEC r/m8                | FE /1            | M   | X64
DEC r/m16               | 66 FF /1         | M   | X64
DEC r/m32               | FF /1            | M   | X64
DEC r/m64               | REX.W + FF /1    | M   | X64

# Shifts and rotates.
ROL r/m8, 1           | D0 /0               | M   | X64
ROL r/m8, CL          | D2 /0               | M   | X64
ROL r/m8, imm8        | C0 /0 ib            | MI  | X64
ROL r/m16, 1          | 66 D1 /0            | M   | X64
ROL r/m16, CL         | 66 D3 /0            | M   | X64
ROL r/m16, imm8       | 66 C1 /0 ib         | MI  | X64
ROL r/m32, 1          | D1 /0               | M   | X64
ROL r/m32, CL         | D3 /0               | M   | X64
ROL r/m32, imm8       | C1 /0 ib            | MI  | X64
ROL r/m64, 1          | REX.W + D1 /0       | M   | X64
ROL r/m64, CL         | REX.W + D3 /0       | M   | X64
ROL r/m64, imm8       | REX.W + C1 /0 ib    | MI  | X64
ROR r/m8, 1           | D0 /1               | M   | X64
ROR r/m8, CL          | D2 /1               | M   | X64
ROR r/m8, imm8        | C0 /1 ib            | MI  | X64
ROR r/m16, 1          | 66 D1 /1            | M   | X64
ROR r/m16, CL         | 66 D3 /1            | M   | X64
ROR r/m16, imm8       | 66 C1 /1 ib         | MI  | X64
ROR r/m32, 1          | D1 /1               | M   | X64
ROR r/m32, CL         | D3 /1               | M   | X64
ROR r/m32, imm8       | C1 /1 ib            | MI  | X64
ROR r/m64, 1          | REX.W + D1 /1       | M   | X64
ROR r/m64, CL         | REX.W + D3 /1       | M   | X64
ROR r/m64, imm8       | REX.W + C1 /1 ib    | MI  | X64
RCL r/m8, 1           | D0 /2               | M   | X64
RCL r/m8, CL          | D2 /2               | M   | X64
RCL r/m8, imm8        | C0 /2 ib            | MI  | X64
RCL r/m16, 1          | 66 D1 /2            | M   | X64
RCL r/m16, CL         | 66 D3 /2            | M   | X64
RCL r/m16, imm8       | 66 C1 /2 ib         | MI  | X64
RCL r/m32, 1          | D1 /2               | M   | X64
RCL r/m32, CL         | D3 /2               | M   | X64
RCL r/m32, imm8       | C1 /2 ib            | MI  | X64
RCL r/m64, 1          | REX.W + D1 /2       | M   | X64
RCL r/m64, CL         | REX.W + D3 /2       | M   | X64
RCL r/m64, imm8       | REX.W + C1 /2 ib    | MI  | X64
RCR r/m8, 1           | D0 /3               | M   | X64
RCR r/m8, CL          | D2 /3               | M   | X64
RCR r/m8, imm8        | C0 /3 ib            | MI  | X64
RCR r/m16, 1          | 66 D1 /3            | M   | X64
RCR r/m16, CL         | 66 D3 /3            | M   | X64
RCR r/m16, imm8       | 66 C1 /3 ib         | MI  | X64
RCR r/m32, 1          | D1 /3               | M   | X64
RCR r/m32, CL         | D3 /3               | M   | X64
RCR r/m32, imm8       | C1 /3 ib            | MI  | X64
RCR r/m64, 1          | REX.W + D1 /3       | M   | X64
RCR r/m64, CL         | REX.W + D3 /3       | M   | X64
RCR r/m64, imm8       | REX.W + C1 /3 ib    | MI  | X64
SHL r/m8, 1           | D0 /4               | M   | X64
SHL r/m8, CL          | D2 /4               | M   | X64
SHL r/m8, imm8        | C0 /4 ib            | MI  | X64
SHL r/m16, 1          | 66 D1 /4            | M   | X64
SHL r/m16, CL         | 66 D3 /4            | M   | X64
SHL r/m16, imm8       | 66 C1 /4 ib         | MI  | X64
SHL r/m32, 1          | D1 /4               | M   | X64
SHL r/m32, CL         | D3 /4               | M   | X64
SHL r/m32, imm8       | C1 /4 ib            | MI  | X64
SHL r/m64, 1          | REX.W + D1 /4       | M   | X64
SHL r/m64, CL         | REX.W + D3 /4       | M   | X64
SHL r/m64, imm8       | REX.W + C1 /4 ib    | MI  | X64
SAL r/m8, 1           | D0 /4               | M   | X64
SAL r/m8, CL          | D2 /4               | M   | X64
SAL r/m8, imm8        | C0 /4 ib            | MI  | X64
SAL r/m16, 1          | 66 D1 /4            | M   | X64
SAL r/m16, CL         | 66 D3 /4            | M   | X64
SAL r/m16, imm8       | 66 C1 /4 ib         | MI  | X64
SAL r/m32, 1          | D1 /4               | M   | X64
SAL r/m32, CL         | D3 /4               | M   | X64
SAL r/m32, imm8       | C1 /4 ib            | MI  | X64
SAL r/m64, 1          | REX.W + D1 /4       | M   | X64
SAL r/m64, CL         | REX.W + D3 /4       | M   | X64
SAL r/m64, imm8       | REX.W + C1 /4 ib    | MI  | X64
SHR r/m8, 1           | D0 /5               | M   | X64
SHR r/m8, CL          | D2 /5               | M   | X64
SHR r/m8, imm8        | C0 /5 ib            | MI  | X64
SHR r/m16, 1          | 66 D1 /5            | M   | X64
SHR r/m16, CL         | 66 D3 /5            | M   | X64
SHR r/m16, imm8       | 66 C1 /5 ib         | MI  | X64
SHR r/m32, 1          | D1 /5               | M   | X64
SHR r/m32, CL         | D3 /5               | M   | X64
SHR r/m32, imm8       | C1 /5 ib            | MI  | X64
SHR r/m64, 1          | REX.W + D1 /5       | M   | X64
SHR r/m64, CL         | REX.W + D3 /5       | M   | X64
SHR r/m64, imm8       | REX.W + C1 /5 ib    | MI  | X64
SAR r/m8, 1           | D0 /7               | M   | X64
SAR r/m8, CL          | D2 /7               | M   | X64
SAR r/m8, imm8        | C0 /7 ib            | MI  | X64
SAR r/m16, 1          | 66 D1 /7            | M   | X64
SAR r/m16, CL         | 66 D3 /7            | M   | X64
SAR r/m16, imm8       | 66 C1 /7 ib         | MI  | X64
SAR r/m32, 1          | D1 /7               | M   | X64
SAR r/m32, CL         | D3 /7               | M   | X64
SAR r/m32, imm8       | C1 /7 ib            | MI  | X64
SAR r/m64, 1          | REX.W + D1 /7       | M   | X64
SAR r/m64, CL         | REX.W + D3 /7       | M   | X64
SAR r/m64, imm8       | REX.W + C1 /7 ib    | MI  | X64
SHLD r/m16, r16, imm8 | 66 0F A4 /r ib      | MRI | X64
SHLD r/m16, r16, CL   | 66 0F A5 /r         | MR  | X64
SHLD r/m32, r32, imm8 | 0F A4 /r ib         | MRI | X64
SHLD r/m32, r32, CL   | 0F A5 /r            | MR  | X64
SHLD r/m64, r64, imm8 | REX.W + 0F A4 /r ib | MRI | X64
SHLD r/m64, r64, CL   | REX.W + 0F A5 /r    | MR  | X64
SHRD r/m16, r16, imm8 | 66 0F AC /r ib      | MRI | X64
SHRD r/m16, r16, CL   | 66 0F AD /r         | MR  | X64
SHRD r/m32, r32, imm8 | 0F AC /r ib         | MRI | X64
SHRD r/m32, r32, CL   | 0F AD /r            | MR  | X64
SHRD r/m64, r64, imm8 | REX.W + 0F AC /r ib | MRI | X64
SHRD r/m64, r64, CL   | REX.W + 0F AD /r    | MR  | X64

# Stack, calls, jumps.
PUSH r64    | 50+rd    | O  | X64
PUSH r16    | 66 50+rd | O  | X64
PUSH simm8  | 6A ib    | I  | X64
PUSH simm32 | 68 id    | I  | X64
PUSH r/m64  | FF /6    | M  | X64 | default
PUSH r/m16  | 66 FF /6 | M  | X64
POP r64     | 58+rd    | O  | X64
POP r16     | 66 58+rd | O  | X64
POP r/m64   | 8F /0    | M  | X64 | default
POP r/m16   | 66 8F /0 | M  | X64
CALL rel32  | E8 cd    | D  | X64
CALL r/m64  | FF /2    | M  | X64
JMP rel8    | EB cb    | D  | X64
JMP rel32   | E9 cd    | D  | X64
JMP r/m64   | FF /4    | M  | X64
RET         | C3       | ZO | X64
RET imm16   | C2 iw    | I  | X64
LEAVE       | C9       | ZO | X64
JRCXZ rel8  | E3 cb    | D  | X64
LOOP rel8   | E2 cb    | D  | X64

# Conditional jumps, every spelling of each condition code.
JO rel8    | 70 cb    | D | X64
JO rel32   | 0F 80 cd | D | X64
JNO rel8   | 71 cb    | D | X64
JNO rel32  | 0F 81 cd | D | X64
JB rel8    | 72 cb    | D | X64
JB rel32   | 0F 82 cd | D | X64
JC rel8    | 72 cb    | D | X64
JC rel32   | 0F 82 cd | D | X64
JNAE rel8  | 72 cb    | D | X64
JNAE rel32 | 0F 82 cd | D | X64
JAE rel8   | 73 cb    | D | X64
JAE rel32  | 0F 83 cd | D | X64
JNB rel8   | 73 cb    | D | X64
JNB rel32  | 0F 83 cd | D | X64
JNC rel8   | 73 cb    | D | X64
JNC rel32  | 0F 83 cd | D | X64
JE rel8    | 74 cb    | D | X64
JE rel32   | 0F 84 cd | D | X64
JZ rel8    | 74 cb    | D | X64
JZ rel32   | 0F 84 cd | D | X64
JNE rel8   | 75 cb    | D | X64
JNE rel32  | 0F 85 cd | D | X64
JNZ rel8   | 75 cb    | D | X64
JNZ rel32  | 0F 85 cd | D | X64
JBE rel8   | 76 cb    | D | X64
JBE rel32  | 0F 86 cd | D | X64
JNA rel8   | 76 cb    | D | X64
JNA rel32  | 0F 86 cd | D | X64
JA rel8    | 77 cb    | D | X64
JA rel32   | 0F 87 cd | D | X64
JNBE rel8  | 77 cb    | D | X64
JNBE rel32 | 0F 87 cd | D | X64
JS rel8    | 78 cb    | D | X64
JS rel32   | 0F 88 cd | D | X64
JNS rel8   | 79 cb    | D | X64
JNS rel32  | 0F 89 cd | D | X64
JP rel8    | 7A cb    | D | X64
JP rel32   | 0F 8A cd | D | X64
JPE rel8   | 7A cb    | D | X64
JPE rel32  | 0F 8A cd | D | X64
JNP rel8   | 7B cb    | D | X64
JNP rel32  | 0F 8B cd | D | X64
JPO rel8   | 7B cb    | D | X64
JPO rel32  | 0F 8B cd | D | X64
JL rel8    | 7C cb    | D | X64
JL rel32   | 0F 8C cd | D | X64
JNGE rel8  | 7C cb    | D | X64
JNGE rel32 | 0F 8C cd | D | X64
JGE rel8   | 7D cb    | D | X64
JGE rel32  | 0F 8D cd | D | X64
JNL rel8   | 7D cb    | D | X64
JNL rel32  | 0F 8D cd | D | X64
JLE rel8   | 7E cb    | D | X64
JLE rel32  | 0F 8E cd | D | X64
JNG rel8   | 7E cb    | D | X64
JNG rel32  | 0F 8E cd | D | X64
JG rel8    | 7F cb    | D | X64
JG rel32   | 0F 8F cd | D | X64
JNLE rel8  | 7F cb    | D | X64
JNLE rel32 | 0F 8F cd | D | X64

# Set byte on condition.
SETO r/m8   | 0F 90 /0 | M | X64
SETNO r/m8  | 0F 91 /0 | M | X64
SETB r/m8   | 0F 92 /0 | M | X64
SETC r/m8   | 0F 92 /0 | M | X64
SETNAE r/m8 | 0F 92 /0 | M | X64
SETAE r/m8  | 0F 93 /0 | M | X64
SETNB r/m8  | 0F 93 /0 | M | X64
SETNC r/m8  | 0F 93 /0 | M | X64
SETE r/m8   | 0F 94 /0 | M | X64
SETZ r/m8   | 0F 94 /0 | M | X64
SETNE r/m8  | 0F 95 /0 | M | X64
SETNZ r/m8  | 0F 95 /0 | M | X64
SETBE r/m8  | 0F 96 /0 | M | X64
SETNA r/m8  | 0F 96 /0 | M | X64
SETA r/m8   | 0F 97 /0 | M | X64
SETNBE r/m8 | 0F 97 /0 | M | X64
SETS r/m8   | 0F 98 /0 | M | X64
SETNS r/m8  | 0F 99 /0 | M | X64
SETP r/m8   | 0F 9A /0 | M | X64
SETPE r/m8  | 0F 9A /0 | M | X64
SETNP r/m8  | 0F 9B /0 | M | X64
SETPO r/m8  | 0F 9B /0 | M | X64
SETL r/m8   | 0F 9C /0 | M | X64
SETNGE r/m8 | 0F 9C /0 | M | X64
SETGE r/m8  | 0F 9D /0 | M | X64
SETNL r/m8  | 0F 9D /0 | M | X64
SETLE r/m8  | 0F 9E /0 | M | X64
SETNG r/m8  | 0F 9E /0 | M | X64
SETG r/m8   | 0F 9F /0 | M | X64
SETNLE r/m8 | 0F 9F /0 | M | X64

# Conditional moves.
CMOVO r16, r/m16   | 66 0F 40 /r      | RM | CMOV
CMOVO r32, r/m32   | 0F 40 /r         | RM | CMOV
CMOVO r64, r/m64   | REX.W + 0F 40 /r | RM | CMOV
CMOVNO r16, r/m16  | 66 0F 41 /r      | RM | CMOV
CMOVNO r32, r/m32  | 0F 41 /r         | RM | CMOV
CMOVNO r64, r/m64  | REX.W + 0F 41 /r | RM | CMOV
CMOVB r16, r/m16   | 66 0F 42 /r      | RM | CMOV
CMOVB r32, r/m32   | 0F 42 /r         | RM | CMOV
CMOVB r64, r/m64   | REX.W + 0F 42 /r | RM | CMOV
CMOVC r16, r/m16   | 66 0F 42 /r      | RM | CMOV
CMOVC r32, r/m32   | 0F 42 /r         | RM | CMOV
CMOVC r64, r/m64   | REX.W + 0F 42 /r | RM | CMOV
CMOVNAE r16, r/m16 | 66 0F 42 /r      | RM | CMOV
CMOVNAE r32, r/m32 | 0F 42 /r         | RM | CMOV
CMOVNAE r64, r/m64 | REX.W + 0F 42 /r | RM | CMOV
CMOVAE r16, r/m16  | 66 0F 43 /r      | RM | CMOV
CMOVAE r32, r/m32  | 0F 43 /r         | RM | CMOV
CMOVAE r64, r/m64  | REX.W + 0F 43 /r | RM | CMOV
CMOVNB r16, r/m16  | 66 0F 43 /r      | RM | CMOV
CMOVNB r32, r/m32  | 0F 43 /r         | RM | CMOV
CMOVNB r64, r/m64  | REX.W + 0F 43 /r | RM | CMOV
CMOVNC r16, r/m16  | 66 0F 43 /r      | RM | CMOV
CMOVNC r32, r/m32  | 0F 43 /r         | RM | CMOV
CMOVNC r64, r/m64  | REX.W + 0F 43 /r | RM | CMOV
CMOVE r16, r/m16   | 66 0F 44 /r      | RM | CMOV
CMOVE r32, r/m32   | 0F 44 /r         | RM | CMOV
CMOVE r64, r/m64   | REX.W + 0F 44 /r | RM | CMOV
CMOVZ r16, r/m16   | 66 0F 44 /r      | RM | CMOV
CMOVZ r32, r/m32   | 0F 44 /r         | RM | CMOV
CMOVZ r64, r/m64   | REX.W + 0F 44 /r | RM | CMOV
CMOVNE r16, r/m16  | 66 0F 45 /r      | RM | CMOV
CMOVNE r32, r/m32  | 0F 45 /r         | RM | CMOV
CMOVNE r64, r/m64  | REX.W + 0F 45 /r | RM | CMOV
CMOVNZ r16, r/m16  | 66 0F 45 /r      | RM | CMOV
CMOVNZ r32, r/m32  | 0F 45 /r         | RM | CMOV
CMOVNZ r64, r/m64  | REX.W + 0F 45 /r | RM | CMOV
CMOVBE r16, r/m16  | 66 0F 46 /r      | RM | CMOV
CMOVBE r32, r/m32  | 0F 46 /r         | RM | CMOV
CMOVBE r64, r/m64  | REX.W + 0F 46 /r | RM | CMOV
CMOVNA r16, r/m16  | 66 0F 46 /r      | RM | CMOV
CMOVNA r32, r/m32  | 0F 46 /r         | RM | CMOV
CMOVNA r64, r/m64  | REX.W + 0F 46 /r | RM | CMOV
CMOVA r16, r/m16   | 66 0F 47 /r      | RM | CMOV
CMOVA r32, r/m32   | 0F 47 /r         | RM | CMOV
CMOVA r64, r/m64   | REX.W + 0F 47 /r | RM | CMOV
CMOVNBE r16, r/m16 | 66 0F 47 /r      | RM | CMOV
CMOVNBE r32, r/m32 | 0F 47 /r         | RM | CMOV
CMOVNBE r64, r/m64 | REX.W + 0F 47 /r | RM | CMOV
CMOVS r16, r/m16   | 66 0F 48 /r      | RM | CMOV
CMOVS r32, r/m32   | 0F 48 /r         | RM | CMOV
CMOVS r64, r/m64   | REX.W + 0F 48 /r | RM | CMOV
CMOVNS r16, r/m16  | 66 0F 49 /r      | RM | CMOV
CMOVNS r32, r/m32  | 0F 49 /r         | RM | CMOV
CMOVNS r64, r/m64  | REX.W + 0F 49 /r | RM | CMOV
CMOVP r16, r/m16   | 66 0F 4A /r      | RM | CMOV
CMOVP r32, r/m32   | 0F 4A /r         | RM | CMOV
CMOVP r64, r/m64   | REX.W + 0F 4A /r | RM | CMOV
CMOVPE r16, r/m16  | 66 0F 4A /r      | RM | CMOV
CMOVPE r32, r/m32  | 0F 4A /r         | RM | CMOV
CMOVPE r64, r/m64  | REX.W + 0F 4A /r | RM | CMOV
CMOVNP r16, r/m16  | 66 0F 4B /r      | RM | CMOV
CMOVNP r32, r/m32  | 0F 4B /r         | RM | CMOV
CMOVNP r64, r/m64  | REX.W + 0F 4B /r | RM | CMOV
CMOVPO r16, r/m16  | 66 0F 4B /r      | RM | CMOV
CMOVPO r32, r/m32  | 0F 4B /r         | RM | CMOV
CMOVPO r64, r/m64  | REX.W + 0F 4B /r | RM | CMOV
CMOVL r16, r/m16   | 66 0F 4C /r      | RM | CMOV
CMOVL r32, r/m32   | 0F 4C /r         | RM | CMOV
CMOVL r64, r/m64   | REX.W + 0F 4C /r | RM | CMOV
CMOVNGE r16, r/m16 | 66 0F 4C /r      | RM | CMOV
CMOVNGE r32, r/m32 | 0F 4C /r         | RM | CMOV
CMOVNGE r64, r/m64 | REX.W + 0F 4C /r | RM | CMOV
CMOVGE r16, r/m16  | 66 0F 4D /r      | RM | CMOV
CMOVGE r32, r/m32  | 0F 4D /r         | RM | CMOV
CMOVGE r64, r/m64  | REX.W + 0F 4D /r | RM | CMOV
CMOVNL r16, r/m16  | 66 0F 4D /r      | RM | CMOV
CMOVNL r32, r/m32  | 0F 4D /r         | RM | CMOV
CMOVNL r64, r/m64  | REX.W + 0F 4D /r | RM | CMOV
CMOVLE r16, r/m16  | 66 0F 4E /r      | RM | CMOV
CMOVLE r32, r/m32  | 0F 4E /r         | RM | CMOV
CMOVLE r64, r/m64  | REX.W + 0F 4E /r | RM | CMOV
CMOVNG r16, r/m16  | 66 0F 4E /r      | RM | CMOV
CMOVNG r32, r/m32  | 0F 4E /r         | RM | CMOV
CMOVNG r64, r/m64  | REX.W + 0F 4E /r | RM | CMOV
CMOVG r16, r/m16   | 66 0F 4F /r      | RM | CMOV
CMOVG r32, r/m32   | 0F 4F /r         | RM | CMOV
CMOVG r64, r/m64   | REX.W + 0F 4F /r | RM | CMOV
CMOVNLE r16, r/m16 | 66 0F 4F /r      | RM | CMOV
CMOVNLE r32, r/m32 | 0F 4F /r         | RM | CMOV
CMOVNLE r64, r/m64 | REX.W + 0F 4F /r | RM | CMOV

# Bits.
BT r/m16, r16      | 66 0F A3 /r         | MR | X64
BT r/m16, imm8     | 66 0F BA /4 ib      | MI | X64
BT r/m32, r32      | 0F A3 /r            | MR | X64
BT r/m32, imm8     | 0F BA /4 ib         | MI | X64
BT r/m64, r64      | REX.W + 0F A3 /r    | MR | X64
BT r/m64, imm8     | REX.W + 0F BA /4 ib | MI | X64
BTS r/m16, r16     | 66 0F AB /r         | MR | X64
BTS r/m16, imm8    | 66 0F BA /5 ib      | MI | X64
BTS r/m32, r32     | 0F AB /r            | MR | X64
BTS r/m32, imm8    | 0F BA /5 ib         | MI | X64
BTS r/m64, r64     | REX.W + 0F AB /r    | MR | X64
BTS r/m64, imm8    | REX.W + 0F BA /5 ib | MI | X64
BTR r/m16, r16     | 66 0F B3 /r         | MR | X64
BTR r/m16, imm8    | 66 0F BA /6 ib      | MI | X64
BTR r/m32, r32     | 0F B3 /r            | MR | X64
BTR r/m32, imm8    | 0F BA /6 ib         | MI | X64
BTR r/m64, r64     | REX.W + 0F B3 /r    | MR | X64
BTR r/m64, imm8    | REX.W + 0F BA /6 ib | MI | X64
BTC r/m16, r16     | 66 0F BB /r         | MR | X64
BTC r/m16, imm8    | 66 0F BA /7 ib      | MI | X64
BTC r/m32, r32     | 0F BB /r            | MR | X64
BTC r/m32, imm8    | 0F BA /7 ib         | MI | X64
BTC r/m64, r64     | REX.W + 0F BB /r    | MR | X64
BTC r/m64, imm8    | REX.W + 0F BA /7 ib | MI | X64
BSF r16, r/m16     | 66 0F BC /r         | RM | X64
BSF r32, r/m32     | 0F BC /r            | RM | X64
BSF r64, r/m64     | REX.W + 0F BC /r    | RM | X64
BSR r16, r/m16     | 66 0F BD /r         | RM | X64
BSR r32, r/m32     | 0F BD /r            | RM | X64
BSR r64, r/m64     | REX.W + 0F BD /r    | RM | X64
LZCNT r16, r/m16   | 66 F3 0F BD /r      | RM | LZCNT
LZCNT r32, r/m32   | F3 0F BD /r         | RM | LZCNT
LZCNT r64, r/m64   | REX.W + F3 0F BD /r | RM | LZCNT
TZCNT r16, r/m16   | 66 F3 0F BC /r      | RM | BMI1
TZCNT r32, r/m32   | F3 0F BC /r         | RM | BMI1
TZCNT r64, r/m64   | REX.W + F3 0F BC /r | RM | BMI1
POPCNT r16, r/m16  | 66 F3 0F B8 /r      | RM | POPCNT
POPCNT r32, r/m32  | F3 0F B8 /r         | RM | POPCNT
POPCNT r64, r/m64  | REX.W + F3 0F B8 /r | RM | POPCNT
XADD r/m16, r16    | 66 0F C1 /r         | MR | X64
XADD r/m32, r32    | 0F C1 /r            | MR | X64
XADD r/m64, r64    | REX.W + 0F C1 /r    | MR | X64
XADD r/m8, r8      | 0F C0 /r            | MR | X64
CMPXCHG r/m16, r16 | 66 0F B1 /r         | MR | X64
CMPXCHG r/m32, r32 | 0F B1 /r            | MR | X64
CMPXCHG r/m64, r64 | REX.W + 0F B1 /r    | MR | X64
CMPXCHG r/m8, r8   | 0F B0 /r            | MR | X64
BSWAP r32          | 0F C8+rd            | O  | X64
BSWAP r64          | REX.W + 0F C8+rd    | O  | X64

# No operands; multi-byte nop; int. GNU as turns 'int 3' into the one-byte breakpoint int3.
CBW       | 66 98            | ZO | X64
CWDE      | 98               | ZO | X64
CDQE      | REX.W + 98       | ZO | X64
CWD       | 66 99            | ZO | X64
CDQ       | 99               | ZO | X64
CQO       | REX.W + 99       | ZO | X64
NOP       | 90               | ZO | X64
NOP r/m16 | 66 0F 1F /0      | M  | X64
NOP r/m32 | 0F 1F /0         | M  | X64
NOP r/m64 | REX.W + 0F 1F /0 | M  | X64
INT3      | CC               | ZO | X64
UD2       | 0F 0B            | ZO | X64
PAUSE     | F3 90            | ZO | X64
SYSCALL   | 0F 05            | ZO | X64
CPUID     | 0F A2            | ZO | X64
RDTSC     | 0F 31            | ZO | X64
RDTSCP    | 0F 01 F9         | ZO | RDTSCP
MFENCE    | 0F AE F0         | ZO | SSE2
LFENCE    | 0F AE E8         | ZO | SSE2
SFENCE    | 0F AE F8         | ZO | SSE
HLT       | F4               | ZO | X64
CLC       | F8               | ZO | X64
STC       | F9               | ZO | X64
CLD       | FC               | ZO | X64
STD       | FD               | ZO | X64
MOVSB     | A4               | ZO | X64
MOVSW     | 66 A5            | ZO | X64
MOVSQ     | REX.W + A5       | ZO | X64
STOSB     | AA               | ZO | X64
STOSW     | 66 AB            | ZO | X64
STOSD     | AB               | ZO | X64
STOSQ     | REX.W + AB       | ZO | X64
LODSB     | AC               | ZO | X64
LODSQ     | REX.W + AD       | ZO | X64
CMPSB     | A6               | ZO | X64
SCASB     | AE               | ZO | X64
INT imm8  | CC               | ZO | X64    | imm=3
INT imm8  | CD ib            | I  | X64
MOVSD     | A5               | ZO | X64

# Prefetch: hints, a byte of memory names the line.
PREFETCHNTA m8 | 0F 18 /0 | M | SSE
PREFETCHT0 m8  | 0F 18 /1 | M | SSE
PREFETCHT1 m8  | 0F 18 /2 | M | SSE
PREFETCHT2 m8  | 0F 18 /3 | M | SSE
PREFETCHW m8   | 0F 0D /1 | M | PREFETCHW

# SSE and SSE2. movd with a 64-bit operand is movq (GNU as takes both spellings; unsized memory is a
# dword).
MOVSD xmm1, xmm2/m64         | F2 0F 10 /r       | RM  | SSE2
MOVSD xmm1/m64, xmm2         | F2 0F 11 /r       | MR  | SSE2
MOVSS xmm1, xmm2/m32         | F3 0F 10 /r       | RM  | SSE
MOVSS xmm1/m32, xmm2         | F3 0F 11 /r       | MR  | SSE
MOVAPD xmm1, xmm2/m128       | 66 0F 28 /r       | RM  | SSE2
MOVAPD xmm1/m128, xmm2       | 66 0F 29 /r       | MR  | SSE2
MOVUPD xmm1, xmm2/m128       | 66 0F 10 /r       | RM  | SSE2
MOVUPD xmm1/m128, xmm2       | 66 0F 11 /r       | MR  | SSE2
MOVAPS xmm1, xmm2/m128       | 0F 28 /r          | RM  | SSE
MOVAPS xmm1/m128, xmm2       | 0F 29 /r          | MR  | SSE
MOVUPS xmm1, xmm2/m128       | 0F 10 /r          | RM  | SSE
MOVUPS xmm1/m128, xmm2       | 0F 11 /r          | MR  | SSE
MOVDQA xmm1, xmm2/m128       | 66 0F 6F /r       | RM  | SSE2
MOVDQA xmm1/m128, xmm2       | 66 0F 7F /r       | MR  | SSE2
MOVDQU xmm1, xmm2/m128       | F3 0F 6F /r       | RM  | SSE2
MOVDQU xmm1/m128, xmm2       | F3 0F 7F /r       | MR  | SSE2
MOVD xmm1, r/m32             | 66 0F 6E /r       | RM  | SSE2   | default
MOVD r/m32, xmm1             | 66 0F 7E /r       | MR  | SSE2   | default
MOVD xmm1, r/m64             | 66 REX.W 0F 6E /r | RM  | SSE2
MOVD r/m64, xmm1             | 66 REX.W 0F 7E /r | MR  | SSE2
MOVQ xmm1, xmm2/m64          | F3 0F 7E /r       | RM  | SSE2
MOVQ xmm1, r/m64             | 66 REX.W 0F 6E /r | RM  | SSE2
MOVQ xmm1/m64, xmm2          | 66 0F D6 /r       | MR  | SSE2
MOVQ r/m64, xmm1             | 66 REX.W 0F 7E /r | MR  | SSE2
ADDSD xmm1, xmm2/m64         | F2 0F 58 /r       | RM  | SSE2
ADDSS xmm1, xmm2/m32         | F3 0F 58 /r       | RM  | SSE
ADDPD xmm1, xmm2/m128        | 66 0F 58 /r       | RM  | SSE2
ADDPS xmm1, xmm2/m128        | 0F 58 /r          | RM  | SSE
MULSD xmm1, xmm2/m64         | F2 0F 59 /r       | RM  | SSE2
MULSS xmm1, xmm2/m32         | F3 0F 59 /r       | RM  | SSE
MULPD xmm1, xmm2/m128        | 66 0F 59 /r       | RM  | SSE2
MULPS xmm1, xmm2/m128        | 0F 59 /r          | RM  | SSE
SUBSD xmm1, xmm2/m64         | F2 0F 5C /r       | RM  | SSE2
SUBSS xmm1, xmm2/m32         | F3 0F 5C /r       | RM  | SSE
SUBPD xmm1, xmm2/m128        | 66 0F 5C /r       | RM  | SSE2
SUBPS xmm1, xmm2/m128        | 0F 5C /r          | RM  | SSE
MINSD xmm1, xmm2/m64         | F2 0F 5D /r       | RM  | SSE2
MINSS xmm1, xmm2/m32         | F3 0F 5D /r       | RM  | SSE
MINPD xmm1, xmm2/m128        | 66 0F 5D /r       | RM  | SSE2
MINPS xmm1, xmm2/m128        | 0F 5D /r          | RM  | SSE
DIVSD xmm1, xmm2/m64         | F2 0F 5E /r       | RM  | SSE2
DIVSS xmm1, xmm2/m32         | F3 0F 5E /r       | RM  | SSE
DIVPD xmm1, xmm2/m128        | 66 0F 5E /r       | RM  | SSE2
DIVPS xmm1, xmm2/m128        | 0F 5E /r          | RM  | SSE
MAXSD xmm1, xmm2/m64         | F2 0F 5F /r       | RM  | SSE2
MAXSS xmm1, xmm2/m32         | F3 0F 5F /r       | RM  | SSE
MAXPD xmm1, xmm2/m128        | 66 0F 5F /r       | RM  | SSE2
MAXPS xmm1, xmm2/m128        | 0F 5F /r          | RM  | SSE
SQRTSD xmm1, xmm2/m64        | F2 0F 51 /r       | RM  | SSE2
SQRTSS xmm1, xmm2/m32        | F3 0F 51 /r       | RM  | SSE
SQRTPD xmm1, xmm2/m128       | 66 0F 51 /r       | RM  | SSE2
SQRTPS xmm1, xmm2/m128       | 0F 51 /r          | RM  | SSE
ANDPD xmm1, xmm2/m128        | 66 0F 54 /r       | RM  | SSE2
ANDPS xmm1, xmm2/m128        | 0F 54 /r          | RM  | SSE
ANDNPD xmm1, xmm2/m128       | 66 0F 55 /r       | RM  | SSE2
ANDNPS xmm1, xmm2/m128       | 0F 55 /r          | RM  | SSE
ORPD xmm1, xmm2/m128         | 66 0F 56 /r       | RM  | SSE2
ORPS xmm1, xmm2/m128         | 0F 56 /r          | RM  | SSE
XORPD xmm1, xmm2/m128        | 66 0F 57 /r       | RM  | SSE2
XORPS xmm1, xmm2/m128        | 0F 57 /r          | RM  | SSE
PXOR xmm1, xmm2/m128         | 66 0F EF /r       | RM  | SSE2
PAND xmm1, xmm2/m128         | 66 0F DB /r       | RM  | SSE2
POR xmm1, xmm2/m128          | 66 0F EB /r       | RM  | SSE2
PADDQ xmm1, xmm2/m128        | 66 0F D4 /r       | RM  | SSE2
PSUBQ xmm1, xmm2/m128        | 66 0F FB /r       | RM  | SSE2
UCOMISD xmm1, xmm2/m64       | 66 0F 2E /r       | RM  | SSE2
COMISD xmm1, xmm2/m64        | 66 0F 2F /r       | RM  | SSE2
UCOMISS xmm1, xmm2/m32       | 0F 2E /r          | RM  | SSE
COMISS xmm1, xmm2/m32        | 0F 2F /r          | RM  | SSE
CVTSI2SD xmm1, r/m32         | F2 0F 2A /r       | RM  | SSE2
CVTSI2SD xmm1, r/m64         | F2 REX.W 0F 2A /r | RM  | SSE2
CVTSI2SS xmm1, r/m32         | F3 0F 2A /r       | RM  | SSE
CVTSI2SS xmm1, r/m64         | F3 REX.W 0F 2A /r | RM  | SSE
CVTTSD2SI r32, xmm1/m64      | F2 0F 2C /r       | RM  | SSE2
CVTTSD2SI r64, xmm1/m64      | F2 REX.W 0F 2C /r | RM  | SSE2
CVTSD2SI r32, xmm1/m64       | F2 0F 2D /r       | RM  | SSE2
CVTSD2SI r64, xmm1/m64       | F2 REX.W 0F 2D /r | RM  | SSE2
CVTSD2SS xmm1, xmm2/m64      | F2 0F 5A /r       | RM  | SSE2
CVTSS2SD xmm1, xmm2/m32      | F3 0F 5A /r       | RM  | SSE2
UNPCKLPD xmm1, xmm2/m128     | 66 0F 14 /r       | RM  | SSE2
UNPCKHPD xmm1, xmm2/m128     | 66 0F 15 /r       | RM  | SSE2
SHUFPD xmm1, xmm2/m128, imm8 | 66 0F C6 /r ib    | RMI | SSE2
MOVMSKPD r32, xmm1           | 66 0F 50 /r       | RM  | SSE2
ROUNDSD xmm1, xmm2/m64, imm8 | 66 0F 3A 0B /r ib | RMI | SSE4_1

# AVX, AVX2, FMA. A load marked 'swap' whose store twin is opcode|1 is encoded as the twin when that
# lets a register-to-register move use the 2-byte VEX prefix, as GNU as does.
VMOVUPD xmm1, xmm2/m128                 | VEX.128.66.0F.WIG 10 /r     | RM   | AVX  | swap
VMOVUPD xmm1/m128, xmm2                 | VEX.128.66.0F.WIG 11 /r     | MR   | AVX
VMOVUPD ymm1, ymm2/m256                 | VEX.256.66.0F.WIG 10 /r     | RM   | AVX  | swap
VMOVUPD ymm1/m256, ymm2                 | VEX.256.66.0F.WIG 11 /r     | MR   | AVX
VMOVAPD xmm1, xmm2/m128                 | VEX.128.66.0F.WIG 28 /r     | RM   | AVX  | swap
VMOVAPD xmm1/m128, xmm2                 | VEX.128.66.0F.WIG 29 /r     | MR   | AVX
VMOVAPD ymm1, ymm2/m256                 | VEX.256.66.0F.WIG 28 /r     | RM   | AVX  | swap
VMOVAPD ymm1/m256, ymm2                 | VEX.256.66.0F.WIG 29 /r     | MR   | AVX
VMOVUPS xmm1, xmm2/m128                 | VEX.128.0F.WIG 10 /r        | RM   | AVX  | swap
VMOVUPS xmm1/m128, xmm2                 | VEX.128.0F.WIG 11 /r        | MR   | AVX
VMOVUPS ymm1, ymm2/m256                 | VEX.256.0F.WIG 10 /r        | RM   | AVX  | swap
VMOVUPS ymm1/m256, ymm2                 | VEX.256.0F.WIG 11 /r        | MR   | AVX
VMOVAPS xmm1, xmm2/m128                 | VEX.128.0F.WIG 28 /r        | RM   | AVX  | swap
VMOVAPS xmm1/m128, xmm2                 | VEX.128.0F.WIG 29 /r        | MR   | AVX
VMOVAPS ymm1, ymm2/m256                 | VEX.256.0F.WIG 28 /r        | RM   | AVX  | swap
VMOVAPS ymm1/m256, ymm2                 | VEX.256.0F.WIG 29 /r        | MR   | AVX
VMOVSD xmm1, xmm2, xmm3                 | VEX.LIG.F2.0F.WIG 10 /r     | RVM  | AVX  | swap
VMOVSD xmm1, m64                        | VEX.LIG.F2.0F.WIG 10 /r     | RM   | AVX
VMOVSD m64, xmm1                        | VEX.LIG.F2.0F.WIG 11 /r     | MR   | AVX
VMOVSS xmm1, xmm2, xmm3                 | VEX.LIG.F3.0F.WIG 10 /r     | RVM  | AVX  | swap
VMOVSS xmm1, m32                        | VEX.LIG.F3.0F.WIG 10 /r     | RM   | AVX
VMOVSS m32, xmm1                        | VEX.LIG.F3.0F.WIG 11 /r     | MR   | AVX
VADDPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 58 /r     | RVM  | AVX
VADDPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 58 /r     | RVM  | AVX
VADDSD xmm1, xmm2, xmm3/m64             | VEX.LIG.F2.0F.WIG 58 /r     | RVM  | AVX
VMULPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 59 /r     | RVM  | AVX
VMULPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 59 /r     | RVM  | AVX
VMULSD xmm1, xmm2, xmm3/m64             | VEX.LIG.F2.0F.WIG 59 /r     | RVM  | AVX
VSUBPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 5C /r     | RVM  | AVX
VSUBPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 5C /r     | RVM  | AVX
VSUBSD xmm1, xmm2, xmm3/m64             | VEX.LIG.F2.0F.WIG 5C /r     | RVM  | AVX
VMINPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 5D /r     | RVM  | AVX
VMINPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 5D /r     | RVM  | AVX
VMINSD xmm1, xmm2, xmm3/m64             | VEX.LIG.F2.0F.WIG 5D /r     | RVM  | AVX
VDIVPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 5E /r     | RVM  | AVX
VDIVPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 5E /r     | RVM  | AVX
VDIVSD xmm1, xmm2, xmm3/m64             | VEX.LIG.F2.0F.WIG 5E /r     | RVM  | AVX
VMAXPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 5F /r     | RVM  | AVX
VMAXPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 5F /r     | RVM  | AVX
VMAXSD xmm1, xmm2, xmm3/m64             | VEX.LIG.F2.0F.WIG 5F /r     | RVM  | AVX
VANDPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 54 /r     | RVM  | AVX
VANDPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 54 /r     | RVM  | AVX
VXORPD xmm1, xmm2, xmm3/m128            | VEX.128.66.0F.WIG 57 /r     | RVM  | AVX
VXORPD ymm1, ymm2, ymm3/m256            | VEX.256.66.0F.WIG 57 /r     | RVM  | AVX
VFMADD132PD xmm1, xmm2, xmm3/m128       | VEX.128.66.0F38.W1 98 /r    | RVM  | FMA
VFMADD132PD ymm1, ymm2, ymm3/m256       | VEX.256.66.0F38.W1 98 /r    | RVM  | FMA
VFMADD213PD xmm1, xmm2, xmm3/m128       | VEX.128.66.0F38.W1 A8 /r    | RVM  | FMA
VFMADD213PD ymm1, ymm2, ymm3/m256       | VEX.256.66.0F38.W1 A8 /r    | RVM  | FMA
VFMADD231PD xmm1, xmm2, xmm3/m128       | VEX.128.66.0F38.W1 B8 /r    | RVM  | FMA
VFMADD231PD ymm1, ymm2, ymm3/m256       | VEX.256.66.0F38.W1 B8 /r    | RVM  | FMA
VFNMADD231PD xmm1, xmm2, xmm3/m128      | VEX.128.66.0F38.W1 BC /r    | RVM  | FMA
VFNMADD231PD ymm1, ymm2, ymm3/m256      | VEX.256.66.0F38.W1 BC /r    | RVM  | FMA
VFMADD132SD xmm1, xmm2, xmm3/m64        | VEX.LIG.66.0F38.W1 99 /r    | RVM  | FMA
VFMADD213SD xmm1, xmm2, xmm3/m64        | VEX.LIG.66.0F38.W1 A9 /r    | RVM  | FMA
VFMADD231SD xmm1, xmm2, xmm3/m64        | VEX.LIG.66.0F38.W1 B9 /r    | RVM  | FMA
VFNMADD231SD xmm1, xmm2, xmm3/m64       | VEX.LIG.66.0F38.W1 BD /r    | RVM  | FMA
VBROADCASTSD ymm1, m64                  | VEX.256.66.0F38.W0 19 /r    | RM   | AVX
VBROADCASTSD ymm1, xmm2                 | VEX.256.66.0F38.W0 19 /r    | RM   | AVX2
VEXTRACTF128 xmm1/m128, ymm2, imm8      | VEX.256.66.0F3A.W0 19 /r ib | MRI  | AVX
VINSERTF128 ymm1, ymm2, xmm3/m128, imm8 | VEX.256.66.0F3A.W0 18 /r ib | RVMI | AVX
VPERM2F128 ymm1, ymm2, ymm3/m256, imm8  | VEX.256.66.0F3A.W0 06 /r ib | RVMI | AVX
VPERMPD ymm1, ymm2/m256, imm8           | VEX.256.66.0F3A.W1 01 /r ib | RMI  | AVX2
VZEROUPPER                              | VEX.128.0F.WIG 77           | ZO   | AVX
VADDPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 58 /r        | RVM  | AVX
VADDPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 58 /r        | RVM  | AVX
VMULPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 59 /r        | RVM  | AVX
VMULPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 59 /r        | RVM  | AVX
VSUBPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 5C /r        | RVM  | AVX
VSUBPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 5C /r        | RVM  | AVX
VMINPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 5D /r        | RVM  | AVX
VMINPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 5D /r        | RVM  | AVX
VDIVPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 5E /r        | RVM  | AVX
VDIVPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 5E /r        | RVM  | AVX
VMAXPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 5F /r        | RVM  | AVX
VMAXPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 5F /r        | RVM  | AVX
VANDPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 54 /r        | RVM  | AVX
VANDPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 54 /r        | RVM  | AVX
VXORPS xmm1, xmm2, xmm3/m128            | VEX.128.0F.WIG 57 /r        | RVM  | AVX
VXORPS ymm1, ymm2, ymm3/m256            | VEX.256.0F.WIG 57 /r        | RVM  | AVX
VFMADD132PS xmm1, xmm2, xmm3/m128       | VEX.128.66.0F38.W0 98 /r    | RVM  | FMA
VFMADD132PS ymm1, ymm2, ymm3/m256       | VEX.256.66.0F38.W0 98 /r    | RVM  | FMA
VFMADD213PS xmm1, xmm2, xmm3/m128       | VEX.128.66.0F38.W0 A8 /r    | RVM  | FMA
VFMADD213PS ymm1, ymm2, ymm3/m256       | VEX.256.66.0F38.W0 A8 /r    | RVM  | FMA
VFMADD231PS xmm1, xmm2, xmm3/m128       | VEX.128.66.0F38.W0 B8 /r    | RVM  | FMA
VFMADD231PS ymm1, ymm2, ymm3/m256       | VEX.256.66.0F38.W0 B8 /r    | RVM  | FMA
VFNMADD231PS xmm1, xmm2, xmm3/m128      | VEX.128.66.0F38.W0 BC /r    | RVM  | FMA
VFNMADD231PS ymm1, ymm2, ymm3/m256      | VEX.256.66.0F38.W0 BC /r    | RVM  | FMA
VBROADCASTSS xmm1, m32                  | VEX.128.66.0F38.W0 18 /r    | RM   | AVX
VBROADCASTSS ymm1, m32                  | VEX.256.66.0F38.W0 18 /r    | RM   | AVX
VBROADCASTSS xmm1, xmm2                 | VEX.128.66.0F38.W0 18 /r    | RM   | AVX2
VBROADCASTSS ymm1, xmm2                 | VEX.256.66.0F38.W0 18 /r    | RM   | AVX2

# AVX-512 (EVEX). The VEX rows of a mnemonic come first, so xmm and ymm operands take VEX, as with GNU as,
# unless they need what only EVEX has: registers 16..31, a write mask {k1}, zeroing {z}, an embedded
# broadcast (m64bcst: one 8-byte element repeated), a static rounding {er} or {sae}.
VMOVUPD xmm1 {k1}{z}, xmm2/m128                        | EVEX.128.66.0F.W1 10 /r    | RM  | AVX512F AVX512VL
VMOVUPD ymm1 {k1}{z}, ymm2/m256                        | EVEX.256.66.0F.W1 10 /r    | RM  | AVX512F AVX512VL
VMOVUPD zmm1 {k1}{z}, zmm2/m512                        | EVEX.512.66.0F.W1 10 /r    | RM  | AVX512F
VMOVUPD xmm2/m128 {k1}, xmm1                           | EVEX.128.66.0F.W1 11 /r    | MR  | AVX512F AVX512VL
VMOVUPD ymm2/m256 {k1}, ymm1                           | EVEX.256.66.0F.W1 11 /r    | MR  | AVX512F AVX512VL
VMOVUPD zmm2/m512 {k1}, zmm1                           | EVEX.512.66.0F.W1 11 /r    | MR  | AVX512F
VMOVAPD xmm1 {k1}{z}, xmm2/m128                        | EVEX.128.66.0F.W1 28 /r    | RM  | AVX512F AVX512VL
VMOVAPD ymm1 {k1}{z}, ymm2/m256                        | EVEX.256.66.0F.W1 28 /r    | RM  | AVX512F AVX512VL
VMOVAPD zmm1 {k1}{z}, zmm2/m512                        | EVEX.512.66.0F.W1 28 /r    | RM  | AVX512F
VMOVAPD xmm2/m128 {k1}, xmm1                           | EVEX.128.66.0F.W1 29 /r    | MR  | AVX512F AVX512VL
VMOVAPD ymm2/m256 {k1}, ymm1                           | EVEX.256.66.0F.W1 29 /r    | MR  | AVX512F AVX512VL
VMOVAPD zmm2/m512 {k1}, zmm1                           | EVEX.512.66.0F.W1 29 /r    | MR  | AVX512F
VMOVUPS xmm1 {k1}{z}, xmm2/m128                        | EVEX.128.0F.W0 10 /r       | RM  | AVX512F AVX512VL
VMOVUPS ymm1 {k1}{z}, ymm2/m256                        | EVEX.256.0F.W0 10 /r       | RM  | AVX512F AVX512VL
VMOVUPS zmm1 {k1}{z}, zmm2/m512                        | EVEX.512.0F.W0 10 /r       | RM  | AVX512F
VMOVUPS xmm2/m128 {k1}, xmm1                           | EVEX.128.0F.W0 11 /r       | MR  | AVX512F AVX512VL
VMOVUPS ymm2/m256 {k1}, ymm1                           | EVEX.256.0F.W0 11 /r       | MR  | AVX512F AVX512VL
VMOVUPS zmm2/m512 {k1}, zmm1                           | EVEX.512.0F.W0 11 /r       | MR  | AVX512F
VMOVAPS xmm1 {k1}{z}, xmm2/m128                        | EVEX.128.0F.W0 28 /r       | RM  | AVX512F AVX512VL
VMOVAPS ymm1 {k1}{z}, ymm2/m256                        | EVEX.256.0F.W0 28 /r       | RM  | AVX512F AVX512VL
VMOVAPS zmm1 {k1}{z}, zmm2/m512                        | EVEX.512.0F.W0 28 /r       | RM  | AVX512F
VMOVAPS xmm2/m128 {k1}, xmm1                           | EVEX.128.0F.W0 29 /r       | MR  | AVX512F AVX512VL
VMOVAPS ymm2/m256 {k1}, ymm1                           | EVEX.256.0F.W0 29 /r       | MR  | AVX512F AVX512VL
VMOVAPS zmm2/m512 {k1}, zmm1                           | EVEX.512.0F.W0 29 /r       | MR  | AVX512F
VMOVDQU64 xmm1 {k1}{z}, xmm2/m128                      | EVEX.128.F3.0F.W1 6F /r    | RM  | AVX512F AVX512VL
VMOVDQU64 ymm1 {k1}{z}, ymm2/m256                      | EVEX.256.F3.0F.W1 6F /r    | RM  | AVX512F AVX512VL
VMOVDQU64 zmm1 {k1}{z}, zmm2/m512                      | EVEX.512.F3.0F.W1 6F /r    | RM  | AVX512F
VMOVDQU64 xmm2/m128 {k1}, xmm1                         | EVEX.128.F3.0F.W1 7F /r    | MR  | AVX512F AVX512VL
VMOVDQU64 ymm2/m256 {k1}, ymm1                         | EVEX.256.F3.0F.W1 7F /r    | MR  | AVX512F AVX512VL
VMOVDQU64 zmm2/m512 {k1}, zmm1                         | EVEX.512.F3.0F.W1 7F /r    | MR  | AVX512F
VMOVDQU32 xmm1 {k1}{z}, xmm2/m128                      | EVEX.128.F3.0F.W0 6F /r    | RM  | AVX512F AVX512VL
VMOVDQU32 ymm1 {k1}{z}, ymm2/m256                      | EVEX.256.F3.0F.W0 6F /r    | RM  | AVX512F AVX512VL
VMOVDQU32 zmm1 {k1}{z}, zmm2/m512                      | EVEX.512.F3.0F.W0 6F /r    | RM  | AVX512F
VMOVDQU32 xmm2/m128 {k1}, xmm1                         | EVEX.128.F3.0F.W0 7F /r    | MR  | AVX512F AVX512VL
VMOVDQU32 ymm2/m256 {k1}, ymm1                         | EVEX.256.F3.0F.W0 7F /r    | MR  | AVX512F AVX512VL
VMOVDQU32 zmm2/m512 {k1}, zmm1                         | EVEX.512.F3.0F.W0 7F /r    | MR  | AVX512F
VMOVDQA64 xmm1 {k1}{z}, xmm2/m128                      | EVEX.128.66.0F.W1 6F /r    | RM  | AVX512F AVX512VL
VMOVDQA64 ymm1 {k1}{z}, ymm2/m256                      | EVEX.256.66.0F.W1 6F /r    | RM  | AVX512F AVX512VL
VMOVDQA64 zmm1 {k1}{z}, zmm2/m512                      | EVEX.512.66.0F.W1 6F /r    | RM  | AVX512F
VMOVDQA64 xmm2/m128 {k1}, xmm1                         | EVEX.128.66.0F.W1 7F /r    | MR  | AVX512F AVX512VL
VMOVDQA64 ymm2/m256 {k1}, ymm1                         | EVEX.256.66.0F.W1 7F /r    | MR  | AVX512F AVX512VL
VMOVDQA64 zmm2/m512 {k1}, zmm1                         | EVEX.512.66.0F.W1 7F /r    | MR  | AVX512F
VMOVDQA32 xmm1 {k1}{z}, xmm2/m128                      | EVEX.128.66.0F.W0 6F /r    | RM  | AVX512F AVX512VL
VMOVDQA32 ymm1 {k1}{z}, ymm2/m256                      | EVEX.256.66.0F.W0 6F /r    | RM  | AVX512F AVX512VL
VMOVDQA32 zmm1 {k1}{z}, zmm2/m512                      | EVEX.512.66.0F.W0 6F /r    | RM  | AVX512F
VMOVDQA32 xmm2/m128 {k1}, xmm1                         | EVEX.128.66.0F.W0 7F /r    | MR  | AVX512F AVX512VL
VMOVDQA32 ymm2/m256 {k1}, ymm1                         | EVEX.256.66.0F.W0 7F /r    | MR  | AVX512F AVX512VL
VMOVDQA32 zmm2/m512 {k1}, zmm1                         | EVEX.512.66.0F.W0 7F /r    | MR  | AVX512F
VBROADCASTSD ymm1 {k1}{z}, xmm2/m64                    | EVEX.256.66.0F38.W1 19 /r  | RM  | AVX512F AVX512VL
VBROADCASTSD zmm1 {k1}{z}, xmm2/m64                    | EVEX.512.66.0F38.W1 19 /r  | RM  | AVX512F
VBROADCASTSS xmm1 {k1}{z}, xmm2/m32                    | EVEX.128.66.0F38.W0 18 /r  | RM  | AVX512F AVX512VL
VBROADCASTSS ymm1 {k1}{z}, xmm2/m32                    | EVEX.256.66.0F38.W0 18 /r  | RM  | AVX512F AVX512VL
VBROADCASTSS zmm1 {k1}{z}, xmm2/m32                    | EVEX.512.66.0F38.W0 18 /r  | RM  | AVX512F
VADDPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 58 /r    | RVM | AVX512F AVX512VL
VADDPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 58 /r    | RVM | AVX512F AVX512VL
VADDPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}       | EVEX.512.66.0F.W1 58 /r    | RVM | AVX512F
VADDPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 58 /r       | RVM | AVX512F AVX512VL
VADDPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 58 /r       | RVM | AVX512F AVX512VL
VADDPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}       | EVEX.512.0F.W0 58 /r       | RVM | AVX512F
VMULPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 59 /r    | RVM | AVX512F AVX512VL
VMULPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 59 /r    | RVM | AVX512F AVX512VL
VMULPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}       | EVEX.512.66.0F.W1 59 /r    | RVM | AVX512F
VMULPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 59 /r       | RVM | AVX512F AVX512VL
VMULPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 59 /r       | RVM | AVX512F AVX512VL
VMULPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}       | EVEX.512.0F.W0 59 /r       | RVM | AVX512F
VSUBPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 5C /r    | RVM | AVX512F AVX512VL
VSUBPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 5C /r    | RVM | AVX512F AVX512VL
VSUBPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}       | EVEX.512.66.0F.W1 5C /r    | RVM | AVX512F
VSUBPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 5C /r       | RVM | AVX512F AVX512VL
VSUBPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 5C /r       | RVM | AVX512F AVX512VL
VSUBPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}       | EVEX.512.0F.W0 5C /r       | RVM | AVX512F
VDIVPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 5E /r    | RVM | AVX512F AVX512VL
VDIVPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 5E /r    | RVM | AVX512F AVX512VL
VDIVPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}       | EVEX.512.66.0F.W1 5E /r    | RVM | AVX512F
VDIVPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 5E /r       | RVM | AVX512F AVX512VL
VDIVPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 5E /r       | RVM | AVX512F AVX512VL
VDIVPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}       | EVEX.512.0F.W0 5E /r       | RVM | AVX512F
VMINPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 5D /r    | RVM | AVX512F AVX512VL
VMINPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 5D /r    | RVM | AVX512F AVX512VL
VMINPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{sae}      | EVEX.512.66.0F.W1 5D /r    | RVM | AVX512F
VMINPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 5D /r       | RVM | AVX512F AVX512VL
VMINPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 5D /r       | RVM | AVX512F AVX512VL
VMINPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{sae}      | EVEX.512.0F.W0 5D /r       | RVM | AVX512F
VMAXPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 5F /r    | RVM | AVX512F AVX512VL
VMAXPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 5F /r    | RVM | AVX512F AVX512VL
VMAXPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{sae}      | EVEX.512.66.0F.W1 5F /r    | RVM | AVX512F
VMAXPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 5F /r       | RVM | AVX512F AVX512VL
VMAXPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 5F /r       | RVM | AVX512F AVX512VL
VMAXPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{sae}      | EVEX.512.0F.W0 5F /r       | RVM | AVX512F
VANDPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 54 /r    | RVM | AVX512DQ AVX512VL
VANDPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 54 /r    | RVM | AVX512DQ AVX512VL
VANDPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst           | EVEX.512.66.0F.W1 54 /r    | RVM | AVX512DQ
VANDPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 54 /r       | RVM | AVX512DQ AVX512VL
VANDPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 54 /r       | RVM | AVX512DQ AVX512VL
VANDPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst           | EVEX.512.0F.W0 54 /r       | RVM | AVX512DQ
VXORPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 57 /r    | RVM | AVX512DQ AVX512VL
VXORPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 57 /r    | RVM | AVX512DQ AVX512VL
VXORPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst           | EVEX.512.66.0F.W1 57 /r    | RVM | AVX512DQ
VXORPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.0F.W0 57 /r       | RVM | AVX512DQ AVX512VL
VXORPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.0F.W0 57 /r       | RVM | AVX512DQ AVX512VL
VXORPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst           | EVEX.512.0F.W0 57 /r       | RVM | AVX512DQ
VADDSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}                | EVEX.LLIG.F2.0F.W1 58 /r   | RVM | AVX512F
VMULSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}                | EVEX.LLIG.F2.0F.W1 59 /r   | RVM | AVX512F
VSUBSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}                | EVEX.LLIG.F2.0F.W1 5C /r   | RVM | AVX512F
VDIVSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}                | EVEX.LLIG.F2.0F.W1 5E /r   | RVM | AVX512F
VMINSD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}               | EVEX.LLIG.F2.0F.W1 5D /r   | RVM | AVX512F
VMAXSD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}               | EVEX.LLIG.F2.0F.W1 5F /r   | RVM | AVX512F
VFMADD132PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst      | EVEX.128.66.0F38.W1 98 /r  | RVM | AVX512F AVX512VL
VFMADD132PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst      | EVEX.256.66.0F38.W1 98 /r  | RVM | AVX512F AVX512VL
VFMADD132PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}  | EVEX.512.66.0F38.W1 98 /r  | RVM | AVX512F
VFMADD132PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst      | EVEX.128.66.0F38.W0 98 /r  | RVM | AVX512F AVX512VL
VFMADD132PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst      | EVEX.256.66.0F38.W0 98 /r  | RVM | AVX512F AVX512VL
VFMADD132PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}  | EVEX.512.66.0F38.W0 98 /r  | RVM | AVX512F
VFMADD213PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst      | EVEX.128.66.0F38.W1 A8 /r  | RVM | AVX512F AVX512VL
VFMADD213PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst      | EVEX.256.66.0F38.W1 A8 /r  | RVM | AVX512F AVX512VL
VFMADD213PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}  | EVEX.512.66.0F38.W1 A8 /r  | RVM | AVX512F
VFMADD213PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst      | EVEX.128.66.0F38.W0 A8 /r  | RVM | AVX512F AVX512VL
VFMADD213PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst      | EVEX.256.66.0F38.W0 A8 /r  | RVM | AVX512F AVX512VL
VFMADD213PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}  | EVEX.512.66.0F38.W0 A8 /r  | RVM | AVX512F
VFMADD231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst      | EVEX.128.66.0F38.W1 B8 /r  | RVM | AVX512F AVX512VL
VFMADD231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst      | EVEX.256.66.0F38.W1 B8 /r  | RVM | AVX512F AVX512VL
VFMADD231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}  | EVEX.512.66.0F38.W1 B8 /r  | RVM | AVX512F
VFMADD231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst      | EVEX.128.66.0F38.W0 B8 /r  | RVM | AVX512F AVX512VL
VFMADD231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst      | EVEX.256.66.0F38.W0 B8 /r  | RVM | AVX512F AVX512VL
VFMADD231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}  | EVEX.512.66.0F38.W0 B8 /r  | RVM | AVX512F
VFNMADD231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst     | EVEX.128.66.0F38.W1 BC /r  | RVM | AVX512F AVX512VL
VFNMADD231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst     | EVEX.256.66.0F38.W1 BC /r  | RVM | AVX512F AVX512VL
VFNMADD231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er} | EVEX.512.66.0F38.W1 BC /r  | RVM | AVX512F
VFNMADD231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst     | EVEX.128.66.0F38.W0 BC /r  | RVM | AVX512F AVX512VL
VFNMADD231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst     | EVEX.256.66.0F38.W0 BC /r  | RVM | AVX512F AVX512VL
VFNMADD231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er} | EVEX.512.66.0F38.W0 BC /r  | RVM | AVX512F
VFMADD132SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}           | EVEX.LLIG.66.0F38.W1 99 /r | RVM | AVX512F
VFMADD213SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}           | EVEX.LLIG.66.0F38.W1 A9 /r | RVM | AVX512F
VFMADD231SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}           | EVEX.LLIG.66.0F38.W1 B9 /r | RVM | AVX512F
VFNMADD231SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}          | EVEX.LLIG.66.0F38.W1 BD /r | RVM | AVX512F
VPANDD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.66.0F.W0 DB /r    | RVM | AVX512F AVX512VL
VPANDD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.66.0F.W0 DB /r    | RVM | AVX512F AVX512VL
VPANDD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst           | EVEX.512.66.0F.W0 DB /r    | RVM | AVX512F
VPANDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 DB /r    | RVM | AVX512F AVX512VL
VPANDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 DB /r    | RVM | AVX512F AVX512VL
VPANDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst           | EVEX.512.66.0F.W1 DB /r    | RVM | AVX512F
VPORD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst            | EVEX.128.66.0F.W0 EB /r    | RVM | AVX512F AVX512VL
VPORD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst            | EVEX.256.66.0F.W0 EB /r    | RVM | AVX512F AVX512VL
VPORD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst            | EVEX.512.66.0F.W0 EB /r    | RVM | AVX512F
VPORQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst            | EVEX.128.66.0F.W1 EB /r    | RVM | AVX512F AVX512VL
VPORQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst            | EVEX.256.66.0F.W1 EB /r    | RVM | AVX512F AVX512VL
VPORQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst            | EVEX.512.66.0F.W1 EB /r    | RVM | AVX512F
VPXORD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst           | EVEX.128.66.0F.W0 EF /r    | RVM | AVX512F AVX512VL
VPXORD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst           | EVEX.256.66.0F.W0 EF /r    | RVM | AVX512F AVX512VL
VPXORD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst           | EVEX.512.66.0F.W0 EF /r    | RVM | AVX512F
VPXORQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst           | EVEX.128.66.0F.W1 EF /r    | RVM | AVX512F AVX512VL
VPXORQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst           | EVEX.256.66.0F.W1 EF /r    | RVM | AVX512F AVX512VL
VPXORQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst           | EVEX.512.66.0F.W1 EF /r    | RVM | AVX512F

# AVX-512 mask registers (VEX-encoded).
KMOVB k1, k2/m8   | VEX.L0.66.0F.W0 90 /r | RM  | AVX512DQ
KMOVB m8, k1      | VEX.L0.66.0F.W0 91 /r | MR  | AVX512DQ
KMOVB k1, r32     | VEX.L0.66.0F.W0 92 /r | RM  | AVX512DQ
KMOVB r32, k1     | VEX.L0.66.0F.W0 93 /r | RM  | AVX512DQ
KMOVW k1, k2/m16  | VEX.L0.0F.W0 90 /r    | RM  | AVX512F
KMOVW m16, k1     | VEX.L0.0F.W0 91 /r    | MR  | AVX512F
KMOVW k1, r32     | VEX.L0.0F.W0 92 /r    | RM  | AVX512F
KMOVW r32, k1     | VEX.L0.0F.W0 93 /r    | RM  | AVX512F
KMOVD k1, k2/m32  | VEX.L0.66.0F.W1 90 /r | RM  | AVX512BW
KMOVD m32, k1     | VEX.L0.66.0F.W1 91 /r | MR  | AVX512BW
KMOVD k1, r32     | VEX.L0.F2.0F.W0 92 /r | RM  | AVX512BW
KMOVD r32, k1     | VEX.L0.F2.0F.W0 93 /r | RM  | AVX512BW
KMOVQ k1, k2/m64  | VEX.L0.0F.W1 90 /r    | RM  | AVX512BW
KMOVQ m64, k1     | VEX.L0.0F.W1 91 /r    | MR  | AVX512BW
KMOVQ k1, r64     | VEX.L0.F2.0F.W1 92 /r | RM  | AVX512BW
KMOVQ r64, k1     | VEX.L0.F2.0F.W1 93 /r | RM  | AVX512BW
KXNORB k1, k2, k3 | VEX.L1.66.0F.W0 46 /r | RVM | AVX512DQ
KXNORW k1, k2, k3 | VEX.L1.0F.W0 46 /r    | RVM | AVX512F
KXNORD k1, k2, k3 | VEX.L1.66.0F.W1 46 /r | RVM | AVX512BW
KXNORQ k1, k2, k3 | VEX.L1.0F.W1 46 /r    | RVM | AVX512BW
KANDW k1, k2, k3  | VEX.L1.0F.W0 41 /r    | RVM | AVX512F
KORW k1, k2, k3   | VEX.L1.0F.W0 45 /r    | RVM | AVX512F
KXORW k1, k2, k3  | VEX.L1.0F.W0 47 /r    | RVM | AVX512F
KNOTW k1, k2      | VEX.L0.0F.W0 44 /r    | RM  | AVX512F
KORTESTW k1, k2   | VEX.L0.0F.W0 98 /r    | RM  | AVX512F
`;
