package io.github.genova.genode.os.liquidfb;

import io.github.genova.genode.os.gfx.Rect;

/**
 * The geometry of liquid_fb's decorated window around a content area of {@code contentWidth × contentHeight}
 * pixels, in window coordinates (the window's top-left pixel is (0, 0)): a {@value #BORDER}-pixel black frame,
 * a title bar of {@value #TITLE_HEIGHT} rows under the top border, a {@value #BORDER}-pixel line between the
 * title bar and the content, the content below it, and the resize handle, the {@value #HANDLE} × {@value
 * #HANDLE} pixels in the window's bottom-right corner, drawn over the content's corner (Genode's liquid_fb
 * has the same border, title-bar height and handle size). Pure arithmetic: it draws nothing.
 *
 * @param contentWidth the width of the content area, the client's picture
 * @param contentHeight the height of the content area
 */
public record Decoration(int contentWidth, int contentHeight) {
  /** The frame's width on every side, in pixels. */
  public static final int BORDER = 1;
  /** The rows of the title bar. */
  public static final int TITLE_HEIGHT = 32;
  /** The side of the square resize handle. */
  public static final int HANDLE = 32;
  /** The smallest content width and height: the resize handle must fit beside the title bar's frame. */
  public static final int MIN_CONTENT = HANDLE;

  /** Where a window-relative pixel lies. */
  public enum Part {
    /** The title bar: dragging it moves the window. */
    TITLE,
    /** The client's picture: events here go to the client. */
    CONTENT,
    /** The resize handle: dragging it resizes the window. */
    RESIZE_HANDLE,
    /** The frame and the line under the title bar. */
    BORDER,
    /** Not in the window. */
    OUTSIDE
  }

  /**
   * Checks the content size.
   *
   * @throws IllegalArgumentException if a side is below {@link #MIN_CONTENT}
   */
  public Decoration {
    if (contentWidth < MIN_CONTENT || contentHeight < MIN_CONTENT) {
      throw new IllegalArgumentException("a content area of " + contentWidth + "x" + contentHeight
          + " is smaller than " + MIN_CONTENT + "x" + MIN_CONTENT);
    }
  }

  /** Returns the window's width: the content and the frame's left and right sides. */
  public int width() {
    return contentWidth + 2 * BORDER;
  }

  /** Returns the window's height: frame, title bar, the line under it, content and frame. */
  public int height() {
    return contentHeight + TITLE_HEIGHT + 3 * BORDER;
  }

  /** Returns the whole window. */
  public Rect window() {
    return new Rect(0, 0, width(), height());
  }

  /** Returns the title bar. */
  public Rect titleBar() {
    return new Rect(BORDER, BORDER, contentWidth, TITLE_HEIGHT);
  }

  /** Returns the content area, where the client's picture is shown. */
  public Rect content() {
    return new Rect(BORDER, TITLE_HEIGHT + 2 * BORDER, contentWidth, contentHeight);
  }

  /** Returns the resize handle: the window's bottom-right corner inside the frame, over the content. */
  public Rect resizeHandle() {
    return new Rect(width() - BORDER - HANDLE, height() - BORDER - HANDLE, HANDLE, HANDLE);
  }

  /** Returns the part of the window that window pixel ({@code x}, {@code y}) lies in. */
  public Part partAt(int x, int y) {
    if (!window().contains(x, y)) {
      return Part.OUTSIDE;
    }
    if (resizeHandle().contains(x, y)) {
      return Part.RESIZE_HANDLE;
    }
    if (titleBar().contains(x, y)) {
      return Part.TITLE;
    }
    return content().contains(x, y) ? Part.CONTENT : Part.BORDER;
  }

  /**
   * Returns the decoration of the content resized by ({@code dx}, {@code dy}), each side kept between
   * {@link #MIN_CONTENT} and the side of {@code max}.
   */
  public Decoration resizedBy(int dx, int dy, Decoration max) {
    return new Decoration(Math.clamp((long) contentWidth + dx, MIN_CONTENT, max.contentWidth),
        Math.clamp((long) contentHeight + dy, MIN_CONTENT, max.contentHeight));
  }
}
