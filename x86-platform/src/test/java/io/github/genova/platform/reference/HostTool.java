package io.github.genova.platform.reference;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Probes for reference tools installed on the host (GNU binutils, QEMU) that some tests compare with. */
public final class HostTool {
  private HostTool() {}

  /** Whether the command can be started and exits with status 0 within 30 seconds. */
  public static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
