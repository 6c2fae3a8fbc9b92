package org.verinote.core.events;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls listeners in order; a throwing listener is logged (once at WARN) and skipped, never propagated. */
final class CompositeListener implements PipelineListener {

  private static final Logger LOG = LoggerFactory.getLogger(CompositeListener.class);

  private final PipelineListener[] listeners;
  private final AtomicBoolean[] warned;

  CompositeListener(List<PipelineListener> listeners) {
    this.listeners = listeners.toArray(new PipelineListener[0]);
    this.warned = new AtomicBoolean[this.listeners.length];
    for (int i = 0; i < warned.length; i++) {
      warned[i] = new AtomicBoolean();
    }
  }

  @Override
  public void onEvent(PipelineEvent event) {
    for (int i = 0; i < listeners.length; i++) {
      try {
        listeners[i].onEvent(event);
      } catch (RuntimeException e) {
        // The exception message is not logged: a listener's message may quote whatever it was handling.
        if (warned[i].compareAndSet(false, true)) {
          LOG.warn("Pipeline listener {} threw {} on {}; the pipeline continues. Further failures of this listener"
              + " are logged at DEBUG.", listeners[i].getClass().getName(), e.getClass().getName(), event.type());
        } else if (LOG.isDebugEnabled()) {
          LOG.debug("Pipeline listener {} threw {} on {}", listeners[i].getClass().getName(),
              e.getClass().getName(), event.type());
        }
      }
    }
  }

  @Override
  public String toString() {
    return "CompositeListener[listeners=" + listeners.length + "]";
  }
}
