package org.verinote.core.deid;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A parsed date expression: month and day always, year when said. {@code style} remembers how it was written so a
 * shifted date can be written the same way.
 */
record DateValue(int year, int month, int day, Style style, char separator, int yearDigits) {

  enum Style {
    NUMERIC_MDY,
    ISO,
    WRITTEN
  }

  boolean hasYear() {
    return year > 0;
  }

  /** The date in {@code fallbackYear} when no year was said; empty for impossible dates (Feb 30). */
  LocalDate toLocalDate(int fallbackYear) {
    try {
      return LocalDate.of(hasYear() ? year : fallbackYear, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  boolean sameDay(LocalDate d) {
    return d.getMonthValue() == month && d.getDayOfMonth() == day && (!hasYear() || d.getYear() == year);
  }

  static boolean valid(int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
}
