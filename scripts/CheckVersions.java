import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks that the versions of the published Genova artifacts agree everywhere they are written:
 * each module's own {@code <version>}, every sibling dependency on it, and genova-bom. Exits 1 and
 * names each disagreement otherwise. Run from the repository root:
 * {@code java scripts/CheckVersions.java} (CI does, after the tests).
 */
void main() throws Exception {
  var published = List.of("nova-api", "nova-impl", "x86-platform", "genode-base", "genode-os");
  var modules = List.of("nova-api", "nova-impl", "x86-platform", "genode-base", "genode-os", "jmh", "examples");
  var own = new TreeMap<String, String>();
  for (String m : published) {
    Document pom = parse(Path.of(m, "pom.xml"));
    own.put(text(pom.getDocumentElement(), "artifactId"), text(pom.getDocumentElement(), "version"));
  }
  var problems = new ArrayList<String>();
  for (String m : published) {
    if (!own.containsKey(m)) {
      problems.add(m + "/pom.xml: artifactId is not " + m);
    }
  }
  Document bom = parse(Path.of("bom", "pom.xml"));
  var inBom = new TreeMap<String, String>();
  for (Element dep : dependencies(bom)) {
    inBom.put(text(dep, "artifactId"), text(dep, "version"));
  }
  own.forEach((artifact, version) -> {
    String listed = inBom.get(artifact);
    if (listed == null) {
      problems.add("bom/pom.xml: " + artifact + " is missing");
    } else if (!listed.equals(version)) {
      problems.add("bom/pom.xml: " + artifact + " " + listed + ", but " + artifact + "/pom.xml says " + version);
    }
  });
  inBom.keySet().stream().filter(a -> !own.containsKey(a))
      .forEach(a -> problems.add("bom/pom.xml: lists " + a + ", which is not a published module"));
  for (String m : modules) {
    for (Element dep : dependencies(parse(Path.of(m, "pom.xml")))) {
      String artifact = text(dep, "artifactId");
      String expected = own.get(artifact);
      if (text(dep, "groupId").equals("io.github.genova") && expected != null
          && !expected.equals(text(dep, "version"))) {
        problems.add(m + "/pom.xml: depends on " + artifact + " " + text(dep, "version") + ", but " + artifact
            + "/pom.xml says " + expected);
      }
    }
  }
  if (problems.isEmpty()) {
    System.out.println("check-versions: " + own.size() + " published modules, the BOM and all dependents agree: " + own);
  } else {
    problems.forEach(p -> System.err.println("check-versions: " + p));
    System.exit(1);
  }
}

Document parse(Path pom) throws Exception {
  var factory = DocumentBuilderFactory.newInstance();
  factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
  return factory.newDocumentBuilder().parse(pom.toFile());
}

/** The text of the direct child element {@code name} of {@code parent}, or "" when absent. */
String text(Element parent, String name) {
  for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
    if (n instanceof Element e && e.getTagName().equals(name)) {
      return e.getTextContent().trim();
    }
  }
  return "";
}

List<Element> dependencies(Document pom) {
  var result = new ArrayList<Element>();
  NodeList all = pom.getElementsByTagName("dependency");
  for (int i = 0; i < all.getLength(); i++) {
    result.add((Element) all.item(i));
  }
  return result;
}
