package io.github.genova.platform.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code qemu-system-i386} as a reference machine for project-written firmware and ROM tests:
 * the guest's writes to one I/O port are captured through QEMU's {@code isa-debugcon}, and the guest
 * ends the run through {@code isa-debug-exit} (port F4h) or a timeout. Tests use it only where QEMU
 * is installed and skip otherwise.
 */
public final class Qemu {
  /** The SeaBIOS directory of Debian's {@code seabios} package. */
  public static final Path SEABIOS = Path.of("/usr/share/seabios");

  private static final long TIMEOUT_SECONDS = 60;

  private Qemu() {}

  /** Whether {@code qemu-system-i386} can be started. */
  public static boolean available() {
    return HostTool.runs("qemu-system-i386", "--version");
  }

  /**
   * Runs QEMU without default devices ({@code -nodefaults}: no VGA, NIC or drives unless the
   * arguments add them) with the given machine arguments plus a debug console on {@code
   * capturePort}, and returns the bytes the guest wrote to that port.
   */
  public static byte[] run(Path dir, int capturePort, List<String> machineArguments)
      throws IOException, InterruptedException {
    Path capture = dir.resolve("capture-" + Integer.toHexString(capturePort) + ".bin");
    Files.deleteIfExists(capture);
    List<String> command = new ArrayList<>();
    command.add("qemu-system-i386");
    command.addAll(
        List.of(
            "-nodefaults", "-display", "none", "-no-reboot", "-monitor", "none", "-serial", "none",
            "-m", "32",
            "-device", "isa-debug-exit,iobase=0xf4",
            "-chardev", "file,id=capture,path=" + capture,
            "-device", "isa-debugcon,iobase=0x" + Integer.toHexString(capturePort) + ",chardev=capture"));
    command.addAll(machineArguments);
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("qemu.log").toFile())
            .start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
    }
    return Files.exists(capture) ? Files.readAllBytes(capture) : new byte[0];
  }
}
