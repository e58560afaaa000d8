package io.github.genova.platform;

import io.github.genova.platform.x86.X86Backends;
import io.github.genova.platform.x86.X86Cpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A PC: CPUs, physical memory, a clock with device deadlines, I/O-port and MMIO buses, ISA interrupt lines
 * feeding the global system interrupts, and the devices attached to them, made with {@link #builder()}.
 * This is the platform SPI a kernel and a CPU engine run on. Devices are driven by port and MMIO accesses
 * and by {@link DeadlineQueue} deadlines; they raise {@link IsaInterrupts} lines. Nothing in the machine
 * starts a thread or reads the host clock unless it was built for real time.
 */
public final class Machine implements AutoCloseable {
  private final int cpus;
  private final PhysicalMemory memory;
  private final Clock clock;
  private final PortBus ports;
  private final MmioBus mmio;
  private final PhysicalBus physical;
  private final InterruptLines interrupts;
  private final IsaInterrupts isa;
  private final DeadlineQueue deadlines;
  private final String engineBackend;
  private final long instructionNanos;
  private final @Nullable MachineCpu[] cpuSlots;
  private final List<Object> devices = new ArrayList<>();
  private @Nullable RealTimeDeadlines realTimeDeadlines;
  private volatile SystemLines systemLinesTarget = new SystemLines() {};
  private final SystemLines systemLines = new SystemLines() {
    @Override
    public void resetCpu() {
      systemLinesTarget.resetCpu();
    }

    @Override
    public void a20(boolean enabled) {
      systemLinesTarget.a20(enabled);
    }
  };

  private Machine(Builder b) {
    this.cpus = b.cpus;
    this.memory = new PhysicalMemory(b.ramBytes, b.holes);
    this.clock = b.virtualTime ? new VirtualClock() : new RealClock();
    this.ports = new PortBus();
    this.mmio = new MmioBus(memory);
    this.physical = new PhysicalBus(memory, mmio);
    this.interrupts = new InterruptLines(b.gsis);
    this.isa = new IsaInterrupts(interrupts);
    this.deadlines = new DeadlineQueue(clock);
    this.engineBackend = b.engineBackend;
    this.instructionNanos = b.instructionNanos;
    this.cpuSlots = new MachineCpu[b.cpus];
  }

  /**
   * Returns a builder for a machine with defaults: 1 CPU, 64 MiB RAM, virtual time, 24 GSIs, the
   * {@code "interpreter"} engine backend and no devices.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of CPUs; CPU numbers are 0..cpuCount()-1 and all are online. */
  public int cpuCount() {
    return cpus;
  }

  /** Returns the physical memory (RAM only; {@link #physical()} also reaches devices). */
  public PhysicalMemory memory() {
    return memory;
  }

  /** Returns the clock; a {@link VirtualClock} when the machine was built for virtual time. */
  public Clock clock() {
    return clock;
  }

  /** Returns the device deadlines on the machine clock, which the kernel or engine must fire. */
  public DeadlineQueue deadlines() {
    return deadlines;
  }

  /**
   * Real time only: starts a host thread that fires device deadlines as they fall due, for runs in which
   * nothing else would (every CPU asleep in the host). It stops when the machine is closed.
   *
   * @throws IllegalStateException on a virtual-time machine, or if the thread already runs
   */
  public synchronized RealTimeDeadlines startRealTimeDeadlines() {
    if (realTimeDeadlines != null) {
      throw new IllegalStateException("the real-time deadline thread already runs");
    }
    RealTimeDeadlines driver = new RealTimeDeadlines(deadlines, "machine deadlines");
    driver.start();
    realTimeDeadlines = driver;
    return driver;
  }

  /** Returns the I/O-port bus. */
  public PortBus ports() {
    return ports;
  }

  /** Returns the MMIO bus: the physical ranges claimed by devices. */
  public MmioBus mmio() {
    return mmio;
  }

  /** Returns the physical address space: RAM and MMIO together. */
  public PhysicalBus physical() {
    return physical;
  }

  /** Returns the global system interrupt lines (what the kernel receives). */
  public InterruptLines interrupts() {
    return interrupts;
  }

  /** Returns the 16 ISA interrupt request lines that legacy devices drive. */
  public IsaInterrupts isa() {
    return isa;
  }

  /**
   * Returns the name of the CPU engine backend this machine was built for ({@code "interpreter"},
   * {@code "jit"}, ...), which {@link #cpu} finds among the {@link io.github.genova.platform.x86.X86Backend}s.
   */
  public String engineBackend() {
    return engineBackend;
  }

  /**
   * Returns the virtual time one executed instruction costs, in nanoseconds: a {@link MachineCpu} advances
   * a virtual clock by it per instruction.
   */
  public long instructionNanos() {
    return instructionNanos;
  }

  /**
   * Returns CPU {@code n} of this machine, created on first use by the {@linkplain #engineBackend() engine
   * backend} and wired to the machine's memory, ports and (CPU 0, the boot CPU) the interrupt controller
   * and the reset/A20 lines. It starts in the reset state.
   *
   * @throws IllegalArgumentException if {@code n} is not a CPU number, or no backend has the engine's name
   */
  public synchronized MachineCpu cpu(int n) {
    if (n < 0 || n >= cpus) {
      throw new IllegalArgumentException("CPU " + n + " does not exist; this machine has " + cpus);
    }
    MachineCpu existing = cpuSlots[n];
    if (existing != null) {
      return existing;
    }
    X86Cpu engineCpu = X86Backends.named(engineBackend).create(physical, ports);
    MachineCpu created =
        new MachineCpu(this, engineCpu, n == 0 ? findDevice(InterruptController.class).orElse(null) : null);
    if (n == 0) {
      connectSystemLines(created.systemLines());
    }
    cpuSlots[n] = created;
    return created;
  }

  /** Returns the boot CPU, {@code cpu(0)}. */
  public MachineCpu bootCpu() {
    return cpu(0);
  }

  /** Returns the reset and A20 lines as devices drive them; they reach whatever is connected now. */
  public SystemLines systemLines() {
    return systemLines;
  }

  /** Connects the receiver of the reset and A20 lines (the CPU engine), replacing the previous one. */
  public void connectSystemLines(SystemLines target) {
    this.systemLinesTarget = target;
  }

  /** Returns the attached devices in attachment order. */
  public List<Object> devices() {
    return List.copyOf(devices);
  }

  /** Returns the first attached device of type {@code type}, if any. */
  public <T> Optional<T> findDevice(Class<T> type) {
    for (Object d : devices) {
      if (type.isInstance(d)) {
        return Optional.of(type.cast(d));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the first attached device of type {@code type}.
   *
   * @throws IllegalStateException if the machine has no such device
   */
  public <T> T device(Class<T> type) {
    return findDevice(type)
        .orElseThrow(() -> new IllegalStateException("the machine has no " + type.getSimpleName()));
  }

  /** Releases the devices' host resources and the RAM; memory handed out before becomes unusable. */
  @Override
  public void close() {
    RealTimeDeadlines driver;
    synchronized (this) {
      driver = realTimeDeadlines;
      realTimeDeadlines = null;
    }
    if (driver != null) {
      driver.close();
    }
    for (Object d : devices) {
      if (d instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException("closing " + d + " failed", e);
        }
      }
    }
    memory.close();
  }

  /** Configures a {@link Machine}; not thread-safe. */
  public static final class Builder {
    private int cpus = 1;
    private long ramBytes = 64L << 20;
    private long[] holes = {};
    private boolean virtualTime = true;
    private int gsis = 24;
    private String engineBackend = "interpreter";
    private long instructionNanos = 10;
    private final List<DeviceFactory<?>> factories = new ArrayList<>();

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
     * Names the CPU engine backend ({@code "interpreter"} or {@code "jit"}, as the engine module defines).
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder engine(String backend) {
      if (backend.isBlank()) {
        throw new IllegalArgumentException("engine backend name must not be blank");
      }
      this.engineBackend = backend;
      return this;
    }

    /**
     * Sets the virtual time an executed instruction costs (default 10 ns, a 100 MIPS machine).
     *
     * @throws IllegalArgumentException unless 1 &lt;= nanos &lt;= 1 000 000
     */
    public Builder instructionNanos(long nanos) {
      if (nanos < 1 || nanos > 1_000_000) {
        throw new IllegalArgumentException("instruction cost must be 1..1000000 ns: " + nanos);
      }
      this.instructionNanos = nanos;
      return this;
    }

    /** Adds a device; devices are attached in the order added. */
    public Builder device(DeviceFactory<?> factory) {
      factories.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    /** Adds devices in list order. */
    public Builder devices(List<? extends DeviceFactory<?>> list) {
      list.forEach(this::device);
      return this;
    }

    /**
     * Builds the machine and attaches the devices.
     *
     * @throws IllegalArgumentException if the configuration is inconsistent or two devices claim the same
     *     port or MMIO range (the message names the setting or both claimants)
     */
    public Machine build() {
      Machine m = new Machine(this);
      for (DeviceFactory<?> f : factories) {
        m.devices.add(Objects.requireNonNull(f.attach(m), "a device factory returned null"));
      }
      m.mmio.seal();
      return m;
    }
  }
}
