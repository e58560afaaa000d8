; A boot sector that exercises the VGA option ROM through int 10h and reports on the debug console
; (port E9h) as "key=value" lines, then leaves through QEMU's isa-debug-exit (port F4h).
; Used by VgaOptionRomQemuTest.
bits 16
org 0x7c00

DEBUG_PORT equ 0xE9
EXIT_PORT  equ 0xF4
INFO       equ 0x1000
MODE_INFO  equ 0x1400

start:
    cli
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, 0x7c00
    sti
    cld
    ; the probe is longer than a sector: load sectors 2-5 to 7E00h (DL = boot drive from the BIOS)
    mov ax, 0x0204
    mov bx, 0x7E00
    mov cx, 0x0002
    xor dh, dh
    int 0x13
    jc load_failed
    jmp main
load_failed:
    mov al, 'E'
    out DEBUG_PORT, al
    mov al, 1
    out EXIT_PORT, al
    hlt

    times 510 - ($ - $$) db 0
    dw 0xAA55

main:
    ; --- 4F00 controller information
    mov dword [INFO], 'VBE2'
    mov di, INFO
    mov ax, 0x4F00
    int 0x10
    mov si, k_info_ax
    call print_key_ax
    mov eax, [INFO]
    mov si, k_info_sig
    call print_key_eax
    mov ax, [INFO + 4]
    mov si, k_info_version
    call print_key_ax
    mov ax, [INFO + 18]
    mov si, k_info_memory
    call print_key_ax
    mov si, k_info_oem
    call print_string
    push ds
    lds si, [INFO + 6]
    call print_far_string
    pop ds
    call newline
    mov si, k_info_modes
    call print_string
    push ds
    lds si, [INFO + 14]
.mode:
    lodsw
    cmp ax, 0xFFFF
    je .modes_done
    call print_hex16
    mov al, ','
    call print_char
    jmp .mode
.modes_done:
    pop ds
    call newline

    ; --- 4F00 with a VBE 1.x buffer: the OEM string stays in the ROM
    mov dword [INFO + 512], 0
    mov di, INFO + 512
    mov ax, 0x4F00
    int 0x10
    mov si, k_info1_ax
    call print_key_ax
    mov ax, [INFO + 512 + 8]
    mov si, k_info1_oem_segment
    call print_key_ax

    ; --- 4F01 for 1024x768x32 (0x144)
    mov cx, 0x144
    mov di, MODE_INFO
    mov ax, 0x4F01
    int 0x10
    mov si, k_mi_ax
    call print_key_ax
    mov ax, [MODE_INFO + 0]
    mov si, k_mi_attr
    call print_key_ax
    mov ax, [MODE_INFO + 16]
    mov si, k_mi_pitch
    call print_key_ax
    mov ax, [MODE_INFO + 18]
    mov si, k_mi_x
    call print_key_ax
    mov ax, [MODE_INFO + 20]
    mov si, k_mi_y
    call print_key_ax
    movzx ax, byte [MODE_INFO + 25]
    mov si, k_mi_bpp
    call print_key_ax
    movzx ax, byte [MODE_INFO + 27]
    mov si, k_mi_model
    call print_key_ax
    mov eax, [MODE_INFO + 31]
    mov si, k_mi_masks
    call print_key_eax
    mov eax, [MODE_INFO + 40]
    mov si, k_mi_base
    call print_key_eax

    ; --- 4F01 for a mode that does not exist
    mov cx, 0x1FF
    mov di, MODE_INFO
    mov ax, 0x4F01
    int 0x10
    mov si, k_bad_ax
    call print_key_ax

    ; --- 4F09 (not offered)
    mov ax, 0x4F09
    xor bl, bl
    int 0x10
    mov si, k_unsupported_ax
    call print_key_ax

    ; --- 4F02 1024x768x32 with the linear frame buffer
    mov bx, 0x4144
    mov ax, 0x4F02
    int 0x10
    mov si, k_set_ax
    call print_key_ax
    mov bx, 1
    call dispi
    mov si, k_dispi_xres
    call print_key_ax
    mov bx, 2
    call dispi
    mov si, k_dispi_yres
    call print_key_ax
    mov bx, 3
    call dispi
    mov si, k_dispi_bpp
    call print_key_ax
    mov bx, 4
    call dispi
    mov si, k_dispi_enable
    call print_key_ax

    ; --- 4F05: set bank 3 of window A, read it back from DISPI and through 4F05, try window B
    mov ax, 0x4F05
    xor bx, bx
    mov dx, 3
    int 0x10
    mov si, k_bank_set_ax
    call print_key_ax
    mov bx, 5
    call dispi
    mov si, k_bank_dispi
    call print_key_ax
    mov ax, 0x4F05
    mov bx, 0x0100
    xor dx, dx
    int 0x10
    mov ax, dx
    mov si, k_bank_get
    call print_key_ax
    mov ax, 0x4F05
    mov bx, 0x0001
    int 0x10
    mov si, k_bank_b_ax
    call print_key_ax

    ; --- 4F03
    mov ax, 0x4F03
    int 0x10
    mov si, k_current_ax
    call print_key_ax
    mov ax, bx
    mov si, k_current_bx
    call print_key_ax

    ; --- back to text mode 3, teletype, cursor, string, scroll
    mov ax, 0x0003
    int 0x10
    mov bx, 4
    call dispi
    mov si, k_text_enable
    call print_key_ax
    mov ax, 0x0E48                  ; 'H'
    xor bx, bx
    int 0x10
    mov ax, 0x0E69                  ; 'i'
    int 0x10
    mov ax, 0x0E0D
    int 0x10
    mov ax, 0x0E0A
    int 0x10
    mov ah, 0x03
    xor bh, bh
    int 0x10
    mov ax, dx
    mov si, k_cursor
    call print_key_ax
    push es
    mov ax, 0xB800
    mov es, ax
    mov ax, [es:0]
    pop es
    mov si, k_cell0
    call print_key_ax
    mov ah, 0x0F
    int 0x10
    mov si, k_mode
    call print_key_ax
    mov ax, 0x1301                  ; write string, move cursor
    mov bx, 0x001F
    mov cx, 2
    mov dx, 0x050A
    mov bp, s_xy
    int 0x10
    push es
    mov ax, 0xB800
    mov es, ax
    mov ax, [es:(5 * 80 + 10) * 2]
    pop es
    mov si, k_string_cell
    call print_key_ax
    mov ah, 0x03
    xor bh, bh
    int 0x10
    mov ax, dx
    mov si, k_string_cursor
    call print_key_ax
    mov ax, 0x0601                  ; scroll the whole screen up one line
    mov bh, 0x07
    xor cx, cx
    mov dx, 0x184F
    int 0x10
    push es
    mov ax, 0xB800
    mov es, ax
    mov ax, [es:(4 * 80 + 10) * 2]
    mov bx, [es:24 * 80 * 2]
    pop es
    mov si, k_scrolled_cell
    call print_key_ax
    mov ax, bx
    mov si, k_blank_cell
    call print_key_ax

    ; --- AH=09: 'Z' with attribute 4Eh three times at the cursor (row 5, column 12)
    mov ax, 0x095A
    mov bx, 0x004E
    mov cx, 3
    int 0x10
    mov ax, (5 * 80 + 14) * 2
    mov si, k_repeat_last
    call print_key_cell
    mov ax, (5 * 80 + 15) * 2
    mov si, k_repeat_after
    call print_key_cell
    ; --- AH=07: scroll the window rows 2-6, columns 10-20 down by two lines, fill attribute 17h
    mov ax, 0x0702
    mov bh, 0x17
    mov cx, 0x020A
    mov dx, 0x0614
    int 0x10
    mov ax, (6 * 80 + 10) * 2
    mov si, k_down_moved
    call print_key_cell
    mov ax, (2 * 80 + 10) * 2
    mov si, k_down_filled_first
    call print_key_cell
    mov ax, (3 * 80 + 20) * 2
    mov si, k_down_filled_last
    call print_key_cell
    mov ax, (3 * 80 + 21) * 2
    mov si, k_down_outside
    call print_key_cell
    mov ax, (5 * 80 + 12) * 2
    mov si, k_down_replaced
    call print_key_cell

    ; --- the font in plane 2: the 32-byte slot of 'A'
    mov dx, 0x3C4
    mov ax, 0x0704                  ; sequencer memory mode: sequential
    out dx, ax
    mov dx, 0x3CE
    mov ax, 0x0204                  ; read map select: plane 2
    out dx, ax
    mov ax, 0x0005                  ; graphics mode: no odd/even
    out dx, ax
    mov ax, 0x0406                  ; memory at A0000h
    out dx, ax
    mov si, k_font
    call print_string
    push ds
    mov ax, 0xA000
    mov ds, ax
    mov si, 0x41 * 32
    mov cx, 16
.font_row:
    lodsw
    xchg al, ah
    call print_hex16
    loop .font_row
    pop ds
    call newline
    mov si, k_done
    call print_string
    mov al, 0
    out EXIT_PORT, al
    cli
.halt:
    hlt
    jmp .halt

; SI = key; prints the text cell at B800:AX.
print_key_cell:
    push es
    push bx
    mov bx, 0xB800
    mov es, bx
    mov bx, ax
    mov ax, [es:bx]
    pop bx
    pop es
    jmp print_key_ax

; AX = DISPI register BX
dispi:
    mov dx, 0x1CE
    mov ax, bx
    out dx, ax
    inc dx
    in ax, dx
    ret

print_key_ax:
    push ax
    call print_string
    pop ax
    call print_hex16
    jmp newline

print_key_eax:
    push eax
    call print_string
    pop eax
    push eax
    shr eax, 16
    call print_hex16
    pop eax
    call print_hex16
    jmp newline

print_hex16:
    push cx
    mov cx, 4
.digit:
    rol ax, 4
    push ax
    and al, 0x0F
    add al, '0'
    cmp al, '9'
    jbe .out
    add al, 'a' - '0' - 10
.out:
    call print_char
    pop ax
    loop .digit
    pop cx
    ret

print_char:
    out DEBUG_PORT, al
    ret

newline:
    mov al, 10
    jmp print_char

; DS:SI = zero-terminated string
print_far_string:
print_string:
    push ax
.next:
    lodsb
    test al, al
    jz .done
    call print_char
    jmp .next
.done:
    pop ax
    ret

s_xy:             db 'XY'
k_info_ax:        db 'info.ax=', 0
k_info_sig:       db 'info.signature=', 0
k_info_version:   db 'info.version=', 0
k_info_memory:    db 'info.memory64k=', 0
k_info_oem:       db 'info.oem=', 0
k_info_modes:     db 'info.modes=', 0
k_mi_ax:          db 'modeinfo.ax=', 0
k_mi_attr:        db 'modeinfo.attributes=', 0
k_mi_pitch:       db 'modeinfo.pitch=', 0
k_mi_x:           db 'modeinfo.width=', 0
k_mi_y:           db 'modeinfo.height=', 0
k_mi_bpp:         db 'modeinfo.bpp=', 0
k_mi_model:       db 'modeinfo.model=', 0
k_mi_masks:       db 'modeinfo.masks=', 0
k_mi_base:        db 'modeinfo.base=', 0
k_bad_ax:         db 'badmode.ax=', 0
k_unsupported_ax: db 'unsupported.ax=', 0
k_set_ax:         db 'setmode.ax=', 0
k_dispi_xres:     db 'dispi.xres=', 0
k_dispi_yres:     db 'dispi.yres=', 0
k_dispi_bpp:      db 'dispi.bpp=', 0
k_dispi_enable:   db 'dispi.enable=', 0
k_current_ax:     db 'current.ax=', 0
k_current_bx:     db 'current.bx=', 0
k_text_enable:    db 'text.dispi.enable=', 0
k_cursor:         db 'text.cursor=', 0
k_cell0:          db 'text.cell0=', 0
k_mode:           db 'text.mode=', 0
k_string_cell:    db 'text.stringcell=', 0
k_string_cursor:  db 'text.stringcursor=', 0
k_scrolled_cell:  db 'text.scrolledcell=', 0
k_blank_cell:     db 'text.blankcell=', 0
k_repeat_last:    db 'text.repeat.last=', 0
k_repeat_after:   db 'text.repeat.after=', 0
k_down_moved:     db 'text.down.moved=', 0
k_down_filled_first: db 'text.down.filledfirst=', 0
k_down_filled_last:  db 'text.down.filledlast=', 0
k_down_outside:   db 'text.down.outside=', 0
k_down_replaced:  db 'text.down.replaced=', 0
k_info1_ax:       db 'info1.ax=', 0
k_info1_oem_segment: db 'info1.oemsegment=', 0
k_bank_set_ax:    db 'bank.set.ax=', 0
k_bank_dispi:     db 'bank.dispi=', 0
k_bank_get:       db 'bank.get=', 0
k_bank_b_ax:      db 'bank.windowb.ax=', 0
k_font:           db 'font.A=', 0
k_done:           db 'done', 10, 0

    times 5 * 512 - ($ - $$) db 0
