package io.github.genova.genode.base.signal;

/**
 * A delivered signal: the context it was submitted to and how many submits it stands for (all submits
 * since the context was last delivered, coalesced).
 *
 * @param context the object passed to {@link SignalReceiver#manage}
 * @param num the number of coalesced submits, at least 1
 */
public record Signal(SignalContext context, int num) {}
