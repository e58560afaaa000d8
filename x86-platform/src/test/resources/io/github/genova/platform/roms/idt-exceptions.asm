; Test ROM: the IDT, software interrupts and exceptions in protected mode.
; Checks: the frame int n pushes, a breakpoint trap (int3), divide error (#DE), and general
; protection faults (#GP) with their error codes: a selector beyond the GDT limit, a null SS, a null
; segment used for an access, a segment limit violation and a write to a read-only segment (the
; last three are skipped in reference runs under QEMU's TCG, which does not check them). The #GP and
; #DE handlers check the faulting EIP (and the error code), then resume after the instruction.
%include "rom-start.inc"

SOFT_COUNT    equ 0x20010

bits 32
test_main:
    mov al, 0x10
    call progress
    call init_idt
    mov eax, 0
    mov ebx, divide_error_handler
    mov cl, 0x8E
    call set_gate
    mov eax, 3
    mov ebx, breakpoint_handler
    mov cl, 0x8F
    call set_gate
    mov eax, 13
    mov ebx, expected_fault_handler
    mov cl, 0x8E
    call set_gate
    mov eax, 0x30
    mov ebx, software_handler
    mov cl, 0x8E
    call set_gate
    mov dword [FAULT_COUNT], 0
    mov dword [FAULT_CS], SEL_CODE32
    mov dword [SOFT_COUNT], 0
    mov al, 0x11
    call progress

    ; int 30h: the handler checks its frame and returns a value in EBX
    xor ebx, ebx
    mov esi, esp
    int 0x30
after_int30:
    cmp ebx, 0xCAFE
    mov al, 0x81                    ; check 81h: int 30h ran its handler, which returned EBX
    jne fail
    cmp esi, esp
    mov al, 0x82                    ; check 82h: iretd restored ESP
    jne fail
    mov al, 0x12
    call progress

    ; int3 is a trap: the saved EIP is the next instruction
    xor ebx, ebx
    int3
after_int3:
    cmp ebx, 0xB3
    mov al, 0x83                    ; check 83h: the breakpoint handler ran
    jne fail
    mov al, 0x13
    call progress

    ; #DE: divide by zero is a fault, no error code
    mov dword [FAULT_EIP], divide
    mov dword [FAULT_RESUME], after_divide
    xor edx, edx
    mov eax, 1
    xor ecx, ecx
divide:
    div ecx
    mov al, 0x84                    ; check 84h: div by zero did not fault
    jmp fail
after_divide:
    cmp dword [FAULT_COUNT], 1
    mov al, 0x85                    ; check 85h: the #DE handler ran once
    jne fail
    mov al, 0x14
    call progress

    ; #GP(selector): a selector beyond the GDT limit
    mov dword [FAULT_EIP], load_bad_selector
    mov dword [FAULT_ERROR], 0x0100
    mov dword [FAULT_RESUME], after_bad_selector
    mov ax, 0x0100
load_bad_selector:
    mov ds, ax
    mov al, 0x86                    ; check 86h: loading a selector beyond the GDT limit worked
    jmp fail
after_bad_selector:
    mov ax, ds
    cmp ax, SEL_DATA32
    mov al, 0x87                    ; check 87h: DS kept its old value after the fault
    jne fail

    ; #GP(0): a null selector in SS
    mov dword [FAULT_EIP], load_null_ss
    mov dword [FAULT_ERROR], 0
    mov dword [FAULT_RESUME], after_null_ss
    xor eax, eax
load_null_ss:
    mov ss, ax
    mov al, 0x88                    ; check 88h: loading a null SS worked
    jmp fail
after_null_ss:

    mov eax, QEMU_TCG
    test eax, eax
    jnz after_write_read_only       ; QEMU's TCG checks no null segment, limit or type on access
    ; #GP(0): an access through a null segment register
    xor eax, eax
    mov gs, ax                      ; loading null into GS is allowed
    mov dword [FAULT_EIP], use_null_gs
    mov dword [FAULT_RESUME], after_null_gs
use_null_gs:
    mov eax, [gs:0x100]
    mov al, 0x89                    ; check 89h: an access through a null GS worked
    jmp fail
after_null_gs:

    ; #GP(0): beyond the limit of a byte-granular segment (limit FFFh)
    mov ax, SEL_DATA_20000
    mov fs, ax
    mov eax, [fs:0xFFC]             ; the last dword inside the limit is fine
    mov dword [FAULT_EIP], beyond_limit
    mov dword [FAULT_RESUME], after_beyond_limit
beyond_limit:
    mov eax, [fs:0xFFD]             ; its last byte is at 1000h: beyond the limit
    mov al, 0x8A                    ; check 8Ah: an access beyond the segment limit worked
    jmp fail
after_beyond_limit:

    ; #GP(0): a write through a read-only data segment
    mov ax, SEL_READ_ONLY
    mov es, ax
    mov eax, [es:0x20000]           ; reading is fine
    mov dword [FAULT_EIP], write_read_only
    mov dword [FAULT_RESUME], after_write_read_only
write_read_only:
    mov [es:0x20100], eax
    mov al, 0x8B                    ; check 8Bh: a write through a read-only segment worked
    jmp fail
after_write_read_only:
    mov ax, SEL_DATA32
    mov es, ax
    mov eax, 6
    sub eax, QEMU_TCG * 3
    cmp [FAULT_COUNT], eax
    mov al, 0x8C                    ; check 8Ch: six faults were handled (three under QEMU's TCG)
    jne fail
    mov al, 0x15
    call progress
    jmp pass

; int 30h: checks the frame (EIP, CS, EFLAGS with bit 1 set) and answers EBX = CAFEh.
software_handler:
    cmp dword [esp], after_int30
    mov al, 0x90                    ; check 90h: the saved EIP is the instruction after int 30h
    jne fail
    cmp dword [esp + 4], SEL_CODE32
    mov al, 0x91                    ; check 91h: the saved CS is the code selector
    jne fail
    test dword [esp + 8], 2
    mov al, 0x92                    ; check 92h: the saved EFLAGS has its always-one bit
    jz fail
    inc dword [SOFT_COUNT]
    mov ebx, 0xCAFE
    iretd

breakpoint_handler:
    cmp dword [esp], after_int3
    mov al, 0x93                    ; check 93h: int3 saved the address after it (a trap)
    jne fail
    mov ebx, 0xB3
    iretd

; #DE: no error code. Checks the faulting EIP, then resumes at FAULT_RESUME.
divide_error_handler:
    push eax
    mov eax, [FAULT_EIP]
    cmp [esp + 4], eax
    mov al, 0x94                    ; check 94h: #DE saved the address of the div (a fault)
    jne fail
    mov eax, [FAULT_RESUME]
    mov [esp + 4], eax
    inc dword [FAULT_COUNT]
    pop eax
    iretd

%include "rom-end.inc"
