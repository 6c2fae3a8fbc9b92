package org.verinote.core.events;

import java.util.List;
import java.util.Objects;

/**
 * Factories for {@link PipelineListener}s: the dispatcher that isolates listener failures, the default logging
 * listener, and a no-op.
 *
 * <p>Components that emit events (the structurer, the review workflow, adapters) hold one
 * {@link #composite(List) composite} and call it; they never call user listeners directly.
 */
public final class PipelineListeners {

  private static final PipelineListener NOOP = new PipelineListener() {
    @Override
    public void onEvent(PipelineEvent event) {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public String toString() {
      return "PipelineListeners.noop()";
    }
  };

  private PipelineListeners() {}

  /**
   * A listener that calls each of {@code listeners} in order and isolates their failures: a listener that throws
   * a {@link RuntimeException} is logged once at WARN (its class and the exception's class — never the message,
   * which might quote data) and the next listener still runs. Later failures of the same listener are logged at
   * DEBUG only.
   *
   * <p>Thread-safe if the listeners are. Cost: one virtual call per listener per event.
   *
   * @param listeners the listeners, in call order; copied
   * @return the dispatcher; {@link #noop()} when the list is empty
   * @throws NullPointerException if the list or an element is null
   */
  public static PipelineListener composite(List<? extends PipelineListener> listeners) {
    List<PipelineListener> copy = List.copyOf(listeners);
    return copy.isEmpty() ? NOOP : new CompositeListener(copy);
  }

  /**
   * Wraps an EHR adapter so that every write emits {@link EventType#EHR_WRITTEN} or
   * {@link EventType#EHR_WRITE_FAILED} to {@code listener} (adapter name, record id, status, duration — never note
   * text), with the MDC bound during the call. Works for any adapter, including your own.
   *
   * @param adapter the adapter to observe
   * @param listener where events go; a listener that throws is isolated
   * @return the observed adapter
   * @throws NullPointerException if an argument is null
   */
  public static org.verinote.core.record.ClinicalRecordAdapter observe(
      org.verinote.core.record.ClinicalRecordAdapter adapter, PipelineListener listener) {
    return new ObservedRecordAdapter(adapter, listener);
  }

  /**
   * The default logging listener: one INFO line per event (WARN for failures) on the logger
   * {@code org.verinote.events}, with the counts and ids on a DEBUG line. Ids, codes, durations and counts only.
   *
   * @return the shared logging listener
   */
  public static PipelineListener logging() {
    return LoggingListener.INSTANCE;
  }

  /** @return a listener that ignores every event */
  public static PipelineListener noop() {
    return NOOP;
  }

  /**
   * Whether {@code listener} is {@link #noop()}, so that emitters can skip building events nobody receives.
   *
   * @param listener a listener
   * @return {@code true} for the no-op listener
   */
  public static boolean isNoop(PipelineListener listener) {
    return listener == NOOP;
  }
}
