package org.verinote.fhir.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.conformance.ApprovedNotes;

/** Whatever the note says — HL7 delimiters, escapes, blank lines — the MDM round-trips line for line. */
class MdmEscapingProperties {

  private static final HapiContext SENDER = MdmMessages.newContext();
  private static final HapiContext RECEIVER = receiver();

  private static HapiContext receiver() {
    HapiContext ctx = new DefaultHapiContext();
    ctx.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
    return ctx;
  }

  static {
    RECEIVER.setValidationContext(ValidationContextFactory.noValidation());
  }

  @Property(tries = 60)
  void encodeThenParse_preservesEveryLineInItsOwnObx(
      @ForAll @StringLength(max = 120) @Chars({'a', 'Z', '7', ' ', '|', '^', '~', '\\', '&', '\n', '.', 'é', '#'})
      String text) throws Exception {
    ApprovedNote note = ApprovedNotes.approveWithText("enc-p", "Patient/pt-p", text);
    MDM_T02 built = MdmMessages.build(note, new MdmMessages.Routing("A", "B", "C", "D"), "VN1-1", "AU",
        Instant.parse("2026-01-01T00:00:00Z"));

    PipeParser parser = RECEIVER.getPipeParser();
    MDM_T02 parsed = (MDM_T02) parser.parse(SENDER.getPipeParser().encode(built));

    String[] lines = note.note().toPlainText().split("\n", -1);
    assertThat(parsed.getOBSERVATIONReps()).isEqualTo(lines.length);
    for (int i = 0; i < lines.length; i++) {
      ca.uhn.hl7v2.model.Type data = parsed.getOBSERVATION(i).getOBX().getObservationValue(0).getData();
      String value = data instanceof ca.uhn.hl7v2.model.Primitive ? ((ca.uhn.hl7v2.model.Primitive) data).getValue()
          : null;
      assertThat(value == null ? "" : value).isEqualTo(lines[i].stripTrailing());
    }
    assertThat(parsed.getTXA().getUniqueDocumentNumber().getEntityIdentifier().getValue())
        .isEqualTo(note.submissionKey());
  }
}
