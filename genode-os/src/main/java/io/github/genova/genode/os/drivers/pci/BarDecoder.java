package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.genode.os.pci.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a function's base address registers into {@link Resource}s and sizes them as firmware and drivers
 * do: with memory and I/O decoding switched off in the command register, each BAR is written with all ones,
 * read back (the bits that stay zero are the size), and restored; then the command register is restored.
 * Bit 0 set means I/O space (address bits 31-2); otherwise memory (bits 31-4), type bits 2-1 {@code 10b} a
 * 64-bit BAR whose upper half is the next register (probed together), bit 3 prefetchable. A BAR that reads
 * zero after the all-ones write is not implemented.
 */
final class BarDecoder {
  private static final int COMMAND = 0x04;
  private static final int DECODE_ENABLES = 0x3; // I/O space, memory space
  private static final int BAR0 = 0x10;

  private BarDecoder() {}

  /** Returns the resources of BARs 0 to {@code count - 1} of the function at {@code at}. */
  static List<Resource> decode(ConfigAccess config, BusAddress at, int count) {
    List<Resource> resources = new ArrayList<>(count);
    if (count == 0) {
      return resources;
    }
    int command = config.read(at, COMMAND, 2);
    config.write(at, COMMAND, 2, command & ~DECODE_ENABLES);
    try {
      for (int i = 0; i < count; i++) {
        int register = BAR0 + 4 * i;
        int original = config.read(at, register, 4);
        if ((original & 1) != 0) {
          resources.add(io(original, size(config, at, register, original)));
        } else if ((original & 0x6) == 0x4 && i + 1 < count) {
          resources.add(memory64(config, at, register, original));
          resources.add(Resource.NONE);
          i++;
        } else {
          resources.add(memory32(original, size(config, at, register, original)));
        }
      }
    } finally {
      config.write(at, COMMAND, 2, command);
    }
    return resources;
  }

  /** Writes all ones to the 32-bit register, reads what sticks and restores {@code original}. */
  private static int size(ConfigAccess config, BusAddress at, int register, int original) {
    config.write(at, register, 4, -1);
    int probed = config.read(at, register, 4);
    config.write(at, register, 4, original);
    return probed;
  }

  private static Resource io(int original, int probed) {
    long mask = probed & 0xffff_fffcL;
    if (mask == 0) {
      return Resource.NONE;
    }
    if ((mask & 0xffff_0000L) == 0) {
      mask |= 0xffff_0000L; // a BAR decoding 16 address bits reads zero above them
    }
    long size = (~mask + 1) & 0xffff_ffffL;
    return new Resource(Resource.Type.IO, original & 0xffff_fffcL, size, false, false);
  }

  private static Resource memory32(int original, int probed) {
    long mask = probed & 0xffff_fff0L;
    if (mask == 0) {
      return Resource.NONE;
    }
    long size = (~mask + 1) & 0xffff_ffffL;
    return new Resource(Resource.Type.MEMORY, original & 0xffff_fff0L, size, (original & 0x8) != 0, false);
  }

  private static Resource memory64(ConfigAccess config, BusAddress at, int register, int original) {
    int originalHigh = config.read(at, register + 4, 4);
    config.write(at, register, 4, -1);
    config.write(at, register + 4, 4, -1);
    long probed = (long) config.read(at, register + 4, 4) << 32 | (config.read(at, register, 4) & 0xffff_ffffL);
    config.write(at, register, 4, original);
    config.write(at, register + 4, 4, originalHigh);
    long mask = probed & ~0xfL;
    if (mask == 0) {
      return Resource.NONE;
    }
    long base = (long) originalHigh << 32 | (original & 0xffff_fff0L);
    return new Resource(Resource.Type.MEMORY, base, ~mask + 1, (original & 0x8) != 0, true);
  }
}
