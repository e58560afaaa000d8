package io.github.genova.genode.os.scenario;

import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.nova.api.KernelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario of {@code examples/scenarios/} as the scenario tests boot it: the file's init config, extra
 * start nodes added before its end, every loaded component, on a standard PC.
 */
public final class ScenarioFile {
  private ScenarioFile() {}

  /** Returns the config of {@code file} with {@code extraStarts} added before {@code </config>}. */
  public static String config(Path file, String... extraStarts) {
    String xml;
    try {
      xml = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the scenario " + file.toAbsolutePath(), e);
    }
    return xml.replace("</config>", String.join("", extraStarts) + "</config>");
  }

  /** Returns the scenario of {@code configXml} with every loaded component, on a standard PC. */
  public static Scenario onStandardPc(String configXml) {
    return Scenario.of(configXml).withAll(ComponentRegistry.loaded()).onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
  }
}
