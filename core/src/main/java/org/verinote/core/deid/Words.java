package org.verinote.core.deid;

import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/** Small closed vocabularies used by the built-in recognizers (written for Verinote, Apache-2.0). */
final class Words {

  private Words() {}

  private static Set<String> set(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  static final Set<String> STOPWORDS = set("a", "about", "above", "after", "again", "against", "all", "am", "an",
      "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
      "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
      "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
      "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
      "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
      "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
      "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
      "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
      "okay", "ok", "yes", "yeah", "um", "uh", "hmm", "mhm", "oh", "well", "so", "pt", "pts", "patient", "aware",
      "notified", "called", "made", "team", "family", "md", "rn", "np", "pa", "per", "see", "saw", "said", "says",
      "today", "tonight", "tomorrow", "yesterday", "also", "still", "again", "again", "note", "notes", "office",
      "unit", "floor", "service", "spoke", "talked", "visited", "visit", "in", "call", "phone", "page", "paged",
      "orders", "ordered", "order", "wants", "want", "came", "come", "feels", "thinks", "recommends", "says");

  static final Set<String> CLINICIAN_TITLES = set("dr", "doctor", "drs", "nurse", "np", "rn", "pa", "prof",
      "professor", "dds", "resident", "intern", "attending", "fellow");

  static final Set<String> PERSON_TITLES = set("rabbi", "rev", "reverend", "pastor", "imam", "mr", "mrs",
      "ms", "miss", "mister", "mx", "madam", "sir", "mme",
      "mlle", "herr", "frau", "senor", "senora");

  static final Set<String> CREDENTIALS = set("rn", "md", "np", "rrt", "licsw", "lcsw", "msw", "lpn", "cna",
      "pharmd", "dpt", "pa", "do", "crna", "aprn", "phd", "facs", "rd", "ot", "slp", "bsn", "msn");

  static final Set<String> RELATIONS = set("neice", "neighbour's", "son", "daughter", "dtr", "wife", "husband", "sister", "brother",
      "mother", "father", "mom", "dad", "niece", "nephew", "friend", "proxy", "grandson", "granddaughter",
      "grandaughter", "grandmother", "grandfather", "aunt", "uncle", "cousin", "partner", "boyfriend", "girlfriend",
      "spouse", "fiance", "fiancee", "stepson", "stepdaughter", "neighbor", "neighbour", "guardian", "caregiver",
      "roommate", "sons", "daughters", "sisters", "brothers", "grandchildren", "children", "kids", "hcp", "other",
      "sibling", "in-law", "colleague", "coworker", "chaplain", "pastor", "manager", "worker", "lawyer", "attorney", "poa");

  static final Set<String> INTRO_CUES = set("hi", "hello", "hey", "thanks", "bye", "goodbye", "dear", "meet",
      "named", "name's", "called");

  /** Weak cues: only a dictionary given name after them counts ("spoke with Suzette"). */
  static final Set<String> WEAK_INTRO_CUES = set("ask", "asked", "tell", "told", "with", "per", "by", "paged",
      "page", "contacted", "reach", "reached", "and", "&");

  static final Set<String> TRAILING_CUES = set("aware", "notified", "paged", "informed", "updated", "called",
      "contacted");

  static final Set<String> FACILITY_HEADS = set("hospital", "hosp", "hospitals", "clinic", "clinics",
      "memorial", "rehab", "rehabilitation", "infirmary", "sanatorium", "hospice", "campus", "healthcare",
      "health", "medical", "center", "centre", "pavilion", "institute", "ctr");

  static final Set<String> STREET_SUFFIXES = set("street", "st", "avenue", "ave", "av", "road", "rd",
      "boulevard", "blvd", "lane", "ln", "drive", "dr", "court", "ct", "way", "place", "pl", "terrace", "ter",
      "circle", "cir", "highway", "hwy", "parkway", "pkwy", "square", "sq", "trail", "trl", "pike", "alley",
      "plaza", "crescent", "close", "row", "walk", "hill", "heights", "loop", "path", "run", "crossing", "point",
      "strasse", "straße", "str", "gasse", "weg", "allee", "platz", "rue", "avenida", "avda", "calle", "via",
      "viale", "piazza", "rua", "rúa", "tér", "utca", "ut", "vænget", "vaenget", "straat", "laan", "gade", "vej", "gata", "gatan", "vägen", "veien", "vei", "katu",
      "tie", "utca", "ulica", "corso", "chaussee", "radial", "quai", "chemin", "route", "rte");

  /** Further USPS Publication 28 suffixes, accepted capitalised after a house number and a name. */
  static final Set<String> MORE_STREET_SUFFIXES = set("union", "rapids", "pass", "parks", "park", "cove", "coves",
      "isle", "extension", "extensions", "turnpike", "ridge", "grove", "glen", "springs", "harbor", "harbour",
      "landing", "meadows", "mews", "estates", "gardens", "green", "greens", "forks", "ford", "falls", "fields",
      "flats", "junction", "knoll", "lakes", "manor", "mill", "mills", "orchard", "oval", "pines", "prairie",
      "ranch", "shore", "shores", "summit", "trace", "valley", "villa", "village", "vista", "wells", "bypass",
      "causeway", "creek", "expressway", "freeway", "gateway", "hollow", "inlet", "island", "islands", "lodge",
      "motorway", "overpass", "passage", "plains", "points", "port", "ramp", "rest", "road", "roads", "stream",
      "streets", "terrace", "throughway", "tunnel", "underpass", "viaduct", "ville", "way", "ways", "wharf",
      "crest", "dale", "divide", "fort", "haven", "branch", "brook", "brooks", "burg", "canyon", "cape", "cliffs",
      "common", "commons", "corner", "corners", "course", "courts", "curve", "drives", "heights", "hills",
      "light", "lights", "loaf", "locks", "mall", "neck", "radial", "ridges", "route", "shoal", "skyway",
      "squares", "station", "stravenue", "trafficway", "unions", "views", "vistas", "walks", "well");

  /** Lower-case particles inside street and place names: "Rua do Arenque", "Via dei Fiorentini", "Jiřího z Poděbrad". */
  static final Set<String> NAME_PARTICLES = set("do", "da", "de", "du", "la", "le", "les", "al", "del", "dos", "das",
      "des", "dei", "della", "delle", "degli", "di", "e", "y", "van", "von", "der", "den", "ten", "z", "ze", "na", "nad",
      "pod", "u", "v", "am", "im", "sur", "sous", "lès", "i");

  /** Street words before the name: "Rua do Arenque 1634", "ul. Słowicza 10", "Rue Gafsa". */
  static final Set<String> PREFIX_STREETS = set("rua", "rue", "ul", "calle", "avenida", "avda", "strada", "via",
      "viale", "piazza", "corso", "chemin", "quai", "rúa", "travessa", "largo", "praça", "plaza", "carrer",
      "carretera", "paseo", "camino", "boulevard", "avenue", "allée", "impasse");

  /** Lower-case street words between a name and a house number: "Erzsébet tér 19.", "Trenerys gate 232". */
  static final Set<String> LOWER_STREET_WORDS = set("tér", "u", "utca", "út", "útja", "körút", "rkp", "kapu",
      "gate", "gata", "terrasse", "vei", "vej", "veg", "str", "straße", "strasse", "ulica", "sokak", "cad",
      "caddesi", "sor", "köz", "sétány", "allé", "plass", "torg", "tie", "kuja", "iela", "gatve", "tee", "ulice",
      "náměstí", "trg", "cesta", "tänav", "põik", "maantee", "puiestee", "väljak", "tn", "mnt");

  /** Endings of US and English town names ("-ville", "-town", "-burg"…), used only after a place preposition. */
  static final List<String> TOWN_ENDINGS = List.of("ville", "town", "burg", "burgh", "boro", "borough", "port",
      "ford", "field", "wood", "dale", "ton", "son", "chester", "mouth", "bury", "haven", "view", "ridge");

  static final Set<String> UNIT_WORDS = set("apt", "apartment", "suite", "ste", "unit", "box", "floor", "fl",
      "room", "rm", "bldg", "building", "psc", "cmr");

  static final Set<String> MILITARY_POST = set("apo", "fpo", "dpo");

  /** US Navy and Coast Guard ship prefixes, the first line of a military address: "USNS Bergman / FPO AP 93757". */
  static final Set<String> SHIP_PREFIXES = set("uss", "usns", "usnv", "uscgc");

  /**
   * Words of country names (ISO 3166 short names in English, without the generic words "United", "South",
   * "Islands"…): the last line of an international address block, "Czech Republic 67420".
   */
  static final Set<String> COUNTRY_WORDS = set(
      "afghanistan", "africa", "albania", "algeria", "andorra", "angola", "anguilla", "antigua", "arabia", "argentina",
      "armenia", "aruba", "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados",
      "barbuda", "belarus", "belgium", "belize", "benin", "bermuda", "bhutan", "bolivia", "bosnia", "botswana",
      "brazil", "brunei", "bulgaria", "burkina", "burma", "burundi", "caledonia", "cambodia", "cameroon", "canada",
      "chile", "china", "colombia", "comoros", "congo", "croatia", "cuba", "cyprus", "czech", "czechia", "denmark",
      "djibouti", "dominica", "dominican", "ecuador", "egypt", "emirates", "england", "eritrea", "estonia", "eswatini",
      "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "germany", "ghana", "gibraltar", "greece",
      "greenland", "grenada", "guadeloupe", "guam", "guatemala", "guernsey", "guiana", "guyana", "haiti", "herzegovina",
      "holland", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy",
      "jamaica", "japan", "kazakhstan", "kenya", "kingdom", "kiribati", "korea", "kuwait", "kyrgyzstan", "lanka",
      "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
      "macedonia", "madagascar", "malawi", "malaysia", "maldives", "malta", "martinique", "mauritania", "mauritius",
      "mayotte", "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "montserrat", "morocco",
      "mozambique", "myanmar", "namibia", "nauru", "nepal", "netherlands", "nicaragua", "nigeria", "norway", "oman",
      "pakistan", "palau", "panama", "paraguay", "peru", "philippines", "poland", "polynesia", "portugal", "qatar",
      "republic", "rica", "rico", "romania", "russia", "rwanda", "samoa", "saudi", "scotland", "senegal", "serbia",
      "seychelles", "singapore", "slovakia", "slovenia", "somalia", "spain", "sudan", "suriname", "sweden",
      "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tobago", "togo", "tonga", "trinidad",
      "tunisia", "turkmenistan", "tuvalu", "uganda", "uk", "ukraine", "uruguay", "usa", "uzbekistan", "vanuatu",
      "vatican", "venezuela", "vietnam", "wales", "yemen", "zambia", "zealand", "zimbabwe");

  static final Set<String> STATE_CODES = set("al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga",
      "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv",
      "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va",
      "wa", "wv", "wi", "wy", "aa", "ae", "ap");

  static final Set<String> LOCATION_CUES = set("in", "from", "near", "at", "to", "of");

  static final Set<String> LIVE_VERBS = set("transfered", "trans", "tx", "flighted", "go", "going", "discharged",
      "dc'd", "lives", "live", "living", "lived", "moved", "moving", "resides",
      "reside", "residing", "born", "grew", "relocated", "visiting", "flew", "traveled", "travelled", "drove",
      "returned", "transferred", "transfer", "admitted", "came", "coming", "arrived", "sent", "went", "trip");

  static final Map<String, Integer> MONTHS = new HashMap<>();
  static final Map<String, Integer> NUMBERS = new HashMap<>();
  static final Map<String, Integer> ORDINALS = new HashMap<>();

  static {
    String[][] months = {{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
        {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"}, {"october", "oct"},
        {"november", "nov"}, {"december", "dec"}};
    for (int m = 0; m < months.length; m++) {
      for (String name : months[m]) {
        MONTHS.put(name, m + 1);
      }
    }
    String[] units = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < units.length; i++) {
      NUMBERS.put(units[i], i);
    }
    NUMBERS.put("oh", 0);
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      NUMBERS.put(tens[i], 20 + i * 10);
    }
    String[] ord = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
        "nineteenth", "twentieth"};
    for (int i = 1; i < ord.length; i++) {
      ORDINALS.put(ord[i], i);
    }
    ORDINALS.put("thirtieth", 30);
  }

  static boolean isTitle(String lower) {
    return CLINICIAN_TITLES.contains(lower) || PERSON_TITLES.contains(lower);
  }
}
