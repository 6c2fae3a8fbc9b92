package org.verinote.eval.judge;

import java.util.Objects;

/**
 * One note to judge.
 *
 * @param id the case id
 * @param transcript the source transcript
 * @param note the note under judgement
 */
public record JudgeItem(String id, String transcript, String note) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public JudgeItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(note, "note");
  }

  @Override
  public String toString() {
    return "JudgeItem[" + id + ", transcriptChars=" + transcript.length() + ", noteChars=" + note.length() + "]";
  }
}
