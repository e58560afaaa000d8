package io.github.genova.platform.device.pci;

/**
 * Told when a BAR's decoding changes: the guest wrote a new base address or switched memory/I/O decoding
 * in the command register. The device moves its window accordingly.
 */
@FunctionalInterface
public interface BarListener {
  /**
   * BAR {@code bar} now decodes at {@code base} when {@code enabled}, or nowhere when not.
   */
  void barChanged(int bar, long base, boolean enabled);
}
