package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.nova.api.ExecutionMode;
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
