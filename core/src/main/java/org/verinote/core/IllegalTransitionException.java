package org.verinote.core;

/**
 * A review-workflow transition that is not allowed from the draft's current state, e.g. submitting a draft that
 * was never approved. The message names both states.
 */
public final class IllegalTransitionException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  private final String from;
  private final String to;

  /**
   * Creates the exception.
   *
   * @param from the current state
   * @param to the requested state
   */
  public IllegalTransitionException(String from, String to) {
    super("Illegal transition: a draft in state " + from + " cannot move to " + to + ".", null);
    this.from = from;
    this.to = to;
  }

  /**
   * The state the draft is in.
   *
   * @return the current state's name
   */
  public String from() {
    return from;
  }

  /**
   * The state that was requested.
   *
   * @return the requested state's name
   */
  public String to() {
    return to;
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
