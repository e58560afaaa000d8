package io.github.genova.genode.base.rpc;

/** A test enum travelling in RPC messages. */
public enum Colour {
  RED,
  GREEN,
  BLUE
}
