package io.rrpc.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import io.rrpc.processor.model.HandlerClass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;

/** Writes the generated sources of one validated handler class through the {@link Filer}. */
public final class HandlerClassWriter {
  private final Filer filer;
  private final DispatcherWriter dispatchers;
  private final Optional<DaggerModuleWriter> daggerModules;

  /**
   * @param generated the {@code @Generated} marker to put on generated classes, if the compilation has one
   * @param daggerModules whether to write a Dagger module beside each dispatcher
   */
  public HandlerClassWriter(Filer filer, Optional<AnnotationSpec> generated, boolean daggerModules) {
    this.filer = filer;
    this.dispatchers = new DispatcherWriter(generated);
    this.daggerModules = daggerModules ? Optional.of(new DaggerModuleWriter(generated)) : Optional.empty();
  }

  /**
   * Writes the dispatcher (and Dagger module) of the class.
   *
   * @throws IOException if the {@link Filer} refuses a file, for example because it already exists
   */
  public void write(HandlerClass handler) throws IOException {
    List<JavaFile> files = new ArrayList<>();
    files.add(dispatchers.write(handler));
    daggerModules.ifPresent(writer -> files.add(writer.write(handler)));
    for (JavaFile file : files) {
      file.writeTo(filer);
    }
  }
}
