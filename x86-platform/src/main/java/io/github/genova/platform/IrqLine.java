package io.github.genova.platform;

/**
 * A device's end of one ISA interrupt request line ({@link IsaInterrupts#line}). The device drives the
 * level; interrupt controllers act on the changes. Setting the level it already has does nothing.
 */
public final class IrqLine {
  private final IsaInterrupts owner;
  private final int irq;

  IrqLine(IsaInterrupts owner, int irq) {
    this.owner = owner;
    this.irq = irq;
  }

  /** Returns the ISA IRQ number of this line. */
  public int irq() {
    return irq;
  }

  /** Drives the line to {@code high}. */
  public void set(boolean high) {
    owner.set(irq, high);
  }

  /** Drives the line high. */
  public void raise() {
    owner.set(irq, true);
  }

  /** Drives the line low. */
  public void lower() {
    owner.set(irq, false);
  }

  /** Sends one edge: the line goes high and back low, as a timer output pulse does. */
  public void pulse() {
    owner.set(irq, true);
    owner.set(irq, false);
  }

  /** Returns whether the line is high. */
  public boolean isHigh() {
    return owner.isHigh(irq);
  }

  @Override
  public String toString() {
    return "IRQ " + irq;
  }
}
