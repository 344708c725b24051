package io.rrpc.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports errors on the element at fault, and counts them so that a validator can tell whether the
 * class it checked is fit to be written.
 */
public final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** An error on the element itself. */
  public void error(String message, Element element) {
    errorCount++;
    messager.printMessage(Kind.ERROR, message, element);
  }

  /** An error on an annotation of the element, so that the caret lands on the annotation. */
  public void error(String message, Element element, AnnotationMirror annotation) {
    errorCount++;
    messager.printMessage(Kind.ERROR, message, element, annotation);
  }

  /** An error on one value of an annotation of the element. */
  public void error(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    errorCount++;
    messager.printMessage(Kind.ERROR, message, element, annotation, value);
  }

  /** An error that belongs to no element, such as a bad processor option. */
  public void error(String message) {
    errorCount++;
    messager.printMessage(Kind.ERROR, message);
  }

  /** How many errors were reported so far. */
  public int errorCount() {
    return errorCount;
  }
}
