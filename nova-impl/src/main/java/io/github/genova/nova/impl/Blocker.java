package io.github.genova.nova.impl;

/**
 * Something an EC can block on (a semaphore, or a busy local EC it helps). Whoever removes a waiter from a
 * blocker owns waking it: an {@code up}, a timeout, a release or a kill.
 */
interface Blocker {
  /** Removes {@code waiter} if it is still queued here; returns whether it was. */
  boolean cancel(Ec waiter);
}
