#include "segment/language.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

// Function words and the words of business news, each frequent in one
// language and rare in the other ("a" is both, so neither list has it).
const absl::flat_hash_set<std::string_view>& EnglishWords() {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with",
      "as", "by", "at", "from", "its", "it", "this", "be", "are", "were", "has",
      "have", "had", "which", "who", "said", "says", "will", "would", "an",
      "their", "than", "but", "not", "or", "been", "after", "before", "year",
      "shares", "share", "stock", "company", "percent", "billion", "million",
      "up", "down", "over", "into", "about", "more", "they", "he", "she", "we",
      "also", "deal", "orders", "our", "new", "last", "week", "per", "cent",
      "pct", "vs", "cts", "dlrs", "mln", "bln", "shr", "revs", "qtr", "mths",
      "div", "prior", "pay", "record", "note", "net", "loss", "profit",
      "dividend", "dividends", "reports", "reported", "announced", "quarter",
      "quarterly", "sales", "revenue", "earnings", "plc", "inc", "corp", "ltd",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "what", "when",
      "there", "could", "should", "market", "markets", "trade", "during",
      "because", "mainly", "includes", "including", "provides", "via", "according",
      "makes", "again", "gave", "please", "further", "information", "full", "name",
      "growth", "result", "results", "services", "products", "business", "these",
      "those", "such", "other", "all", "out", "off", "only", "most", "some", "any",
      "can", "may", "if", "so", "no", "do", "does", "did", "his", "her", "them",
      "then", "while", "where", "how", "why", "between", "through", "under",
      "against", "since", "until", "both", "each", "own", "same", "well", "just",
      "like", "now", "first", "two", "three", "expected", "increase", "decrease",
      "operating", "period", "compared", "rose", "fell", "agreement", "contract"};
  return *words;
}

const absl::flat_hash_set<std::string_view>& FrenchWords() {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en",
      "dans", "pour", "par", "sur", "au", "aux", "avec", "qui", "que", "se",
      "ses", "son", "sa", "ce", "cette", "il", "elle", "ils", "sont", "ont",
      "\xC3\xA9t\xC3\xA9", "pas", "plus", "mais", "ou", "selon", "titre", "action",
      "actions", "milliards", "millions", "euros", "soci\xC3\xA9t\xC3\xA9", "groupe",
      "entre", "apr\xC3\xA8s", "chez", "vers", "contre", "leur", "leurs", "nous",
      "ann\xC3\xA9" "e", "janvier", "f\xC3\xA9vrier", "mars", "avril", "mai", "juin",
      "juillet", "ao\xC3\xBBt", "septembre", "octobre", "novembre",
      "d\xC3\xA9" "cembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
      "samedi", "dimanche", "hausse", "baisse", "chiffre", "affaires", "bourse",
      "entreprise", "milliard", "ans", "aussi", "\xC3\xAAtre", "fait", "sera",
      "\xC3\xA9tait", "dont", "o\xC3\xB9", "tr\xC3\xA8s", "comme", "ainsi", "lors",
      "cours", "march\xC3\xA9", "pays", "gouvernement", "droits", "douane", "ne",
      "je", "tu", "vous", "on", "y", "mes", "nos", "vos", "ces", "celui", "celle",
      "sans", "sous", "depuis", "pendant", "avant", "encore", "toujours", "d\xC3\xA9j\xC3\xA0",
      "tout", "tous", "toute", "toutes", "autre", "autres", "m\xC3\xAAme", "bien",
      "peu", "beaucoup", "faire", "avoir", "peut", "doit", "selon", "contrat",
      "commandes", "serveurs", "hausse", "recul", "chez", "ainsi", "notamment",
      "environ", "pourcentage", "premier", "premi\xC3\xA8re", "deux", "trois"};
  return *words;
}

// Function words of the languages most often mistaken for these two in
// European news (German, Dutch, Spanish, Italian): text that scores as high
// for them is neither English nor French.
const absl::flat_hash_set<std::string_view>& OtherWords() {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "der", "die", "das", "und", "von", "am", "mit", "ist", "nicht", "auf",
      "f\xC3\xBCr", "ein", "eine", "sich", "dem", "den", "zu", "im", "bei", "wird",
      "het", "een", "van", "zijn", "niet", "ook", "voor", "met", "el", "los",
      "las", "del", "por", "con", "una", "para", "della",
      "di", "che", "sono", "gli", "nel"};
  return *words;
}

bool IsWordByte(unsigned char c) {
  return absl::ascii_isalpha(c) || c >= 0x80 || c == '\'';  // no locale call
}

// Which lists hold a word, from one lookup.
enum WordLists : std::uint8_t { kEnglish = 1, kFrench = 2, kOther = 4 };

const absl::flat_hash_map<std::string_view, std::uint8_t>& ListsOfWords() {
  static const auto* lists = [] {
    auto* map = new absl::flat_hash_map<std::string_view, std::uint8_t>();
    for (std::string_view word : EnglishWords()) (*map)[word] |= kEnglish;
    for (std::string_view word : FrenchWords()) (*map)[word] |= kFrench;
    for (std::string_view word : OtherWords()) (*map)[word] |= kOther;
    return map;
  }();
  return *lists;
}

}  // namespace

std::string_view DetectLanguage(std::string_view text) {
  text = text.substr(0, 64 * 1024);
  double english = 0;
  double french = 0;
  double other = 0;
  int common_words = 0;  // words not capitalized: names do not count
  const auto& lists = ListsOfWords();
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && !IsWordByte(static_cast<unsigned char>(text[at]))) ++at;
    std::size_t end = at;
    while (end < text.size() && IsWordByte(static_cast<unsigned char>(text[end]))) ++end;
    if (end == at) break;
    if (!absl::ascii_isupper(static_cast<unsigned char>(text[at]))) ++common_words;
    // Lowered on the stack: the scorer reads every word, and an allocation
    // each was most of its time. Only a very long word goes to the heap.
    char buffer[64];
    std::string long_word;
    char* lowered = buffer;
    if (end - at > sizeof(buffer)) {
      long_word.resize(end - at);
      lowered = long_word.data();
    }
    for (std::size_t i = at; i < end; ++i) {
      lowered[i - at] = absl::ascii_tolower(static_cast<unsigned char>(text[i]));
    }
    const std::string_view word(lowered, end - at);
    at = end;
    if (auto found = lists.find(word); found != lists.end()) {
      if (found->second & kEnglish) english += 1;
      if (found->second & kFrench) french += 1;
      if (found->second & kOther) other += 1;
    }
    // Elided articles and pronouns: l'action, d'IA, qu'il.
    if (word.size() > 2 && word[1] == '\'' &&
        std::string_view("ldjnmcst").find(word[0]) != std::string_view::npos) {
      french += 1;
    } else if (word.size() > 2 && word.substr(word.size() - 2) == "'s") {
      english += 1;
    }
    auto ends_with = [&word](std::string_view suffix) {
      return word.size() > suffix.size() + 2 && word.substr(word.size() - suffix.size()) == suffix;
    };
    if (ends_with("ed") || ends_with("ing") || ends_with("ly")) english += 0.5;
    // One pass over the letters: those French spells only in borrowed
    // words (th, wh, w, k), and those French uses and English does not
    // (é è ê à ç ù û î ô).
    bool borrowed = false;
    bool accented = false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(word[i]);
      borrowed = borrowed || c == 'w' || c == 'k' || (c == 'h' && i > 0 && word[i - 1] == 't');
      if (c == 0xC3 && i + 1 < word.size()) {
        const unsigned char next = static_cast<unsigned char>(word[i + 1]);
        accented = accented || next == 0xA9 || next == 0xA8 || next == 0xAA || next == 0xA0 ||
                   next == 0xA7 || next == 0xB9 || next == 0xBB || next == 0xAE || next == 0xB4;
      }
    }
    if (borrowed) english += 0.25;
    if (ends_with("\xC3\xA9") || ends_with("\xC3\xA9" "e") || ends_with("\xC3\xA9" "s") ||
        ends_with("ment") || ends_with("eux") || ends_with("aient")) {
      french += 0.5;
    }
    if (accented) french += 0.5;
  }
  const double best = std::max(english, french);
  // At least one clear cue, and cues for a fair share of the words that are
  // not names: German or binary text shares a few words by chance, never many.
  if (best < 1 || best < 0.2 * common_words || std::abs(english - french) < 0.5 ||
      other >= best) {
    return "und";
  }
  return english > french ? "en" : "fr";
}

}  // namespace newsevents::internal
