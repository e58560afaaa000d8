package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The page-fault portal core installs in init's event window: its portal id names init's address space at
 * core's pager, so it must be core's to choose, once (Genode's core revokes PT_CTRL after imprinting an id).
 */
class PagerPortalTest {
  @Test
  void initCannotReimprintItsPageFaultPortal() {
    CoreScenario s = new CoreScenario();
    AtomicReference<Status> seen = new AtomicReference<>();
    ComponentRegistry components = ComponentRegistry.of(List.of()).with("init", env -> {
      seen.set(NativeThread.current().gate().ptCtrl(Event.PAGE_FAULT, 0));
      env.parentInterface().exit(0);
    });
    s.run(CoreScenario.MENU, Map.of("config", "<config/>".getBytes(StandardCharsets.UTF_8)), components,
        core -> s.awaitLine("child \"init\" exited with exit value 0"));
    assertThat(seen.get()).isEqualTo(Status.BAD_CAP);
  }
}
