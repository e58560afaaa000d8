package io.github.genova.examples.display;

import java.awt.AWTError;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics;
import java.awt.HeadlessException;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import org.jspecify.annotations.Nullable;

/**
 * The machine's screen in a Swing window: a fixed-size picture at the mode's size, the host's keyboard and
 * mouse over it sent through an {@link AwtInput}; closing the window closes the input queue. Everything it
 * does runs on the AWT event thread; {@link #show} only hands the latest frame over and asks for one repaint,
 * however many frames arrive before it happens.
 */
public final class SwingDisplay implements Display {
  private final JFrame window;
  private final Picture picture;
  private final AtomicReference<@Nullable Frame> next = new AtomicReference<>();

  private SwingDisplay(String title, InputQueue input) {
    picture = new Picture();
    AwtInput awt = new AwtInput(input::offer);
    picture.addKeyListener(awt);
    picture.addMouseListener(awt);
    picture.addMouseMotionListener(awt);
    picture.addMouseWheelListener(awt);
    picture.addFocusListener(awt);
    picture.setFocusable(true);
    picture.setFocusTraversalKeysEnabled(false); // Tab goes to the guest
    picture.setCursor(Cursor.getPredefinedCursor(Cursor.CROSSHAIR_CURSOR));
    window = new JFrame(title);
    window.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    window.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosing(WindowEvent e) {
        input.close();
      }
    });
    window.setResizable(false);
    window.add(picture);
    window.pack();
    window.setLocationByPlatform(true);
    window.setVisible(true);
    picture.requestFocusInWindow();
  }

  /**
   * Opens the window titled {@code title}, black until the first frame, sending the user's input to {@code
   * input}.
   *
   * @throws WindowUnavailableException if AWT cannot open a window on this host (headless, or its display
   *     server does not answer)
   */
  public static Display open(String title, InputQueue input) throws WindowUnavailableException {
    AtomicReference<@Nullable SwingDisplay> made = new AtomicReference<>();
    try {
      EventQueue.invokeAndWait(() -> made.set(new SwingDisplay(title, input)));
    } catch (AWTError | HeadlessException e) { // AWT's own start-up, on this thread
      throw new WindowUnavailableException(e.getMessage(), e);
    } catch (InvocationTargetException e) {
      switch (e.getCause()) {
        case AWTError awt -> throw new WindowUnavailableException(awt.getMessage(), awt);
        case HeadlessException headless -> throw new WindowUnavailableException(headless.getMessage(), headless);
        case RuntimeException r -> throw r;
        case null, default -> throw new IllegalStateException("cannot open the window", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the window", e);
    }
    SwingDisplay display = made.get();
    if (display == null) {
      throw new IllegalStateException("the window was not made");
    }
    return display;
  }

  @Override
  public void show(Frame frame) {
    if (next.getAndSet(frame) == null) {
      EventQueue.invokeLater(this::paintNext);
    }
  }

  private void paintNext() {
    Frame frame = next.getAndSet(null);
    if (frame != null && picture.paint(frame)) {
      window.pack();
    }
  }

  @Override
  public void close() {
    EventQueue.invokeLater(window::dispose);
  }

  /** The component showing the latest frame, 1:1. */
  private static final class Picture extends JComponent {
    private static final long serialVersionUID = 1L;
    /** A text mode's size: what the VGA shows before a driver sets a graphics mode. */
    private transient BufferedImage image = blank(80 * Frame.CELL_WIDTH, 25 * Frame.CELL_HEIGHT);

    Picture() {
      setPreferredSize(new Dimension(image.getWidth(), image.getHeight()));
    }

    /** Takes {@code frame} as the picture; returns whether its size changed. */
    boolean paint(Frame frame) {
      boolean resized = frame.width() != image.getWidth() || frame.height() != image.getHeight();
      if (resized) {
        image = blank(frame.width(), frame.height());
        setPreferredSize(new Dimension(frame.width(), frame.height()));
      }
      frame.copyTo(((DataBufferInt) image.getRaster().getDataBuffer()).getData());
      repaint();
      return resized;
    }

    private static BufferedImage blank(int width, int height) {
      return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    protected void paintComponent(Graphics g) {
      g.drawImage(image, 0, 0, null);
    }
  }
}
