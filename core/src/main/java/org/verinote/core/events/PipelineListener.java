package org.verinote.core.events;

/**
 * Receives a {@link PipelineEvent} at every state transition of a structuring run, a review or an EHR write.
 *
 * <p>Called synchronously, on the thread doing the work, in emission order; one listener instance serves every
 * encounter, so implementations must be thread-safe and fast (hand heavy work to a queue). A listener that throws
 * never breaks the pipeline: the dispatcher ({@link PipelineListeners#composite}) logs the first failure of each
 * listener at WARN and carries on. Events carry ids, codes, durations and counts only — never clinical text.
 *
 * {@snippet :
 * List<PipelineEvent> seen = new CopyOnWriteArrayList<>();
 * NoteStructurer structurer = NoteStructurer.builder()
 *     .model(model)
 *     .listener(seen::add)
 *     .build();
 * }
 */
@FunctionalInterface
public interface PipelineListener {

  /**
   * Handles one event.
   *
   * @param event the event, never null
   */
  void onEvent(PipelineEvent event);
}
