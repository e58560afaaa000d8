package io.github.genova.genode.os.init;

import io.github.genova.genode.base.quota.NumberOfBytes;
import io.github.genova.genode.base.session.LabelSelector;
import io.github.genova.genode.os.config.XmlCopy;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads init's classic XML configuration with StAX into an {@link InitConfig}, checking what Genode's
 * init checks and, stricter than it, refusing unknown elements and stray text instead of ignoring
 * them. Errors inside a {@code <start>} node leave out that child only; everything else is fatal. DTDs
 * and external entities are not processed. One instance parses one document.
 */
final class InitConfigParser {
  private final String xml;
  private @Nullable XMLStreamReader in;

  /** Names of all start nodes seen, including those left out, for duplicate and route checks. */
  private final Set<String> startNames = new HashSet<>();

  /** Warnings about things init corrects itself, in document order. */
  private final List<String> warnings = new ArrayList<>();

  /** Elements open at the reader's position (the current one included while on its start). */
  private int depth;

  InitConfigParser(String xml) {
    this.xml = xml;
  }

  InitConfig parse() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      in = factory.createXMLStreamReader(new StringReader(xml));
      try {
        return document();
      } finally {
        in.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      String message = e.getMessage() == null ? "unreadable" : e.getMessage();
      // the JDK prefixes its message with the position, which the ConfigException states itself
      int at = message.indexOf("Message: ");
      throw new ConfigException("config", line, "malformed XML: "
          + (at >= 0 ? message.substring(at + "Message: ".length()) : message));
    }
  }

  private XMLStreamReader in() {
    XMLStreamReader reader = in;
    if (reader == null) {
      throw new IllegalStateException("not parsing");
    }
    return reader;
  }

  private InitConfig document() throws XMLStreamException {
    XMLStreamReader r = in();
    while (next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: comments, whitespace; a document without element fails as malformed XML
    }
    if (!r.getLocalName().equals("config")) {
      throw error("the root element must be <config>");
    }
    boolean verbose = boolAttribute("verbose", false);
    int prioLevels = 1;
    String levels = attribute("prio_levels");
    if (levels != null) {
      OptionalLong n = NumberOfBytes.parse(levels);
      if (n.isEmpty() || n.getAsLong() < 1 || n.getAsLong() > 256 || Long.bitCount(n.getAsLong()) != 1) {
        throw error("prio_levels=\"" + levels + "\" is not a power of two between 1 and 256");
      }
      prioLevels = (int) n.getAsLong();
    }

    List<String> parentProvides = new ArrayList<>();
    @Nullable List<RouteRule> defaultRoute = null;
    List<StartNode> starts = new ArrayList<>();
    List<ConfigException> startErrors = new ArrayList<>();
    boolean sawParentProvides = false;
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "parent-provides" -> {
          if (sawParentProvides) {
            throw error("appears twice");
          }
          sawParentProvides = true;
          parentProvides = serviceList();
        }
        case "default-route" -> {
          if (defaultRoute != null) {
            throw error("appears twice");
          }
          defaultRoute = routeRules();
        }
        case "start" -> {
          int line = line();
          int startDepth = depth;
          String name = attribute("name");
          if (name != null && !startNames.add(name)) {
            throw error("Child name \"" + name + "\" is not unique");
          }
          try {
            starts.add(start(name, prioLevels));
          } catch (ConfigException e) {
            startErrors.add(e);
            skipRestOfElement(startDepth, line);
          }
        }
        default -> throw error("unknown element in <config>");
      }
    }
    List<RouteRule> rules = defaultRoute == null ? List.of() : defaultRoute;
    for (RouteRule rule : rules) {
      checkTargets(rule);
    }
    List<StartNode> routable = new ArrayList<>(starts.size());
    for (StartNode s : starts) {
      try {
        for (RouteRule rule : s.route() == null ? List.<RouteRule>of() : s.route()) {
          checkTargets(rule);
        }
        routable.add(s);
      } catch (ConfigException e) {
        startErrors.add(e);
      }
    }
    startErrors.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new InitConfig(parentProvides, rules, routable, startErrors, warnings, verbose, prioLevels);
  }

  private void checkTargets(RouteRule rule) {
    for (RouteTarget t : rule.targets()) {
      if (t instanceof RouteTarget.Child(String name) && !startNames.contains(name)) {
        throw new ConfigException("child", rule.line(), "route to child \"" + name
            + "\", which no <start> node defines");
      }
    }
  }

  /** {@code <start>}: the caller has checked the name for uniqueness. */
  private StartNode start(@Nullable String name, int prioLevels) throws XMLStreamException {
    int line = line();
    if (name == null || name.isBlank()) {
      throw error("missing attribute \"name\"");
    }
    int priority = 0;
    String prio = attribute("priority");
    if (prio != null) {
      try {
        priority = Integer.parseInt(prio);
      } catch (NumberFormatException e) {
        throw error("priority=\"" + prio + "\" is not a number");
      }
      if (priority > 0) {
        throw error("priority " + priority + " is above init's own (0); children have 0 or less");
      }
      if (priority <= -prioLevels) {
        warnings.add(ConfigException.describe("start", line, "invalid priority, upgrading from "
            + priority + " to " + (1 - prioLevels) + " (prio_levels=\"" + prioLevels + "\")"));
        priority = 1 - prioLevels;
      }
    }
    long caps = bytesAttribute("caps", 0);

    String binary = null;
    long ramQuantum = 0;
    boolean sawResource = false;
    List<String> provides = null;
    List<RouteRule> route = null;
    String config = null;
    String configFile = null;
    while (nextChild()) {
      XMLStreamReader r = in();
      switch (r.getLocalName()) {
        case "binary" -> {
          if (binary != null) {
            throw error("appears twice in <start name=\"" + name + "\">");
          }
          binary = requiredAttribute("name");
          skipEmpty();
        }
        case "resource" -> {
          String resource = requiredAttribute("name");
          if (!resource.equals("RAM")) {
            throw error("unknown resource \"" + resource + "\" (only \"RAM\" is known)");
          }
          if (sawResource) {
            throw error("RAM appears twice in <start name=\"" + name + "\">");
          }
          sawResource = true;
          String quantum = requiredAttribute("quantum");
          OptionalLong bytes = NumberOfBytes.parse(quantum);
          if (bytes.isEmpty()) {
            throw error("quantum=\"" + quantum + "\" is not a number of bytes (like 4096, 16K, 1M)");
          }
          ramQuantum = bytes.getAsLong();
          skipEmpty();
        }
        case "provides" -> {
          if (provides != null) {
            throw error("appears twice in <start name=\"" + name + "\">");
          }
          provides = serviceList();
        }
        case "route" -> {
          if (route != null) {
            throw error("appears twice in <start name=\"" + name + "\">");
          }
          route = routeRules();
        }
        case "config" -> {
          if (config != null || configFile != null) {
            throw error("a start node has at most one <config> or <configfile>");
          }
          config = captureElement();
        }
        case "configfile" -> {
          if (config != null || configFile != null) {
            throw error("a start node has at most one <config> or <configfile>");
          }
          configFile = requiredAttribute("name");
          skipEmpty();
        }
        default -> throw error("unknown element in <start name=\"" + name + "\">");
      }
    }
    return new StartNode(name, binary == null ? name : binary, ramQuantum, caps, priority,
        provides == null ? List.of() : provides, route, config, configFile, line);
  }

  /** {@code <parent-provides>} or {@code <provides>}: a list of {@code <service name>}. */
  private List<String> serviceList() throws XMLStreamException {
    String list = in().getLocalName();
    List<String> names = new ArrayList<>();
    while (nextChild()) {
      if (!in().getLocalName().equals("service")) {
        throw error("unknown element in <" + list + ">");
      }
      String name = requiredAttribute("name");
      if (names.contains(name)) {
        throw error("service \"" + name + "\" is listed twice in <" + list + ">");
      }
      names.add(name);
      skipEmpty();
    }
    return names;
  }

  /** {@code <route>} or {@code <default-route>}. */
  private List<RouteRule> routeRules() throws XMLStreamException {
    String list = in().getLocalName();
    List<RouteRule> rules = new ArrayList<>();
    while (nextChild()) {
      int line = line();
      String service = switch (in().getLocalName()) {
        case "service" -> requiredAttribute("name");
        case "any-service" -> null;
        default -> throw error("unknown element in <" + list + "> (expected <service> or <any-service>)");
      };
      LabelSelector labels = new LabelSelector(attribute("label"), attribute("label_prefix"),
          attribute("label_suffix"), attribute("label_last"), attribute("unscoped_label"));
      List<RouteRule.IfArg> conditions = new ArrayList<>();
      List<RouteTarget> targets = new ArrayList<>();
      while (nextChild()) {
        switch (in().getLocalName()) {
          case "if-arg" -> conditions.add(new RouteRule.IfArg(requiredAttribute("key"), requiredAttribute("value")));
          case "parent" -> targets.add(new RouteTarget.Parent());
          case "child" -> targets.add(new RouteTarget.Child(requiredAttribute("name")));
          case "any-child" -> targets.add(new RouteTarget.AnyChild());
          default -> throw error("unknown element in a route rule (expected <if-arg>, <parent>, <child> or <any-child>)");
        }
        skipEmpty();
      }
      if (targets.isEmpty()) {
        throw new ConfigException(service == null ? "any-service" : "service", line, "route rule without a target");
      }
      rules.add(new RouteRule(service, labels, conditions, targets, line));
    }
    return rules;
  }

  // ---- reading ----

  /**
   * Advances to the next child element of the current element and returns true, or to the current
   * element's end and returns false. Comments are skipped; text other than blanks is an error.
   */
  private boolean nextChild() throws XMLStreamException {
    XMLStreamReader r = in();
    String parent = r.isStartElement() ? r.getLocalName() : null;
    while (true) {
      int event = next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          return true;
        }
        case XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
          return false;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!r.isWhiteSpace() && !r.getText().isBlank()) {
            throw new ConfigException(parent == null ? enclosing() : parent, r.getLocation().getLineNumber(),
                "unexpected text \"" + r.getText().strip() + "\"");
          }
        }
        default -> { }
      }
    }
  }

  private String enclosing() {
    XMLStreamReader r = in();
    return r.hasName() ? r.getLocalName() : "config";
  }

  /** Reads an element that must have no children. */
  private void skipEmpty() throws XMLStreamException {
    if (nextChild()) {
      throw error("unknown element (this element has no content)");
    }
  }

  /**
   * After an error inside a start node opened at {@code startDepth}, reads on to the end of that start
   * node, wherever inside it the error was found.
   */
  private void skipRestOfElement(int startDepth, int startLine) throws XMLStreamException {
    while (depth >= startDepth) {
      if (!in().hasNext()) {
        throw new ConfigException("start", startLine, "not closed");
      }
      next();
    }
  }

  /** Advances the reader, keeping {@link #depth} = the number of open elements. */
  private int next() throws XMLStreamException {
    int event = in().next();
    if (event == XMLStreamConstants.START_ELEMENT) {
      depth++;
    } else if (event == XMLStreamConstants.END_ELEMENT) {
      depth--;
    }
    return event;
  }

  /** Copies the current element and its content as XML text, leaving the reader at its end. */
  private String captureElement() throws XMLStreamException {
    String text = XmlCopy.element(in());
    depth--; // the copy read up to the element's end, which closes it
    return text;
  }

  // ---- attributes and errors ----

  private int line() {
    return in().getLocation().getLineNumber();
  }

  private @Nullable String attribute(String name) {
    return in().getAttributeValue(null, name);
  }

  private String requiredAttribute(String name) {
    String value = attribute(name);
    if (value == null || value.isBlank()) {
      throw error("missing attribute \"" + name + "\"");
    }
    return value;
  }

  private boolean boolAttribute(String name, boolean otherwise) {
    String value = attribute(name);
    if (value == null) {
      return otherwise;
    }
    return switch (value) {
      case "yes", "true", "on" -> true;
      case "no", "false", "off" -> false;
      default -> throw error(name + "=\"" + value + "\" is not yes or no");
    };
  }

  private long bytesAttribute(String name, long otherwise) {
    String value = attribute(name);
    if (value == null) {
      return otherwise;
    }
    OptionalLong n = NumberOfBytes.parse(value);
    if (n.isEmpty()) {
      throw error(name + "=\"" + value + "\" is not a number");
    }
    return n.getAsLong();
  }

  /** Returns an error about the current element. */
  private ConfigException error(String problem) {
    return new ConfigException(in().getLocalName(), line(), problem);
  }
}
