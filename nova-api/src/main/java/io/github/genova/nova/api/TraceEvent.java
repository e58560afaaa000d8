package io.github.genova.nova.api;

/**
 * One step of a kernel's trace: a scheduling decision, a delivered event, a death or an interrupt, with
 * the kernel time it happened at. In {@link ExecutionMode#DETERMINISTIC} mode the sequence of trace events
 * is a function of the seed and the programs alone, so two runs can be compared step by step (and, later,
 * replayed).
 *
 * @param nanos the kernel clock when it happened (virtual in deterministic mode)
 * @param cpu the simulated CPU it happened on
 * @param ec the creation number of the EC concerned (the EC whose SC it is), or -1 for none
 * @param kind what happened
 * @param detail a kind-specific value: the target CPU of {@link Kind#MIGRATE}, the event number of {@link
 *     Kind#EVENT}, the GSI of {@link Kind#INTERRUPT}, the donor's CPU of {@link Kind#CROSS_CPU}, else 0
 */
public record TraceEvent(long nanos, int cpu, long ec, Kind kind, long detail) {
  /** What a trace event records. */
  public enum Kind {
    /** An SC became ready: queued on its CPU, or run at once on an idle one. */
    READY,
    /** An SC became the current SC of its CPU. */
    DISPATCH,
    /** The running SC blocked (its EC waits), leaving its CPU. */
    BLOCK,
    /** The running SC was preempted with budget left (a higher priority was ready). */
    PREEMPT,
    /** The running SC's quantum ran out with another SC of its level ready: it goes to the tail. */
    EXPIRE,
    /** Deterministic mode: the machine's dispatch token moved to this CPU. */
    TOKEN,
    /** An SC was moved to another CPU ({@code detail}) by EC migration. */
    MIGRATE,
    /** A semaphore down with a deadline timed out. */
    TIMEOUT,
    /** An EC raised event {@code detail} (an exception, STARTUP or RECALL) through its event portal. */
    EVENT,
    /** A portal call or event crossed CPUs: the caller's time now runs on this CPU for the callee. */
    CROSS_CPU,
    /** An EC was killed. */
    KILL,
    /** Interrupt line {@code detail} fired; {@code cpu} is the CPU it is routed to. */
    INTERRUPT
  }
}
