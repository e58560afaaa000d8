package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.nova.api.ExecutionMode;
import io.github.genova.nova.api.Hip;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import io.github.genova.platform.device.pic.DualPic;
import io.github.genova.platform.device.pit.Pit8254;
import io.github.genova.platform.pc.StandardPc;
import org.junit.jupiter.api.Test;

/** The provider behind {@link Kernels#boot}: the machine it builds follows the config's platform and mode. */
class NovaKernelProviderTest {
  private static NovaKernel boot(KernelConfig config) {
    Kernel k = Kernels.boot(config);
    assertThat(k).isInstanceOf(NovaKernel.class);
    return (NovaKernel) k;
  }

  @Test
  void defaultPlatformIsBareAndHasNoDevices() {
    assertThat(KernelConfig.defaults().platform()).isEqualTo(KernelConfig.PLATFORM_BARE);
    try (NovaKernel k = boot(KernelConfig.defaults())) {
      assertThat(k.machine().devices()).isEmpty();
      assertThat(k.machine().findDevice(Pit8254.class)).isEmpty();
    }
  }

  @Test
  void standardPcPlatformHasThePcDevicesInVirtualTimeWhenDeterministic() {
    try (NovaKernel k = boot(KernelConfig.defaults().withCpus(2).withPlatform(KernelConfig.PLATFORM_STANDARD_PC))) {
      assertThat(k.machine().clock().isVirtual()).isTrue();
      assertThat(k.machine().cpuCount()).isEqualTo(2);
      StandardPc pc = StandardPc.of(k.machine());
      assertThat(pc.pit()).isSameAs(k.machine().device(Pit8254.class));
      assertThat(pc.pic()).isSameAs(k.machine().device(DualPic.class));
      assertThat(k.machine().devices()).hasSize(StandardPc.devices().size());
    }
  }

  @Test
  void standardPcPlatformRunsInRealTimeWhenParallel() {
    KernelConfig config =
        KernelConfig.defaults().withMode(ExecutionMode.PARALLEL).withPlatform(KernelConfig.PLATFORM_STANDARD_PC);
    try (NovaKernel k = boot(config)) {
      assertThat(k.machine().clock().isVirtual()).isFalse();
      assertThat(k.machine().findDevice(Pit8254.class)).isPresent();
    }
  }

  private static boolean overlaps(Hip.MemoryRegion r, long base, long end) {
    return r.address() < end && base < r.address() + r.size();
  }

  @Test
  void standardPcIsPostedAndItsHipReservesTheBiosRangesInsteadOfListingThemAvailable() {
    try (NovaKernel k = boot(KernelConfig.defaults().withPlatform(KernelConfig.PLATFORM_STANDARD_PC))) {
      assertThat(k.machine().physical().read(0x10 * 4, 4) >>> 16).as("int 10h hooked by the VGA ROM at POST")
          .isEqualTo(0xc000);
      assertThat(k.hip().memory()).contains(
          new Hip.MemoryRegion(0, 0x1000, Hip.MEM_RESERVED, 0),
          new Hip.MemoryRegion(0xc0000, 0x20000, Hip.MEM_RESERVED, 0),
          new Hip.MemoryRegion(0xe0000, 0x20000, Hip.MEM_RESERVED, 0));
      assertThat(k.hip().memory()).filteredOn(r -> r.type() == Hip.MEM_AVAILABLE)
          .noneMatch(r -> overlaps(r, 0, 0x1000) || overlaps(r, 0xc0000, 0x100000))
          .anyMatch(r -> r.address() == 0x1000)
          .anyMatch(r -> r.address() == 0x100000);
    }
  }

  @Test
  void theBarePlatformIsNotPostedAndItsMapIsUnchanged() {
    try (NovaKernel k = boot(KernelConfig.defaults())) {
      assertThat(k.machine().memory().reservations()).isEmpty();
      assertThat(k.hip().memory()).noneMatch(r -> r.type() == Hip.MEM_RESERVED);
      Hip.MemoryRegion first = k.hip().memory().get(0);
      assertThat(first.type()).isEqualTo(Hip.MEM_AVAILABLE);
      assertThat(first.address()).isZero();
      Hip.MemoryRegion kernel = k.hip().memory().stream().filter(r -> r.type() == Hip.MEM_HYPERVISOR).findFirst()
          .orElseThrow();
      assertThat(first.size()).as("one run of RAM from 0 up to the kernel's frames").isEqualTo(kernel.address());
    }
  }

  @Test
  void unknownPlatformIsRefusedNamingTheOptionAndTheKnownOnes() {
    KernelConfig config = KernelConfig.defaults().withPlatform("amiga-500");
    assertThatThrownBy(() -> Kernels.boot(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("platform")
        .hasMessageContaining("\"amiga-500\"")
        .hasMessageContaining(KernelConfig.PLATFORM_BARE)
        .hasMessageContaining(KernelConfig.PLATFORM_STANDARD_PC);
  }

  @Test
  void blankPlatformIsRefusedByTheConfig() {
    assertThatThrownBy(() -> KernelConfig.defaults().withPlatform(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("platform");
  }

  @Test
  void otherSettingsKeepThePlatform() {
    KernelConfig pc = KernelConfig.defaults().withPlatform(KernelConfig.PLATFORM_STANDARD_PC);
    assertThat(pc.withCpus(3).withRam(32L << 20).withSeed(7).withTrace(null).withMode(ExecutionMode.PARALLEL)
        .platform()).isEqualTo(KernelConfig.PLATFORM_STANDARD_PC);
  }
}
