package org.verinote.core.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The word lists behind the name recognizer, loaded once from {@code org/verinote/core/deid/*.txt}. Their sources and
 * licences are in the files' headers and in ADR 0020. Thread-safe (immutable after class initialisation).
 */
final class Dictionaries {

  /** Given names not also English words ("andrew", "patricia"). */
  static final Set<String> FIRST_NAMES;
  /** Given names that are also English words ("mark", "grace"): names only with a cue. */
  static final Set<String> AMBIGUOUS_FIRST_NAMES;
  /** Surnames that are not English words ("campbell", "kozicki"). */
  static final Set<String> SURNAMES;
  /** Frequent words of clinical conversation. */
  static final Set<String> COMMON_WORDS;
  /** Clinical abbreviations and drug names that look like names. */
  static final Set<String> CLINICAL_TERMS;

  static {
    Set<String> first = new HashSet<>();
    Set<String> ambiguous = new HashSet<>();
    for (String s : load("first-names.txt")) {
      if (s.endsWith("*")) {
        ambiguous.add(s.substring(0, s.length() - 1));
      } else {
        first.add(s);
      }
    }
    FIRST_NAMES = Set.copyOf(first);
    AMBIGUOUS_FIRST_NAMES = Set.copyOf(ambiguous);
    SURNAMES = Set.copyOf(load("surnames.txt"));
    Set<String> common = new HashSet<>(load("common-words.txt"));
    common.addAll(Words.STOPWORDS);
    COMMON_WORDS = Set.copyOf(common);
    CLINICAL_TERMS = Set.copyOf(load("clinical-terms.txt"));
  }

  private Dictionaries() {}

  private static Set<String> load(String name) {
    Set<String> out = new HashSet<>();
    try (InputStream in = Dictionaries.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing de-identification dictionary " + name
            + " on the class path; the verinote-core jar is incomplete.");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (!s.isEmpty() && s.charAt(0) != '#') {
          out.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read de-identification dictionary " + name, e);
    }
    return out;
  }
}
