package io.rrpc.processor.validation;

import com.palantir.javapoet.ClassName;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.rrpc.processor.model.KnownNames;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Reports rrpc annotations that no processor can see: on methods of local and anonymous classes
 * (enum-constant bodies are anonymous classes too), and on lambda parameters. javac hands processors
 * only elements reachable from named classes, and it creates the elements of local classes only when
 * it attributes method bodies, after processing. So this check listens for javac's analysis of each
 * class and scans its attributed tree; without it, such a command would compile and be missing at
 * run time.
 *
 * <p>It needs javac's own API ({@link JavacTask}), which is there whenever javac runs the processor,
 * kapt included. Where a build tool wraps the processing environment (Gradle's incremental
 * processing does), the check cannot be installed and the rest of the processor works as before.
 */
public final class UnnamedClassAnnotations implements TaskListener {
  private static final List<ClassName> HANDLER_ANNOTATIONS =
      List.of(KnownNames.RRPC_COMMAND, KnownNames.RRPC_FALLBACK);

  private final Trees trees;

  private UnnamedClassAnnotations(Trees trees) {
    this.trees = trees;
  }

  /** Starts checking every class javac analyses from now on; false if this javac cannot. */
  public static boolean install(ProcessingEnvironment env) {
    JavacTask task;
    try {
      task = JavacTask.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      return false; // not javac's own environment: a wrapper, or another compiler
    }
    task.addTaskListener(new UnnamedClassAnnotations(Trees.instance(env)));
    return true;
  }

  @Override
  public void finished(TaskEvent event) {
    // One scan per top-level class covers its nested classes, which may get events of their own.
    if (event.getKind() != TaskEvent.Kind.ANALYZE
        || event.getTypeElement() == null
        || event.getTypeElement().getNestingKind() != NestingKind.TOP_LEVEL) {
      return;
    }
    CompilationUnitTree unit = event.getCompilationUnit();
    TreePath path = trees.getPath(event.getTypeElement());
    if (path == null) {
      return;
    }
    try {
      new Scanner(unit).scan(path, false);
    } catch (RuntimeException e) {
      // A bug here must not crash javac.
      trees.printMessage(Diagnostic.Kind.ERROR,
          ProcessorErrors.internalError(event.getTypeElement().getQualifiedName().toString(), e),
          path.getLeaf(), unit);
    }
  }

  /** Scans one class; the argument says whether the current tree lies inside an unnamed class. */
  private final class Scanner extends TreePathScanner<Void, Boolean> {
    private final CompilationUnitTree unit;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void visitClass(ClassTree tree, Boolean insideUnnamed) {
      Element element = trees.getElement(getCurrentPath());
      boolean unnamed = element instanceof TypeElement type
          && (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS);
      return super.visitClass(tree, insideUnnamed || unnamed);
    }

    @Override
    public Void visitMethod(MethodTree tree, Boolean insideUnnamed) {
      if (insideUnnamed) {
        boolean handler = false;
        for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
          for (ClassName name : HANDLER_ANNOTATIONS) {
            if (isAnnotation(annotation, name)) {
              report(name, annotation);
              handler = true;
            }
          }
        }
        if (!handler) {
          tree.getParameters().forEach(this::reportParam);
        }
      }
      return super.visitMethod(tree, insideUnnamed);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean insideUnnamed) {
      tree.getParameters().forEach(this::reportParam);
      return super.visitLambdaExpression(tree, insideUnnamed);
    }

    private void reportParam(VariableTree parameter) {
      for (AnnotationTree annotation : parameter.getModifiers().getAnnotations()) {
        if (isAnnotation(annotation, KnownNames.RRPC_PARAM)) {
          report(KnownNames.RRPC_PARAM, annotation);
        }
      }
    }

    private boolean isAnnotation(AnnotationTree annotation, ClassName name) {
      TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), annotation));
      return type != null
          && type.getKind() == TypeKind.DECLARED
          && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
              .contentEquals(name.canonicalName());
    }

    private void report(ClassName annotation, Tree at) {
      trees.printMessage(Diagnostic.Kind.ERROR,
          ProcessorErrors.notInNamedClass(annotation.simpleName()), at, unit);
    }
  }
}
