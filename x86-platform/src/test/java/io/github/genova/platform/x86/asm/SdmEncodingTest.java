package io.github.genova.platform.x86.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Encodings checked by hand against the opcode and ModRM/SIB tables of the Intel SDM, volume 2
 * (chapter 2 and the instruction pages). These always run, with or without binutils.
 */
class SdmEncodingTest {
  @ParameterizedTest(name = "bits {0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          32 | mov eax, [ebx+ecx*4+0x10]        | 8b448b10
          32 | mov eax, [esp+4]                 | 8b442404
          32 | mov eax, [ebp-4]                 | 8b45fc
          32 | mov eax, [ecx*8]                 | 8b04cd00000000
          32 | mov [0x12345678], eax            | a378563412
          16 | mov ax, [bp]                     | 8b4600
          16 | mov ax, [bx+si+0x1234]           | 8b803412
          16 | mov word [es:di], 0x0720         | 26c7052007
          16 | mov eax, [ebx]                   | 67668b03
          32 | add dword [ebx], 0x12345678      | 810378563412
          32 | add eax, -128                    | 83c080
          32 | add eax, 128                     | 0580000000
          32 | add ebx, strict dword 1          | 81c301000000
          32 | add ebx, dword 1                 | 83c301
          16 | push strict word 1               | 680100
          16 | sub sp, 0x7f                     | 83ec7f
          32 | imul eax, ebx, 10                | 6bc30a
          32 | imul eax, ecx                    | 0fafc1
          32 | push 0x12                        | 6a12
          32 | push 0x1234                      | 6834120000
          16 | push dword 0x12345678            | 666878563412
          32 | push fs                          | 0fa0
          32 | pop gs                           | 0fa9
          32 | mov fs, ax                       | 8ee0
          32 | mov cr0, eax                     | 0f22c0
          32 | mov ebx, cr3                     | 0f20db
          32 | mov dr7, ecx                     | 0f23f9
          32 | lgdt [0x1000]                    | 0f011500100000
          16 | o32 lgdt [cs:0x100]              | 2e660f01160001
          32 | lidt [eax]                       | 0f0118
          32 | ltr ax                           | 0f00d8
          32 | invlpg [eax]                     | 0f0138
          32 | rep movsd                        | f3a5
          16 | rep movsd                        | 66f3a5
          16 | a32 rep stosb                    | 67f3aa
          32 | xchg eax, ecx                    | 91
          16 | in al, dx                        | ec
          16 | out 0x80, al                     | e680
          32 | out dx, eax                      | ef
          32 | bswap ecx                        | 0fc9
          32 | cpuid                            | 0fa2
          32 | rdtsc                            | 0f31
          32 | iretd                            | cf
          16 | iretd                            | 66cf
          32 | jmp $                            | ebfe
          16 | jmp 0xf000:0xe05b                | ea5be000f0
          16 | jmp dword 0x08:0x00100000        | 66ea000010000800
          32 | call 0x10:0x1000                 | 9a001000001000
          32 | jmp far [ebx]                    | ff2b
          32 | int 0x80                         | cd80
          32 | movzx eax, byte [esi]            | 0fb606
          32 | movsx ecx, word [esi]            | 0fbf0e
          32 | setne al                         | 0f95c0
          32 | cmovz eax, ecx                   | 0f44c1
          32 | bts dword [eax], 3               | 0fba2803
          32 | shl dword [eax], 1               | d120
          32 | sar eax, 5                       | c1f805
          32 | test al, 0x80                    | a880
          32 | lock cmpxchg [ebx], ecx          | f00fb10b
          32 | cld                              | fc
          16 | cwde                             | 6698
          32 | cdq                              | 99
          32 | enter 8, 0                       | c8080000
          32 | retf 4                           | ca0400
          """)
  void encodesAsTheSdmSays(int bits, String instruction, String hex) {
    Assembly a = new Assembler().assemble("sdm", "bits " + bits + "\n" + instruction + "\n");
    assertThat(HexFormat.of().formatHex(a.image())).isEqualTo(hex);
  }
}
