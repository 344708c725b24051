package io.rrpc.example.kotlin

import io.rrpc.runtime.RrpcDevice
import io.rrpc.testkit.EmbeddedBroker
import io.rrpc.testkit.HubSimulator
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** The Kotlin command classes, through kapt's stubs and the generated dispatchers, called like the cloud calls them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThermostatOnEmbeddedHubTest {
  private lateinit var broker: EmbeddedBroker
  private lateinit var hub: HubSimulator
  private lateinit var thermostat: Thermostat
  private lateinit var device: RrpcDevice

  @BeforeAll
  fun startHub() {
    broker = EmbeddedBroker.start()
    hub = HubSimulator.connect(broker)
  }

  @AfterAll
  fun stopHub() {
    hub.close()
    broker.close()
  }

  @BeforeEach
  fun startDevice() {
    thermostat = Thermostat()
    device = hub.deviceBuilder(PRODUCT, DEVICE).dispatchers(thermostatDispatchers(thermostat)).build()
    device.start()
  }

  @AfterEach
  fun closeDevice() {
    device.close()
    assertTrue(hub.awaitOffline(PRODUCT, DEVICE, java.time.Duration.ofSeconds(5)), "device offline before the next test")
  }

  private fun call(payload: String): String = hub.publishRrpc(PRODUCT, DEVICE, payload).payloadText()

  @Test
  fun nonNullIntAndNullableEnumParamsAreBound() {
    assertEquals("thermostat: 24 C, fan HIGH", call("""{"method":"setTemperature","params":{"celsius":24,"fan":"HIGH"}}"""))
  }

  @Test
  fun anAbsentNullableParamArrivesAsNull() {
    assertEquals("thermostat: 19 C, fan AUTO", call("""{"method":"setTemperature","params":{"celsius":19}}"""))
  }

  @Test
  fun anAbsentNonNullIntParamIsInvalidParams() {
    val reply = call("""{"method":"setTemperature","params":{"fan":"LOW"}}""")
    assertTrue(reply.startsWith("""{"error":{"code":"invalid_params""""), reply)
    assertEquals(21, thermostat.celsius)
  }

  @Test
  fun anUnknownEnumConstantIsInvalidParams() {
    val reply = call("""{"method":"setTemperature","params":{"celsius":22,"fan":"TURBO"}}""")
    assertTrue(reply.startsWith("""{"error":{"code":"invalid_params""""), reply)
  }

  @Test
  fun aNonNullStringParamIsBound() {
    assertEquals("hall: 21 C, fan AUTO", call("""{"method":"rename","params":{"name":"hall"}}"""))
  }

  // kapt's stub marks `name: String` @org.jetbrains.annotations.NotNull, which makes the parameter required:
  // the dispatcher refuses the request before Kotlin's own null check in the handler could throw.
  @Test
  fun anAbsentNonNullStringParamIsInvalidParams() {
    val reply = call("""{"method":"rename","params":{}}""")
    assertEquals("""{"error":{"code":"invalid_params","message":"param \"name\" is required"}}""", reply)
    assertEquals("thermostat", thermostat.name)
  }

  @Test
  fun aJsonNullForANonNullStringParamIsInvalidParams() {
    val reply = call("""{"method":"rename","params":{"name":null}}""")
    assertTrue(reply.startsWith("""{"error":{"code":"invalid_params""""), reply)
    assertEquals("thermostat", thermostat.name)
  }

  @Test
  fun aDataClassParamIsBoundFromJson() {
    call("""{"method":"schedule","params":{"schedule":{"at":"07:30","celsius":22}}}""")
    assertEquals(Schedule("07:30", 22), thermostat.schedule)
  }

  @Test
  fun aCompletableFutureHandlerRepliesWithItsResult() {
    assertEquals("pass", call("selfTest"))
  }

  @Test
  fun aCompanionObjectFunctionAnswers() {
    assertEquals("thermostat-kt 1.0", call("version"))
  }

  @Test
  fun anObjectsFunctionAnswers() {
    assertEquals("pong", call("ping"))
  }

  @Test
  fun aTextRequestReachesAKotlinHandler() {
    call("""{"method":"rename","params":{"name":"hall"}}""")
    assertEquals("hall: 21 C, fan AUTO", call("status"))
  }

  private companion object {
    const val PRODUCT = "KL4J2XXXX8"
    const val DEVICE = "thermostat1"
  }
}
