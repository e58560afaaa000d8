package io.github.genova.platform.x86;

/**
 * The CPU's view of the 64 Ki I/O ports. Sizes are 1, 2 or 4 bytes; values are zero-extended. Unclaimed
 * ports conventionally read all ones. Called on the thread that runs the CPU.
 */
public interface IoPorts {
  /** Ports that read all ones and ignore writes: a machine with no devices. */
  IoPorts NONE = new IoPorts() {
    @Override
    public int in(int port, int size) {
      return size == 4 ? -1 : (1 << (size * 8)) - 1;
    }

    @Override
    public void out(int port, int size, int value) {}
  };

  /** Returns the value read from {@code port}; only the low {@code size} bytes are used. */
  int in(int port, int size);

  /** Handles a write of the low {@code size} bytes of {@code value} to {@code port}. */
  void out(int port, int size, int value);
}
