package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Base of the built-in recognizers: they share one {@link TextView} per text when run by the engine. */
abstract class TokenRecognizer implements Recognizer {

  private final String name;

  TokenRecognizer(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<PhiSpan> recognize(String text) {
    Objects.requireNonNull(text, "text");
    List<PhiSpan> out = new ArrayList<>();
    scan(TextView.of(text), out);
    return out;
  }

  /**
   * Scans a tokenised text.
   *
   * @param v the text
   * @param out where hits go
   */
  abstract void scan(TextView v, List<PhiSpan> out);

  static void add(List<PhiSpan> out, TextView v, int firstToken, int lastToken, PhiType type, double confidence) {
    out.add(new PhiSpan(v.start[firstToken], v.end[lastToken], type, confidence));
  }

  @Override
  public String toString() {
    return "Recognizer[" + name + "]";
  }
}
