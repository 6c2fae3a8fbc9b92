package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlap resolution: the stronger span wins, and no text a weaker span covered is dropped. */
class SpanResolverTest {

  private static List<PhiSpan> resolve(String text, PhiSpan... spans) {
    return SpanResolver.resolve(List.of(spans), text);
  }

  private static List<String> texts(String text, List<PhiSpan> spans) {
    List<String> out = new ArrayList<>();
    for (PhiSpan s : spans) {
      out.add(text.substring(s.start(), s.end()));
    }
    return out;
  }

  private static PhiSpan span(int start, int end, PhiType type, double confidence) {
    return new PhiSpan(start, end, type, confidence);
  }

  @Test
  void weakerSpanStickingOutOfAStrongerOne_keepsThePartThatSticksOut() {
    String s = "PT LIVES IN MILFORD MILL WITH WIFE";
    List<PhiSpan> out = resolve(s, span(12, 24, PhiType.LOCATION, 0.6), span(20, 24, PhiType.PERSON, 0.7));
    assertThat(texts(s, out)).containsExactly("MILFORD", "MILL");
    assertThat(out).extracting(PhiSpan::type).containsExactly(PhiType.LOCATION, PhiType.PERSON);
  }

  @Test
  void weakerSpanStartingInsideAStrongerOne_keepsItsTail() {
    String s = "seen at Calvert Hospital ER today";
    assertThat(texts(s, resolve(s, span(8, 15, PhiType.ORGANIZATION, 0.9), span(8, 27, PhiType.LOCATION, 0.6))))
        .containsExactly("Calvert", "Hospital ER");
  }

  @Test
  void weakerSpanEndingInsideAStrongerOne_keepsItsHead() {
    String s = "call Mary Hulse back";
    assertThat(texts(s, resolve(s, span(5, 15, PhiType.LOCATION, 0.6), span(10, 15, PhiType.PERSON, 0.9))))
        .containsExactly("Mary", "Hulse");
  }

  @Test
  void strongerSpanStrictlyInsideAWeakerOne_standsAlone() {
    String s = "call Mary Hulse back";
    assertThat(texts(s, resolve(s, span(0, 20, PhiType.LOCATION, 0.6), span(10, 15, PhiType.PERSON, 0.9))))
        .containsExactly("Hulse");
  }

  @Test
  void remainderOfOnlyPunctuation_isDropped() {
    String s = "Dr. Lee, RN";
    assertThat(texts(s, resolve(s, span(4, 7, PhiType.CLINICIAN, 0.9), span(4, 8, PhiType.PERSON, 0.6))))
        .containsExactly("Lee");
  }

  @Test
  void resolvedSpans_neverOverlapAndAreSortedByStart() {
    String s = "abc def ghi jkl mno pqr";
    List<PhiSpan> out = resolve(s, span(0, 11, PhiType.LOCATION, 0.6), span(4, 7, PhiType.DATE, 0.9),
        span(8, 19, PhiType.ID, 0.7), span(16, 23, PhiType.ZIP, 0.8));
    for (int k = 1; k < out.size(); k++) {
      assertThat(out.get(k).start()).isGreaterThanOrEqualTo(out.get(k - 1).end());
    }
    assertThat(texts(s, out)).containsExactly("def", "ghi jkl", "mno pqr");
  }
}
