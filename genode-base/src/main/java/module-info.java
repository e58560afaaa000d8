/**
 * Genode's base framework and core (the roottask) on Genova. Speaks to the kernel only through
 * {@code nova-api}; a kernel implementation is found at run time.
 */
module io.github.genova.genode.base {
  requires static transitive org.jspecify;
  requires transitive io.github.genova.nova.api;

  exports io.github.genova.genode.base.cap;
  exports io.github.genova.genode.base.child;
  exports io.github.genova.genode.base.core;
  exports io.github.genova.genode.base.core.cpu;
  exports io.github.genova.genode.base.core.io;
  exports io.github.genova.genode.base.core.log;
  exports io.github.genova.genode.base.core.memory;
  exports io.github.genova.genode.base.core.pd;
  exports io.github.genova.genode.base.core.rm;
  exports io.github.genova.genode.base.core.rom;
  exports io.github.genova.genode.base.cpu;
  exports io.github.genova.genode.base.dataspace;
  exports io.github.genova.genode.base.env;
  exports io.github.genova.genode.base.io;
  exports io.github.genova.genode.base.log;
  exports io.github.genova.genode.base.nova;
  exports io.github.genova.genode.base.parent;
  exports io.github.genova.genode.base.pd;
  exports io.github.genova.genode.base.rm;
  exports io.github.genova.genode.base.quota;
  exports io.github.genova.genode.base.rom;
  exports io.github.genova.genode.base.root;
  exports io.github.genova.genode.base.rpc;
  exports io.github.genova.genode.base.session;
  exports io.github.genova.genode.base.signal;
  exports io.github.genova.genode.base.sync;
  exports io.github.genova.genode.base.thread;

  uses io.github.genova.genode.base.env.ComponentFactory;
}
