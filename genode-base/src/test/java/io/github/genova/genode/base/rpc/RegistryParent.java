package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentLauncher;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.sync.Semaphore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test scaffolding: the root task as the parent of components that exchange capabilities through a
 * {@link Registry} (one registry object per child, all sharing one name table).
 */
final class RegistryParent {
  private final Map<String, Capability<Object>> names = new LinkedHashMap<>();
  private final Semaphore announced = new Semaphore(0);
  private final ComponentLauncher launcher;

  RegistryParent(Env env, Consumer<String> sink) {
    this.launcher = new ComponentLauncher(env, sink);
  }

  /** Starts a child on {@code cpu}. */
  ComponentLauncher.Child start(String name, int cpu, Component component) {
    return launcher.start(name, cpu, Registry.class, new Registry() {
      @Override
      public void announce(String n, Capability<Object> cap) {
        publish(n, cap);
        announced.up();
      }

      @Override
      public Capability<Object> lookup(String n) {
        return RegistryParent.this.lookup(n);
      }
    }, component);
  }

  /** Publishes {@code cap} (a selector of the parent) under {@code name}. */
  void publish(String name, Capability<?> cap) {
    synchronized (names) {
      names.put(name, cap.cast());
    }
  }

  /** Returns what was announced or published under {@code name}, or the invalid capability. */
  Capability<Object> lookup(String name) {
    synchronized (names) {
      return names.getOrDefault(name, Capability.invalid());
    }
  }

  /** Waits until {@code n} more announcements arrived. */
  void awaitAnnouncements(int n) {
    for (int i = 0; i < n; i++) {
      announced.down();
    }
  }

  /** The registry client of a child. */
  static Registry registry(Env child) {
    return RpcInterface.of(Registry.class).client(child.parent().cast());
  }
}
