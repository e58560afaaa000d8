/**
 * NOVA's classic kernel interface as Java types, and the SPI through which a kernel implementation is
 * found. Depends on nothing but the JDK (and JSpecify annotations).
 */
module io.github.genova.nova.api {
  requires static transitive org.jspecify;

  exports io.github.genova.nova.api;

  uses io.github.genova.nova.api.KernelProvider;
}
