/**
 * Genode's region-manager fault test as a component ({@link
 * io.github.genova.genode.os.test.rmfault.RmFaultTest}, binary {@code test-rm_fault}): the test starts
 * itself as its own child and resolves the child's faults by hand, through the region map of the child's
 * address space, from {@code --- region-manager fault test ---} to {@code --- parent role of region-manager
 * fault test finished ---}.
 *
 * <p>May depend on {@code genode-base} and {@code nova-api} (a semaphore down with a past deadline as the
 * preemption point of a polling loop).
 */
@NullMarked
package io.github.genova.genode.os.test.rmfault;

import org.jspecify.annotations.NullMarked;
