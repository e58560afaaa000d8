package io.github.genova.genode.os.init;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed and checked init configuration: what the parent provides, the default route, and the start
 * nodes init can create, in document order with unique names. Start nodes with an error of their own
 * are not among {@link #starts()}; their errors are in {@link #startErrors()}, so init can report them
 * and still create the other children, as Genode's init does.
 *
 * @param parentProvides services init may route to its parent
 * @param defaultRoute rules used for children without a {@code <route>}
 * @param starts the children to create, in document order
 * @param startErrors one error per start node that is left out, in document order
 * @param warnings what init corrected itself (a priority below its lowest level), naming element
 *     and line
 * @param verbose the {@code verbose} attribute of {@code <config>}
 * @param prioLevels the {@code prio_levels} attribute (1 when absent): priorities range over
 *     0 … −(prioLevels − 1)
 */
public record InitConfig(List<String> parentProvides, List<RouteRule> defaultRoute, List<StartNode> starts,
    List<ConfigException> startErrors, List<String> warnings, boolean verbose, int prioLevels) {
  /** RAM init keeps for itself when it hands out quanta ([C]: 128 KiB). */
  public static final long INIT_RAM_RESERVE = 128 * 1024;

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if two start nodes share a name or {@code prioLevels} is not a
   *     power of two
   */
  public InitConfig {
    Set<String> names = new HashSet<>();
    for (StartNode s : starts) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("Child name \"" + s.name() + "\" is not unique");
      }
    }
    if (prioLevels < 1 || Integer.bitCount(prioLevels) != 1) {
      throw new IllegalArgumentException("prio_levels " + prioLevels + " is not a power of two");
    }
    parentProvides = List.copyOf(parentProvides);
    defaultRoute = List.copyOf(defaultRoute);
    starts = List.copyOf(starts);
    startErrors = List.copyOf(startErrors);
    warnings = List.copyOf(warnings);
  }

  /**
   * Parses the classic XML form of init's configuration.
   *
   * @throws ConfigException naming the element and line of the first error that makes the whole
   *     configuration unusable (malformed XML, an unknown element outside start nodes, a duplicate
   *     child name, a bad default route)
   */
  public static InitConfig parse(String xml) {
    return new InitConfigParser(xml).parse();
  }

  /** Returns the start node named {@code name}, or null. */
  public @Nullable StartNode start(String name) {
    for (StartNode s : starts) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Returns the rules that apply to {@code start}: its own route, else the default route. */
  public List<RouteRule> routeOf(StartNode start) {
    List<RouteRule> own = start.route();
    return own != null ? own : defaultRoute;
  }

  /**
   * Returns the RAM each start node receives, in the order of {@link #starts()}, when init has
   * {@code avail} bytes: its quantum, clamped so that init keeps {@link #INIT_RAM_RESERVE} for itself
   * (never below 0); each child's share reduces what the next can get.
   */
  public List<Long> ramAssignments(long avail) {
    List<Long> quanta = new ArrayList<>(starts.size());
    long left = avail;
    for (StartNode s : starts) {
      long quantum = Math.max(0, Math.min(s.ramQuantum(), left - INIT_RAM_RESERVE));
      quanta.add(quantum);
      left -= quantum;
    }
    return quanta;
  }
}
