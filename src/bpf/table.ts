/**
 * The classic BPF instruction set as data: one literal line per instruction
 * form, in the notation of the kernel's `bpf_asm` (Documentation/networking/
 * filter.rst), with the opcode the form encodes to. Columns, separated by `|`:
 *
 *   mnemonic and operand kinds | opcode (class | size | mode, or class | op | source)
 *
 * Operand kinds: `[k]` a word of the packet (for seccomp: of `seccomp_data`)
 * at offset k; `[x+k]` at offset x + k; `M[k]` scratch word k (0..15); `#k` an
 * immediate; `#len` the packet's length; `x` and `a` the registers;
 * `4*([k]&0xf)` the IP header length idiom; `L` the target of an
 * unconditional jump (32-bit offset); `jt, jf` the targets of a conditional
 * jump (8-bit offsets each, counted from the next instruction). Lines
 * starting with `#` are comments. Read on first use by forms.ts.
 */

export const TABLE = `
# Loads into the accumulator.
ld [k]            | 0x20
ldh [k]           | 0x28
ldb [k]           | 0x30
ld [x+k]          | 0x40
ldh [x+k]         | 0x48
ldb [x+k]         | 0x50
ld #k             | 0x00
ld #len           | 0x80
ld M[k]           | 0x60
# Loads into the index register.
ldx #k            | 0x01
ldx #len          | 0x81
ldx M[k]          | 0x61
ldxb 4*([k]&0xf)  | 0xb1
# Stores into scratch memory.
st M[k]           | 0x02
stx M[k]          | 0x03
# Arithmetic on the accumulator, with an immediate or with x.
add #k            | 0x04
add x             | 0x0c
sub #k            | 0x14
sub x             | 0x1c
mul #k            | 0x24
mul x             | 0x2c
div #k            | 0x34
div x             | 0x3c
or #k             | 0x44
or x              | 0x4c
and #k            | 0x54
and x             | 0x5c
lsh #k            | 0x64
lsh x             | 0x6c
rsh #k            | 0x74
rsh x             | 0x7c
neg               | 0x84
mod #k            | 0x94
mod x             | 0x9c
xor #k            | 0xa4
xor x             | 0xac
# Jumps, forward only.
ja L              | 0x05
jeq #k, jt, jf    | 0x15
jeq x, jt, jf     | 0x1d
jgt #k, jt, jf    | 0x25
jgt x, jt, jf     | 0x2d
jge #k, jt, jf    | 0x35
jge x, jt, jf     | 0x3d
jset #k, jt, jf   | 0x45
jset x, jt, jf    | 0x4d
# Return: the filter's verdict (for seccomp, a SECCOMP_RET_* action).
ret #k            | 0x06
ret a             | 0x16
# Register moves.
tax               | 0x07
txa               | 0x87
`;
