; Test ROM: real mode, the state the CPU resets into.
; Checks: segment:offset addressing (two segment:offset pairs for one address), 32-bit operands and
; addresses through the 66h/67h prefixes, software interrupts through the IVT (the frame, and IF/TF
; cleared in the handler), divide error (#DE) as a fault through IVT vector 0, far call and return,
; string instructions with rep/repe, loop and jcxz, and a carry chain with adc/sbb.
%include "rom-defs.inc"

IVT_VECTOR_60 equ 0x60 * 4
SCRATCH_SEG   equ 0x2000

rom_entry:
    cli
    cld
    mov al, 0x01
    out POST_PORT, al
    xor ax, ax
    mov ss, ax
    mov sp, 0x7000
    mov ds, ax
    mov es, ax
    mov al, 0x10
    out POST_PORT, al

    ; segment:offset: 2000:0010 and 2001:0000 are the same byte
    mov ax, SCRATCH_SEG
    mov ds, ax
    mov word [0x10], 0xBEEF
    mov ax, SCRATCH_SEG + 1
    mov es, ax
    cmp word [es:0x00], 0xBEEF
    mov al, 0x81                    ; check 81h: 2000:0010 and 2001:0000 address the same memory
    jne fail16

    ; 32-bit operands and addressing in real mode
    mov eax, 0x12345678
    add eax, 0x11111111
    cmp eax, 0x23456789
    mov al, 0x82                    ; check 82h: 32-bit add with an operand-size prefix
    jne fail16
    xor ebx, ebx
    mov bx, 0x20
    mov ecx, 2
    mov dword [ebx + ecx * 4], 0xCAFEF00D   ; DS = 2000h: linear 20028h
    cmp dword [0x28], 0xCAFEF00D
    mov al, 0x83                    ; check 83h: a 32-bit address with a scaled index
    jne fail16
    mov al, 0x11
    out POST_PORT, al

    ; int 60h through the IVT
    xor ax, ax
    mov ds, ax
    mov word [IVT_VECTOR_60], int60_handler - ROM_BASE
    mov word [IVT_VECTOR_60 + 2], 0xF000
    mov word [0 * 4], divide_handler - ROM_BASE
    mov word [0 * 4 + 2], 0xF000
    mov al, 0xFF                    ; mask every IRQ at both interrupt controllers, so that
    out 0x21, al                    ; setting IF below lets no timer interrupt in
    out 0xA1, al
    pushf
    pop ax
    or ax, 0x0200                   ; the handler must see IF cleared even if it was set
    push ax
    popf
    mov si, sp
    xor bx, bx
    int 0x60
after_int60:
    cli
    cmp bx, 0x600D
    mov al, 0x84                    ; check 84h: int 60h ran the handler from the IVT
    jne fail16
    cmp si, sp
    mov al, 0x85                    ; check 85h: iret restored SP
    jne fail16

    ; #DE: the saved IP points at the div (a fault); the handler skips the two-byte instruction
    xor bx, bx
    mov ax, 1
    xor cl, cl
divide:
    div cl
    cmp bx, 0xDE
    mov al, 0x86                    ; check 86h: divide by zero went through IVT vector 0
    jne fail16
    mov al, 0x12
    out POST_PORT, al

    ; far call and return
    xor ax, ax
    call 0xF000:(far_function - ROM_BASE)
    cmp ax, 0xFA
    mov al, 0x87                    ; check 87h: far call and retf
    jne fail16

    ; strings: copy 64 bytes, fill, then compare until the first difference
    mov ax, cs
    mov ds, ax
    mov ax, SCRATCH_SEG
    mov es, ax
    mov si, pattern - ROM_BASE
    mov di, 0x100
    mov cx, 64
    rep movsb
    cmp di, 0x140
    mov al, 0x88                    ; check 88h: rep movsb advanced DI by the count
    jne fail16
    mov di, 0x140
    mov ax, 0x5A5A
    mov cx, 8
    rep stosw
    mov ax, es
    mov ds, ax
    mov byte [0x100 + 40], 0xFF     ; a difference at offset 40
    mov ax, cs
    mov ds, ax
    mov si, pattern - ROM_BASE
    mov di, 0x100
    mov cx, 64
    repe cmpsb
    cmp cx, 64 - 41
    mov al, 0x89                    ; check 89h: repe cmpsb stopped after the first difference
    jne fail16
    cmp di, 0x100 + 41
    mov al, 0x8A                    ; check 8Ah: repe cmpsb left DI after the differing byte
    jne fail16
    mov al, 0x13
    out POST_PORT, al

    ; loop and jcxz
    xor ax, ax
    mov cx, 10
.sum:
    add ax, cx
    loop .sum
    cmp ax, 55
    mov al, 0x8B                    ; check 8Bh: loop ran ten times
    jne fail16
    jcxz .cx_zero
    mov al, 0x8C                    ; check 8Ch: jcxz with CX = 0 jumps
    jmp fail16
.cx_zero:

    ; a 48-bit add and subtract with carry chains: 0000FFFF:FFFF + 1 and back
    mov ax, 0xFFFF
    mov bx, 0xFFFF
    mov dx, 0x0000
    add ax, 1
    adc bx, 0
    adc dx, 0
    cmp ax, 0
    jne .carry_bad
    cmp bx, 0
    jne .carry_bad
    cmp dx, 1
    jne .carry_bad
    sub ax, 1
    sbb bx, 0
    sbb dx, 0
    cmp dx, 0
    jne .carry_bad
    cmp bx, 0xFFFF
    je .carry_ok
.carry_bad:
    mov al, 0x8D                    ; check 8Dh: the adc/sbb carry chain
    jmp fail16
.carry_ok:
    mov al, 0x14
    out POST_PORT, al
    mov al, 0xFF
    jmp fail16

; int 60h: checks the frame (IP after the int, CS F000h, saved IF set) and that IF and TF are
; clear inside; answers BX = 600Dh.
int60_handler:
    push bp
    mov bp, sp
    cmp word [bp + 2], after_int60 - ROM_BASE
    mov al, 0x90                    ; check 90h: the saved IP is the instruction after int 60h
    jne fail16
    cmp word [bp + 4], 0xF000
    mov al, 0x91                    ; check 91h: the saved CS is F000h
    jne fail16
    test word [bp + 6], 0x0200
    mov al, 0x92                    ; check 92h: the saved FLAGS has IF as it was (set)
    jz fail16
    pushf
    pop ax
    test ax, 0x0300
    mov al, 0x93                    ; check 93h: IF and TF are clear in the handler
    jnz fail16
    mov bx, 0x600D
    pop bp
    iret

; #DE: checks that the saved IP is the div, then resumes after it.
divide_handler:
    push bp
    mov bp, sp
    cmp word [bp + 2], divide - ROM_BASE
    mov al, 0x94                    ; check 94h: #DE saved the address of the div (a fault)
    jne fail16
    add word [bp + 2], 2
    mov bx, 0xDE
    pop bp
    iret

far_function:
    mov ax, 0xFA
    retf

pattern:
    db 'Genova real-mode test pattern: sixty-four bytes of known data!!!'

%include "rom-end.inc"
