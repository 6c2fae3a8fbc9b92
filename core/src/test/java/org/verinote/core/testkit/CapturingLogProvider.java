package org.verinote.core.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J 2 backend for tests that keeps every log record in memory — level, logger, the formatted message, the
 * MDC at the time of the call and the full text of any throwable — so that tests can assert what was (and was
 * not) logged, including MDC keys. Select it with the system property
 * {@code slf4j.provider=org.verinote.core.testkit.CapturingLogProvider} (no {@code META-INF/services} entry, so it
 * never competes with another backend on a class path by accident).
 *
 * <p>Logs at DEBUG and above by default; system property {@code verinote.test.log.level} changes that. Records
 * at ERROR are also echoed to {@code System.err}. Thread-safe.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {

  /** One captured log call. */
  public record Record(Level level, String logger, String message, Map<String, String> mdc, String throwable) {
    /** @return every text this record would put in a log file: message, MDC values, throwable */
    public String allText() {
      return message + " " + mdc + " " + throwable;
    }
  }

  private static final int MAX_RECORDS = 2_000_000;
  private static final ConcurrentLinkedQueue<Record> RECORDS = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger SIZE = new AtomicInteger();

  private final BasicMDCAdapter mdc = new BasicMDCAdapter();
  private final BasicMarkerFactory markers = new BasicMarkerFactory();
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);

  /** Returns every record captured so far and forgets them. */
  public static List<Record> drain() {
    List<Record> out = new ArrayList<>();
    Record r;
    while ((r = RECORDS.poll()) != null) {
      SIZE.decrementAndGet();
      out.add(r);
    }
    return out;
  }

  /** Forgets every record captured so far. */
  public static void clear() {
    drain();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // nothing to set up
  }

  private static Level threshold() {
    return Level.valueOf(System.getProperty("verinote.test.log.level", "DEBUG"));
  }

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient Level threshold = threshold();

    CapturingLogger(String name) {
      this.name = name;
    }

    private boolean on(Level l) {
      return l.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return on(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return on(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return on(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return on(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return on(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
        Throwable t) {
      String message = MessageFormatter.basicArrayFormat(pattern, args);
      String thrown = "";
      if (t != null) {
        java.io.StringWriter sw = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(sw));
        thrown = sw.toString();
      }
      Map<String, String> context = MDC.getCopyOfContextMap();
      Record r = new Record(level, name, message, context == null ? Map.of() : Map.copyOf(context), thrown);
      if (SIZE.incrementAndGet() > MAX_RECORDS) {
        RECORDS.poll();
        SIZE.decrementAndGet();
      }
      RECORDS.add(r);
      if (level.toInt() >= Level.ERROR.toInt()) {
        System.err.println("[" + level + "] " + name + " - " + message + (thrown.isEmpty() ? "" : "\n" + thrown));
      }
    }
  }
}
