package org.verinote.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.verinote.core.deid.SafeHarborDeIdentifier;
import org.verinote.core.testkit.SharedData;

/**
 * The measured figures of {@code docs/guides/deid.md}, asserted on the shared gold files (skipped when absent). The
 * floors are the figures measured when the guide was written, rounded down: a change that lowers them must update
 * the guide. Where a floor is below the target, the guide says so.
 */
class DeidEvalFiguresTest {

  private static DeidScorer.Report score(String file) throws Exception {
    Path p = SharedData.require("deid/" + file);
    return DeidScorer.score(DeidScorer.read(p), SafeHarborDeIdentifier.standard());
  }

  @Test
  void physionetDev_tokenRecallPrecisionAndPerTypeRecall_atMeasuredLevels() throws Exception {
    DeidScorer.Report r = score("physionet-dev.jsonl");
    assertThat(r.documents()).isEqualTo(1624);
    assertThat(r.recall()).isGreaterThanOrEqualTo(Floors.PHYSIONET_RECALL);
    assertThat(r.precision()).isGreaterThanOrEqualTo(Floors.PHYSIONET_PRECISION);
    assertThat(r.perType().get("NAME (all name types)").recall()).isGreaterThanOrEqualTo(Floors.PHYSIONET_NAMES);
    assertThat(r.perType().get("Date").recall()).isGreaterThanOrEqualTo(Floors.PHYSIONET_DATES);
    assertThat(r.perType().get("Phone").recall()).isGreaterThanOrEqualTo(0.98);
    assertThat(r.perType().get("Location").recall()).isGreaterThanOrEqualTo(Floors.PHYSIONET_LOCATION);
    assertThat(r.perType().get("DateYear").safeHarbor()).isFalse();
  }

  @Test
  void presidioSynth_patternTypes_recallAtLeast95Percent() throws Exception {
    DeidScorer.Report r = score("presidio-synth.jsonl");
    for (String type : new String[] {"EMAIL_ADDRESS", "US_SSN", "IP_ADDRESS", "DOMAIN_NAME", "CREDIT_CARD"}) {
      assertThat(r.perType().get(type).recall()).as(type).isGreaterThanOrEqualTo(0.95);
    }
    assertThat(r.perType().get("PHONE_NUMBER").recall()).isGreaterThanOrEqualTo(Floors.PRESIDIO_PHONE);
    assertThat(r.precision()).isGreaterThanOrEqualTo(0.975);
    assertThat(r.perType().get("STREET_ADDRESS").recall()).isGreaterThanOrEqualTo(Floors.PRESIDIO_ADDRESS);
    assertThat(r.perType().get("ZIP_CODE").recall()).isGreaterThanOrEqualTo(Floors.PRESIDIO_ZIP);
  }

  @Test
  void jsonReport_hasOverallTypesAndThroughput() throws Exception {
    String json = DeidEvalCommand.json(score("presidio-synth.jsonl"));
    assertThat(json).startsWith("{\"documents\":1500,").contains("\"overall\":{", "\"types\":[",
        "\"throughput\":{", "\"type\":\"US_SSN\"");
  }

  /** Measured floors (see docs/guides/deid.md). */
  static final class Floors {
    static final double PHYSIONET_RECALL = 0.97;
    static final double PHYSIONET_PRECISION = 0.76;
    static final double PHYSIONET_NAMES = 0.97;
    static final double PHYSIONET_DATES = 0.98;
    static final double PHYSIONET_LOCATION = 0.89;
    static final double PRESIDIO_PHONE = 0.99;
    static final double PRESIDIO_ADDRESS = 0.99;
    static final double PRESIDIO_ZIP = 0.97;

    private Floors() {}
  }
}
