/**
 * Genode's session vocabulary without a kernel: the {@code key=value} argument strings a client sends
 * with a session request ({@link io.github.genova.genode.base.session.SessionArgs}), session labels and
 * the label selectors that routing and server policies match against, the session request itself
 * (service, arguments, affinity), and the per-session resources and diagnostics every session carries.
 *
 * <p>Depends on the JDK and {@code io.github.genova.genode.base.quota} (for the quota amounts) only.
 */
@NullMarked
package io.github.genova.genode.base.session;

import org.jspecify.annotations.NullMarked;
