package io.github.genova.genode.os.nitpicker;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.Bound;
import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * A view of a Nitpicker session (Genode's classic {@code Nitpicker::View}): a rectangle of the screen, in
 * the client's coordinates (nitpicker shows them below its menubar), through which the client's buffer is
 * seen, the buffer's pixel (0, 0) lying at the view's top-left corner plus the buffer offset. Views are
 * stacked; a view in front hides what lies behind it. {@code redraw} asks nitpicker to bring the screen up
 * to date at once; otherwise it does so within one input period. Opcodes are stable: 0 {@code viewport}, 1
 * {@code stack}, 2 {@code title}.
 */
public interface View {
  /** The longest title in bytes, including the terminating NUL. */
  int TITLE_BOUND = 64;

  /**
   * Places the view at ({@code x}, {@code y}) with size {@code w × h} (negative sizes count as 0), the
   * buffer shifted by ({@code bufX}, {@code bufY}) relative to the view's top-left corner. Returns 0.
   */
  @RpcFunction(0)
  int viewport(int x, int y, int w, int h, int bufX, int bufY, boolean redraw);

  /**
   * Restacks the view directly behind ({@code behind}) or in front of {@code neighbor}; an invalid
   * {@code neighbor} puts it on top ({@code behind}) or at the bottom (not {@code behind}). Returns 0, or -1
   * if {@code neighbor} is valid but no view nitpicker knows.
   */
  @RpcFunction(1)
  int stack(Capability<View> neighbor, boolean behind, boolean redraw);

  /** Sets the view's title, which nitpicker shows with the session label. Returns 0. */
  @RpcFunction(2)
  int title(@Bound(TITLE_BOUND) String title);
}
