; Test ROM: self-modifying code in RAM.
; Checks: a loop that patches the immediate of one of its own instructions on every iteration
; (with a jump after the store, as the i486 requires) sums the patched values; a loop that flips
; one of its own instructions between add and sub; and code executed once, then overwritten with
; different code at the same address and executed again, runs the new code.
%include "rom-start.inc"

CODE_RAM      equ 0x40000
OTHER_RAM     equ 0x41000

bits 32
test_main:
    mov al, 0x10
    call progress

    ; 1. patched immediate: sum of 11111111h + i for i = 0..9
    mov esi, patch_loop
    mov edi, CODE_RAM
    mov ecx, patch_loop_end - patch_loop
    rep movsb
    call CODE_RAM
    cmp ebx, 10 * 0x11111111 + 45
    mov al, 0x81                    ; check 81h: every iteration used the freshly patched immediate
    jne fail
    cmp dword [CODE_RAM + (patch_loop.immediate - patch_loop)], 0x11111111 + 10
    mov al, 0x82                    ; check 82h: the immediate in memory was patched ten times
    jne fail
    mov al, 0x11
    call progress

    ; 2. opcode flip: add on even iterations, sub on odd ones: 8 * (+7) + 8 * (-3) = 32
    mov esi, flip_loop
    mov edi, CODE_RAM
    mov ecx, flip_loop_end - flip_loop
    rep movsb
    call CODE_RAM
    cmp ebx, 32
    mov al, 0x83                    ; check 83h: the flipped add/sub ran as patched each time
    jne fail
    mov al, 0x12
    call progress

    ; 3. the same address, new code: run A, overwrite with B, run again
    mov esi, routine_a
    mov edi, OTHER_RAM
    mov ecx, routine_a_end - routine_a
    rep movsb
    call OTHER_RAM
    cmp eax, 0xAAAA
    mov al, 0x84                    ; check 84h: routine A ran
    jne fail
    mov esi, routine_b
    mov edi, OTHER_RAM
    mov ecx, routine_b_end - routine_b
    rep movsb
    call OTHER_RAM
    cmp eax, 0xBBBB
    mov al, 0x85                    ; check 85h: after the overwrite, routine B ran, not A
    jne fail
    mov al, 0x13
    call progress
    jmp pass

; Copied to CODE_RAM and called there; returns EBX = the sum.
patch_loop:
    xor ebx, ebx
    mov ecx, 10
.again:
.add:
    add ebx, strict dword 0x11111111
.immediate equ .add + 2
    inc dword [CODE_RAM + (.immediate - patch_loop)]
    jmp .next
.next:
    loop .again
    ret
patch_loop_end:

; Copied to CODE_RAM and called there; flips the ModRM byte of its add/sub between /0 and /5.
flip_loop:
    xor ebx, ebx
    mov ecx, 16
.again:
.op:
    add ebx, 7                      ; 83 C3 07 (add) or 83 EB 07 (sub)
    xor byte [CODE_RAM + (.op + 1 - flip_loop)], 0xC3 ^ 0xEB
    xor byte [CODE_RAM + (.op + 2 - flip_loop)], 7 ^ 3
    jmp .next
.next:
    loop .again
    ret
flip_loop_end:

routine_a:
    mov eax, 0xAAAA
    ret
routine_a_end:

routine_b:
    nop
    mov eax, 0xBBBB
    ret
routine_b_end:

%include "rom-end.inc"
