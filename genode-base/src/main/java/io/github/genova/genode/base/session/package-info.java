/**
 * Genode's session vocabulary without a kernel: the {@code key=value} argument strings a client sends
 * with a session request ({@link io.github.genova.genode.base.session.SessionArgs}), session labels and
 * the label selectors that routing and server policies match against, the session request itself
 * (service, arguments, affinity), the per-session resources and diagnostics every session carries, and
 * the donation that moves a request's quota from client to server.
 *
 * <p>Depends on the JDK and {@code io.github.genova.genode.base.quota} (for the quota amounts) only.
 */
@NullMarked
package io.github.genova.genode.base.session;

import org.jspecify.annotations.NullMarked;
