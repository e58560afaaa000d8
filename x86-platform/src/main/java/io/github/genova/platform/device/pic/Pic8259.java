package io.github.genova.platform.device.pic;

/**
 * One 8259A: the interrupt request, in-service and mask registers, the initialisation sequence (ICW1-4),
 * the operation commands (OCW1-3) and the priority resolver with rotation. Inputs are latched on rising
 * edges, or follow the level for inputs marked level-triggered in the ELCR (or all of them after an ICW1
 * with LTIM). Not thread-safe: the {@link DualPic} serialises access.
 */
final class Pic8259 {
  /** Returned by {@link #pending} when no input should be signalled. */
  static final int NONE = -1;

  private final boolean master;
  int irr;
  int isr;
  int imr;
  int elcr;
  /** ICW1's LTIM bit: every input level-triggered, whatever the ELCR says. */
  private boolean levelMode;
  private int lastLevels;
  int vectorBase;
  private int priorityAdd; // input with the lowest priority is (priorityAdd - 1) & 7
  private int initStep; // 0: operating; 1..3: waiting for ICW2..ICW4
  private boolean needIcw4;
  private boolean single;
  private boolean autoEoi;
  private boolean rotateOnAutoEoi;
  private boolean specialFullyNested;
  private boolean specialMask;
  private boolean readIsr;
  private boolean poll;

  Pic8259(boolean master) {
    this.master = master;
  }

  /** An input line changed level. */
  void input(int line, boolean high) {
    int bit = 1 << line;
    if (levelTriggered(bit)) {
      irr = high ? irr | bit : irr & ~bit;
    } else if (high && (lastLevels & bit) == 0) {
      irr |= bit;
    }
    lastLevels = high ? lastLevels | bit : lastLevels & ~bit;
  }

  /** Returns the priority (0 highest) of the best request in {@code mask}, or 8 if there is none. */
  private int priority(int mask) {
    if ((mask & 0xff) == 0) {
      return 8;
    }
    int p = 0;
    while ((mask & (1 << ((p + priorityAdd) & 7))) == 0) {
      p++;
    }
    return p;
  }

  /** Returns the input that should interrupt now (highest unmasked request above what is in service). */
  int pending() {
    int requested = priority(irr & ~imr);
    if (requested == 8) {
      return NONE;
    }
    int inService = isr;
    if (specialMask) {
      inService &= ~imr;
    }
    if (specialFullyNested && master) {
      inService &= ~(1 << 2); // let a higher slave input nest through the cascade
    }
    return requested < priority(inService) ? (requested + priorityAdd) & 7 : NONE;
  }

  /** The CPU acknowledges {@code line}: it moves from IRR to ISR (or straight out with automatic EOI). */
  void acknowledge(int line) {
    int bit = 1 << line;
    if (autoEoi) {
      if (rotateOnAutoEoi) {
        priorityAdd = (line + 1) & 7;
      }
    } else {
      isr |= bit;
    }
    if (!levelTriggered(bit)) {
      irr &= ~bit;
    }
  }

  private boolean levelTriggered(int bit) {
    return levelMode || (elcr & bit) != 0;
  }

  void writeCommand(int value) {
    if ((value & 0x10) != 0) { // ICW1
      lastLevels = 0;
      irr &= elcr;
      isr = 0;
      imr = 0;
      priorityAdd = 0;
      vectorBase = 0;
      autoEoi = false;
      rotateOnAutoEoi = false;
      specialFullyNested = false;
      specialMask = false;
      readIsr = false;
      poll = false;
      needIcw4 = (value & 0x01) != 0;
      levelMode = (value & 0x08) != 0;
      single = (value & 0x02) != 0;
      initStep = 1;
    } else if ((value & 0x08) != 0) { // OCW3
      if ((value & 0x04) != 0) {
        poll = true;
      }
      if ((value & 0x02) != 0) {
        readIsr = (value & 0x01) != 0;
      }
      if ((value & 0x40) != 0) {
        specialMask = (value & 0x20) != 0;
      }
    } else { // OCW2
      int line = value & 7;
      switch (value >>> 5) {
        case 0 -> rotateOnAutoEoi = false;
        case 4 -> rotateOnAutoEoi = true;
        case 1, 5 -> { // non-specific EOI, optionally rotating
          int p = priority(isr);
          if (p != 8) {
            int served = (p + priorityAdd) & 7;
            isr &= ~(1 << served);
            if (value >>> 5 == 5) {
              priorityAdd = (served + 1) & 7;
            }
          }
        }
        case 3 -> isr &= ~(1 << line); // specific EOI
        case 6 -> priorityAdd = (line + 1) & 7; // set priority: line becomes lowest
        case 7 -> { // rotate on specific EOI
          isr &= ~(1 << line);
          priorityAdd = (line + 1) & 7;
        }
        default -> {} // 2: no operation
      }
    }
  }

  void writeData(int value) {
    switch (initStep) {
      case 1 -> {
        vectorBase = value & 0xf8;
        initStep = single ? (needIcw4 ? 3 : 0) : 2;
      }
      case 2 -> initStep = needIcw4 ? 3 : 0; // ICW3: cascade wiring is fixed on a PC
      case 3 -> {
        specialFullyNested = (value & 0x10) != 0;
        autoEoi = (value & 0x02) != 0;
        initStep = 0;
      }
      default -> imr = value; // OCW1
    }
  }

  /** Returns whether the next read of the command port is a poll (OCW3 with P set). */
  boolean polling() {
    return poll;
  }

  /** Ends a poll read. */
  void endPoll() {
    poll = false;
  }

  int readCommand() {
    return readIsr ? isr : irr;
  }

  int readData() {
    return imr;
  }

  boolean initialising() {
    return initStep != 0;
  }
}
