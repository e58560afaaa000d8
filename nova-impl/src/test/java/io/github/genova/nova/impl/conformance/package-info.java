/**
 * Conformance tests of the kernel against the checklist of {@code nova-interface.md} §12, one test per item,
 * named after it. The tests drive the kernel through {@code nova-api} from the root EC and read hidden state
 * only through {@link io.github.genova.nova.impl.KernelProbe}.
 */
@NullMarked
package io.github.genova.nova.impl.conformance;

import org.jspecify.annotations.NullMarked;
