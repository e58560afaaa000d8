package io.github.genova.genode.base.io;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * An IO_MEM session (Genode's {@code Io_mem_session}): exclusive access to the device memory of the physical
 * range {@code [base, base + size)} (widened to whole pages), as a dataspace a driver attaches to its
 * address space. Arguments: {@code base}, {@code size} and {@code wc} (write-combined; the machine's memory
 * is coherent, so it changes nothing but is accepted).
 */
public interface IoMemSession {
  /** The service name. */
  String SERVICE_NAME = "IO_MEM";

  /**
   * Returns the dataspace of the range: its {@link Dataspace#physAddr()} is the range's first page, so the
   * byte at {@code base} lies at offset {@code base & 0xfff} of the attachment.
   */
  @RpcFunction(0)
  Capability<Dataspace> dataspace();
}
