package org.verinote.eval;

/**
 * Receives progress of a long evaluation (e.g. to draw a progress bar). Called on the evaluating thread after each
 * case; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> { };

  /**
   * One more case is done.
   *
   * @param done cases finished so far
   * @param total cases in the run
   */
  void onProgress(int done, int total);
}
