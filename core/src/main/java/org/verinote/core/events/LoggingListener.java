package org.verinote.core.events;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every event: one line at INFO (WARN for failures) with type, ids, code and duration; a second line at DEBUG
 * with counts and refs. Every value comes from a {@link PipelineEvent}, which cannot hold text.
 */
final class LoggingListener implements PipelineListener {

  static final LoggingListener INSTANCE = new LoggingListener();
  static final String LOGGER = "org.verinote.events";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private LoggingListener() {}

  @Override
  public void onEvent(PipelineEvent e) {
    boolean warn = e.type().isFailure();
    if (warn ? !LOG.isWarnEnabled() : !LOG.isInfoEnabled()) {
      return;
    }
    String line = summary(e);
    if (warn) {
      LOG.warn(line);
    } else {
      LOG.info(line);
    }
    if (LOG.isDebugEnabled() && (!e.counts().isEmpty() || !e.refs().isEmpty())) {
      LOG.debug("{} details encounter={} counts={} refs={}", e.type(), e.encounterId(), e.counts(), e.refs());
    }
  }

  static String summary(PipelineEvent e) {
    StringBuilder sb = new StringBuilder(128).append(e.type()).append(" tenant=").append(e.tenantId())
        .append(" encounter=").append(e.encounterId());
    e.modelRunId().ifPresent(r -> sb.append(" run=").append(r));
    if (e.attempt() > 0) {
      sb.append(" attempt=").append(e.attempt());
    }
    if (!e.code().isEmpty()) {
      sb.append(" code=").append(e.code());
    }
    long micros = e.duration().toNanos() / 1_000;
    long frac = micros % 1000;
    sb.append(" took=").append(micros / 1000).append('.').append(frac < 100 ? (frac < 10 ? "00" : "0") : "")
        .append(frac).append("ms");
    for (Map.Entry<Ref, String> r : e.refs().entrySet()) {
      if (r.getKey() == Ref.DRAFT_ID || r.getKey() == Ref.ADAPTER) {
        sb.append(' ').append(r.getKey().name().toLowerCase(java.util.Locale.ROOT)).append('=').append(r.getValue());
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "PipelineListeners.logging()";
  }
}
