package org.verinote.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.review.ApprovedNote;
import org.verinote.core.testkit.CountingRecordAdapter;
import org.verinote.core.testkit.ReviewFixtures;

class ObservedRecordAdapterTest {

  private final List<PipelineEvent> events = Collections.synchronizedList(new ArrayList<>());

  @Test
  void submit_firstThenReplay_emitsCreatedThenDuplicateWithAdapterAndRecordId() {
    CountingRecordAdapter ehr = new CountingRecordAdapter();
    ClinicalRecordAdapter observed = PipelineListeners.observe(ehr, events::add);
    ApprovedNote note = ReviewFixtures.approvedNote("clinic-a", "visit-7");

    observed.submit(note);
    observed.submit(note);

    assertThat(events).extracting(PipelineEvent::type)
        .containsExactly(EventType.EHR_WRITTEN, EventType.EHR_WRITTEN);
    assertThat(events).extracting(PipelineEvent::code).containsExactly("created", "duplicate");
    assertThat(events.get(0).ref(Ref.ADAPTER)).contains(ehr.name());
    assertThat(events.get(0).ref(Ref.RECORD_ID)).isPresent();
    assertThat(events.get(0).tenantId()).isEqualTo("clinic-a");
    assertThat(ehr.records()).isEqualTo(1);
  }

  @Test
  void submit_adapterFails_emitsFailureWithStatusAndRethrowsTheSameException() {
    AdapterException failure = new AdapterException("EHR answered 503 for key vn-1", 503, true, null);
    CountingRecordAdapter ehr = new CountingRecordAdapter().failNext(failure);
    ClinicalRecordAdapter observed = PipelineListeners.observe(ehr, events::add);

    assertThatThrownBy(() -> observed.submit(ReviewFixtures.approvedNote("clinic-a", "visit-8"))).isSameAs(failure);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.EHR_WRITE_FAILED);
      assertThat(e.code()).isEqualTo("status_503_retriable");
      assertThat(e.type().isFailure()).isTrue();
    });
  }

  @Test
  void submit_listenerThrows_writeStillSucceeds() {
    CountingRecordAdapter ehr = new CountingRecordAdapter();
    ClinicalRecordAdapter observed = PipelineListeners.observe(ehr, e -> {
      throw new IllegalStateException("listener bug");
    });
    assertThat(observed.submit(ReviewFixtures.approvedNote("clinic-a", "visit-9")).duplicate()).isFalse();
    assertThat(ehr.records()).isEqualTo(1);
  }
}
