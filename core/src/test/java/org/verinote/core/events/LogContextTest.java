package org.verinote.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void bind_setsAllKeysAndCloseRemovesThem() {
    try (LogContext.Scope s = LogContext.bind("clinic-a", "visit-1", "run-1")) {
      assertThat(MDC.get("encounter_id")).isEqualTo("visit-1");
      assertThat(MDC.get("visit_id")).isEqualTo("visit-1");
      assertThat(MDC.get("tenant_id")).isEqualTo("clinic-a");
      assertThat(MDC.get("model_run_id")).isEqualTo("run-1");
      assertThat(s).hasToString("LogContext.Scope[closed=false]");
    }
    assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys("encounter_id", "visit_id", "tenant_id",
        "model_run_id");
  }

  @Test
  void bind_nested_closeRestoresOuterValuesAndKeepsUnrelatedKeys() {
    MDC.put("request_id", "r-1");
    LogContext.Scope outer = LogContext.bind("clinic-a", "visit-1", "run-1");
    LogContext.Scope inner = LogContext.bind("clinic-b", "visit-2", null);
    assertThat(MDC.get("encounter_id")).isEqualTo("visit-2");
    assertThat(MDC.get("model_run_id")).isNull();
    inner.close();
    assertThat(MDC.get("encounter_id")).isEqualTo("visit-1");
    assertThat(MDC.get("tenant_id")).isEqualTo("clinic-a");
    assertThat(MDC.get("model_run_id")).isEqualTo("run-1");
    outer.close();
    assertThat(MDC.get("request_id")).isEqualTo("r-1");
    assertThat(MDC.get("encounter_id")).isNull();
  }

  @Test
  void close_twice_isIdempotent() {
    LogContext.Scope outer = LogContext.bind("t", "outer", null);
    LogContext.Scope inner = LogContext.bind("t", "inner", null);
    inner.close();
    inner.close();
    assertThat(MDC.get("encounter_id")).isEqualTo("outer");
    outer.close();
    assertThat(MDC.get("encounter_id")).isNull();
  }

  @Test
  void propagate_runsTaskOnOtherThreadWithCallersContextAndRestoresWorker() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      pool.submit(() -> MDC.put("worker", "w")).get();
      LogContext.Scope scope = LogContext.bind("clinic-a", "visit-9", "run-9");
      Callable<String> task =
          LogContext.propagate((Callable<String>) () -> MDC.get("encounter_id") + "/" + MDC.get("worker"));
      scope.close();
      assertThat(pool.submit(task).get()).isEqualTo("visit-9/null");
      assertThat(pool.submit(() -> MDC.get("worker") + "/" + MDC.get("encounter_id")).get()).isEqualTo("w/null");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void propagateSupplier_carriesContext() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      LogContext.Scope scope = LogContext.bind("clinic-a", "visit-3", null);
      java.util.function.Supplier<String> s = LogContext.propagateSupplier(() -> MDC.get("tenant_id"));
      scope.close();
      assertThat(java.util.concurrent.CompletableFuture.supplyAsync(s, pool).get()).isEqualTo("clinic-a");
    } finally {
      pool.shutdownNow();
    }
  }
}
