package io.github.genova.genode.base.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstrainedRamAllocatorTest {
  /** A backing allocator handing out numbered dataspaces, optionally failing. */
  private static final class Backing implements RamAllocator<Integer> {
    final List<Long> sizes = new ArrayList<>();
    final List<Integer> freed = new ArrayList<>();
    boolean fail;

    @Override
    public Integer alloc(long size) throws OutOfRam {
      if (fail) {
        throw new OutOfRam("core", RamQuota.of(size), RamQuota.NONE);
      }
      sizes.add(RamAllocator.pageAligned(size));
      return sizes.size() - 1;
    }

    @Override
    public void free(Integer ds) {
      freed.add(ds);
    }

    @Override
    public long dataspaceSize(Integer ds) {
      return sizes.get(ds);
    }
  }

  private final Backing backing = new Backing();
  private final RamAccount ram = new RamAccount("session", RamQuota.of(16384));
  private final CapAccount caps = new CapAccount("session", CapQuota.of(3));
  private final ConstrainedRamAllocator<Integer> allocator = new ConstrainedRamAllocator<>(backing, ram, caps);

  @Test
  void item41_allocationRoundsToPagesAndFailsBeyondQuotaMinusUsed() throws Exception {
    allocator.alloc(1);
    assertThat(ram.used()).isEqualTo(RamQuota.of(4096));
    allocator.alloc(4097);
    assertThat(ram.used()).isEqualTo(RamQuota.of(12288));

    assertThatThrownBy(() -> allocator.alloc(4097)).isInstanceOf(OutOfRam.class);
    assertThat(ram.used()).isEqualTo(RamQuota.of(12288));
    assertThat(caps.used()).isEqualTo(CapQuota.of(2));
    assertThat(backing.sizes).hasSize(2);
    allocator.alloc(4096);
    assertThat(ram.avail()).isEqualTo(RamQuota.NONE);
  }

  @Test
  void eachDataspaceCostsACapability() throws Exception {
    allocator.alloc(1);
    allocator.alloc(1);
    allocator.alloc(1);

    assertThatThrownBy(() -> allocator.alloc(1)).isInstanceOf(OutOfCaps.class);
    assertThat(ram.used()).isEqualTo(RamQuota.of(12288));
  }

  @Test
  void freeingGivesBackPagesAndCapability() throws Exception {
    Integer ds = allocator.alloc(5000);

    allocator.free(ds);

    assertThat(ram.used()).isEqualTo(RamQuota.NONE);
    assertThat(caps.used()).isEqualTo(CapQuota.NONE);
    assertThat(backing.freed).containsExactly(ds);
  }

  @Test
  void item46_freeingAForeignDataspaceLeavesItIntact() throws Exception {
    Integer foreign = backing.alloc(4096);
    Integer own = allocator.alloc(4096);

    allocator.free(foreign);
    allocator.free(own);
    allocator.free(own);

    assertThat(backing.freed).containsExactly(own);
    assertThat(ram.used()).isEqualTo(RamQuota.NONE);
    assertThat(caps.used()).isEqualTo(CapQuota.NONE);
  }

  @Test
  void aFailingBackingAllocatorChargesNothing() {
    backing.fail = true;

    assertThatThrownBy(() -> allocator.alloc(4096)).isInstanceOf(OutOfRam.class);
    assertThat(ram.used()).isEqualTo(RamQuota.NONE);
    assertThat(caps.used()).isEqualTo(CapQuota.NONE);
  }

  @Test
  void nonPositiveSizesAreRefused() {
    assertThatThrownBy(() -> allocator.alloc(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ram.used()).isEqualTo(RamQuota.NONE);
  }
}
