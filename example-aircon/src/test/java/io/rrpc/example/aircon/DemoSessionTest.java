package io.rrpc.example.aircon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo mode, as a newcomer's first command runs it, to completion. */
class DemoSessionTest {
  private static final Pattern REPLY = Pattern.compile("^  reply: +(.*)$", Pattern.MULTILINE);

  @Test
  void theDemoPlaysTheWholeScriptAndExitsZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = Main.run(print(out), print(err));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
    List<String> replies = new ArrayList<>();
    Matcher m = REPLY.matcher(printed);
    while (m.find()) {
      replies.add(m.group(1));
    }
    assertEquals(DemoSession.SCRIPT.size(), replies.size(), printed);
    assertEquals("ok", replies.get(0), "closed -> ok, as in Tencent's demo");
    assertEquals("{\"power\":\"off\",\"mode\":\"auto\",\"celsius\":26,\"fan\":\"auto\"}", replies.get(1));
    assertEquals("{\"power\":\"off\",\"mode\":\"auto\",\"celsius\":24,\"fan\":\"auto\"}", replies.get(2));
    assertEquals("{\"power\":\"off\",\"mode\":\"cool\",\"celsius\":24,\"fan\":\"auto\"}", replies.get(3));
    assertTrue(replies.get(4).startsWith("{\"result\":\"pass\""), replies.get(4));
    assertTrue(replies.get(5).startsWith("error unknown_command: airConditioner1 has no command \"reboot\""));
    assertEquals("{\"error\":{\"code\":\"invalid_params\",\"message\":\"celsius must be between 16 and 30, was 35\"}}",
        replies.get(6));
    assertEquals("ok", replies.get(7));
    assertTrue(printed.contains("PayloadBase64: b2s="), printed);
    assertTrue(Pattern.compile("MessageId: +\\d+").matcher(printed).find(), printed);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
