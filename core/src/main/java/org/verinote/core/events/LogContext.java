package org.verinote.core.events;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Binds the ids of the encounter being worked on to the SLF4J {@link MDC}, so that every log line written during
 * the operation — Verinote's and the host's — can be found by encounter.
 *
 * <p>Keys: {@value #ENCOUNTER_ID} and its alias {@value #VISIT_ID}, {@value #TENANT_ID}, {@value #MODEL_RUN_ID}.
 * Values are ids only. Binding is nesting-safe: {@link Scope#close()} restores whatever the keys held before (or
 * removes them), so an operation started inside another leaves the outer one's context intact.
 *
 * {@snippet :
 * try (LogContext.Scope scope = LogContext.bind("clinic-a", "visit-42", "run-9f2c")) {
 *   log.info("calling the EHR");   // carries encounter_id=visit-42 in the MDC
 * }
 * }
 *
 * <p>The MDC is thread-local: to keep the context on another thread (an executor, a retry scheduler, a
 * time-limited call), wrap the task with {@link #propagate(Runnable)} / {@link #propagate(Callable)}.
 */
public final class LogContext {

  /** MDC key of the encounter id. */
  public static final String ENCOUNTER_ID = "encounter_id";
  /** MDC key of the encounter id under its other name. */
  public static final String VISIT_ID = "visit_id";
  /** MDC key of the tenant id. */
  public static final String TENANT_ID = "tenant_id";
  /** MDC key of the model run id. */
  public static final String MODEL_RUN_ID = "model_run_id";

  private static final String[] KEYS = {ENCOUNTER_ID, VISIT_ID, TENANT_ID, MODEL_RUN_ID};

  private LogContext() {}

  /**
   * Binds the ids to the current thread's MDC until the returned scope is closed.
   *
   * @param tenantId the tenant
   * @param encounterId the encounter (visit) id
   * @param modelRunId the model run id, or {@code null} to leave {@value #MODEL_RUN_ID} unbound
   * @return the scope; close it on the same thread (try-with-resources)
   * @throws NullPointerException if the tenant or encounter id is null
   */
  public static Scope bind(String tenantId, String encounterId, String modelRunId) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(encounterId, "encounterId");
    String[] previous = new String[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      previous[i] = MDC.get(KEYS[i]);
    }
    String[] values = {PipelineEvent.token(encounterId), PipelineEvent.token(encounterId),
        PipelineEvent.token(tenantId), modelRunId == null ? null : PipelineEvent.token(modelRunId)};
    apply(values);
    return new Scope(previous);
  }

  /**
   * Wraps a task so that it runs with the MDC context of the calling thread (captured now) and restores the worker
   * thread's own context afterwards.
   *
   * @param task the task
   * @return the wrapped task
   */
  public static Runnable propagate(Runnable task) {
    Objects.requireNonNull(task, "task");
    Map<String, String> captured = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      set(captured);
      try {
        task.run();
      } finally {
        set(before);
      }
    };
  }

  /**
   * Wraps a task so that it runs with the MDC context of the calling thread (captured now).
   *
   * @param task the task
   * @param <T> the result type
   * @return the wrapped task
   */
  public static <T> Callable<T> propagate(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    Map<String, String> captured = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      set(captured);
      try {
        return task.call();
      } finally {
        set(before);
      }
    };
  }

  /**
   * Wraps a supplier (e.g. for {@code CompletableFuture.supplyAsync}) so that it runs with the MDC context of the
   * calling thread (captured now).
   *
   * @param task the supplier
   * @param <T> the result type
   * @return the wrapped supplier
   */
  public static <T> Supplier<T> propagateSupplier(Supplier<T> task) {
    Objects.requireNonNull(task, "task");
    Map<String, String> captured = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      set(captured);
      try {
        return task.get();
      } finally {
        set(before);
      }
    };
  }

  private static void set(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }

  private static void apply(String[] values) {
    for (int i = 0; i < KEYS.length; i++) {
      if (values[i] == null) {
        MDC.remove(KEYS[i]);
      } else {
        MDC.put(KEYS[i], values[i]);
      }
    }
  }

  /** An MDC binding; {@link #close()} restores the previous values. Not thread-safe; close once. */
  public static final class Scope implements AutoCloseable {
    private final String[] previous;
    private boolean closed;

    private Scope(String[] previous) {
      this.previous = previous;
    }

    /** Restores the values the keys held before {@link LogContext#bind}. Idempotent. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        apply(previous);
      }
    }

    @Override
    public String toString() {
      return "LogContext.Scope[closed=" + closed + "]";
    }
  }
}
