package io.github.genova.genode.os.liquidfb;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * liquid_fb's configuration, the attributes of its {@code <config>} node: {@code xpos} and {@code ypos}, where
 * the content area's top-left corner lies in liquid_fb's nitpicker coordinates (the decoration around it), and
 * {@code width} and {@code height}, the content's size, the client's picture (Genode's defaults: 400, 270, 500
 * × 400); {@code title}, the text of the title bar (default {@value #DEFAULT_TITLE}). Other attributes and
 * nodes are ignored, among them Genode's {@code animate}, {@code decoration} and {@code resize_handle}: this
 * liquid_fb always draws its decoration and resize handle and has no animated background.
 *
 * @param xpos the content's left column
 * @param ypos the content's top row
 * @param width the content's width, {@link Decoration#MIN_CONTENT} to {@link #MAX_SIDE}
 * @param height the content's height, {@link Decoration#MIN_CONTENT} to {@link #MAX_SIDE}
 * @param title the title bar's text
 */
public record LiquidFbConfig(int xpos, int ypos, int width, int height, String title) {
  /** The title without a configuration. */
  public static final String DEFAULT_TITLE = "Liquid Framebuffer";
  /** The configuration without a config: Genode's defaults. */
  public static final LiquidFbConfig DEFAULT = new LiquidFbConfig(400, 270, 500, 400, DEFAULT_TITLE);
  /** The largest content side. */
  public static final int MAX_SIDE = 4096;
  /** The largest position coordinate, either sign. */
  public static final int MAX_POSITION = 1 << 16;

  /** A configuration liquid_fb cannot use; the message names the attribute and its value. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads the attributes of the root node of {@code xml}; an empty text or one without a node gives {@link
   * #DEFAULT}.
   *
   * @throws Invalid if the XML is malformed, a position is not a decimal number within ±{@link #MAX_POSITION},
   *     or a size is not a decimal number from {@link Decoration#MIN_CONTENT} to {@link #MAX_SIDE}
   */
  public static LiquidFbConfig parse(String xml) throws Invalid {
    Map<String, String> attributes = rootAttributes(xml);
    String title = attributes.getOrDefault("title", DEFAULT_TITLE);
    return new LiquidFbConfig(number(attributes, "xpos", DEFAULT.xpos, -MAX_POSITION, MAX_POSITION),
        number(attributes, "ypos", DEFAULT.ypos, -MAX_POSITION, MAX_POSITION),
        number(attributes, "width", DEFAULT.width, Decoration.MIN_CONTENT, MAX_SIDE),
        number(attributes, "height", DEFAULT.height, Decoration.MIN_CONTENT, MAX_SIDE), title);
  }

  private static Map<String, String> rootAttributes(String xml) throws Invalid {
    Map<String, String> attributes = new HashMap<>();
    if (xml.isBlank()) {
      return attributes;
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try {
      XMLStreamReader in = factory.createXMLStreamReader(new StringReader(xml));
      while (in.hasNext()) {
        if (in.next() == XMLStreamReader.START_ELEMENT) {
          for (int i = 0; i < in.getAttributeCount(); i++) {
            attributes.put(in.getAttributeLocalName(i), in.getAttributeValue(i));
          }
          return attributes;
        }
      }
      return attributes;
    } catch (XMLStreamException e) {
      throw new Invalid("malformed config: " + e.getMessage());
    }
  }

  private static int number(Map<String, String> attributes, String name, int absent, int min, int max)
      throws Invalid {
    @Nullable String text = attributes.get(name);
    if (text == null) {
      return absent;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min && value <= max) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Invalid("config attribute " + name + "=\"" + text + "\" is not a number from " + min + " to " + max);
  }
}
