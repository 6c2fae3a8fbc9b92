package org.verinote.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the EHR recently recorded for a patient — prior notes, problems, medications — for retrieval and review.
 * Each list is newest first, at most the requested limit. Immutable; {@link #toString()} prints counts only.
 *
 * @param notes prior clinical notes
 * @param problems problem-list conditions
 * @param medications medication requests
 */
public record RecentHistory(List<Note> notes, List<Item> problems, List<Item> medications) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public RecentHistory {
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    medications = List.copyOf(Objects.requireNonNull(medications, "medications"));
  }

  @Override
  public String toString() {
    return "RecentHistory[notes=" + notes.size() + ", problems=" + problems.size() + ", medications="
        + medications.size() + "]";
  }

  /**
   * A prior note.
   *
   * @param ref the record reference, e.g. {@code DocumentReference/12}
   * @param typeCode the first type code (LOINC where the server sends one), or {@code null}
   * @param date when it was written, or {@code null}
   * @param text the inline text attachment decoded as UTF-8, or {@code null} if the note has none
   */
  public record Note(String ref, String typeCode, Instant date, String text) {
    /**
     * Validates.
     *
     * @throws NullPointerException if {@code ref} is null
     */
    public Note {
      Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String toString() {
      return "Note[" + ref + ", type=" + typeCode + ", chars=" + (text == null ? 0 : text.length()) + "]";
    }
  }

  /**
   * A coded entry: a condition or a medication.
   *
   * @param ref the record reference, e.g. {@code Condition/4}
   * @param system the code system, or {@code null}
   * @param code the code, or {@code null}
   * @param display the human-readable name, or {@code null}
   * @param status the clinical or request status, or {@code null}
   * @param date onset, recorded or authored date, or {@code null}
   */
  public record Item(String ref, String system, String code, String display, String status, Instant date) {
    /**
     * Validates.
     *
     * @throws NullPointerException if {@code ref} is null
     */
    public Item {
      Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String toString() {
      return "Item[" + ref + ", code=" + code + "]";
    }
  }
}
