package io.github.genova.nova.api;

/**
 * A quantum-priority descriptor, the scheduling parameters of {@code create_sc}: priority in bits 7..0 and
 * the quantum in microseconds in bits 63..12 of one word. Any values are representable; the kernel
 * answers {@link Status#BAD_PAR} for a zero priority, a zero quantum or a priority of 128 or more.
 *
 * @param priority 0..255 as encoded; valid priorities are 1..127
 * @param quantumMicros the time slice in microseconds
 */
public record Qpd(int priority, long quantumMicros) {
  /** The root SC's parameters: priority 1, a 10 000 µs quantum. */
  public static final Qpd DEFAULT = new Qpd(1, 10_000);

  /** Returns the encoded word (priority truncated to 8 bits, quantum to 52). */
  public long word() {
    return (quantumMicros & ((1L << 52) - 1)) << 12 | (priority & 0xff);
  }

  /** Decodes a QPD word. */
  public static Qpd of(long word) {
    return new Qpd((int) word & 0xff, word >>> 12);
  }
}
