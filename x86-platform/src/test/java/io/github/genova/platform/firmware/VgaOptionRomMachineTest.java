package io.github.genova.platform.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.device.vga.FramebufferImage;
import io.github.genova.platform.x86.X86State;
import io.github.genova.platform.x86.asm.Assembler;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The project's VGA option ROM on Genova's own PC and CPU: init at C000:0003, VBE mode setting that the
 * DISPI device reflects, pixels through the linear framebuffer, and teletype output in the text buffer.
 */
class VgaOptionRomMachineTest {
  /** Enters unreal mode (a flat 4 GiB DS limit) and stores one 32-bit pixel at the given address. */
  private static String lfbStore(long pixel) {
    return """
      org 0x600
      bits 16
          lgdt [gdtr]
          mov eax, cr0
          or al, 1
          mov cr0, eax
          mov bx, 8
          mov ds, bx
          and al, 0xfe
          mov cr0, eax
          xor bx, bx
          mov ds, bx
          mov edi, 0x%x
          mov dword [edi], 0x00123456
          hlt
      align 8
      gdt:
          dd 0, 0
          dd 0x0000ffff, 0x00cf9200
      gdtr:
          dw 15
          dd gdt
      """.formatted(pixel);
  }

  @Test
  void vbeSetsA1024x768x32ModeAndPixelsReachTheFramebuffer() {
    try (RealModeCalls calls = new RealModeCalls(VgaOptionRom.image())) {
      calls.initialise();
      RealModeCalls.VbeMode mode = calls.setVbeModeWithLinearFramebuffer(1024, 768, 32);
      assertThat(mode.framebuffer()).isEqualTo(VgaOptionRom.LINEAR_FRAME_BUFFER);
      // The CPU stores through the LFB (MMIO on the physical bus), the display shows it.
      long pixel = mode.framebuffer() + 5L * mode.pitch() + 7 * 4;
      calls.memory.load(0x600, new Assembler(include -> Optional.empty())
          .assemble("lfb-store.asm", lfbStore(pixel)).image());
      calls.runAt(0x600, "LFB store");
      FramebufferImage picture = calls.pc.vga().snapshot();
      assertThat(picture.width()).isEqualTo(1024);
      assertThat(picture.pixel(7, 5)).isEqualTo(0xff12_3456);
      assertThat(picture.pixel(8, 5)).isEqualTo(0xff00_0000);
    }
  }

  @Test
  void teletypeOutputAppearsInTheTextBuffer() {
    try (RealModeCalls calls = new RealModeCalls(VgaOptionRom.image())) {
      calls.initialise();
      calls.int10(0x0003, 0, 0, 0, 0);
      for (char c : "Genova".toCharArray()) {
        calls.int10(0x0e00 | c, 0x0007, 0, 0, 0);
      }
      assertThat(calls.pc.vga().mode().text()).isTrue();
      assertThat(calls.pc.vga().textRow(0)).startsWith("Genova ");
      assertThat(calls.u16(0xb8000)).as("first cell: 'G' on light grey").isEqualTo(0x0747);
      X86State mode = calls.int10(0x0f00, 0, 0, 0, 0);
      assertThat(mode.regs[X86State.EAX] & 0xffff).as("AH=0F: 80 columns, mode 3").isEqualTo(0x5003);
    }
  }
}
