/**
 * A capability-integrity test in the spirit of Genode's NOVA {@code cap_integrity} test: the component {@code
 * test-cap-integrity} ({@link io.github.genova.genode.os.test.capintegrity.CapIntegrityTest}) runs as a child
 * of init next to the server {@code test-cap-integrity-server} ({@link
 * io.github.genova.genode.os.test.capintegrity.TargetServer}) and proves that forged, stale and revoked
 * capabilities reach nothing, from {@code --- capability integrity test ---} to {@code --- finished
 * capability integrity test ---}.
 *
 * <p>May depend on {@code genode-base} and {@code nova-api} (raw hypercalls through the calling thread's
 * gate).
 */
@NullMarked
package io.github.genova.genode.os.test.capintegrity;

import org.jspecify.annotations.NullMarked;
