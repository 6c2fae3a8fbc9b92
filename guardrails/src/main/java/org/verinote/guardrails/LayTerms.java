package org.verinote.guardrails;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a patient, or a clinician speaking to one, uses for a note's clinical term where {@link Lexicon}'s
 * synonyms do not already join them: "relief" is "it helped", "icing" is "iced it", "lateral" is "outside".
 * Kept apart from {@link Lexicon} on purpose: source fidelity must not count "outside" as support for "lateral".
 * Three tables: findings and treatments, which {@link NegationConsistency} compares in place of a note term the
 * transcript never says, and alongside one it does say ("palpation" is also "press on"); sites on a body part,
 * which only help pick the transcript mention about the same place — a site word has no status of its own ("does
 * it hurt on the outside?" asserts nothing about "lateral"); and the site opposite each site ("medial" for
 * "lateral"), which marks a mention as about another place.
 * Immutable; keys and values are canonical term texts ({@link Terms}).
 */
final class LayTerms {

  private static final String[][] FINDINGS = {
      {"relief", "improve help"}, {"relieve", "improve help"}, {"improvement", "improve help"},
      {"icing", "ice iced"}, {"iced", "ice icing"}, {"ice", "iced icing"}, {"melena", "tarry"},
      {"palpation", "press push"}, {"cholecystectomy", "gallbladder"}, {"appendectomy", "appendix"},
      {"straining", "force push"}, {"incarceration", "incarcerated jail prison"}, {"thrombosis", "clot clots"},
      {"arrhythmia", "irregular"}, {"arrhythmias", "irregular"}, {"substance", "drugs drug"},
      {"trauma", "injury injure injured"}, {"injury", "injure injured"}, {"tingle", "needles"},
  };

  private static final String[][] SITES = {
      {"lateral", "outside"}, {"laterally", "outside"}, {"medial", "inside"}, {"medially", "inside"},
      {"anterior", "front"}, {"posterior", "behind"},
  };

  /** Sites and the sites opposite them on the same body part, lay words included. */
  private static final String[][] OPPOSITE_SITES = {
      {"lateral", "medial inside"}, {"laterally", "medial inside"}, {"medial", "lateral outside"},
      {"medially", "lateral outside"}, {"outside", "inside medial"}, {"inside", "outside lateral"},
      {"anterior", "posterior behind"}, {"posterior", "anterior front"},
  };

  private static final Map<String, List<String>> MATCHING = table(FINDINGS);
  private static final Map<String, List<String>> OPPOSITES = table(OPPOSITE_SITES);
  private static final Map<String, List<String>> CONTEXT;

  static {
    Map<String, List<String>> m = new HashMap<>(MATCHING);
    m.putAll(table(SITES));
    CONTEXT = Map.copyOf(m);
  }

  private LayTerms() {}

  /**
   * @param term a canonical term text
   * @return lay words that may stand for the term in a comparison, most usual first; empty if none
   */
  static List<String> forMatching(String term) {
    return MATCHING.getOrDefault(term, List.of());
  }

  /**
   * @param term a canonical term text
   * @return lay words that show a transcript passage is about the same thing or place; empty if none
   */
  static List<String> forContext(String term) {
    return CONTEXT.getOrDefault(term, List.of());
  }

  /**
   * @param term a canonical term text
   * @return site words naming the opposite place on the same body part, lay words included ("lateral" →
   *     "medial", "inside"); empty if none
   */
  static List<String> opposites(String term) {
    return OPPOSITES.getOrDefault(term, List.of());
  }

  private static Map<String, List<String>> table(String[][] rows) {
    Map<String, List<String>> m = new HashMap<>();
    for (String[] row : rows) {
      String[] alts = row[1].split(" ");
      String[] canon = new String[alts.length];
      for (int i = 0; i < alts.length; i++) {
        canon[i] = canonical(alts[i]);
      }
      m.put(canonical(row[0]), List.of(canon));
    }
    return Map.copyOf(m);
  }

  private static String canonical(String word) {
    List<Tok> toks = Tokenizer.tokenize(word);
    List<Terms.Term> terms = Terms.of(toks, 0, toks.size(), false);
    return terms.size() == 1 ? terms.get(0).text() : Tokenizer.normalizeWord(word);
  }
}
