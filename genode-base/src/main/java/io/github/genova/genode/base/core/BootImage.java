package io.github.genova.genode.base.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the boot loader hands over, as a GRUB menu entry describes it: the hypervisor's command line and the
 * modules, the first being core itself and the others becoming core's ROM modules.
 *
 * <pre>
 *  kernel /hypervisor iommu serial
 *  module /genode/core
 *  module /genode/config
 *  module /genode/init
 * </pre>
 *
 * @param commandLine the hypervisor's command line ({@code /hypervisor iommu serial})
 * @param modules the modules after core, in order
 */
public record BootImage(String commandLine, List<BootModule> modules) {
  /** Copies the module list. */
  public BootImage {
    modules = List.copyOf(modules);
  }

  /**
   * Reads a GRUB menu entry: {@code title} lines are ignored, the {@code kernel} line gives the command line,
   * each {@code module} line a module named after the last element of its path, whose content comes from
   * {@code files} by that name (empty if absent). The first module is core and is not a ROM.
   *
   * @throws IllegalArgumentException naming the line that is not understood, a missing kernel or core line,
   *     or a module name given twice
   */
  public static BootImage parse(String menuEntry, Map<String, byte[]> files) {
    String commandLine = null;
    boolean core = false;
    List<BootModule> modules = new ArrayList<>();
    int number = 0;
    for (String raw : menuEntry.lines().toList()) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("title")) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      String rest = words.length > 1 ? words[1] : "";
      switch (words[0]) {
        case "kernel" -> commandLine = rest;
        case "module" -> {
          if (rest.isEmpty()) {
            throw new IllegalArgumentException("line " + number + ": a module line needs a path: " + line);
          }
          String path = rest.split("\\s+", 2)[0];
          String name = path.substring(path.lastIndexOf('/') + 1);
          if (!core) {
            core = true;
            continue;
          }
          if (modules.stream().anyMatch(m -> m.name().equals(name))) {
            throw new IllegalArgumentException("line " + number + ": module \"" + name + "\" given twice");
          }
          modules.add(new BootModule(name, files.getOrDefault(name, new byte[0])));
        }
        default -> throw new IllegalArgumentException("line " + number + ": not a kernel or module line: " + line);
      }
    }
    if (commandLine == null) {
      throw new IllegalArgumentException("the menu entry has no kernel line");
    }
    if (!core) {
      throw new IllegalArgumentException("the menu entry has no module line for core");
    }
    return new BootImage(commandLine, modules);
  }
}
