; Test ROM: privilege levels with a TSS.
; Checks: ltr marks the TSS busy; iretd to ring 3 loads the ring-3 CS and SS; int 40h (a DPL-3
; gate) from ring 3 switches to the ring-0 stack from the TSS (SS0:ESP0) and pushes the ring-3
; SS:ESP, EFLAGS, CS:EIP; iretd returns to ring 3. From ring 3, cli, out and hlt with IOPL 0, a
; DPL-0 gate and loading a DPL-0 data selector each raise #GP with the right error code, and the
; handler resumes ring 3 after the instruction.
%include "rom-start.inc"

RING0_STACK   equ 0x6F000
RING3_STACK   equ 0x5F000
USER_DATA     equ 0x50000
SYSCALL       equ 0x40
KERNEL_GATE   equ 0x41

; int 40h functions (EAX): progress with POST code BL, fail with code BL, leave ring 3
SYS_PROGRESS  equ 1
SYS_FAIL      equ 2
SYS_EXIT      equ 3

bits 32
test_main:
    mov al, 0x10
    call progress
    call init_idt
    mov eax, 13
    mov ebx, expected_fault_handler
    mov cl, 0x8E
    call set_gate
    mov eax, SYSCALL
    mov ebx, syscall_handler
    mov cl, 0xEE                    ; interrupt gate, DPL 3
    call set_gate
    mov eax, KERNEL_GATE
    mov ebx, unexpected_interrupt
    mov cl, 0x8E                    ; DPL 0: ring 3 may not use it
    call set_gate

    ; the TSS: only SS0:ESP0 matter here; the I/O map base lies beyond the limit (no bitmap)
    mov edi, TSS_RAM
    xor eax, eax
    mov ecx, 0x68 / 4
    rep stosd
    mov dword [TSS_RAM + 4], RING0_STACK
    mov word [TSS_RAM + 8], SEL_DATA32
    mov word [TSS_RAM + 0x66], 0x68
    mov ax, SEL_TSS
    ltr ax
    mov al, [GDT_RAM + SEL_TSS + 5]
    cmp al, 0x8B
    mov al, 0x81                    ; check 81h: ltr marked the TSS descriptor busy
    jne fail
    str ax
    cmp ax, SEL_TSS
    mov al, 0x82                    ; check 82h: str reads back the TSS selector
    jne fail
    mov dword [FAULT_COUNT], 0
    mov dword [FAULT_CS], SEL_USER_CODE
    mov al, 0x11
    call progress

    ; to ring 3 (IOPL 0, IF 0)
    push dword SEL_USER_DATA
    push dword RING3_STACK
    push dword 0x00000002
    push dword SEL_USER_CODE
    push dword user_code
    iretd

; ---------------------------------------------------------------- ring 3
user_code:
    mov ax, cs
    cmp ax, SEL_USER_CODE
    mov bl, 0x83                    ; check 83h: CS is the ring-3 code selector
    jne user_fail
    mov ax, ss
    cmp ax, SEL_USER_DATA
    mov bl, 0x84                    ; check 84h: SS is the ring-3 data selector
    jne user_fail
    cmp esp, RING3_STACK
    mov bl, 0x85                    ; check 85h: ESP is the ring-3 stack
    jne user_fail
    mov ax, SEL_USER_DATA
    mov ds, ax
    mov es, ax
    mov dword [USER_DATA], 0x13579BDF
    cmp dword [USER_DATA], 0x13579BDF
    mov bl, 0x86                    ; check 86h: ring 3 reads and writes its data
    jne user_fail

    mov eax, SYS_PROGRESS
    mov bl, 0x12
    int SYSCALL
after_syscall:
    cmp eax, 0x600D
    mov bl, 0x87                    ; check 87h: the syscall returned its answer in EAX
    jne user_fail
    mov ax, cs
    cmp ax, SEL_USER_CODE
    mov bl, 0x88                    ; check 88h: iretd returned to ring 3
    jne user_fail
    cmp esp, RING3_STACK
    mov bl, 0x89                    ; check 89h: the ring-3 stack is back as it was
    jne user_fail

    ; privileged instructions and gates raise #GP; the handler resumes at the label after each
    mov dword [FAULT_ERROR], 0
    mov dword [FAULT_EIP], user_cli
    mov dword [FAULT_RESUME], after_cli
user_cli:
    cli
after_cli:
    mov dword [FAULT_EIP], user_out
    mov dword [FAULT_RESUME], after_out
user_out:
    out POST_PORT, al
after_out:
    mov dword [FAULT_EIP], user_hlt
    mov dword [FAULT_RESUME], after_hlt
user_hlt:
    hlt
after_hlt:
    mov dword [FAULT_ERROR], KERNEL_GATE * 8 + 2   ; IDT bit set: the gate's DPL is too low
    mov dword [FAULT_EIP], user_gate
    mov dword [FAULT_RESUME], after_gate
user_gate:
    int KERNEL_GATE
after_gate:
    mov dword [FAULT_ERROR], SEL_DATA32
    mov dword [FAULT_EIP], user_load
    mov dword [FAULT_RESUME], after_load
    mov ax, SEL_DATA32
user_load:
    mov fs, ax
after_load:
    mov eax, SYS_EXIT
    int SYSCALL
    mov bl, 0x8A                    ; check 8Ah: the exit syscall returned
user_fail:
    mov eax, SYS_FAIL
    int SYSCALL
    jmp user_fail

; ---------------------------------------------------------------- ring 0
; int 40h from ring 3: checks the privilege switch, then does what EAX asks.
syscall_handler:
    push ds
    push eax
    mov ax, SEL_DATA32
    mov ds, ax
    mov ax, cs
    cmp ax, SEL_CODE32
    mov al, 0x90                    ; check 90h: the handler runs with the ring-0 code selector
    jne fail
    mov ax, ss
    cmp ax, SEL_DATA32
    mov al, 0x91                    ; check 91h: SS was loaded from SS0 of the TSS
    jne fail
    lea eax, [esp + 8 + 20]
    cmp eax, RING0_STACK
    mov al, 0x92                    ; check 92h: ESP started at ESP0 of the TSS with a 5-dword frame
    jne fail
    cmp dword [esp + 8 + 4], SEL_USER_CODE
    mov al, 0x93                    ; check 93h: the frame holds the ring-3 CS
    jne fail
    cmp dword [esp + 8 + 16], SEL_USER_DATA
    mov al, 0x94                    ; check 94h: the frame holds the ring-3 SS
    jne fail
    pop eax
    pop ds
    cmp eax, SYS_PROGRESS
    je .progress
    cmp eax, SYS_EXIT
    je .exit
    mov al, bl                      ; SYS_FAIL
    jmp fail
.progress:
    cmp dword [esp], after_syscall
    mov al, 0x95                    ; check 95h: the frame holds the ring-3 EIP after int 40h
    jne fail
    cmp dword [esp + 12], RING3_STACK
    mov al, 0x96                    ; check 96h: the frame holds the ring-3 ESP
    jne fail
    mov al, bl
    call progress
    mov eax, 0x600D
    iretd
.exit:
    mov ax, SEL_DATA32
    mov ds, ax
    mov es, ax
    mov esp, STACK_TOP
    cmp dword [FAULT_COUNT], 5
    mov al, 0x97                    ; check 97h: five #GP faults came from ring 3
    jne fail
    mov al, 0x13
    call progress
    jmp pass

%include "rom-end.inc"
