package io.github.genova.genode.base.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentRegistryTest {
  private static ComponentFactory factory(String name) {
    return new ComponentFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Component create() {
        return env -> { };
      }
    };
  }

  @Test
  void componentsAreFoundByTheirBinaryNameAndNamesAreUnique() {
    ComponentRegistry r = ComponentRegistry.of(List.of(factory("timer"), factory("init")));

    assertThat(r.names()).containsExactly("init", "timer");
    assertThat(r.lookup("timer")).isPresent();
    assertThat(r.lookup("nitpicker")).isEmpty();
    assertThatThrownBy(() -> ComponentRegistry.of(List.of(factory("timer"), factory("timer"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("two components are named \"timer\"");
  }

  @Test
  void theServiceLoaderRegistryIsEmptyWithoutProviders() {
    // genode-base provides no components itself; genode-os declares its own with `provides`.
    assertThat(ComponentRegistry.loaded().names()).isEmpty();
  }
}
