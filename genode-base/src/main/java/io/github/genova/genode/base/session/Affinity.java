package io.github.genova.genode.base.session;

/**
 * Where a session's threads should run (Genode's {@code Affinity}): a rectangle ({@link Location}) in
 * the CPU space ({@link Space}) the requester sees. A parent maps its child's view into its own.
 *
 * @param space the CPU space of the requester
 * @param location the part of that space requested
 */
public record Affinity(Space space, Location location) {
  /** One CPU, all of it: the affinity of a request that states none. */
  public static final Affinity UNRESTRICTED = new Affinity(new Space(1, 1), new Location(0, 0, 1, 1));

  /**
   * A grid of CPUs, {@code width} by {@code height}.
   *
   * @param width CPUs per row, at least 1
   * @param height rows, at least 1
   */
  public record Space(int width, int height) {
    /** Rejects empty spaces. */
    public Space {
      if (width < 1 || height < 1) {
        throw new IllegalArgumentException("affinity space " + width + "x" + height + " is empty");
      }
    }
  }

  /**
   * A rectangle of CPUs within a space.
   *
   * @param xpos first column
   * @param ypos first row
   * @param width columns, at least 1
   * @param height rows, at least 1
   */
  public record Location(int xpos, int ypos, int width, int height) {
    /** Rejects negative positions and empty rectangles. */
    public Location {
      if (xpos < 0 || ypos < 0 || width < 1 || height < 1) {
        throw new IllegalArgumentException("affinity location " + xpos + "," + ypos + " "
            + width + "x" + height + " is invalid");
      }
    }
  }

  /** Rejects a location that lies outside the space. */
  public Affinity {
    if (location.xpos() + location.width() > space.width()
        || location.ypos() + location.height() > space.height()) {
      throw new IllegalArgumentException("affinity location " + location + " exceeds space " + space);
    }
  }
}
