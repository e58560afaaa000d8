/**
 * Runnable scenarios and the {@code genova} command. Not published; may depend on every module.
 */
@NullMarked
package io.github.genova.examples;

import org.jspecify.annotations.NullMarked;
