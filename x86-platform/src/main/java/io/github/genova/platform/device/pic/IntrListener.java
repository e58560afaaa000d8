package io.github.genova.platform.device.pic;

/**
 * Watches the PIC's INTR output, which a CPU engine samples between instructions and which wakes a halted
 * CPU. Called on the thread that changed the output, with the PIC's lock held: do not call back into the
 * PIC from here, just note the change.
 */
@FunctionalInterface
public interface IntrListener {
  /** INTR went {@code asserted} (true) or was withdrawn (false). */
  void intr(boolean asserted);
}
