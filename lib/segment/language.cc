#include "segment/language.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "absl/strings/ascii.h"
#include "packed_word.h"

namespace newsevents::internal {
namespace {

// Function words and the words of business news, each frequent in one
// language and rare in the other ("a" is both, so neither list has it).
constexpr std::string_view kEnglishWords[] = {
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

constexpr std::string_view kFrenchWords[] = {
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

// Function words of the languages most often mistaken for these two in
// European news (German, Dutch, Spanish, Italian): text that scores as high
// for them is neither English nor French.
constexpr std::string_view kOtherWords[] = {
    "der", "die", "das", "und", "von", "am", "mit", "ist", "nicht", "auf",
    "f\xC3\xBCr", "ein", "eine", "sich", "dem", "den", "zu", "im", "bei", "wird",
    "het", "een", "van", "zijn", "niet", "ook", "voor", "met", "el", "los",
    "las", "del", "por", "con", "una", "para", "della",
    "di", "che", "sono", "gli", "nel"};

template <std::size_t N>
constexpr std::size_t LongestWord(const std::string_view (&words)[N]) {
  std::size_t longest = 0;
  for (std::string_view word : words) longest = word.size() > longest ? word.size() : longest;
  return longest;
}
static_assert(LongestWord(kEnglishWords) <= kPackedBytes &&
                  LongestWord(kFrenchWords) <= kPackedBytes &&
                  LongestWord(kOtherWords) <= kPackedBytes,
              "a listed word must fit the packed key");

// Which lists hold a word.
enum WordLists : std::uint8_t { kEnglish = 1, kFrench = 2, kOther = 4 };

// Every word of the text is looked up, and most are in no list.
class WordTable {
 public:
  WordTable() {
    AddAll(kEnglishWords, kEnglish);
    AddAll(kFrenchWords, kFrench);
    AddAll(kOtherWords, kOther);
  }

  std::uint8_t ListsOf(const PackedWord& word) const {
    const std::uint8_t* lists = lists_.Find(word);
    return lists == nullptr ? 0 : *lists;
  }

 private:
  template <std::size_t N>
  void AddAll(const std::string_view (&words)[N], WordLists list) {
    for (std::string_view text : words) lists_[PackLowered(text)] |= list;
  }

  // Room for twice the words: a table a quarter full, not half, since most
  // words are in no list and a miss probes on to an empty slot.
  PackedWordTable<std::uint8_t> lists_{2 * (std::size(kEnglishWords) + std::size(kFrenchWords) +
                                            std::size(kOtherWords))};
};

const WordTable& ListedWords() {
  static const auto* table = new WordTable();
  return *table;
}

// What the scorer reads of a byte, from one table lookup. kPrecedesH and
// kFollowsT, kC3 and kAccentAfterC3, are a bit apart, so that a pair is
// found by shifting the previous byte's traits onto the current one's.
enum ByteTraits : std::uint8_t {
  kWordByte = 1,          // letters, bytes of other scripts, the apostrophe
  kBorrowedLetter = 2,    // w, k: French spells them only in borrowed words
  kPrecedesH = 4,         // t, for th
  kFollowsT = 8,          // h
  kC3 = 16,               // the lead byte of é è ê à ç ù û î ô
  kAccentAfterC3 = 32,    // their second bytes
};

constexpr std::array<std::uint8_t, 256> MakeByteTraits() {
  std::array<std::uint8_t, 256> traits{};
  for (int c = 0; c < 256; ++c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter || c >= 0x80 || c == '\'') traits[c] |= kWordByte;
    const int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (lower == 'w' || lower == 'k') traits[c] |= kBorrowedLetter;
    if (lower == 't') traits[c] |= kPrecedesH;
    if (lower == 'h') traits[c] |= kFollowsT;
  }
  traits[0xC3] |= kC3;
  for (int second : {0xA9, 0xA8, 0xAA, 0xA0, 0xA7, 0xB9, 0xBB, 0xAE, 0xB4}) {
    traits[second] |= kAccentAfterC3;
  }
  return traits;
}
constexpr std::array<std::uint8_t, 256> kByteTraits = MakeByteTraits();
static_assert(kPrecedesH << 1 == kFollowsT && kC3 << 1 == kAccentAfterC3,
              "pairs are found by a shift of one");

// A suffix packed as PackedWord::last holds it.
struct Suffix {
  constexpr explicit Suffix(std::string_view text) : length(text.size()) {
    for (char c : text) bytes = bytes << 8 | static_cast<unsigned char>(c);
    mask = (std::uint64_t{1} << (8 * length)) - 1;
  }
  // A suffix counts only on a word at least three bytes longer than it.
  bool EndsWord(const PackedWord& word, std::size_t word_length) const {
    return word_length > length + 2 && (word.last & mask) == bytes;
  }

  std::size_t length;
  std::uint64_t bytes = 0;
  std::uint64_t mask = 0;
};

constexpr Suffix kPossessive("'s");
constexpr Suffix kEd("ed");
constexpr Suffix kIng("ing");
constexpr Suffix kLy("ly");
constexpr Suffix kEAcute("\xC3\xA9");
constexpr Suffix kEAcuteE("\xC3\xA9" "e");
constexpr Suffix kEAcuteS("\xC3\xA9" "s");
constexpr Suffix kMent("ment");
constexpr Suffix kEux("eux");
constexpr Suffix kAient("aient");

}  // namespace

std::string_view DetectLanguage(std::string_view text) {
  text = text.substr(0, 64 * 1024);
  // In quarter points, so that the sums are exact integers.
  int english = 0;
  int french = 0;
  int other = 0;
  int common_words = 0;  // words not capitalized: names do not count
  const WordTable& listed = ListedWords();
  std::size_t at = 0;
  while (true) {
    while (at < text.size() && !(kByteTraits[static_cast<unsigned char>(text[at])] & kWordByte)) ++at;
    if (at == text.size()) break;
    const std::size_t start = at;
    if (!absl::ascii_isupper(static_cast<unsigned char>(text[start]))) ++common_words;
    // One pass over the word: its last bytes, and which letters and pairs
    // of letters it holds.
    std::uint64_t last_bytes = 0;
    std::uint8_t letters = 0;
    std::uint8_t pairs = 0;
    std::uint8_t previous = 0;
    for (; at < text.size(); ++at) {
      const auto byte = static_cast<unsigned char>(text[at]);
      const std::uint8_t traits = kByteTraits[byte];
      if (!(traits & kWordByte)) break;
      last_bytes = PushByte(last_bytes, byte);
      letters |= traits;
      pairs |= static_cast<std::uint8_t>(previous << 1) & traits;
      previous = traits;
    }
    const std::size_t length = at - start;
    const std::size_t last_start = length > 8 ? at - 8 : start;
    // Words longer than the key are never looked up: their `before` is not
    // needed (the suffixes are in `last`).
    const PackedWord word = PackLowered(
        length <= kPackedBytes ? text.substr(start, last_start - start) : std::string_view(),
        last_bytes);
    if (length <= kPackedBytes) {
      const std::uint8_t lists = listed.ListsOf(word);
      if (lists & kEnglish) english += 4;
      if (lists & kFrench) french += 4;
      if (lists & kOther) other += 4;
    }
    // French spells th, wh, w and k only in borrowed words, and English
    // does not use é è ê à ç ù û î ô.
    const bool borrowed = (letters & kBorrowedLetter) || (pairs & kFollowsT);
    const bool accented = pairs & kAccentAfterC3;
    auto ends_with = [&word, length](const Suffix& suffix) { return suffix.EndsWord(word, length); };
    // Elided articles and pronouns: l'action, d'IA, qu'il.
    if (length > 2 && text[start + 1] == '\'' &&
        std::string_view("ldjnmcst").find(absl::ascii_tolower(static_cast<unsigned char>(text[start]))) !=
            std::string_view::npos) {
      french += 4;
    } else if (length > 2 && (word.last & kPossessive.mask) == kPossessive.bytes) {
      english += 4;
    }
    if (ends_with(kEd) || ends_with(kIng) || ends_with(kLy)) english += 2;
    if (borrowed) english += 1;
    if (ends_with(kEAcute) || ends_with(kEAcuteE) || ends_with(kEAcuteS) || ends_with(kMent) ||
        ends_with(kEux) || ends_with(kAient)) {
      french += 2;
    }
    if (accented) french += 2;
  }
  const double english_points = english / 4.0;
  const double french_points = french / 4.0;
  const double best = std::max(english_points, french_points);
  // At least one clear cue, and cues for a fair share of the words that are
  // not names: German or binary text shares a few words by chance, never many.
  if (best < 1 || best < 0.2 * common_words || std::abs(english_points - french_points) < 0.5 ||
      other / 4.0 >= best) {
    return "und";
  }
  return english_points > french_points ? "en" : "fr";
}

}  // namespace newsevents::internal
