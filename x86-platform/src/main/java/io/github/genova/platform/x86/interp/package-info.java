/**
 * The interpreter backend of the x86 engine: a fetch-decode-execute core over the
 * {@link io.github.genova.platform.x86} SPI with lazy arithmetic flags, a software TLB for 2-level paging and
 * precise guest exceptions. Depends on the SPI package and the JDK only.
 */
@NullMarked
package io.github.genova.platform.x86.interp;

import org.jspecify.annotations.NullMarked;
