/**
 * The scenario harness as a JUnit Jupiter extension: tests take a runner that boots scenarios and prints their
 * consoles when the test fails. Depends on {@code os.scenario} and JUnit Jupiter's API, an optional dependency
 * of this module (present only where tests run).
 */
@NullMarked
package io.github.genova.genode.os.scenario.junit;

import org.jspecify.annotations.NullMarked;
