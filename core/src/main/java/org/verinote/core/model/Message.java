package org.verinote.core.model;

import java.util.Objects;

/**
 * One chat message of a {@link ModelRequest}. {@link #toString()} prints the role and size only.
 *
 * @param role who speaks
 * @param content the text
 */
public record Message(Role role, String content) {

  /** Chat roles. */
  public enum Role {
    /** Instructions. */
    SYSTEM,
    /** The request. */
    USER,
    /** A previous model answer (used when reprompting). */
    ASSISTANT
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Message {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /**
   * A system message.
   *
   * @param content the text
   * @return the message
   */
  public static Message system(String content) {
    return new Message(Role.SYSTEM, content);
  }

  /**
   * A user message.
   *
   * @param content the text
   * @return the message
   */
  public static Message user(String content) {
    return new Message(Role.USER, content);
  }

  /**
   * An assistant message.
   *
   * @param content the text
   * @return the message
   */
  public static Message assistant(String content) {
    return new Message(Role.ASSISTANT, content);
  }

  @Override
  public String toString() {
    return "Message[" + role + ", chars=" + content.length() + "]";
  }
}
