package io.rrpc.processor;

import io.rrpc.processor.model.KnownNames;
import io.rrpc.processor.validation.ErrorReporter;
import io.rrpc.processor.validation.ProcessorErrors;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether a handler class gets a Dagger module: the option allows it ({@code -Arrpc.dagger}), Dagger
 * is in the compilation, and the class's code can use it. A class in a named module sees Dagger only
 * if its module reads Dagger's; a Dagger found on the class path (the unnamed module) is out of its
 * reach, and a module written for it anyway would not compile.
 */
final class DaggerModules {
  private final Elements elements;
  private final TypeElement daggerModule; // null when turned off or absent

  DaggerModules(ProcessingEnvironment env, ErrorReporter errors) {
    this.elements = env.getElementUtils();
    String option = env.getOptions().getOrDefault(RrpcProcessor.DAGGER_OPTION, "enabled");
    if (!option.equals("enabled") && !option.equals("disabled")) {
      errors.error(ProcessorErrors.invalidDaggerOption(option));
    }
    this.daggerModule = option.equals("enabled")
        ? elements.getTypeElement(KnownNames.DAGGER_MODULE.canonicalName())
        : null;
  }

  boolean wantedFor(TypeElement handler) {
    if (daggerModule == null) {
      return false;
    }
    ModuleElement from = elements.getModuleOf(handler);
    ModuleElement dagger = elements.getModuleOf(daggerModule);
    return from == null || from.isUnnamed() || from.equals(dagger) || reads(from, dagger, false, new HashSet<>());
  }

  /**
   * Whether {@code module} reads {@code target} through its requires directives (only the transitive
   * ones, for a module that is itself required): what a required module requires transitively is read.
   */
  private static boolean reads(
      ModuleElement module, ModuleElement target, boolean transitiveOnly, Set<ModuleElement> seen) {
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (transitiveOnly && !requires.isTransitive()) {
        continue;
      }
      ModuleElement required = requires.getDependency();
      if (required.equals(target) || (seen.add(required) && reads(required, target, true, seen))) {
        return true;
      }
    }
    return false;
  }
}
