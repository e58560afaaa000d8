package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.base.quota.NumberOfBytes;
import io.github.genova.genode.os.config.XmlCopy;
import io.github.genova.genode.os.init.ConfigException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * launchpad's configuration, as Genode's classic launchpad reads it:
 *
 * <pre>{@code
 * <config>
 *   <launcher> <filename>testnit</filename> <ram_quota>512K</ram_quota> </launcher>
 *   <launcher> <filename>nitlog</filename> <ram_quota>1M</ram_quota> <caps>100</caps> <config>...</config> </launcher>
 * </config>
 * }</pre>
 *
 * Each {@code <launcher>} names its binary ({@code <filename>}, required) and the RAM quota of a new child
 * ({@code <ram_quota>}, required, Genode's number-of-bytes notation); {@code <caps>} (today's Genode; default
 * {@value #DEFAULT_CAPS}) and an inline {@code <config>}, passed to the child as its ROM {@code config}, are
 * optional. A launcher with a fault is left out and its fault reported in {@link #errors()}, naming the
 * element and its line; the other launchers stay. Without a config launchpad offers {@link #DEFAULTS}.
 * DTDs and external entities are not processed.
 *
 * @param launchers the launchers, in document order
 * @param errors what is wrong with the launchers left out, in document order
 */
record LaunchpadConfig(List<Launcher> launchers, List<String> errors) {
  /** The capabilities a child gets unless its launcher says otherwise. */
  static final long DEFAULT_CAPS = 100;
  /** The launchers of Genode's classic launchpad when it has no config, with their quotas. */
  static final List<Launcher> DEFAULTS = List.of(Launcher.of("testnit", 512 << 10), Launcher.of("scout", 11 << 20),
      Launcher.of("launchpad", 6 << 20), Launcher.of("nitlog", 1 << 20), Launcher.of("liquid_fb", 7 << 20));

  LaunchpadConfig {
    launchers = List.copyOf(launchers);
    errors = List.copyOf(errors);
  }

  /** Returns the configuration of launchpad without a config ROM: {@link #DEFAULTS}. */
  static LaunchpadConfig defaults() {
    return new LaunchpadConfig(DEFAULTS, List.of());
  }

  /**
   * Reads {@code xml}.
   *
   * @throws ConfigException if {@code xml} is not well-formed, its root is no {@code <config>}, or the root
   *     holds text or an element other than {@code <launcher>}
   */
  static LaunchpadConfig parse(String xml) {
    List<Launcher> launchers = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try {
      XMLStreamReader r = reader(xml);
      try {
        r.nextTag();
        int line = r.getLocation().getLineNumber();
        if (!r.getLocalName().equals("config")) {
          throw new ConfigException(r.getLocalName(), line, "the root element must be <config>");
        }
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
          line = r.getLocation().getLineNumber();
          if (!r.getLocalName().equals("launcher")) {
            throw new ConfigException(r.getLocalName(), line, "unknown element in <config> (expected <launcher>)");
          }
          // A launcher is read from its own copy, so that a fault inside leaves out this launcher only.
          String copy = XmlCopy.element(r);
          try {
            launchers.add(launcher(copy, line));
          } catch (ConfigException e) {
            errors.add(String.valueOf(e.getMessage()));
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw malformed("config", 1, e);
    }
    return new LaunchpadConfig(launchers, errors);
  }

  /** Reads the launcher {@code copy}, which started at line {@code firstLine} of the config. */
  private static Launcher launcher(String copy, int firstLine) {
    String binary = null;
    Long ram = null;
    Long caps = null;
    String config = null;
    try {
      XMLStreamReader r = reader(copy);
      try {
        r.nextTag(); // <launcher>
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
          String element = r.getLocalName();
          int line = firstLine + r.getLocation().getLineNumber() - 1;
          switch (element) {
            case "filename" -> binary = once(binary, element, line, filename(r.getElementText().strip(), line));
            case "ram_quota" -> ram = once(ram, element, line, bytes(r.getElementText().strip(), element, line));
            case "caps" -> caps = once(caps, element, line, count(r.getElementText().strip(), line));
            case "config" -> config = once(config, element, line, XmlCopy.element(r));
            default -> throw new ConfigException(element, line,
                "unknown element in <launcher> (expected filename, ram_quota, caps or config)");
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw malformed("launcher", firstLine, e);
    }
    if (binary == null) {
      throw new ConfigException("launcher", firstLine, "missing <filename>");
    }
    if (ram == null) {
      throw new ConfigException("launcher", firstLine, "missing <ram_quota> for \"" + binary + "\"");
    }
    return new Launcher(binary, ram, caps == null ? DEFAULT_CAPS : caps, config);
  }

  private static <T> T once(@Nullable T before, String element, int line, T value) {
    if (before != null) {
      throw new ConfigException(element, line, "given twice in one <launcher>");
    }
    return value;
  }

  private static String filename(String text, int line) {
    if (text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw new ConfigException("filename", line, "\"" + text + "\" is no binary name");
    }
    return text;
  }

  private static long bytes(String text, String element, int line) {
    OptionalLong n = NumberOfBytes.parse(text);
    if (n.isEmpty()) {
      throw new ConfigException(element, line, "\"" + text + "\" is not a number (e.g. 512K, 1M)");
    }
    return n.getAsLong();
  }

  private static long count(String text, int line) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ConfigException("caps", line, "\"" + text + "\" is not a number of capabilities");
    }
    return Long.parseLong(text);
  }

  private static XMLStreamReader reader(String xml) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory.createXMLStreamReader(new StringReader(xml));
  }

  /** Returns the error of {@code e}, found in a text whose first line is line {@code firstLine} of the config. */
  private static ConfigException malformed(String element, int firstLine, XMLStreamException e) {
    int at = e.getLocation() == null ? 0 : firstLine + e.getLocation().getLineNumber() - 1;
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    int text = message.indexOf("Message: "); // the JDK puts the position first, which the exception states
    return new ConfigException(element, at, "malformed XML: "
        + (text >= 0 ? message.substring(text + "Message: ".length()) : message));
  }
}
