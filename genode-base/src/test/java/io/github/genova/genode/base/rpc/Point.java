package io.github.genova.genode.base.rpc;

/** A test record travelling in RPC messages. */
public record Point(int x, long y, @Bound(8) String label, Colour colour) {}
