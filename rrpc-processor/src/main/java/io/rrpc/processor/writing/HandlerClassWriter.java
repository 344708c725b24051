package io.rrpc.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import io.rrpc.processor.model.HandlerClass;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/** Writes the generated sources of one validated handler class through the {@link Filer}. */
public final class HandlerClassWriter {
  private final Filer filer;
  private final DispatcherWriter dispatchers;
  private final DaggerModuleWriter daggerModules;

  /** @param generated the {@code @Generated} marker to put on generated classes, if the compilation has one */
  public HandlerClassWriter(Filer filer, Optional<AnnotationSpec> generated) {
    this.filer = filer;
    this.dispatchers = new DispatcherWriter(generated);
    this.daggerModules = new DaggerModuleWriter(generated);
  }

  /**
   * Writes the dispatcher (and Dagger module) of the class.
   *
   * @throws IOException if the {@link Filer} refuses a file, for example because it already exists
   */
  public void write(HandlerClass handler, boolean withDaggerModule) throws IOException {
    List<JavaFile> files = new ArrayList<>();
    files.add(dispatchers.write(handler));
    if (withDaggerModule) {
      files.add(daggerModules.write(handler));
    }
    for (JavaFile file : files) {
      writeAscii(file);
    }
  }

  /** As {@link JavaFile#writeTo(Filer)}, in ASCII whatever the compilation's encoding. */
  private void writeAscii(JavaFile file) throws IOException {
    String name = file.packageName().isEmpty()
        ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
    JavaFileObject source = filer.createSourceFile(
        name, file.typeSpec().originatingElements().toArray(new Element[0]));
    try (Writer writer = source.openWriter()) {
      writer.write(AsciiSource.of(file.toString()));
    }
  }
}
