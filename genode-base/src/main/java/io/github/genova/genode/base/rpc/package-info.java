/**
 * Genode's RPC framework: RPC interfaces as Java interfaces with explicit, stable opcodes ({@link
 * io.github.genova.genode.base.rpc.RpcFunction}), client stubs and server dispatchers generated once per
 * interface into hidden classes ({@link io.github.genova.genode.base.rpc.RpcInterface}), and the entrypoint
 * that serves RPC objects, one portal per object ({@link io.github.genova.genode.base.rpc.RpcEntrypoint}).
 *
 * <p>An interface and its use:
 *
 * <pre>{@code
 * public interface Hello {
 *   final class Busy extends Exception { public Busy() {} }
 *
 *   @RpcFunction(0) int add(int a, int b);
 *   @RpcFunction(1) @Bound(64) String greet(@Bound(32) String name) throws Busy;
 *   @RpcFunction(2) int fill(@InOut @Bound(128) byte[] buffer);
 *   @RpcFunction(3) void remember(Capability<Object> other);
 * }
 *
 * // server, in its component:  Capability<Hello> cap = env.ep().manage(Hello.class, new HelloImpl());
 * // client, holding the cap:    Hello hello = RpcInterface.of(Hello.class).client(cap);
 * //                             int sum = hello.add(1, 2);
 * }</pre>
 *
 * <p>The wire format is Genode on NOVA's of today, described in {@link
 * io.github.genova.genode.base.nova.Msgbuf}; exception codes in {@link
 * io.github.genova.genode.base.nova.RpcExceptionCode}. A call of an invalid or dissolved object throws
 * {@link io.github.genova.genode.base.nova.IpcError}; an opcode the server does not know returns the
 * type's default value (Genode's INVALID_OPCODE: the server logs {@code invalid opcode <n>}).
 *
 * <p>May depend on {@code nova-api}, {@code ...base.cap}, {@code ...base.log} and {@code ...base.nova}.
 */
@NullMarked
package io.github.genova.genode.base.rpc;

import org.jspecify.annotations.NullMarked;
