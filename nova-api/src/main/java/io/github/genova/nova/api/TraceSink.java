package io.github.genova.nova.api;

/**
 * Receives a kernel's {@link TraceEvent}s, in the order they happen. Set one with {@link
 * KernelConfig#withTrace}; without one, tracing costs a hash update per event and allocates nothing.
 *
 * <p>The kernel calls the sink while it holds its scheduler lock, from whatever thread made the step: the
 * sink must be quick, must not block and must not call back into the kernel.
 */
@FunctionalInterface
public interface TraceSink {
  /** Records one step. */
  void record(TraceEvent event);
}
