package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The suite-wide secret check itself: it must see every level and catch a leak. */
class NoSecretsInLogsTest {

  @Test
  void captureSeesEveryLevelOfIoRrpc() {
    int mark = LogCapture.INSTANCE.mark();
    Logger.getLogger("io.rrpc.runtime").log(Level.FINEST, "finest line");
    assertEquals(Collections.singletonList("FINEST io.rrpc.runtime - finest line"), LogCapture.INSTANCE.linesSince(mark));
  }

  @Test
  void aLeakIsFoundAndMaskedInTheReport() {
    String leak = NoSecretsInLogs.findLeak(Arrays.asList("fine", "password is abc123;hmacsha256 oops"),
        Arrays.asList("zzz", "abc123;hmacsha256"));
    assertEquals("password is <SECRET> oops", leak);
    assertNull(NoSecretsInLogs.findLeak(Arrays.asList("fine"), Arrays.asList("abc")));
  }

  @Test
  void theSecretsIncludeDecodedForms() {
    assertTrue(TestSecrets.all().contains("30313233343536373839616263646566"),
        "the vector secret's decoded bytes, as hex");
    assertTrue(TestSecrets.all().contains(TestSecrets.DEVICE_SECRET));
  }
}
