package com.example.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Maven Central and modular users need of each shipped jar, read from the repository this build used. */
class PublishedShapeTest {
  private static final Path REPOSITORY = Paths.get(System.getProperty("rrpc.repository"));
  private static final String VERSION = System.getProperty("rrpc.version");

  @ParameterizedTest
  @CsvSource({
      "rrpc-annotations, io.rrpc.annotations",
      "rrpc-processor, io.rrpc.processor",
      "rrpc-runtime, io.rrpc.runtime",
      "rrpc-testkit, io.rrpc.testkit",
      "rrpc-testkit-junit5, io.rrpc.testkit.junit5"})
  void eachShippedJarNamesItsModule(String artifactId, String moduleName) throws IOException {
    try (JarFile jar = new JarFile(artifact(artifactId, "").toFile())) {
      assertEquals(moduleName, jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
    }
  }

  @ParameterizedTest
  @CsvSource({"rrpc-annotations", "rrpc-processor", "rrpc-runtime", "rrpc-testkit", "rrpc-testkit-junit5"})
  void eachShippedModuleHasSourcesAndJavadocJars(String artifactId) {
    assertTrue(Files.isRegularFile(artifact(artifactId, "-sources")), artifactId + " sources jar");
    assertTrue(Files.isRegularFile(artifact(artifactId, "-javadoc")), artifactId + " javadoc jar");
  }

  private static Path artifact(String artifactId, String classifier) {
    return REPOSITORY.resolve("io/rrpc/" + artifactId + "/" + VERSION + "/" + artifactId + "-" + VERSION + classifier + ".jar");
  }
}
