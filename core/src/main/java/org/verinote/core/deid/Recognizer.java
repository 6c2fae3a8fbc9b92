package org.verinote.core.deid;

import java.util.List;

/**
 * Finds identifiers of one family (names, dates, phone numbers…) in text. The SPI of the Safe Harbor
 * de-identifier: register implementations in a {@link RecognizerRegistry}.
 *
 * <p>Implementations must be thread-safe, deterministic, and linear in the length of the text (no regular
 * expression that can backtrack catastrophically): they run on every turn of every encounter, and on 10 MB inputs.
 * They must not log or keep the text.
 *
 * {@snippet :
 * Recognizer badge = new Recognizer() {
 *   private final Pattern p = Pattern.compile("\\bBADGE-\\d{6}\\b");
 *
 *   @Override
 *   public String name() {
 *     return "badge";
 *   }
 *
 *   @Override
 *   public List<PhiSpan> recognize(String text) {
 *     List<PhiSpan> out = new ArrayList<>();
 *     Matcher m = p.matcher(text);
 *     while (m.find()) {
 *       out.add(new PhiSpan(m.start(), m.end(), PhiType.ID, 0.95));
 *     }
 *     return out;
 *   }
 * };
 * }
 */
public interface Recognizer {

  /**
   * A stable, unique name within a registry, e.g. {@code "phone"}.
   *
   * @return the name
   */
  String name();

  /**
   * Finds identifiers. Spans may overlap each other and those of other recognizers; the de-identifier resolves
   * overlaps (higher confidence first, then longer).
   *
   * @param text the text to scan, possibly empty
   * @return the hits, in any order; never null
   */
  List<PhiSpan> recognize(String text);
}
