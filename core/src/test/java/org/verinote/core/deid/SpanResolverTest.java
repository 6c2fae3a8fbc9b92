package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlap resolution: the stronger span wins, and no text a weaker span covered is dropped. */
class SpanResolverTest {

  private static String text(String s, PhiSpan span) {
    return s.substring(span.start(), span.end());
  }

  @Test
  void weakerSpanStickingOutOfAStrongerOne_keepsThePartThatSticksOut() {
    String s = "PT LIVES IN MILFORD MILL WITH WIFE";
    List<PhiSpan> out = SpanResolver.resolve(List.of(new PhiSpan(12, 24, PhiType.LOCATION, 0.6),
        new PhiSpan(20, 24, PhiType.PERSON, 0.7)), s);
    assertThat(out).extracting(p -> text(s, p)).containsExactly("MILFORD", "MILL");
    assertThat(out).extracting(PhiSpan::type).containsExactly(PhiType.LOCATION, PhiType.PERSON);
  }

  @Test
  void weakerSpanStartingInsideAStrongerOne_keepsItsTail() {
    String s = "seen at Calvert Hospital ER today";
    List<PhiSpan> out = SpanResolver.resolve(List.of(new PhiSpan(8, 15, PhiType.ORGANIZATION, 0.9),
        new PhiSpan(8, 27, PhiType.LOCATION, 0.6)), s);
    assertThat(out).extracting(p -> text(s, p)).containsExactly("Calvert", "Hospital ER");
  }

  @Test
  void weakerSpanEndingInsideAStrongerOne_keepsItsHead() {
    String s = "call Mary Hulse back";
    List<PhiSpan> out = SpanResolver.resolve(List.of(new PhiSpan(5, 15, PhiType.LOCATION, 0.6),
        new PhiSpan(10, 15, PhiType.PERSON, 0.9)), s);
    assertThat(out).extracting(p -> text(s, p)).containsExactly("Mary", "Hulse");
  }

  @Test
  void strongerSpanStrictlyInsideAWeakerOne_standsAlone() {
    String s = "call Mary Hulse back";
    List<PhiSpan> out = SpanResolver.resolve(List.of(new PhiSpan(0, 20, PhiType.LOCATION, 0.6),
        new PhiSpan(10, 15, PhiType.PERSON, 0.9)), s);
    assertThat(out).extracting(p -> text(s, p)).containsExactly("Hulse");
  }

  @Test
  void remainderOfOnlyPunctuation_isDropped() {
    String s = "Dr. Lee, RN";
    List<PhiSpan> out = SpanResolver.resolve(List.of(new PhiSpan(4, 7, PhiType.CLINICIAN, 0.9),
        new PhiSpan(4, 8, PhiType.PERSON, 0.6)), s);
    assertThat(out).extracting(p -> text(s, p)).containsExactly("Lee");
  }

  @Test
  void resolvedSpans_neverOverlapAndAreSortedByStart() {
    String s = "abc def ghi jkl mno pqr";
    List<PhiSpan> out = SpanResolver.resolve(List.of(new PhiSpan(0, 11, PhiType.LOCATION, 0.6),
        new PhiSpan(4, 7, PhiType.DATE, 0.9), new PhiSpan(8, 19, PhiType.ID, 0.7),
        new PhiSpan(16, 23, PhiType.ZIP, 0.8)), s);
    for (int k = 1; k < out.size(); k++) {
      assertThat(out.get(k).start()).isGreaterThanOrEqualTo(out.get(k - 1).end());
    }
    assertThat(out).extracting(p -> text(s, p)).containsExactly("def", "ghi jkl", "mno pqr");
  }
}
