/**
 * The NOVA kernel: protection domains, execution and scheduling contexts, portals, semaphores, the
 * mapping database and the scheduler.
 *
 * <p>May depend on {@code nova-api} (the interface it implements) and {@code x86-platform} (the machine
 * it runs on), never on Genode.
 */
@NullMarked
package io.github.genova.nova.impl;

import org.jspecify.annotations.NullMarked;
