package io.github.genova.platform.x86.interp;

import io.github.genova.platform.x86.X86Memory;
import java.util.Arrays;

/**
 * IA-32 two-level paging (4 KiB pages, plus 4 MiB pages when CR4.PSE is set) with a direct-mapped software
 * TLB of 1024 entries. A walk sets the accessed bits of the PDE and PTE and, for writes, the PTE's dirty bit;
 * a TLB entry remembers whether the dirty bit is already set so that the first write walks again. U/S and
 * R/W are combined from both levels; supervisor writes honour CR0.WP. A missing or forbidden translation
 * raises #PF with the architectural error code and sets {@link #cr2}.
 */
final class Paging {
  private static final int ENTRIES = 1024;
  private static final int USER_READ = 1;
  private static final int USER_WRITE = 2;
  private static final int SUPER_WRITE = 4;
  private static final int DIRTY = 8;

  private final X86Memory memory;
  private final int[] tag = new int[ENTRIES];
  private final int[] frame = new int[ENTRIES];
  private final byte[] rights = new byte[ENTRIES];

  /** CR3 page-directory base. */
  int cr3;
  /** CR0.WP. */
  boolean writeProtect;
  /** CR4.PSE. */
  boolean largePages;
  /** The last faulting linear address. */
  int cr2;

  Paging(X86Memory memory) {
    this.memory = memory;
    flush();
  }

  /** Drops every TLB entry (MOV CR3, a change of CR0.PG/WP or CR4). */
  void flush() {
    Arrays.fill(tag, 1);
  }

  /** Drops the entry of one linear page (INVLPG). */
  void flushPage(int linear) {
    int i = (linear >>> 12) & (ENTRIES - 1);
    if (tag[i] == (linear & ~0xfff)) {
      tag[i] = 1;
    }
  }

  /**
   * Translates {@code linear} for an access of the given kind.
   *
   * @return the physical address (32 bits, zero-extended)
   * @throws GuestFault #PF when the page is absent or the access is forbidden
   */
  long translate(int linear, boolean write, boolean user) {
    int i = (linear >>> 12) & (ENTRIES - 1);
    int page = linear & ~0xfff;
    if (tag[i] == page) {
      int r = rights[i];
      boolean ok = user ? (write ? (r & (USER_WRITE | DIRTY)) == (USER_WRITE | DIRTY) : (r & USER_READ) != 0)
          : !write || (r & (SUPER_WRITE | DIRTY)) == (SUPER_WRITE | DIRTY);
      if (ok) {
        return (frame[i] | (linear & 0xfff)) & 0xffff_ffffL;
      }
    }
    return walk(linear, write, user, i);
  }

  private long walk(int linear, boolean write, boolean user, int slot) {
    long pdeAddress = (cr3 & 0xffff_f000L) | ((linear >>> 22) << 2);
    int pde = memory.read32(pdeAddress);
    if ((pde & 1) == 0) {
      throw fault(linear, false, write, user);
    }
    boolean large = largePages && (pde & 0x80) != 0;
    int entry;
    long entryAddress;
    int combined;
    int physicalFrame;
    if (large) {
      entry = pde;
      entryAddress = pdeAddress;
      combined = pde;
      physicalFrame = (pde & 0xffc0_0000) | (linear & 0x003f_f000);
    } else {
      entryAddress = (pde & 0xffff_f000L) | (((linear >>> 12) & 0x3ff) << 2);
      entry = memory.read32(entryAddress);
      if ((entry & 1) == 0) {
        throw fault(linear, false, write, user);
      }
      combined = pde & entry;
      physicalFrame = entry & 0xffff_f000;
    }
    boolean userOk = (combined & 4) != 0;
    boolean writable = (combined & 2) != 0;
    if (user && (!userOk || (write && !writable))) {
      throw fault(linear, true, write, user);
    }
    if (!user && write && !writable && writeProtect) {
      throw fault(linear, true, write, user);
    }
    if (!large && (pde & 0x20) == 0) {
      memory.write32(pdeAddress, pde | 0x20);
    }
    int updated = entry | 0x20 | (write ? 0x40 : 0);
    if (updated != entry) {
      memory.write32(entryAddress, updated);
    }
    int r = (userOk ? USER_READ : 0) | (userOk && writable ? USER_WRITE : 0)
        | (writable || !writeProtect ? SUPER_WRITE : 0) | ((updated & 0x40) != 0 ? DIRTY : 0);
    tag[slot] = linear & ~0xfff;
    frame[slot] = physicalFrame;
    rights[slot] = (byte) r;
    return (physicalFrame | (linear & 0xfff)) & 0xffff_ffffL;
  }

  private GuestFault fault(int linear, boolean present, boolean write, boolean user) {
    cr2 = linear;
    return new GuestFault(Vectors.PF, (present ? 1 : 0) | (write ? 2 : 0) | (user ? 4 : 0));
  }
}
