package io.github.genova.platform.device.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.Machine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugPortsTest {
  @Test
  void debugConsoleStreamsBytesAndAnswersE9() {
    try (Machine m = Machine.builder().device(DebugConsole.at(0xe9)).build()) {
      DebugConsole console = m.device(DebugConsole.class);
      ByteArrayOutputStream host = new ByteArrayOutputStream();
      console.setOutput(host);
      for (byte b : "OK\n".getBytes(StandardCharsets.US_ASCII)) {
        m.ports().out(0xe9, 1, b);
      }
      m.ports().out(0xe9, 2, 'h' | 'i' << 8);
      assertThat(host.toString(StandardCharsets.US_ASCII)).isEqualTo("OK\nhi");
      assertThat(console.text()).isEqualTo("OK\nhi");
      assertThat(m.ports().in(0xe9, 1)).isEqualTo(0xe9);
    }
  }

  @Test
  void postPortRemembersTheLastCodeAndReportsEach() {
    try (Machine m = Machine.builder().device(PostCodePort.at(0x190)).build()) {
      PostCodePort post = m.device(PostCodePort.class);
      List<Integer> codes = new ArrayList<>();
      post.setListener(codes::add);
      assertThat(post.lastCode()).isEqualTo(-1);
      m.ports().out(0x190, 1, 0x00);
      m.ports().out(0x190, 1, 0x21);
      m.ports().out(0x190, 1, 0xff);
      assertThat(codes).containsExactly(0x00, 0x21, 0xff);
      assertThat(post.lastCode()).isEqualTo(0xff);
      assertThat(post.codeCount()).isEqualTo(3);
      assertThat(m.ports().in(0x190, 1)).isEqualTo(0xff);
    }
  }
}
