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

  /**
   * Where a child's sessions of one service go.
   *
   * @param service the service's name
   * @param child the sibling that provides it
   */
  public record Route(String service, String child) {}

  /**
   * Returns a start node for the child {@code name} with {@code ram} of RAM (e.g. {@code "256K"}) and 100
   * capabilities, whose sessions of each route's service go to that route's sibling and all others to the
   * parent.
   */
  public static String start(String name, String ram, Route... routes) {
    StringBuilder b = new StringBuilder();
    b.append("<start name=\"").append(name).append("\" caps=\"100\">\n");
    b.append("  <resource name=\"RAM\" quantum=\"").append(ram).append("\"/>\n  <route>\n");
    for (Route r : routes) {
      b.append("    <service name=\"").append(r.service()).append("\"> <child name=\"").append(r.child())
          .append("\"/> </service>\n");
    }
    return b.append("    <any-service> <parent/> </any-service>\n  </route>\n</start>\n").toString();
  }

  /** Returns the scenario of {@code configXml} with every loaded component, on a standard PC. */
  public static Scenario onStandardPc(String configXml) {
    return Scenario.of(configXml).withAll(ComponentRegistry.loaded()).onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
  }
}
