; Test ROM: the switch from real mode to 32-bit protected mode and back.
; Checks: the GDT is in force (CS selector, 32-bit default operand size), flat and based data
; segments, near and far calls, and the return to real mode through a 16-bit code segment.
%include "rom-start.inc"

bits 32
test_main:
    mov al, 0x10
    call progress
    mov ax, cs
    cmp ax, SEL_CODE32
    mov al, 0x81                    ; check 81h: CS holds the 32-bit code selector
    jne fail
    mov eax, cr0
    test al, 1
    mov al, 0x82                    ; check 82h: CR0.PE is set
    jz fail
    mov ebx, esp
    push eax
    sub ebx, esp
    pop eax
    cmp ebx, 4
    mov al, 0x83                    ; check 83h: push in a 32-bit segment moves ESP by 4
    jne fail

    ; flat data segment
    mov dword [0x20000], 0x12345678
    mov ebx, [es:0x20000]
    cmp ebx, 0x12345678
    mov al, 0x84                    ; check 84h: DS and ES see the same flat memory
    jne fail

    ; a data segment based at 20000h
    mov dword [0x20010], 0xA5A5F00D
    mov ax, SEL_DATA_20000
    mov fs, ax
    cmp dword [fs:0x10], 0xA5A5F00D
    mov al, 0x85                    ; check 85h: reads through a based segment add the base
    jne fail
    mov dword [fs:0x20], 0x0BADCAFE
    cmp dword [0x20020], 0x0BADCAFE
    mov al, 0x86                    ; check 86h: writes through a based segment add the base
    jne fail
    mov al, 0x11
    call progress

    ; near and far calls
    xor eax, eax
    call near_function
    cmp eax, 0x1111
    mov al, 0x87                    ; check 87h: near call and return
    jne fail
    xor eax, eax
    call SEL_CODE32:far_function
    cmp eax, 0x2222
    mov al, 0x88                    ; check 88h: far call and far return
    jne fail
    mov al, 0x12
    call progress

    ; back to real mode: 16-bit protected mode first, then clear PE
    mov ax, SEL_DATA16
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    jmp SEL_CODE16:(code16 - ROM_BASE)

near_function:
    mov eax, 0x1111
    ret

far_function:
    mov eax, 0x2222
    retf

bits 16
code16:
    mov eax, cr0
    and al, 0xFE
    mov cr0, eax
    jmp 0xF000:(real_again - ROM_BASE)
real_again:
    xor ax, ax
    mov ss, ax
    mov sp, 0x7000
    mov al, 0x13
    out POST_PORT, al
    smsw ax
    test al, 1
    mov al, 0x89                    ; check 89h: CR0.PE is clear again
    jnz fail16
    mov ax, 0x2000
    mov ds, ax
    cmp dword [0x0000], 0x12345678
    mov al, 0x8A                    ; check 8Ah: real-mode addressing (segment * 16) sees the data
    jne fail16
    mov ax, cs
    cmp ax, 0xF000
    mov al, 0x8B                    ; check 8Bh: CS is F000h after the far jump
    jne fail16
    mov al, 0xFF
    jmp fail16

%include "rom-end.inc"
