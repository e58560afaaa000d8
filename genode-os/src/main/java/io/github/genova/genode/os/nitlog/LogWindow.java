package io.github.genova.genode.os.nitlog;

import java.util.Arrays;

/**
 * The text nitlog shows: {@value #ROWS} rows of {@value #COLUMNS} character cells, each cell a printable
 * ASCII character and an RGB565 colour. {@link #append} adds the lines of one LOG write as {@code [label]
 * text}, the label (with its brackets) in the session's colour and the text in the text colour, each line
 * starting a new row, lines longer than a row wrapped onto the next; when the rows are full the window
 * scrolls up by one row per new row, the oldest rows lost. The model is pure: it draws nothing and is not
 * thread-safe (nitlog's entrypoint serves one write at a time).
 *
 * <p>Bad input is shown, never refused: tabs become one blank, carriage returns are dropped, other control
 * and non-ASCII characters show as {@value #REPLACEMENT}; a label longer than {@value #MAX_LABEL}
 * characters is cut to {@value #MAX_LABEL}, its last shown character a {@value #CUT}; a write with no text
 * (empty, or only a newline) adds a row with the label alone, as core's LOG prints it.
 */
public final class LogWindow {
  /** Character cells per row. */
  public static final int COLUMNS = 80;
  /** Rows shown. */
  public static final int ROWS = 25;
  /** The most label characters shown. */
  public static final int MAX_LABEL = 32;
  /** What a control or non-ASCII character shows as. */
  public static final char REPLACEMENT = '?';
  /** The last shown character of a label that was cut. */
  public static final char CUT = '~';

  /**
   * The rows an {@link #append} changed: {@code count} rows from row {@code first}; all rows when the
   * window scrolled.
   *
   * @param first the first changed row
   * @param count how many rows changed
   */
  public record Damage(int first, int count) {
    /** Every row changed. */
    public static final Damage ALL = new Damage(0, ROWS);
  }

  /** Characters of the rows, in ring order: row r on screen is ring row {@code (top + r) % ROWS}. */
  private final char[][] chars = new char[ROWS][COLUMNS];
  private final int[][] colours = new int[ROWS][COLUMNS];
  private int top;
  /** Rows in use, up to {@link #ROWS}. */
  private int used;

  /** Creates an empty window: every cell a blank. */
  public LogWindow() {
    for (char[] row : chars) {
      Arrays.fill(row, ' ');
    }
  }

  /** Returns the character shown in cell ({@code column}, {@code row}), a blank where nothing was written. */
  public char charAt(int row, int column) {
    return chars[ring(row)][column];
  }

  /** Returns the colour of cell ({@code column}, {@code row}), 0 where nothing was written. */
  public int colourAt(int row, int column) {
    return colours[ring(row)][column];
  }

  /** Returns the text of screen row {@code row}, trailing blanks removed. */
  public String rowText(int row) {
    return new String(chars[ring(row)]).stripTrailing();
  }

  /** Returns how many rows hold text, up to {@link #ROWS}. */
  public int usedRows() {
    return used;
  }

  /**
   * Adds what one LOG write of a session labelled {@code label} carries: each line of {@code text} (split at
   * newlines, one trailing newline ignored) as {@code [label] line}; at least one row.
   *
   * @param label the session's label
   * @param labelColour the RGB565 colour of the label and its brackets
   * @param textColour the RGB565 colour of the text
   * @param text what the client wrote
   * @return the rows that changed
   */
  public Damage append(String label, int labelColour, int textColour, String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    String prefix = "[" + shownLabel(label) + "] ";
    int firstRow = -1;
    boolean scrolled = false;
    for (String line : body.split("\n", -1)) {
      String shown = sanitize(line);
      scrolled |= newRow();
      firstRow = firstRow < 0 ? used - 1 : firstRow;
      int column = 0;
      int length = prefix.length() + shown.length();
      for (int i = 0; i < length; i++) {
        if (column == COLUMNS) {
          scrolled |= newRow();
          column = 0;
        }
        int at = ring(used - 1);
        boolean inPrefix = i < prefix.length();
        chars[at][column] = inPrefix ? prefix.charAt(i) : shown.charAt(i - prefix.length());
        colours[at][column] = inPrefix && i < prefix.length() - 1 ? labelColour : textColour;
        column++;
      }
    }
    return scrolled ? Damage.ALL : new Damage(firstRow, used - firstRow);
  }

  /** Returns {@code label} as nitlog shows it: sanitized and cut to {@link #MAX_LABEL} characters. */
  static String shownLabel(String label) {
    String shown = sanitize(label);
    return shown.length() <= MAX_LABEL ? shown : shown.substring(0, MAX_LABEL - 1) + CUT;
  }

  /** Returns {@code text} with tabs as blanks, carriage returns dropped and other unprintables replaced. */
  static String sanitize(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        continue;
      }
      b.append(c == '\t' ? ' ' : c >= 0x20 && c < 0x7f ? c : REPLACEMENT);
    }
    return b.toString();
  }

  /** Starts a new row at the bottom, scrolling if every row is in use; returns whether it scrolled. */
  private boolean newRow() {
    boolean scroll = used == ROWS;
    if (scroll) {
      top = (top + 1) % ROWS;
    } else {
      used++;
    }
    int at = ring(used - 1);
    Arrays.fill(chars[at], ' ');
    Arrays.fill(colours[at], 0);
    return scroll;
  }

  private int ring(int row) {
    if (row < 0 || row >= ROWS) {
      throw new IndexOutOfBoundsException("row " + row + " of " + ROWS);
    }
    return (top + row) % ROWS;
  }
}
