; Test ROM: two-level paging with 4 KiB pages.
; Checks: an identity map plus a page mapped elsewhere translate; the CPU sets the accessed bit in
; PDE and PTE on a read and the dirty bit on a write (also to a page first only read, whose TLB
; entry was clean); a cleared accessed bit is set again after invlpg; #PF on a not-present page
; (write and read) and on a read-only page with CR0.WP, each with CR2 and the error code checked,
; after which the handler maps the page and the instruction is retried.
%include "rom-start.inc"

PAGE_DIRECTORY  equ 0x10000
PAGE_TABLE_0    equ 0x11000       ; linear 0-4 MiB, identity
PAGE_TABLE_1    equ 0x12000       ; linear 4-8 MiB: its first page maps physical 20000h
PTE_PRESENT     equ 0x001
PTE_WRITABLE    equ 0x002
PTE_ACCESSED    equ 0x020
PTE_DIRTY       equ 0x040
CR0_WP          equ 0x00010000
CR0_PG          equ 0x80000000

NOT_PRESENT_W   equ 0x30000       ; not present, first written
READ_ONLY       equ 0x31000       ; present, read-only
NOT_PRESENT_R   equ 0x32000       ; not present, first read
READ_PAGE       equ 0x20000
WRITE_PAGE      equ 0x21000

EXPECT_CR2      equ 0x5F000       ; with FAULT_ERROR and FAULT_COUNT of rom-start.inc

bits 32
test_main:
    mov al, 0x10
    call progress
    call init_idt
    mov eax, 14
    mov ebx, page_fault_handler
    mov cl, 0x8E
    call set_gate

    ; page directory: entries 0 and 1 present, the rest not present
    mov edi, PAGE_DIRECTORY
    xor eax, eax
    mov ecx, 1024
    rep stosd
    mov dword [PAGE_DIRECTORY], PAGE_TABLE_0 | PTE_PRESENT | PTE_WRITABLE
    mov dword [PAGE_DIRECTORY + 4], PAGE_TABLE_1 | PTE_PRESENT | PTE_WRITABLE
    ; page table 0: identity map of 0-4 MiB
    mov edi, PAGE_TABLE_0
    mov eax, PTE_PRESENT | PTE_WRITABLE
    mov ecx, 1024
.identity:
    stosd
    add eax, 0x1000
    loop .identity
    mov dword [PAGE_TABLE_0 + (NOT_PRESENT_W >> 12) * 4], 0
    mov dword [PAGE_TABLE_0 + (NOT_PRESENT_R >> 12) * 4], 0
    mov dword [PAGE_TABLE_0 + (READ_ONLY >> 12) * 4], READ_ONLY | PTE_PRESENT
    ; page table 1: linear 400000h -> physical 20000h, the rest not present
    mov edi, PAGE_TABLE_1
    xor eax, eax
    mov ecx, 1024
    rep stosd
    mov dword [PAGE_TABLE_1], READ_PAGE | PTE_PRESENT | PTE_WRITABLE
    mov dword [FAULT_COUNT], 0
    mov dword [READ_PAGE + 0x10], 0x600DF00D
    mov dword [WRITE_PAGE + 0x10], 0
    mov dword [NOT_PRESENT_R + 0x24], 0x5A5A5A5A  ; data for the read fault, stored before paging

    mov eax, PAGE_DIRECTORY
    mov cr3, eax
    mov eax, cr0
    or eax, CR0_PG | CR0_WP
    mov cr0, eax
    jmp .paging_on
.paging_on:
    mov al, 0x11
    call progress

    ; translation through the second page table
    cmp dword [0x400010], 0x600DF00D
    mov al, 0x81                    ; check 81h: linear 400010h reads physical 20010h
    jne fail

    ; accessed and dirty bits
    test dword [PAGE_TABLE_0 + (READ_PAGE >> 12) * 4], PTE_ACCESSED | PTE_DIRTY
    mov al, 0x82                    ; check 82h: the PTE of a page not used yet is clean
    jnz fail
    mov eax, [READ_PAGE]
    mov eax, [PAGE_TABLE_0 + (READ_PAGE >> 12) * 4]
    test eax, PTE_ACCESSED
    mov al, 0x83                    ; check 83h: a read sets the accessed bit of the PTE
    jz fail
    test dword [PAGE_TABLE_0 + (READ_PAGE >> 12) * 4], PTE_DIRTY
    mov al, 0x84                    ; check 84h: a read leaves the dirty bit clear
    jnz fail
    test dword [PAGE_DIRECTORY], PTE_ACCESSED
    mov al, 0x85                    ; check 85h: the walk sets the accessed bit of the PDE
    jz fail
    mov dword [WRITE_PAGE + 0x10], 0x12345678
    mov eax, [PAGE_TABLE_0 + (WRITE_PAGE >> 12) * 4]
    and eax, PTE_ACCESSED | PTE_DIRTY
    cmp eax, PTE_ACCESSED | PTE_DIRTY
    mov al, 0x86                    ; check 86h: a write sets accessed and dirty
    jne fail
    mov dword [READ_PAGE + 0x20], 1 ; first write to a page whose TLB entry is clean
    test dword [PAGE_TABLE_0 + (READ_PAGE >> 12) * 4], PTE_DIRTY
    mov al, 0x87                    ; check 87h: writing a page read before sets its dirty bit
    jz fail
    and dword [PAGE_TABLE_0 + (READ_PAGE >> 12) * 4], ~(PTE_ACCESSED | PTE_DIRTY)
    invlpg [READ_PAGE]
    mov eax, [READ_PAGE]
    test dword [PAGE_TABLE_0 + (READ_PAGE >> 12) * 4], PTE_ACCESSED
    mov al, 0x88                    ; check 88h: after invlpg the walk sets accessed again
    jz fail
    mov al, 0x12
    call progress

    ; #PF: write to a page that is not present (error code 2: write, not present, supervisor)
    mov dword [EXPECT_CR2], NOT_PRESENT_W + 0x10
    mov dword [FAULT_ERROR], 2
    mov dword [NOT_PRESENT_W + 0x10], 0xABCD1234
    cmp dword [FAULT_COUNT], 1
    mov al, 0x89                    ; check 89h: the write faulted once and was retried
    jne fail
    cmp dword [NOT_PRESENT_W + 0x10], 0xABCD1234
    mov al, 0x8A                    ; check 8Ah: the retried write reached memory
    jne fail

    ; #PF: read from a page that is not present (error code 0)
    mov dword [EXPECT_CR2], NOT_PRESENT_R + 0x24
    mov dword [FAULT_ERROR], 0
    mov eax, [NOT_PRESENT_R + 0x24]
    cmp eax, 0x5A5A5A5A
    mov al, 0x8B                    ; check 8Bh: the retried read sees the data
    jne fail

    ; #PF: write to a read-only page with CR0.WP set (error code 3: write, present, supervisor)
    mov dword [EXPECT_CR2], READ_ONLY + 0x8
    mov dword [FAULT_ERROR], 3
    mov dword [READ_ONLY + 0x8], 0x0F0F0F0F
    cmp dword [READ_ONLY + 0x8], 0x0F0F0F0F
    mov al, 0x8C                    ; check 8Ch: the write to the read-only page was retried
    jne fail
    cmp dword [FAULT_COUNT], 3
    mov al, 0x8D                    ; check 8Dh: three page faults in all
    jne fail
    mov al, 0x13
    call progress
    jmp pass

; #PF: checks CR2 and the error code, maps the page writable (identity) and retries.
page_fault_handler:
    push eax
    push ebx
    mov eax, cr2
    cmp eax, [EXPECT_CR2]
    mov al, 0x90                    ; check 90h: CR2 holds the faulting linear address
    jne fail
    mov eax, [esp + 8]
    cmp eax, [FAULT_ERROR]
    mov al, 0x91                    ; check 91h: the page-fault error code is the expected one
    jne fail
    mov eax, cr2
    and eax, 0xFFFFF000
    mov ebx, eax
    shr ebx, 12
    or eax, PTE_PRESENT | PTE_WRITABLE
    mov [PAGE_TABLE_0 + ebx * 4], eax
    mov eax, cr2
    invlpg [eax]
    inc dword [FAULT_COUNT]
    pop ebx
    pop eax
    add esp, 4                      ; drop the error code
    iretd

%include "rom-end.inc"
