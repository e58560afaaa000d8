package io.github.genova.nova.api;

/** How a kernel maps simulated CPUs onto host threads and which clock it uses. */
public enum ExecutionMode {
  /**
   * One dispatch token for the whole machine, virtual time, seeded tie-breaking: the same seed gives the
   * same run, event for event, and idle time is skipped.
   */
  DETERMINISTIC,
  /** One dispatch token per simulated CPU and real time: as many host threads run as there are CPUs. */
  PARALLEL
}
