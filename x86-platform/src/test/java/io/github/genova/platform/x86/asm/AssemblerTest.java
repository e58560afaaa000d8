package io.github.genova.platform.x86.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Directives, symbols, pass convergence and error reporting of the assembler. */
class AssemblerTest {
  private static Assembly asm(String source) {
    return new Assembler().assemble("test.asm", source);
  }

  private static String hex(String source) {
    return HexFormat.of().formatHex(asm(source).image());
  }

  @Test
  void bootSectorPaddingWithDollarAndDoubleDollar() {
    Assembly a =
        asm(
            """
            org 0x7c00
            bits 16
            start: jmp start
            times 510-($-$$) db 0
            dw 0xaa55
            """);
    byte[] image = a.image();
    assertThat(image).hasSize(512);
    assertThat(a.origin()).isEqualTo(0x7c00);
    assertThat(a.symbol("start")).contains(0x7c00L);
    assertThat(image[0] & 0xFF).isEqualTo(0xEB);
    assertThat(image[1]).isEqualTo((byte) 0xFE);
    assertThat(image[510] & 0xFF).isEqualTo(0x55);
    assertThat(image[511] & 0xFF).isEqualTo(0xAA);
  }

  @Test
  void localLabelsBelongToTheLastOrdinaryLabel() {
    Assembly a =
        asm(
            """
            first:
            .loop: dec cx
              jnz .loop
            second:
              nop
            .loop: jmp .loop
            """);
    assertThat(a.symbol("first.loop")).contains(0L);
    assertThat(a.symbol("second.loop")).contains(4L);
    assertThat(HexFormat.of().formatHex(a.image())).isEqualTo("4975fd90ebfe");
  }

  @Test
  void forwardReferencesAndEquSettle() {
    Assembly a =
        asm(
            """
            bits 32
            mov eax, size
            size equ end - start
            start: times 7 nop
            end:
            """);
    assertThat(a.symbol("size")).contains(7L);
    assertThat(hex("bits 32\nmov eax, later\nlater equ 5\n")).isEqualTo("b805000000");
  }

  @Test
  void jumpsGrowToNearOnlyWhenTheTargetIsOutOfShortRange() {
    assertThat(hex("jmp t\ntimes 127 nop\nt:").substring(0, 4)).isEqualTo("eb7f");
    assertThat(hex("jmp t\ntimes 128 nop\nt:").substring(0, 6)).isEqualTo("e98000");
    assertThat(hex("bits 32\njz t\ntimes 200 nop\nt:").substring(0, 12)).isEqualTo("0f84c8000000");
    assertThat(hex("t: times 126 nop\njmp t").substring(252)).isEqualTo("eb80");
  }

  @Test
  void growingJumpsPushLaterJumpsOutOfRangeAndThePassesStillSettle() {
    StringBuilder src = new StringBuilder("bits 32\n");
    for (int i = 0; i < 40; i++) {
      src.append("jmp end\n");
    }
    src.append("times 50 nop\nend:\n");
    Assembly a = asm(src.toString());
    // 40 short jumps would be 80 bytes and reach; the first ones cannot: verify each rel lands on end.
    byte[] img = a.image();
    long end = a.symbol("end").orElseThrow();
    int pc = 0;
    for (int i = 0; i < 40; i++) {
      if ((img[pc] & 0xFF) == 0xEB) {
        assertThat(pc + 2 + img[pc + 1]).isEqualTo((int) end);
        pc += 2;
      } else {
        assertThat(img[pc] & 0xFF).isEqualTo(0xE9);
        int rel = (img[pc + 1] & 0xFF) | (img[pc + 2] & 0xFF) << 8 | (img[pc + 3] & 0xFF) << 16 | img[pc + 4] << 24;
        assertThat(pc + 5 + rel).isEqualTo((int) end);
        pc += 5;
      }
    }
    assertThat(img[0] & 0xFF).isEqualTo(0xE9);
    assertThat(img[pc - 2] & 0xFF).isEqualTo(0xEB);
  }

  @Test
  void dataStringsCharacterConstantsAndAlign() {
    assertThat(hex("db 'VESA', 0\ndw 'AB'\ndd 'VBE2'")).isEqualTo("56455341004142" + "56424532");
    // As in NASM, a string in dw/dd is its bytes padded to a whole number of units.
    assertThat(hex("dw 'ABC', 1")).isEqualTo("414243000100");
    assertThat(hex("db 1\nalign 4\ndb 2\nalign 4, db 0xff")).isEqualTo("0190909002ffffff");
    assertThat(hex("resb 3\ndb 9")).isEqualTo("00000009");
  }

  @Test
  void expressionsFollowNasmPrecedence() {
    assertThat(hex("dd (1+2)*3 << 1 | 1")).isEqualTo("13000000");
    assertThat(hex("dw 1 + 2 * 3 - 8 / 2")).isEqualTo("0300");
    assertThat(hex("dd 0x12345678 >> 16 & 0xff")).isEqualTo("34000000");
    assertThat(hex("db -1, ~0 & 0x0f, 7 % 4, -7 // 2")).isEqualTo("ff0f03fd");
    assertThat(hex("db 0FFh, 101b, 0b11, 017q")).isEqualTo("ff05030f");
  }

  @Test
  void includesComeFromTheResolver() {
    Map<String, String> files = Map.of("common.inc", "VALUE equ 0x42\nhelper: ret\n");
    Assembler assembler = new Assembler(name -> Optional.ofNullable(files.get(name)));
    Assembly a = assembler.assemble("main.asm", "%include \"common.inc\"\nmov al, VALUE\ncall helper\n");
    assertThat(HexFormat.of().formatHex(a.image())).isEqualTo("c3b042e8faff");
  }

  @Test
  void sourceLocationNamesTheLineThatProducedAnAddress() {
    Map<String, String> files = Map.of("inc.asm", "db 1, 2\n");
    Assembler assembler = new Assembler(name -> Optional.ofNullable(files.get(name)));
    Assembly a = assembler.assemble("main.asm", "org 0x100\nnop\n\n%include \"inc.asm\"\nlabel: mov ax, 1\n");
    assertThat(a.sourceLocation(0x100)).contains("main.asm:2");
    assertThat(a.sourceLocation(0x101)).contains("inc.asm:1");
    assertThat(a.sourceLocation(0x102)).contains("inc.asm:1");
    assertThat(a.sourceLocation(0x105)).contains("main.asm:5");
    assertThat(a.sourceLocation(0x106)).isEmpty();
    assertThat(a.sourceLocation(0xFF)).isEmpty();
  }

  @Test
  void assemblingTwiceGivesTheSameBytes() {
    String src = "bits 32\nl: add eax, fwd\njmp l\ntimes 300 db 1\nfwd: jmp l\n";
    assertThat(asm(src).image()).isEqualTo(asm(src).image());
  }

  @Test
  void unknownMnemonicNamesTheLine() {
    assertThatThrownBy(() -> asm("nop\nfrobnicate eax\n"))
        .isInstanceOf(AssemblyException.class)
        .hasMessage("test.asm:2: unknown mnemonic 'frobnicate'")
        .satisfies(e -> assertThat(((AssemblyException) e).line()).isEqualTo(2));
  }

  @Test
  void badOperandCombinations() {
    assertThatThrownBy(() -> asm("mov [bx], [si]"))
        .hasMessage("test.asm:1: invalid combination of operands for 'mov'");
    assertThatThrownBy(() -> asm("mov [bx], 5"))
        .hasMessageContaining("test.asm:1: operation size not specified");
    assertThatThrownBy(() -> asm("mov ax, bl")).hasMessageContaining("operand sizes do not match");
    assertThatThrownBy(() -> asm("mov ax, [bx+bp]")).hasMessageContaining("invalid 16-bit address");
    assertThatThrownBy(() -> asm("bits 32\nmov eax, [esp*2]"))
        .hasMessageContaining("esp cannot be an index");
    assertThatThrownBy(() -> asm("pop cs")).hasMessageContaining("pop cs");
    assertThatThrownBy(() -> asm("nop eax")).hasMessageContaining("'nop' takes 0 operands, not 1");
  }

  @Test
  void outOfRangeJumpsAreErrors() {
    assertThatThrownBy(() -> asm("jmp short t\ntimes 200 nop\nt:"))
        .hasMessageStartingWith("test.asm:1: short jump out of range (distance 200)");
    assertThatThrownBy(() -> asm("t: times 200 nop\nloop t"))
        .hasMessageStartingWith("test.asm:2: loop target out of range");
  }

  @Test
  void undefinedSymbolsAreNamed() {
    assertThatThrownBy(() -> asm("nop\n\njmp nowhere\n"))
        .hasMessage("test.asm:3: undefined symbol 'nowhere'");
    assertThatThrownBy(() -> asm("a:\n.x: nop\nb: jmp .x"))
        .hasMessage("test.asm:3: undefined symbol 'b.x'");
  }

  @Test
  void valueOverflowIsAnError() {
    assertThatThrownBy(() -> asm("mov al, 300")).hasMessageStartingWith("test.asm:1: immediate 300");
    assertThatThrownBy(() -> asm("db 256")).hasMessageContaining("does not fit in 8 bits");
    assertThatThrownBy(() -> asm("out 0x100, al")).hasMessageContaining("port number 256");
    assertThatThrownBy(() -> asm("times 4 db 0\ntimes 2-$ db 0"))
        .hasMessageContaining("test.asm:2: repeat count -2");
  }

  @Test
  void otherBadInput() {
    assertThatThrownBy(() -> asm("x: nop\nx: nop")).hasMessage("test.asm:2: symbol 'x' is defined more than once");
    assertThatThrownBy(() -> asm("bits 64")).hasMessageContaining("bits must be 16 or 32");
    assertThatThrownBy(() -> asm("db 'abc")).hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> asm("%include \"none.inc\"")).hasMessageContaining("cannot find include file");
    assertThatThrownBy(() -> asm("mov eax, 1 +")).hasMessageContaining("expected an expression");
    assertThatThrownBy(() -> asm("nop\norg 5")).hasMessageContaining("org must come before");
  }
}
