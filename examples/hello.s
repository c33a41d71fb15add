# A complete program for `sidecar asm`: prints a line through libc's puts.
#   npx sidecar asm examples/hello.s -o hello --format exe && ./hello
.intel_syntax noprefix
.text
.globl _start
_start:
    xor ebp, ebp
    mov r9, rdx
    pop rsi
    mov rdx, rsp
    and rsp, -16
    push rax
    push rsp
    xor r8d, r8d
    xor ecx, ecx
    lea rdi, [rip + main]
    call qword ptr [rip + __libc_start_main@GOTPCREL]
    hlt
main:
    sub rsp, 8
    lea rdi, [rip + msg]
    call qword ptr [rip + puts@GOTPCREL]
    xor eax, eax
    add rsp, 8
    ret
.section .rodata
msg: .asciz "hello from sidecar asm"
