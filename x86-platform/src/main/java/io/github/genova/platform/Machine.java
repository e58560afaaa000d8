package io.github.genova.platform;

/**
 * A PC: CPUs, physical memory, a clock, I/O ports and interrupt lines, made with {@link #builder()}. This is
 * the platform SPI a kernel runs on; device models attach to its buses while it is built.
 */
public final class Machine implements AutoCloseable {
  private final int cpus;
  private final PhysicalMemory memory;
  private final Clock clock;
  private final PortBus ports;
  private final InterruptLines interrupts;

  private Machine(Builder b) {
    this.cpus = b.cpus;
    this.memory = new PhysicalMemory(b.ramBytes, b.holes);
    this.clock = b.virtualTime ? new VirtualClock() : new RealClock();
    this.ports = new PortBus();
    this.interrupts = new InterruptLines(b.gsis);
  }

  /** Returns a builder for a machine with defaults: 1 CPU, 64 MiB RAM, virtual time, 24 GSIs. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of CPUs; CPU numbers are 0..cpuCount()-1 and all are online. */
  public int cpuCount() {
    return cpus;
  }

  /** Returns the physical memory. */
  public PhysicalMemory memory() {
    return memory;
  }

  /** Returns the clock; a {@link VirtualClock} when the machine was built for virtual time. */
  public Clock clock() {
    return clock;
  }

  /** Returns the I/O-port bus. */
  public PortBus ports() {
    return ports;
  }

  /** Returns the global system interrupt lines. */
  public InterruptLines interrupts() {
    return interrupts;
  }

  @Override
  public void close() {
    memory.close();
  }

  /** Configures a {@link Machine}; not thread-safe. */
  public static final class Builder {
    private int cpus = 1;
    private long ramBytes = 64L << 20;
    private long[] holes = {};
    private boolean virtualTime = true;
    private int gsis = 24;

    private Builder() {}

    /**
     * Sets the number of CPUs.
     *
     * @throws IllegalArgumentException unless 1 &lt;= n &lt;= 64
     */
    public Builder cpus(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("CPU count must be 1..64: " + n);
      }
      this.cpus = n;
      return this;
    }

    /** Sets the size of the physical address range backed by RAM, in bytes (a multiple of 4 KiB). */
    public Builder ram(long bytes) {
      this.ramBytes = bytes;
      return this;
    }

    /** Declares MMIO holes inside RAM as (base, length) pairs, frame aligned. */
    public Builder holes(long... baseLengthPairs) {
      this.holes = baseLengthPairs.clone();
      return this;
    }

    /** Chooses virtual time (deterministic, the default) or the host's real time. */
    public Builder virtualTime(boolean virtual) {
      this.virtualTime = virtual;
      return this;
    }

    /** Sets the number of global system interrupt lines. */
    public Builder gsis(int count) {
      this.gsis = count;
      return this;
    }

    /**
     * Builds the machine.
     *
     * @throws IllegalArgumentException if the configuration is inconsistent (the message names the setting)
     */
    public Machine build() {
      return new Machine(this);
    }
  }
}
