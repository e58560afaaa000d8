package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.cap.Capability;

/** A {@link Caps} server answering nothing in particular; tests override the function they examine. */
class CapsAdapter implements Caps {
  @Override
  public int five(Capability<Object> a, Capability<Object> b, Capability<Object> c, Capability<Object> d,
      Capability<Object> e) {
    return 0;
  }

  @Override
  public String three(Capability<Object> a, Capability<Object> b, Capability<Object> c) {
    return "";
  }

  @Override
  public Capability<Object> give() {
    return Capability.invalid();
  }
}
