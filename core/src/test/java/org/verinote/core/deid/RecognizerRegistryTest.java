package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.verinote.core.PatientContext;

/** The registry: built-ins by name, extend with a custom recognizer, trim one, misuse rejected. */
class RecognizerRegistryTest {

  private static final Recognizer BADGE = new Recognizer() {
    private final Pattern p = Pattern.compile("\\bBADGE-\\d{6}\\b");

    @Override
    public String name() {
      return "badge";
    }

    @Override
    public List<PhiSpan> recognize(String text) {
      List<PhiSpan> out = new ArrayList<>();
      Matcher m = p.matcher(text);
      while (m.find()) {
        out.add(new PhiSpan(m.start(), m.end(), PhiType.ID, 0.95));
      }
      return out;
    }
  };

  @Test
  void standard_namesInOrder() {
    assertThat(RecognizerRegistry.standard().names())
        .containsExactly("names", "dates", "ages", "numbers", "identifiers", "contacts", "locations");
  }

  @Test
  void add_customRecognizer_usedByDeIdentifierAndEgress() {
    SafeHarborDeIdentifier d = SafeHarborDeIdentifier.builder()
        .recognizers(RecognizerRegistry.standard().toBuilder().add(BADGE).build()).build();
    PhiVault v = d.open("v", PatientContext.empty());
    assertThat(v.deidentify("badge BADGE-123456 scanned")).isEqualTo("badge [ID_1] scanned");
    assertThatThrownBy(() -> v.checkEgress("BADGE-999999")).hasMessageContaining("1 ID");
  }

  @Test
  void remove_trimsRecognizer() {
    SafeHarborDeIdentifier d = SafeHarborDeIdentifier.builder()
        .recognizers(RecognizerRegistry.standard().toBuilder().remove("contacts").build()).build();
    assertThat(d.open("v", PatientContext.empty()).deidentify("mail jo@clinic.org")).isEqualTo("mail jo@clinic.org");
  }

  @Test
  void builder_duplicateOrUnknownName_rejectedWithNames() {
    assertThatThrownBy(() -> RecognizerRegistry.standard().toBuilder().add(BADGE).add(BADGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A recognizer named 'badge' is already registered; remove it first to replace it.");
    assertThatThrownBy(() -> RecognizerRegistry.builder().remove("names"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("No recognizer named 'names'; registered: []");
  }

  @Test
  void recognizerReturningSpanOutsideText_failsClosedWithName() {
    Recognizer broken = new Recognizer() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public List<PhiSpan> recognize(String text) {
        return List.of(new PhiSpan(0, text.length() + 5, PhiType.ID, 0.5));
      }
    };
    PhiVault v = SafeHarborDeIdentifier.builder().recognizers(RecognizerRegistry.builder().add(broken).build())
        .build().open("v", PatientContext.empty());
    assertThatThrownBy(() -> v.deidentify("abc")).isInstanceOf(IllegalStateException.class)
        .hasMessage("Recognizer 'broken' returned a span ending at 8 in a text of 3 characters.");
  }

  @Test
  void phiSpan_invalid_rejected() {
    assertThatThrownBy(() -> new PhiSpan(3, 3, PhiType.ID, 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PhiSpan needs 0 <= start < end, got [3, 3)");
    assertThatThrownBy(() -> new PhiSpan(0, 1, PhiType.ID, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
