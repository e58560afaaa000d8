package io.github.genova.genode.os.gfx;

/**
 * A rectangle of pixels (Genode's {@code Rect}), of the screen or of a client's buffer: top-left corner ({@code x}, {@code y}) and size
 * {@code w × h}; a rectangle with a side of 0 or less is empty.
 *
 * @param x left column
 * @param y top row
 * @param w width
 * @param h height
 */
public record Rect(int x, int y, int w, int h) {
  /** The empty rectangle. */
  public static final Rect EMPTY = new Rect(0, 0, 0, 0);

  /** Returns whether the rectangle holds no pixel. */
  public boolean isEmpty() {
    return w <= 0 || h <= 0;
  }

  /** Returns the column right of the rectangle. */
  public int right() {
    return x + w;
  }

  /** Returns the row below the rectangle. */
  public int bottom() {
    return y + h;
  }

  /** Returns whether pixel ({@code px}, {@code py}) lies inside. */
  public boolean contains(int px, int py) {
    return px >= x && px < right() && py >= y && py < bottom();
  }

  /** Returns the part of this rectangle that lies in {@code o}, possibly empty. */
  public Rect intersect(Rect o) {
    int x1 = Math.max(x, o.x);
    int y1 = Math.max(y, o.y);
    int x2 = Math.min(right(), o.right());
    int y2 = Math.min(bottom(), o.bottom());
    return x2 <= x1 || y2 <= y1 ? EMPTY : new Rect(x1, y1, x2 - x1, y2 - y1);
  }

  /** Returns the smallest rectangle holding this one and {@code o} (an empty one adds nothing). */
  public Rect union(Rect o) {
    if (isEmpty()) {
      return o;
    }
    if (o.isEmpty()) {
      return this;
    }
    int x1 = Math.min(x, o.x);
    int y1 = Math.min(y, o.y);
    return new Rect(x1, y1, Math.max(right(), o.right()) - x1, Math.max(bottom(), o.bottom()) - y1);
  }

  /** Returns the rectangle moved by ({@code dx}, {@code dy}). */
  public Rect translate(int dx, int dy) {
    return new Rect(x + dx, y + dy, w, h);
  }

  /** Returns the rectangle grown by {@code d} pixels on every side. */
  public Rect grow(int d) {
    return new Rect(x - d, y - d, w + 2 * d, h + 2 * d);
  }
}
