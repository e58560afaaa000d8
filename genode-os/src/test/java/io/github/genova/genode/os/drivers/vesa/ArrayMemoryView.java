package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.nova.api.MemoryView;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A driver's address space as one array from address 0, for tests of the sandbox without a kernel. */
final class ArrayMemoryView implements MemoryView {
  final MemorySegment bytes;

  ArrayMemoryView(int size) {
    bytes = MemorySegment.ofArray(new byte[size]);
  }

  @Override
  public byte readByte(long va) {
    return bytes.get(ValueLayout.JAVA_BYTE, va);
  }

  @Override
  public short readShort(long va) {
    return bytes.get(ValueLayout.JAVA_SHORT_UNALIGNED, va);
  }

  @Override
  public int readInt(long va) {
    return bytes.get(ValueLayout.JAVA_INT_UNALIGNED, va);
  }

  @Override
  public long readLong(long va) {
    return bytes.get(ValueLayout.JAVA_LONG_UNALIGNED, va);
  }

  @Override
  public void writeByte(long va, byte value) {
    bytes.set(ValueLayout.JAVA_BYTE, va, value);
  }

  @Override
  public void writeShort(long va, short value) {
    bytes.set(ValueLayout.JAVA_SHORT_UNALIGNED, va, value);
  }

  @Override
  public void writeInt(long va, int value) {
    bytes.set(ValueLayout.JAVA_INT_UNALIGNED, va, value);
  }

  @Override
  public void writeLong(long va, long value) {
    bytes.set(ValueLayout.JAVA_LONG_UNALIGNED, va, value);
  }

  @Override
  public void read(long va, byte[] dst, int offset, int length) {
    MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, va, dst, offset, length);
  }

  @Override
  public void write(long va, byte[] src, int offset, int length) {
    MemorySegment.copy(src, offset, bytes, ValueLayout.JAVA_BYTE, va, length);
  }

  @Override
  public MemorySegment segment(long va, long length, boolean writable) {
    return bytes.asSlice(va, length);
  }
}
