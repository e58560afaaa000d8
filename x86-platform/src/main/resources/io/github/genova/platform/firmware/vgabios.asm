; Genova VGA option ROM.
;
; Written for Genova from the public VGA register descriptions, the VBE 2.0/3.0 specification and
; the Bochs DISPI register interface; it is assembled at run time by Genova's own assembler
; (io.github.genova.platform.x86.asm), so no binary ROM ships with the project. The checksum byte
; at the end is filled in by io.github.genova.platform.firmware.VgaOptionRom.
;
; What it offers:
;   init (far call to C000:0003): installs int 10h, sets the BDA video fields, sets text mode 3
;           (registers, EGA palette in the DAC, and the font of vgafont.asm in plane 2).
;   int 10h AH=00 set mode (2/3: 80x25 text), 01 cursor shape, 02/03 cursor position, 05 page,
;           06/07 scroll window, 08 read char/attr, 09/0A write char(/attr), 0E teletype,
;           0F get mode, 12 BL=10 EGA info, 13 write string, 1A display combination.
;   int 10h AX=4F00 controller info, 4F01 mode info, 4F02 set mode, 4F03 current mode,
;           4F05 bank window; other 4Fxx answer AX=014F (failed).
;
; Register conventions inside: every internal routine runs with DS = BIOS data area (0040h) and
; DF = 0, and preserves the registers it does not return values in.

bits 16
org 0

; Bochs DISPI (VBE extension) registers
DISPI_INDEX_PORT     equ 0x01CE
DISPI_DATA_PORT      equ 0x01CF
DISPI_ID             equ 0x0
DISPI_XRES           equ 0x1
DISPI_YRES           equ 0x2
DISPI_BPP            equ 0x3
DISPI_ENABLE         equ 0x4
DISPI_BANK           equ 0x5
DISPI_VIRT_WIDTH     equ 0x6
DISPI_VIRT_HEIGHT    equ 0x7
DISPI_X_OFFSET       equ 0x8
DISPI_Y_OFFSET       equ 0x9
DISPI_VIDEO_MEMORY_64K equ 0xA
DISPI_ID0            equ 0xB0C0
DISPI_ID5            equ 0xB0C5
DISPI_ENABLED        equ 0x01
DISPI_LFB_ENABLED    equ 0x40
DISPI_NOCLEARMEM     equ 0x80
LFB_ADDRESS          equ 0xE0000000

; BIOS data area (segment 0040h) fields used by video
BDA_SEGMENT          equ 0x40
BDA_EQUIPMENT        equ 0x10
BDA_MODE             equ 0x49
BDA_COLUMNS          equ 0x4A
BDA_PAGE_SIZE        equ 0x4C
BDA_PAGE_START       equ 0x4E
BDA_CURSOR_POS       equ 0x50
BDA_CURSOR_SHAPE     equ 0x60
BDA_ACTIVE_PAGE      equ 0x62
BDA_CRTC_BASE        equ 0x63
BDA_MODE_CONTROL     equ 0x65
BDA_PALETTE          equ 0x66
BDA_ROWS             equ 0x84
BDA_CHAR_HEIGHT      equ 0x85
BDA_VIDEO_CONTROL    equ 0x87
BDA_SWITCHES         equ 0x88
BDA_VGA_FLAGS        equ 0x89
BDA_DCC_INDEX        equ 0x8A

TEXT_SEGMENT         equ 0xB800
CRTC_PORT            equ 0x3D4
INPUT_STATUS_PORT    equ 0x3DA
ATTRIBUTE_PORT       equ 0x3C0
SEQUENCER_PORT       equ 0x3C4
GRAPHICS_PORT        equ 0x3CE
MISC_OUTPUT_PORT     equ 0x3C2
DAC_MASK_PORT        equ 0x3C6
DAC_WRITE_PORT       equ 0x3C8
DAC_DATA_PORT        equ 0x3C9

VBE_SUCCESS          equ 0x004F
VBE_FAILED           equ 0x014F
VBE_NOT_SUPPORTED    equ 0x024F

ROM_BLOCKS           equ (rom_end - rom_start) / 512

; ----------------------------------------------------------------------------------- ROM header
rom_start:
    db 0x55, 0xAA
    db ROM_BLOCKS
    jmp near init                   ; offset 3: the init entry, called far by the system BIOS
    times 0x18 - ($ - $$) db 0
    dw pci_data                     ; offset 18h: PCI data structure
    dw 0                            ; offset 1Ah: no PnP expansion header

    align 4, db 0
pci_data:
    db 'PCIR'
    dw 0x1234                       ; vendor: the Bochs/QEMU standard VGA
    dw 0x1111                       ; device
    dw 0                            ; no vital product data
    dw 0x18                         ; structure length
    db 0                            ; structure revision
    db 0x00, 0x00, 0x03             ; class code 030000h: VGA-compatible display controller
    dw ROM_BLOCKS                   ; image length in 512-byte units
    dw 0x0001                       ; code revision
    db 0                            ; code type: x86 PC-AT
    db 0x80                         ; last image
    dw 0

oem_string:      db 'Genova VGA BIOS', 0
vendor_string:   db 'Genova', 0
product_string:  db 'Genova Bochs-DISPI VGA', 0
revision_string: db '1.0', 0

; ----------------------------------------------------------------------------------- init
init:
    pushf
    push ds
    push es
    pusha
    cli
    cld
    xor ax, ax
    mov ds, ax
    mov word [0x10 * 4], int10_entry
    mov [0x10 * 4 + 2], cs
    mov ax, BDA_SEGMENT
    mov ds, ax
    and byte [BDA_EQUIPMENT], 0xCF
    or byte [BDA_EQUIPMENT], 0x20   ; initial video mode: 80x25 colour
    mov byte [BDA_VIDEO_CONTROL], 0x60
    mov byte [BDA_SWITCHES], 0xF9
    mov byte [BDA_VGA_FLAGS], 0x51
    mov byte [BDA_DCC_INDEX], 0x08
    call dispi_probe
    mov al, 3
    call set_mode
    popa
    pop es
    pop ds
    popf
    retf

; ----------------------------------------------------------------------------------- int 10h
int10_entry:
    cld
    push ds
    push si
    mov si, BDA_SEGMENT
    mov ds, si
    cmp ah, 0x4F
    je .vbe
    cmp ah, FUNCTION_COUNT
    jae .done
    push bx
    mov bl, ah
    xor bh, bh
    shl bx, 1
    mov si, [cs:function_table + bx]
    pop bx
    call si
.done:
    pop si
    pop ds
    iret
.vbe:
    call vbe_dispatch
    jmp .done

function_table:
    dw set_mode_function            ; 00
    dw set_cursor_shape             ; 01
    dw set_cursor_position          ; 02
    dw get_cursor_position          ; 03
    dw no_function                  ; 04 light pen
    dw select_page                  ; 05
    dw scroll_window                ; 06
    dw scroll_window                ; 07
    dw read_char_attr               ; 08
    dw write_char_attr              ; 09
    dw write_char_only              ; 0A
    dw no_function                  ; 0B CGA palette
    dw no_function                  ; 0C write pixel
    dw no_function                  ; 0D read pixel
    dw teletype                     ; 0E
    dw get_mode                     ; 0F
    dw no_function                  ; 10 palette registers
    dw no_function                  ; 11 character generator
    dw alternate_select             ; 12
    dw write_string                 ; 13
    dw no_function                  ; 14
    dw no_function                  ; 15
    dw no_function                  ; 16
    dw no_function                  ; 17
    dw no_function                  ; 18
    dw no_function                  ; 19
    dw display_combination          ; 1A
FUNCTION_COUNT equ ($ - function_table) / 2

no_function:
    ret

; AH=00: AL = mode (bit 7: keep the screen contents)
set_mode_function:
    push ax
    call set_mode
    pop ax
    mov al, 0x30                    ; as the IBM BIOS: AL = 30h after a text mode set
    ret

; AL = mode, bit 7 set: do not clear. Modes 2 and 3 (80x25 text) are supported; others are ignored.
set_mode:
    pusha
    push es
    mov ah, al
    and al, 0x7F
    cmp al, 3
    je .text
    cmp al, 2
    jne .done
.text:
    mov [BDA_MODE], al
    push ax
    call dispi_disable
    call load_text_registers
    call load_dac
    call load_font
    pop ax
    mov word [BDA_COLUMNS], 80
    mov word [BDA_PAGE_SIZE], 0x1000
    mov word [BDA_PAGE_START], 0
    mov word [BDA_CRTC_BASE], CRTC_PORT
    mov byte [BDA_MODE_CONTROL], 0x29
    mov byte [BDA_PALETTE], 0x30
    mov byte [BDA_ROWS], 24
    mov word [BDA_CHAR_HEIGHT], 16
    mov word [BDA_CURSOR_SHAPE], 0x0607
    mov byte [BDA_ACTIVE_PAGE], 0
    push ax
    push ds
    pop es
    mov di, BDA_CURSOR_POS
    xor ax, ax
    mov cx, 8
    rep stosw
    pop ax
    and byte [BDA_VIDEO_CONTROL], 0x7F
    test ah, 0x80
    jnz .keep
    mov cx, TEXT_SEGMENT
    mov es, cx
    xor di, di
    mov ax, 0x0720
    mov cx, 0x4000                  ; all eight pages
    rep stosw
    jmp .cursor
.keep:
    or byte [BDA_VIDEO_CONTROL], 0x80
.cursor:
    call update_hardware_cursor
.done:
    pop es
    popa
    ret

; Programs the VGA registers for 80x25 text with 9x16 cells (720x400).
load_text_registers:
    pusha
    mov dx, MISC_OUTPUT_PORT
    mov al, 0x67
    out dx, al
    mov dx, SEQUENCER_PORT
    mov si, sequencer_values
    mov cx, 5
    call write_register_block
    mov dx, CRTC_PORT
    mov ax, 0x0E11                  ; unlock CRTC registers 0-7 first
    call write_indexed
    mov si, crtc_values
    mov cx, 25
    call write_register_block
    mov dx, GRAPHICS_PORT
    mov si, graphics_values
    mov cx, 9
    call write_register_block
    mov dx, INPUT_STATUS_PORT
    in al, dx                       ; reset the attribute flip-flop to "index"
    mov dx, ATTRIBUTE_PORT
    mov si, attribute_values
    xor ah, ah
.attribute:
    mov al, ah
    out dx, al
    mov al, [cs:si]
    out dx, al
    inc si
    inc ah
    cmp ah, 21
    jb .attribute
    mov al, 0x20                    ; palette address source: enable the display
    out dx, al
    popa
    ret

; DX = index port, SI = table in CS, CX = count: writes table[i] to register i.
write_register_block:
    push ax
    xor al, al
.next:
    mov ah, [cs:si]
    call write_indexed
    inc si
    inc al
    loop .next
    pop ax
    ret

; DX = index port, AL = index, AH = value.
write_indexed:
    out dx, al
    inc dx
    xchg al, ah
    out dx, al
    xchg al, ah
    dec dx
    ret

sequencer_values: db 0x03, 0x00, 0x03, 0x00, 0x02
crtc_values:      db 0x5F, 0x4F, 0x50, 0x82, 0x55, 0x81, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00
                  db 0x00, 0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x28, 0x1F, 0x96, 0xB9, 0xA3, 0xFF
graphics_values:  db 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0E, 0x00, 0xFF
attribute_values: db 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B, 0x3C
                  db 0x3D, 0x3E, 0x3F, 0x0C, 0x00, 0x0F, 0x08, 0x00

; Loads the font into VGA plane 2: 256 character slots of 32 bytes; each row of the 8x8 glyphs is
; written twice (16 scan lines per character); the slots of other codes stay blank.
load_font:
    pusha
    push es
    mov dx, SEQUENCER_PORT
    mov ax, 0x0402                  ; map mask: plane 2 only
    call write_indexed
    mov ax, 0x0704                  ; memory mode: sequential addressing
    call write_indexed
    mov dx, GRAPHICS_PORT
    mov ax, 0x0204                  ; read map select: plane 2
    call write_indexed
    mov ax, 0x0005                  ; graphics mode: write mode 0, no odd/even
    call write_indexed
    mov ax, 0x0406                  ; miscellaneous: memory at A0000h, 64 KiB, no odd/even
    call write_indexed
    mov ax, 0xA000
    mov es, ax
    xor di, di
    xor ax, ax
    mov cx, 256 * 32 / 2
    rep stosw
    mov di, FONT_FIRST * 32
    mov si, font_8x8
    mov bx, FONT_COUNT
.glyph:
    mov cx, 8
.row:
    mov al, [cs:si]
    inc si
    mov ah, al
    stosw
    loop .row
    add di, 32 - 16
    dec bx
    jnz .glyph
    mov dx, SEQUENCER_PORT          ; back to text access: planes 0 and 1, odd/even, B8000h
    mov ax, 0x0302
    call write_indexed
    mov ax, 0x0204
    call write_indexed
    mov dx, GRAPHICS_PORT
    mov ax, 0x0004
    call write_indexed
    mov ax, 0x1005
    call write_indexed
    mov ax, 0x0E06
    call write_indexed
    pop es
    popa
    ret

%include "vgafont.asm"

; Loads DAC entries 0-63 with the EGA colours: index bits 2/1/0 give 2/3 intensity of red/green/blue,
; bits 5/4/3 add 1/3.
load_dac:
    pusha
    mov dx, DAC_MASK_PORT
    mov al, 0xFF
    out dx, al
    mov dx, DAC_WRITE_PORT
    xor al, al
    out dx, al
    inc dx
    xor bl, bl
.entry:
    mov cx, 0x2004                  ; red: bit 2 (2/3) and bit 5 (1/3)
    call dac_component
    mov cx, 0x1002                  ; green
    call dac_component
    mov cx, 0x0801                  ; blue
    call dac_component
    inc bl
    cmp bl, 64
    jb .entry
    popa
    ret

; BL = colour index, CL = mask of the 2/3 bit, CH = mask of the 1/3 bit, DX = DAC data port.
dac_component:
    xor al, al
    test bl, cl
    jz .low
    add al, 42
.low:
    test bl, ch
    jz .out
    add al, 21
.out:
    out dx, al
    ret

; AH=01: CH = start line (bit 5: hide), CL = end line, in 8-line CGA terms when both are below 8.
set_cursor_shape:
    pusha
    mov [BDA_CURSOR_SHAPE], cx
    mov ax, cx
    cmp ah, 7
    ja .program
    cmp al, 7
    ja .program
    shl ah, 1                       ; scale an 8-line shape to the 16-line cell
    inc ah
    shl al, 1
.program:
    and ah, 0x3F
    mov bl, al
    mov al, 0x0A
    mov dx, CRTC_PORT
    call write_indexed
    mov ah, bl
    mov al, 0x0B
    call write_indexed
    popa
    ret

; AH=02: BH = page, DH = row, DL = column.
set_cursor_position:
    push bx
    mov bl, bh
    and bx, 7
    shl bx, 1
    mov [BDA_CURSOR_POS + bx], dx
    pop bx
    cmp bh, [BDA_ACTIVE_PAGE]
    jne .done
    call update_hardware_cursor
.done:
    ret

; AH=03: BH = page; returns DH/DL = row/column, CH/CL = cursor shape.
get_cursor_position:
    push bx
    mov bl, bh
    and bx, 7
    shl bx, 1
    mov dx, [BDA_CURSOR_POS + bx]
    mov cx, [BDA_CURSOR_SHAPE]
    pop bx
    ret

; AH=05: AL = page.
select_page:
    pusha
    and al, 7
    mov [BDA_ACTIVE_PAGE], al
    xor ah, ah
    mul word [BDA_PAGE_SIZE]
    mov [BDA_PAGE_START], ax
    shr ax, 1
    mov bx, ax
    mov dx, CRTC_PORT
    mov al, 0x0C
    mov ah, bh
    call write_indexed
    mov al, 0x0D
    mov ah, bl
    call write_indexed
    call update_hardware_cursor
    popa
    ret

; Moves the hardware cursor to the active page's cursor position.
update_hardware_cursor:
    pusha
    call active_cursor
    call cell_index
    mov bx, [BDA_PAGE_START]
    shr bx, 1
    add bx, ax
    mov dx, [BDA_CRTC_BASE]
    mov al, 0x0E
    mov ah, bh
    call write_indexed
    mov al, 0x0F
    mov ah, bl
    call write_indexed
    popa
    ret

; Returns DX = the active page's cursor position.
active_cursor:
    push bx
    mov bl, [BDA_ACTIVE_PAGE]
    and bx, 7
    shl bx, 1
    mov dx, [BDA_CURSOR_POS + bx]
    pop bx
    ret

; DX = the active page's cursor position to store (and show).
set_active_cursor:
    push bx
    mov bl, [BDA_ACTIVE_PAGE]
    and bx, 7
    shl bx, 1
    mov [BDA_CURSOR_POS + bx], dx
    pop bx
    jmp update_hardware_cursor

; DH = row, DL = column; returns AX = row * columns + column.
cell_index:
    mov al, dh
    mul byte [BDA_COLUMNS]
    push dx
    xor dh, dh
    add ax, dx
    pop dx
    ret

; DH = row, DL = column; returns DI = offset of that cell of the active page in B800h.
cell_address:
    push ax
    call cell_index
    shl ax, 1
    add ax, [BDA_PAGE_START]
    mov di, ax
    pop ax
    ret

; AH=06 (up) / 07 (down): AL = lines (0: clear), BH = fill attribute, CH/CL = top row/left column,
; DH/DL = bottom row/right column. Works on the active page.
scroll_window:
    pusha
    push es
    push bp
    cmp dh, [BDA_ROWS]
    jbe .rows_ok
    mov dh, [BDA_ROWS]
.rows_ok:
    mov bl, [BDA_COLUMNS]
    dec bl
    cmp dl, bl
    jbe .columns_ok
    mov dl, bl
.columns_ok:
    cmp ch, dh
    ja .done
    cmp cl, dl
    ja .done
    mov bl, dh
    sub bl, ch
    inc bl                          ; BL = window height
    test al, al
    jz .clear_all
    cmp al, bl
    jbe .count_ok
.clear_all:
    mov al, bl
.count_ok:
    mov si, TEXT_SEGMENT
    mov es, si
    push bx                         ; [bp+4]: BH = attribute, BL = height
    push ax                         ; [bp+2]: AH = direction, AL = lines
    push cx                         ; [bp+0]: top/left
    mov bp, sp
    push dx                         ; bottom/right
    mov al, dl
    sub al, cl
    inc al
    xor ah, ah
    mov bx, ax                      ; BX = window width in cells
    mov al, [BDA_COLUMNS]
    shl ax, 1
    mov si, ax                      ; SI = bytes per row (stride)
    pop dx
    mov cl, [bp + 2]                ; lines to scroll
    mov ch, [bp + 4]                ; height
    sub ch, cl                      ; rows that move
    cmp byte [bp + 3], 6
    jne .down
    ; up: rows top+n..bottom move to top..bottom-n, then the last n rows are cleared
    mov dx, [bp]
    call cell_address               ; DI = destination (top)
    mov ax, si
    mul byte [bp + 2]               ; AX = n * stride
    mov dx, ax                      ; DX = source distance
    mov ax, si                      ; AX = +stride
    call move_rows
    jmp .clear
.down:
    ; down: rows bottom-n..top move to bottom..top+n, then the first n rows are cleared
    mov dx, [bp]
    mov dh, [bp + 1]
    add dh, [bp + 4]
    dec dh                          ; bottom row, left column
    call cell_address
    mov ax, si
    mul byte [bp + 2]
    neg ax
    mov dx, ax                      ; source is n rows above
    mov ax, si
    neg ax                          ; step upwards
    call move_rows
    mov dx, [bp]
    call cell_address               ; clear from the top
    mov ax, si
    jmp .clear_rows
.clear:
    mov ax, si                      ; DI already points at the first row to clear
.clear_rows:
    mov cl, [bp + 2]
    mov dh, [bp + 5]                ; attribute
    call clear_rows
    add sp, 6
.done:
    pop bp
    pop es
    popa
    ret

; ES:DI = first destination cell, DX = source offset relative to the destination, AX = step between
; rows (+/- stride), BX = width in cells, CH = number of rows. Returns DI = the next row.
move_rows:
    push cx
    push si
    push ds
    push es
    pop ds
.row:
    test ch, ch
    jz .done
    push di
    mov si, di
    add si, dx
    mov cx, bx
    rep movsw
    pop di
    add di, ax
    pop ds
    pop si
    pop cx
    dec ch
    push cx
    push si
    push ds
    push es
    pop ds
    jmp .row
.done:
    pop ds
    pop si
    pop cx
    ret

; ES:DI = first cell, AX = step between rows, BX = width in cells, CL = rows, DH = attribute.
clear_rows:
    push cx
    push di
    mov dl, ' '
.row:
    test cl, cl
    jz .done
    push cx
    push di
    push ax
    mov ax, dx
    xchg al, ah
    mov ah, dh
    mov al, ' '
    mov cx, bx
    rep stosw
    pop ax
    pop di
    pop cx
    add di, ax
    dec cl
    jmp .row
.done:
    pop di
    pop cx
    ret

; AH=08: returns AL = character, AH = attribute at the active page's cursor.
read_char_attr:
    push dx
    push di
    push es
    call active_cursor
    call cell_address
    mov ax, TEXT_SEGMENT
    mov es, ax
    mov ax, [es:di]
    pop es
    pop di
    pop dx
    ret

; AH=09: AL = character, BL = attribute, CX = count; the cursor does not move.
write_char_attr:
    pusha
    push es
    mov ah, bl
    call active_cursor
    call cell_address
    mov dx, TEXT_SEGMENT
    mov es, dx
    rep stosw
    pop es
    popa
    ret

; AH=0A: AL = character, CX = count; attributes stay.
write_char_only:
    pusha
    push es
    call active_cursor
    call cell_address
    mov dx, TEXT_SEGMENT
    mov es, dx
    jcxz .done
.next:
    stosb
    inc di
    loop .next
.done:
    pop es
    popa
    ret

; AH=0E: AL = character; BEL, BS, LF and CR are interpreted; the attribute under the cursor stays.
teletype:
    push ax
    push di
    push es
    push dx
    call active_cursor
    call cell_address
    mov dx, TEXT_SEGMENT
    mov es, dx
    mov ah, [es:di + 1]
    pop dx
    pop es
    pop di
    call tty_output
    pop ax
    ret

; AL = character, AH = attribute for a printed character and for a line scrolled in.
tty_output:
    pusha
    push es
    call active_cursor
    cmp al, 7
    je .done
    cmp al, 8
    je .backspace
    cmp al, 10
    je .line_feed
    cmp al, 13
    je .carriage_return
    call cell_address
    mov bx, TEXT_SEGMENT
    mov es, bx
    mov [es:di], ax
    inc dl
    cmp dl, [BDA_COLUMNS]
    jb .move
    xor dl, dl
    jmp .line_feed
.backspace:
    test dl, dl
    jz .move
    dec dl
    jmp .move
.carriage_return:
    xor dl, dl
    jmp .move
.line_feed:
    inc dh
    cmp dh, [BDA_ROWS]
    jbe .move
    mov dh, [BDA_ROWS]
    push dx
    mov bh, ah                      ; fill with the character's attribute
    mov ax, 0x0601
    xor cx, cx
    mov dl, [BDA_COLUMNS]
    dec dl
    mov dh, [BDA_ROWS]
    call scroll_window
    pop dx
.move:
    call set_active_cursor
.done:
    pop es
    popa
    ret

; AH=0F: returns AL = mode, AH = columns, BH = active page.
get_mode:
    mov al, [BDA_MODE]
    mov ah, [BDA_VIDEO_CONTROL]
    and ah, 0x80
    or al, ah
    mov ah, [BDA_COLUMNS]
    mov bh, [BDA_ACTIVE_PAGE]
    ret

; AH=12, BL=10h: EGA/VGA information (colour, 256 KiB, switches).
alternate_select:
    cmp bl, 0x10
    jne .done
    mov bx, 0x0003
    mov cl, [BDA_SWITCHES]
    and cl, 0x0F
    xor ch, ch
.done:
    ret

; AH=13: AL = mode (bit 0 move cursor, bit 1 string holds attributes), BH = page (the active page is
; used), BL = attribute, CX = length, DH/DL = row/column, ES:BP = string.
write_string:
    pusha
    push dx
    call active_cursor
    mov si, dx                      ; the cursor before the call
    pop dx
    push si
    call set_active_cursor
    mov si, bp
    mov ah, bl
    mov bl, al
    jcxz .finish
.next:
    mov al, [es:si]
    inc si
    test bl, 2
    jz .print
    mov ah, [es:si]
    inc si
.print:
    call tty_output
    loop .next
.finish:
    pop dx
    test bl, 1
    jnz .done
    call set_active_cursor          ; mode without cursor update: put it back
.done:
    popa
    ret

; AH=1A: AL=00 returns AL = 1Ah, BL = 08h (VGA with colour display), BH = 0.
display_combination:
    test al, al
    jnz .done
    mov al, 0x1A
    mov bx, 0x0008
.done:
    ret

; ----------------------------------------------------------------------------------- DISPI
; Selects DISPI register BX; returns DX = the data port.
dispi_select:
    mov dx, DISPI_INDEX_PORT
    xchg ax, bx
    out dx, ax
    xchg ax, bx
    inc dx
    ret

; Returns AX = DISPI register BX.
dispi_read:
    push dx
    call dispi_select
    in ax, dx
    pop dx
    ret

; Writes AX to DISPI register BX.
dispi_write:
    push dx
    call dispi_select
    out dx, ax
    pop dx
    ret

; Sets CF if there is no DISPI interface; otherwise selects interface version 5 and clears CF.
dispi_probe:
    push ax
    push bx
    mov bx, DISPI_ID
    mov ax, DISPI_ID0
    call dispi_write
    call dispi_read
    cmp ax, DISPI_ID0
    jne .absent
    mov ax, DISPI_ID5
    call dispi_write
    clc
    jmp .done
.absent:
    stc
.done:
    pop bx
    pop ax
    ret

dispi_disable:
    push ax
    push bx
    call dispi_probe
    jc .done
    mov bx, DISPI_ENABLE
    xor ax, ax
    call dispi_write
.done:
    pop bx
    pop ax
    ret

; ----------------------------------------------------------------------------------- VBE
vbe_dispatch:
    call dispi_probe
    jc .no_hardware
    cmp al, 0x00
    je vbe_controller_info
    cmp al, 0x01
    je vbe_mode_info
    cmp al, 0x02
    je vbe_set_mode
    cmp al, 0x03
    je vbe_current_mode
    cmp al, 0x05
    je vbe_bank_window
    mov ax, VBE_FAILED
    ret
.no_hardware:
    mov ax, VBE_NOT_SUPPORTED
    ret

; Mode table entries: mode number, width, height, bits per pixel, memory model, then the red,
; green, blue and reserved mask sizes and field positions.
MODE_ENTRY_SIZE equ 16
MODE_NUMBER     equ 0
MODE_WIDTH      equ 2
MODE_HEIGHT     equ 4
MODE_BPP        equ 6
MODE_MODEL      equ 7
MODE_MASKS      equ 8

mode_table:
    dw 0x110, 640, 480
    db 15, 6, 5, 10, 5, 5, 5, 0, 1, 15
    dw 0x111, 640, 480
    db 16, 6, 5, 11, 6, 5, 5, 0, 0, 0
    dw 0x112, 640, 480
    db 24, 6, 8, 16, 8, 8, 8, 0, 0, 0
    dw 0x142, 640, 480
    db 32, 6, 8, 16, 8, 8, 8, 0, 8, 24
    dw 0x113, 800, 600
    db 15, 6, 5, 10, 5, 5, 5, 0, 1, 15
    dw 0x114, 800, 600
    db 16, 6, 5, 11, 6, 5, 5, 0, 0, 0
    dw 0x115, 800, 600
    db 24, 6, 8, 16, 8, 8, 8, 0, 0, 0
    dw 0x143, 800, 600
    db 32, 6, 8, 16, 8, 8, 8, 0, 8, 24
    dw 0x116, 1024, 768
    db 15, 6, 5, 10, 5, 5, 5, 0, 1, 15
    dw 0x117, 1024, 768
    db 16, 6, 5, 11, 6, 5, 5, 0, 0, 0
    dw 0x118, 1024, 768
    db 24, 6, 8, 16, 8, 8, 8, 0, 0, 0
    dw 0x144, 1024, 768
    db 32, 6, 8, 16, 8, 8, 8, 0, 8, 24
    dw 0x119, 1280, 1024
    db 15, 6, 5, 10, 5, 5, 5, 0, 1, 15
    dw 0x11A, 1280, 1024
    db 16, 6, 5, 11, 6, 5, 5, 0, 0, 0
    dw 0x11B, 1280, 1024
    db 24, 6, 8, 16, 8, 8, 8, 0, 0, 0
    dw 0x145, 1280, 1024
    db 32, 6, 8, 16, 8, 8, 8, 0, 8, 24
mode_table_end:

; CX = mode number (bits 9-15 ignored); returns SI = its table entry and CF clear, or CF set.
find_mode:
    push cx
    and cx, 0x01FF
    mov si, mode_table
.next:
    cmp si, mode_table_end
    jae .missing
    cmp [cs:si + MODE_NUMBER], cx
    je .found
    add si, MODE_ENTRY_SIZE
    jmp .next
.missing:
    stc
    pop cx
    ret
.found:
    clc
    pop cx
    ret

; SI = mode entry; returns EAX = bytes per scan line and EDX = bytes of one screen.
mode_geometry:
    movzx eax, byte [cs:si + MODE_BPP]
    add eax, 7
    shr eax, 3
    movzx edx, word [cs:si + MODE_WIDTH]
    imul eax, edx
    movzx edx, word [cs:si + MODE_HEIGHT]
    imul edx, eax
    ret

; Returns EBX = video memory in bytes, as the DISPI interface reports it.
video_memory:
    push ax
    mov bx, DISPI_VIDEO_MEMORY_64K
    call dispi_read
    movzx ebx, ax
    shl ebx, 16
    pop ax
    ret

; SI = mode entry; sets CF if the mode does not fit in video memory.
check_mode_fits:
    push eax
    push ebx
    push edx
    call mode_geometry
    call video_memory
    cmp edx, ebx
    ja .too_big
    clc
    jmp .done
.too_big:
    stc
.done:
    pop edx
    pop ebx
    pop eax
    ret

; AX=4F00: ES:DI = 512-byte buffer ('VBE2' in the first four bytes asks for VBE 2.0 fields).
VBE_INFO_SIGNATURE    equ 0
VBE_INFO_VERSION      equ 4
VBE_INFO_OEM_STRING   equ 6
VBE_INFO_CAPABILITIES equ 10
VBE_INFO_MODE_LIST    equ 14
VBE_INFO_MEMORY       equ 18
VBE_INFO_OEM_REVISION equ 20
VBE_INFO_VENDOR       equ 22
VBE_INFO_PRODUCT      equ 26
VBE_INFO_REVISION     equ 30
VBE_INFO_RESERVED     equ 34
VBE_INFO_OEM_DATA     equ 256

vbe_controller_info:
    pushad
    mov bp, di                      ; BP = buffer base
    cmp dword [es:di], 'VBE2'
    sete dl                         ; DL = 1 if the caller wants the VBE 2.0 fields
    mov cx, 128
    xor eax, eax
    push dx
    cmp dl, 1
    je .clear
    mov cx, 64                      ; a VBE 1.x buffer has 256 bytes
.clear:
    rep stosd
    pop dx
    mov dword [es:bp + VBE_INFO_SIGNATURE], 'VESA'
    mov word [es:bp + VBE_INFO_VERSION], 0x0200
    mov word [es:bp + VBE_INFO_OEM_STRING], oem_string
    mov [es:bp + VBE_INFO_OEM_STRING + 2], cs
    call video_memory
    shr ebx, 16
    mov [es:bp + VBE_INFO_MEMORY], bx
    ; the mode list: modes that fit in video memory, in the reserved area, ended by FFFFh
    lea di, [bp + VBE_INFO_RESERVED]
    mov [es:bp + VBE_INFO_MODE_LIST], di
    mov [es:bp + VBE_INFO_MODE_LIST + 2], es
    mov si, mode_table
.mode:
    cmp si, mode_table_end
    jae .modes_done
    call check_mode_fits
    jc .skip
    mov ax, [cs:si + MODE_NUMBER]
    stosw
.skip:
    add si, MODE_ENTRY_SIZE
    jmp .mode
.modes_done:
    mov ax, 0xFFFF
    stosw
    cmp dl, 1
    jne .finish
    ; VBE 2.0: OEM strings copied into the OEM data area so they stay valid with the buffer
    mov word [es:bp + VBE_INFO_OEM_REVISION], 0x0100
    lea di, [bp + VBE_INFO_OEM_DATA]
    mov si, oem_string
    lea bx, [bp + VBE_INFO_OEM_STRING]
    call copy_string_to_buffer
    mov si, vendor_string
    lea bx, [bp + VBE_INFO_VENDOR]
    call copy_string_to_buffer
    mov si, product_string
    lea bx, [bp + VBE_INFO_PRODUCT]
    call copy_string_to_buffer
    mov si, revision_string
    lea bx, [bp + VBE_INFO_REVISION]
    call copy_string_to_buffer
.finish:
    popad
    mov ax, VBE_SUCCESS
    ret

; Copies the zero-terminated string CS:SI to ES:DI, stores the far pointer ES:DI at ES:BX, and
; advances DI past the copy.
copy_string_to_buffer:
    mov [es:bx], di
    mov [es:bx + 2], es
.next:
    mov al, [cs:si]
    inc si
    stosb
    test al, al
    jnz .next
    ret

; AX=4F01: CX = mode, ES:DI = 256-byte mode information block.
MI_ATTRIBUTES      equ 0
MI_WINA_ATTRIBUTES equ 2
MI_GRANULARITY     equ 4
MI_WINDOW_SIZE     equ 6
MI_WINA_SEGMENT    equ 8
MI_BYTES_PER_LINE  equ 16
MI_WIDTH           equ 18
MI_HEIGHT          equ 20
MI_CHAR_WIDTH      equ 22
MI_CHAR_HEIGHT     equ 23
MI_PLANES          equ 24
MI_BPP             equ 25
MI_BANKS           equ 26
MI_MODEL           equ 27
MI_IMAGE_PAGES     equ 29
MI_RESERVED1       equ 30
MI_MASKS           equ 31
MI_DIRECT_COLOR    equ 39
MI_PHYS_BASE       equ 40
MI_LIN_BYTES_PER_LINE equ 50
MI_BANK_IMAGE_PAGES equ 52
MI_LIN_IMAGE_PAGES equ 53
MI_LIN_MASKS       equ 54

vbe_mode_info:
    call find_mode
    jnc .found
    mov ax, VBE_FAILED
    ret
.found:
    pushad
    mov bp, di
    mov cx, 64
    xor eax, eax
    rep stosd
    mov ax, 0x009B                  ; supported, extended info, colour, graphics, linear frame buffer
    call check_mode_fits
    jnc .fits
    and al, 0xFE                    ; not supported: does not fit in video memory
.fits:
    mov [es:bp + MI_ATTRIBUTES], ax
    mov byte [es:bp + MI_WINA_ATTRIBUTES], 0x07
    mov word [es:bp + MI_GRANULARITY], 64
    mov word [es:bp + MI_WINDOW_SIZE], 64
    mov word [es:bp + MI_WINA_SEGMENT], 0xA000
    call mode_geometry              ; EAX = bytes per line, EDX = screen size
    mov [es:bp + MI_BYTES_PER_LINE], ax
    mov [es:bp + MI_LIN_BYTES_PER_LINE], ax
    mov ax, [cs:si + MODE_WIDTH]
    mov [es:bp + MI_WIDTH], ax
    mov ax, [cs:si + MODE_HEIGHT]
    mov [es:bp + MI_HEIGHT], ax
    mov byte [es:bp + MI_CHAR_WIDTH], 8
    mov byte [es:bp + MI_CHAR_HEIGHT], 16
    mov byte [es:bp + MI_PLANES], 1
    mov al, [cs:si + MODE_BPP]
    mov [es:bp + MI_BPP], al
    mov byte [es:bp + MI_BANKS], 1
    mov al, [cs:si + MODE_MODEL]
    mov [es:bp + MI_MODEL], al
    mov byte [es:bp + MI_RESERVED1], 1
    ; image pages: how many more screens fit in video memory
    call video_memory
    mov eax, ebx
    mov ecx, edx
    xor edx, edx
    div ecx
    dec eax
    jns .pages
    xor eax, eax
.pages:
    cmp eax, 255
    jbe .pages_ok
    mov eax, 255
.pages_ok:
    mov [es:bp + MI_IMAGE_PAGES], al
    mov [es:bp + MI_BANK_IMAGE_PAGES], al
    mov [es:bp + MI_LIN_IMAGE_PAGES], al
    ; colour masks, for the VBE 1.2 fields and the VBE 3.0 linear ones
    mov di, bp
    xor bx, bx
.mask:
    mov al, [cs:si + MODE_MASKS + bx]
    mov [es:di + MI_MASKS + bx], al
    mov [es:di + MI_LIN_MASKS + bx], al
    inc bx
    cmp bx, 8
    jb .mask
    cmp byte [cs:si + MODE_BPP], 32
    jne .direct
    mov byte [es:bp + MI_DIRECT_COLOR], 0x02   ; the reserved field may be used
.direct:
    mov dword [es:bp + MI_PHYS_BASE], LFB_ADDRESS
    popad
    mov ax, VBE_SUCCESS
    ret

; AX=4F02: BX = mode; bit 14 asks for the linear frame buffer, bit 15 keeps video memory.
vbe_set_mode:
    push cx
    push si
    mov cx, bx
    and cx, 0x01FF
    cmp cx, 0x100
    jae .vesa
    cmp cl, 3                       ; the VGA modes this ROM sets: 2 and 3 (80x25 text)
    je .vga_mode
    cmp cl, 2
    jne .failed
.vga_mode:
    push ax
    call dispi_disable
    mov al, bl
    and al, 0x7F
    test bh, 0x80
    jz .legacy
    or al, 0x80
.legacy:
    call set_mode
    pop ax
    mov ax, VBE_SUCCESS
    jmp .done
.vesa:
    call find_mode
    jc .failed
    call check_mode_fits
    jc .failed
    pusha
    push bx
    mov bx, DISPI_ENABLE
    xor ax, ax
    call dispi_write
    mov bx, DISPI_BPP
    movzx ax, byte [cs:si + MODE_BPP]
    call dispi_write
    mov bx, DISPI_XRES
    mov ax, [cs:si + MODE_WIDTH]
    call dispi_write
    mov bx, DISPI_YRES
    mov ax, [cs:si + MODE_HEIGHT]
    call dispi_write
    mov bx, DISPI_BANK
    xor ax, ax
    call dispi_write
    mov bx, DISPI_X_OFFSET
    call dispi_write
    mov bx, DISPI_Y_OFFSET
    call dispi_write
    pop cx                          ; the caller's BX
    mov ax, DISPI_ENABLED
    test ch, 0x40
    jz .banked
    or al, DISPI_LFB_ENABLED
.banked:
    test ch, 0x80
    jz .enable
    or al, DISPI_NOCLEARMEM
.enable:
    mov bx, DISPI_ENABLE
    call dispi_write
    popa
    mov ax, VBE_SUCCESS
    jmp .done
.failed:
    mov ax, VBE_FAILED
.done:
    pop si
    pop cx
    ret

; AX=4F03: returns BX = current mode (bit 14 set when the linear frame buffer is on).
vbe_current_mode:
    push cx
    push dx
    push si
    push di
    mov bx, DISPI_ENABLE
    call dispi_read
    test al, DISPI_ENABLED
    jnz .vesa
    movzx bx, byte [BDA_MODE]
    jmp .success
.vesa:
    mov di, ax                      ; DI = enable flags
    mov bx, DISPI_XRES
    call dispi_read
    mov cx, ax
    mov bx, DISPI_YRES
    call dispi_read
    mov dx, ax
    mov bx, DISPI_BPP
    call dispi_read
    mov si, mode_table
.next:
    cmp si, mode_table_end
    jae .unknown
    cmp [cs:si + MODE_WIDTH], cx
    jne .skip
    cmp [cs:si + MODE_HEIGHT], dx
    jne .skip
    cmp [cs:si + MODE_BPP], al
    je .found
.skip:
    add si, MODE_ENTRY_SIZE
    jmp .next
.unknown:
    mov ax, VBE_FAILED
    jmp .done
.found:
    mov bx, [cs:si + MODE_NUMBER]
    test di, DISPI_LFB_ENABLED
    jz .success
    or bx, 0x4000
.success:
    mov ax, VBE_SUCCESS
.done:
    pop di
    pop si
    pop dx
    pop cx
    ret

; AX=4F05: BH = 0 set (DX = bank) or 1 get (returns DX); BL = window, which must be A (0).
vbe_bank_window:
    test bl, bl
    jnz .failed
    push bx
    cmp bh, 1
    je .get
    test bh, bh
    jnz .failed_pop
    mov bx, DISPI_BANK
    mov ax, dx
    call dispi_write
    jmp .success
.get:
    mov bx, DISPI_BANK
    call dispi_read
    mov dx, ax
.success:
    pop bx
    mov ax, VBE_SUCCESS
    ret
.failed_pop:
    pop bx
.failed:
    mov ax, VBE_FAILED
    ret

; ----------------------------------------------------------------------------------- trailer
rom_code_end:
    times ((rom_code_end - rom_start + 1 + 511) / 512) * 512 - 1 - ($ - $$) db 0
rom_checksum:
    db 0                            ; set so that all bytes of the ROM sum to 0 mod 256
rom_end:
