package io.github.genova.genode.os.config;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Copies an element of a configuration read with StAX back into XML text, as init serves a start node's
 * inline {@code <config>} and launchpad a launcher's: the same element, attributes and text, with {@code
 * &}, {@code <}, {@code >} (and in attributes {@code "}) escaped.
 */
public final class XmlCopy {
  private XmlCopy() {}

  /**
   * Returns the element {@code r} is on (at its start) with its content as XML text, attributes and text
   * escaped, comments kept; leaves {@code r} at the element's end.
   *
   * @throws XMLStreamException if the document is malformed before the element's end
   */
  public static String element(XMLStreamReader r) throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    int level = 0;
    boolean openTag = false;
    while (true) {
      switch (r.getEventType()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (openTag) {
            out.append('>');
          }
          out.append('<').append(qualifiedName(r.getPrefix(), r.getLocalName()));
          for (int i = 0; i < r.getNamespaceCount(); i++) {
            String prefix = r.getNamespacePrefix(i);
            out.append(prefix == null || prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix)
                .append("=\"").append(escape(r.getNamespaceURI(i), true)).append('"');
          }
          for (int i = 0; i < r.getAttributeCount(); i++) {
            out.append(' ').append(qualifiedName(r.getAttributePrefix(i), r.getAttributeLocalName(i)))
                .append("=\"").append(escape(r.getAttributeValue(i), true)).append('"');
          }
          openTag = true;
          level++;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (openTag) {
            out.append("/>");
            openTag = false;
          } else {
            out.append("</").append(qualifiedName(r.getPrefix(), r.getLocalName())).append('>');
          }
          level--;
          if (level == 0) {
            return out.toString();
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (openTag) {
            out.append('>');
            openTag = false;
          }
          out.append(escape(r.getText(), false));
        }
        case XMLStreamConstants.COMMENT -> {
          if (openTag) {
            out.append('>');
            openTag = false;
          }
          out.append("<!--").append(r.getText()).append("-->");
        }
        default -> { }
      }
      r.next();
    }
  }

  private static String qualifiedName(@Nullable String prefix, String local) {
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  private static String escape(@Nullable String text, boolean attribute) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append(attribute ? "&quot;" : "\"");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
