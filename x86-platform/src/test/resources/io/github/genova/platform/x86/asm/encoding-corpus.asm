; Instructions assembled both by our assembler and by GNU as (see GnuAsCrossCheckTest); every line
; must give the same bytes. The syntax is ours; the test rewrites size keywords ("byte [" becomes
; "byte ptr [") and segment overrides ("[es:di]" becomes "es:[di]") for as.
bits 32
start32:
mov eax, ebx
mov al, bl
mov ax, bx
mov ecx, 0x12345678
mov cl, 0x12
mov cx, 0x1234
mov eax, [ebx]
mov eax, [ebx+4]
mov eax, [ebx-4]
mov eax, [ebx+0x1000]
mov eax, [ebp]
mov eax, [esp]
mov eax, [esp+8]
mov eax, [ebx+ecx*4]
mov eax, [ebx+ecx*4+0x20]
mov eax, [ebx+ecx*8+0x12345]
mov eax, [ecx*4+0x1000]
mov eax, [ebp+esi]
mov eax, [0x1000]
mov [0x1000], eax
mov al, [0x2000]
mov [0x2000], al
mov ebx, [0x1000]
mov [ebx], ecx
mov [ebx+edi*2+3], dl
mov byte [ebx], 5
mov word [ebx], 0x1234
mov dword [ebx], 0x12345678
mov dword [0x4000], 7
mov ds, ax
mov es, bx
mov ss, cx
mov fs, dx
mov gs, [ebx]
mov ax, ds
mov eax, cs
mov [ebx], es
mov cr0, eax
mov eax, cr0
mov cr3, ebx
mov ecx, cr2
mov cr4, edx
mov dr7, eax
mov eax, dr6
mov ax, [es:di]
mov eax, [fs:ebx]
mov [gs:0x10], eax
mov eax, [ss:ebx+8]
add eax, ebx
add al, 5
add ax, 5
add eax, 5
add eax, 500
add ebx, 500
add ebx, -1
add ax, 0xffff
add byte [ebx], 7
add word [ebx], 7
add dword [ebx], 7
add dword [ebx], 0x1000
add [ebx], eax
add eax, [ebx]
or ecx, edx
adc edx, 3
sbb esi, edi
and eax, 0xff00ff00
and cl, 0x0f
sub esp, 16
sub esp, 0x200
xor eax, eax
xor ebx, [ecx+edx]
cmp eax, 0x10
cmp al, 'A'
cmp byte [esi], 0
cmp [edi], ecx
test eax, eax
test al, 1
test eax, 0x10000
test ecx, 3
test byte [ebx], 0x80
test [ebx], edx
test edx, [ebx]
inc eax
inc cx
inc bl
inc dword [ebx]
dec edi
dec byte [ebx+1]
neg eax
not bl
not word [ebx]
mul ecx
mul byte [ebx]
imul ecx
imul eax, ebx
imul eax, [ebx]
imul eax, ebx, 10
imul eax, ebx, 1000
imul ecx, 7
imul cx, dx, -3
div ecx
idiv ebx
div byte [ebx]
shl eax, 1
shl eax, 4
shl eax, cl
shr ebx, 1
sar ecx, 31
rol al, 1
ror dx, 3
rcl eax, 1
rcr byte [ebx], cl
sal edx, 2
shld eax, ebx, 4
shrd eax, ebx, cl
xchg eax, ebx
xchg ebx, eax
xchg ecx, edx
xchg al, bl
xchg [ebx], ecx
lea eax, [ebx+ecx*2+8]
lea esi, [esi+0x100]
lea di, [bx+si]
movzx eax, bl
movzx eax, byte [ebx]
movzx eax, word [ebx]
movzx ecx, dx
movsx eax, bl
movsx eax, word [ebx]
movsx cx, al
push eax
push ebp
push dword [ebx]
push 5
push 0x1000
push -2
push es
push cs
push ss
push ds
push fs
push gs
pop eax
pop dword [ebx]
pop es
pop ss
pop ds
pop fs
pop gs
pusha
popa
pushad
popad
pushf
popf
pushfd
popfd
bswap eax
bswap edi
bt eax, ebx
bt eax, 5
bts dword [ebx], 3
btr ecx, edx
btc word [ebx], 1
bsf eax, ebx
bsr ecx, [edx]
sete al
setne bl
setb byte [ebx]
setg cl
cmove eax, ebx
cmovne ecx, [edx]
cmovl ax, bx
in al, 0x60
in ax, 0x60
in eax, 0x60
in al, dx
in ax, dx
in eax, dx
out 0x80, al
out 0x80, ax
out 0x80, eax
out dx, al
out dx, ax
out dx, eax
movsb
movsw
movsd
rep movsb
rep movsd
rep stosd
repe cmpsb
repne scasb
lodsb
lodsd
stosb
stosw
insb
outsb
cmpsd
xlatb
lgdt [0x1000]
lidt [ebx]
sgdt [ebx]
sidt [0x2000]
lmsw ax
smsw ax
ltr ax
ltr word [ebx]
str ax
lldt ax
invlpg [eax]
invlpg [0x1000]
lar eax, ebx
lsl eax, ecx
lds esi, [ebx]
les edi, [ebx]
lss esp, [ebx]
lfs eax, [ebx]
lgs eax, [ebx]
cli
sti
hlt
cld
std
clc
stc
cmc
nop
cbw
cwde
cwd
cdq
lahf
sahf
leave
cpuid
rdtsc
rdmsr
wrmsr
wbinvd
clts
iret
iretd
int 0x21
int 0x80
ret
ret 8
retf
retf 4
enter 16, 0
xadd [ebx], eax
cmpxchg [ebx], ecx
arpl [ebx], ax
daa
das
aaa
aas
aam
aad
lock add dword [ebx], 1
lock xchg [ebx], eax
jmp eax
jmp dword [ebx]
call eax
call dword [ebx+4]
call target32
jmp target32
back32:
jmp back32
je back32
jne target32
jc target32
jae back32
jl far32
jg far32
loop back32
loope back32
loopne back32
jecxz back32
jcxz back32
call far32
jmp far32
jmp 0x08:0x12345678
call 0x10:0x1000
target32:
times 200 nop
far32:
jmp start32
bits 16
start16:
mov ax, bx
mov eax, ebx
mov al, [bx]
mov ax, [bx+si]
mov ax, [bx+di+4]
mov ax, [bp+si]
mov ax, [bp+di-2]
mov ax, [si]
mov ax, [di+0x200]
mov ax, [bp]
mov ax, [bx]
mov ax, [0x1234]
mov [0x1234], ax
mov bx, [0x1234]
mov eax, [bx]
mov eax, [ebx]
mov ax, [eax+ecx*2]
mov byte [bx], 1
mov word [bp+2], 0x55aa
mov dword [di], 0x12345678
mov es, ax
mov ds, ax
mov ss, ax
mov ax, cs
mov cr0, eax
mov eax, cr0
mov al, [es:bx]
mov [cs:0x10], ax
mov ax, [ss:si]
add ax, 1
add ax, 0x1234
add eax, 1
add eax, 0x12345
add al, 1
add bx, 200
sub sp, 2
cmp word [bx], 0x10
and byte [si], 0xfe
or word [di+2], 0x8000
xor ax, ax
xor eax, eax
test ax, 0x8000
inc ax
inc eax
dec si
dec word [bx]
push ax
push eax
push 0x1234
push 1
push es
push ds
push fs
pop ax
pop eax
pop ds
pop es
pusha
popa
pushad
popad
pushf
popf
pushfd
popfd
movzx ax, bl
movzx eax, bx
movsx eax, byte [bx]
lea si, [bx+di+4]
lea eax, [ebx+4]
shl ax, 1
shr eax, 8
imul ax, bx, 3
xchg ax, bx
xchg ah, al
in al, 0x61
out 0x61, al
in ax, dx
out dx, al
out dx, eax
movsb
movsw
movsd
rep movsw
rep stosb
rep stosd
lodsw
scasw
cmpsw
cbw
cwde
cwd
cdq
lgdt [0x100]
lidt [bx]
lmsw ax
smsw ax
int 0x10
int 0x13
iret
iretd
retf
retf 2
ret
ret 2
call bx
call word [bx]
jmp ax
jmp word [si]
jmp 0xf000:0xe05b
call 0xc000:0x0003
call target16
jmp target16
back16:
jz back16
jnz target16
jb far16
jbe far16
loop back16
jcxz back16
jecxz back16
jmp back16
jmp far16
call far16
setz al
bt ax, 3
bswap eax
cmove ax, bx
les bx, [bp+4]
lds si, [bx]
target16:
times 300 nop
far16:
ret
