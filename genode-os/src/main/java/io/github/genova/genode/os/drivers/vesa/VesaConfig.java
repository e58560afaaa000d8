package io.github.genova.genode.os.drivers.vesa;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * The mode {@code vesa_drv} is asked for by the attributes of its {@code <config>} node: {@code width},
 * {@code height} and {@code depth}, each defaulting to Genode's 1024 × 768 × 16 when absent.
 *
 * @param width pixels per row
 * @param height rows
 * @param depth bits per pixel
 */
public record VesaConfig(int width, int height, int depth) {
  /** The mode without a configuration: 1024 × 768, 16 bits per pixel (RGB565). */
  public static final VesaConfig DEFAULT = new VesaConfig(1024, 768, 16);

  /** A configuration {@code vesa_drv} cannot read; the message names the attribute and the value. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads the root node's attributes of {@code xml}; other nodes and attributes are ignored.
   *
   * @throws Invalid if the XML is malformed or a value is not a positive decimal number
   */
  public static VesaConfig parse(String xml) throws Invalid {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try {
      XMLStreamReader in = factory.createXMLStreamReader(new StringReader(xml));
      while (in.hasNext() && in.next() != XMLStreamConstants.START_ELEMENT) {
        // skip the prolog
      }
      if (!in.isStartElement()) {
        return DEFAULT;
      }
      return new VesaConfig(number(in, "width", DEFAULT.width()), number(in, "height", DEFAULT.height()),
          number(in, "depth", DEFAULT.depth()));
    } catch (XMLStreamException e) {
      throw new Invalid("malformed config: " + e.getMessage());
    }
  }

  private static int number(XMLStreamReader in, String name, int absent) throws Invalid {
    @Nullable String text = in.getAttributeValue(null, name);
    if (text == null) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Invalid("config attribute " + name + "=\"" + text + "\" is not a positive number");
  }

  @Override
  public String toString() {
    return width + "x" + height + "x" + depth;
  }
}
