/**
 * Genode's RPC framework: RPC interfaces as Java interfaces with explicit, stable opcodes ({@link
 * io.github.genova.genode.base.rpc.RpcFunction}), client stubs and server dispatchers generated once per
 * interface into hidden classes ({@link io.github.genova.genode.base.rpc.RpcInterface}), and the entrypoint
 * that serves RPC objects, one portal per object ({@link io.github.genova.genode.base.rpc.RpcEntrypoint}).
 *
 * <p>May depend on {@code nova-api}, {@code ...base.cap}, {@code ...base.log} and {@code ...base.nova}.
 */
@NullMarked
package io.github.genova.genode.base.rpc;

import org.jspecify.annotations.NullMarked;
