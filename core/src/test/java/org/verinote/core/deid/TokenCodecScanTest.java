package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written token reader finds exactly what the token grammar's regular expressions describe: bracketed
 * tokens with whitespace anywhere inside, bare tokens with word boundaries, ASCII case only.
 */
class TokenCodecScanTest {

  /** The grammar, as regular expressions: the specification the single-pass reader is checked against. */
  private static final class RegexOracle {
    private static final String PREFIXES;

    static {
      StringBuilder sb = new StringBuilder(TokenCodec.LITERAL);
      for (PhiType t : PhiType.values()) {
        sb.append('|').append(t.name());
      }
      PREFIXES = sb.toString();
    }

    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]{1,48})\\]");
    private static final Pattern INNER = Pattern.compile("(?i)(" + PREFIXES + ")[_-]?(\\d{1,7})");
    private static final Pattern BARE = Pattern.compile(
        "(?i)\\[?(?<![A-Za-z0-9_])(" + PREFIXES + ")_(\\d{1,7})(?![A-Za-z0-9_])\\]?");

    static List<TokenCodec.Occurrence> scan(String text) {
      List<TokenCodec.Occurrence> out = new ArrayList<>();
      Matcher m = BRACKETED.matcher(text);
      while (m.find()) {
        Matcher im = INNER.matcher(m.group(1).replaceAll("\\s", ""));
        if (im.matches()) {
          out.add(new TokenCodec.Occurrence(m.start(), m.end(), TokenCodec.key(im.group(1).toUpperCase(Locale.ROOT),
              Integer.parseInt(im.group(2)))));
        }
      }
      List<TokenCodec.Occurrence> bare = new ArrayList<>();
      m = BARE.matcher(text);
      while (m.find()) {
        int s = m.start();
        int e = m.end();
        if (out.stream().noneMatch(o -> o.start() < e && s < o.end())) {
          bare.add(new TokenCodec.Occurrence(s, e, TokenCodec.key(m.group(1).toUpperCase(Locale.ROOT),
              Integer.parseInt(m.group(2)))));
        }
      }
      out.addAll(bare);
      out.sort((a, b) -> Integer.compare(a.start(), b.start()));
      return out;
    }
  }

  @Provide
  Arbitrary<String> tokenish() {
    Arbitrary<String> piece = Arbitraries.of("[", "]", "_", "-", " ", "\n", "\t", "0", "7", "12", "1234567",
        "12345678", "PATIENT", "patient", "Person", "IP_ADDRESS", "ip_address", "ADDRESS", "TEXT", "text", "ID", "x",
        "é", "ı", "ſ", "K", "[DATE_3]", "[ person - 2 ]", "PATIENT_1", "a", "Z", ".", "@");
    return piece.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void scan_onAnyText_findsWhatTheGrammarDescribes(@ForAll("tokenish") String text) {
    assertThat(TokenCodec.scan(text)).isEqualTo(RegexOracle.scan(text));
  }

  @Test
  void scan_withBracketedAndBareTokens_findsBothInOrder() {
    String text = "Seen by [ Patient _ 1 ] and PERSON_2, then [ip_address-3] ADDRESS_44]; not xPATIENT_5 or PATIENT_6x";

    List<TokenCodec.Occurrence> found = TokenCodec.scan(text);

    assertThat(found).extracting(TokenCodec.Occurrence::key)
        .containsExactly("PATIENT_1", "PERSON_2", "IP_ADDRESS_3", "ADDRESS_44");
    assertThat(text.substring(found.get(3).start(), found.get(3).end())).isEqualTo("ADDRESS_44]");
  }

  @Test
  void scan_withEightDigitsOrOverlongBrackets_readsOnlyTheBarePart() {
    String text = "PATIENT_12345678 and [PATIENT_1" + " ".repeat(48) + "]";

    assertThat(TokenCodec.scan(text)).containsExactly(new TokenCodec.Occurrence(21, 31, "PATIENT_1"));
  }
}
