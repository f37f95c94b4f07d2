#include "segment/language.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

const absl::flat_hash_set<std::string_view>& EnglishWords() {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with",
      "as", "by", "at", "from", "its", "it", "this", "be", "are", "were", "has",
      "have", "had", "which", "who", "said", "says", "will", "would", "an",
      "their", "than", "but", "not", "or", "been", "after", "year", "shares",
      "share", "stock", "company", "percent", "billion", "million", "up",
      "down", "over", "into", "about", "more", "they", "he", "she", "we", "also",
      "deal", "orders", "its", "our", "new", "last", "week"};
  return *words;
}

const absl::flat_hash_set<std::string_view>& FrenchWords() {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en",
      "dans", "pour", "par", "sur", "au", "aux", "avec", "qui", "que", "se",
      "ses", "son", "sa", "ce", "cette", "il", "elle", "ils", "sont", "ont",
      "été", "a", "pas", "plus", "mais", "ou", "selon", "titre", "action",
      "actions", "milliards", "millions", "euros", "dollars", "société",
      "groupe", "entre", "après", "chez", "vers", "contre", "leur", "leurs",
      "nous", "d'un", "d'une", "l'entreprise", "c'est", "n'est", "année"};
  return *words;
}

bool IsWordByte(unsigned char c) {
  return std::isalpha(c) || c >= 0x80 || c == '\'';
}

}  // namespace

std::string_view DetectLanguage(std::string_view text) {
  text = text.substr(0, 64 * 1024);
  double english = 0;
  double french = 0;
  int words = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && !IsWordByte(static_cast<unsigned char>(text[at]))) ++at;
    std::size_t end = at;
    while (end < text.size() && IsWordByte(static_cast<unsigned char>(text[end]))) ++end;
    if (end == at) break;
    std::string word = AsciiLower(text.substr(at, end - at));
    at = end;
    ++words;
    if (EnglishWords().contains(word)) english += 1;
    if (FrenchWords().contains(word)) french += 1;
    // Elided articles and pronouns: l'action, d'IA, qu'il.
    if (word.size() > 2 && word[1] == '\'' &&
        std::string_view("ldjnmcst").find(word[0]) != std::string_view::npos) {
      french += 1;
    } else if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
      english += 1;
    }
    auto ends_with = [&word](std::string_view suffix) {
      return word.size() > suffix.size() + 2 &&
             std::string_view(word).substr(word.size() - suffix.size()) == suffix;
    };
    if (ends_with("ed") || ends_with("ing") || ends_with("ly")) english += 0.5;
    if (ends_with("\xC3\xA9") || ends_with("\xC3\xA9" "e") || ends_with("\xC3\xA9" "s") ||
        ends_with("ment") || ends_with("eux") || ends_with("aient")) {
      french += 0.5;
    }
    // Letters French uses and English does not: é è ê à ç ù û î ô.
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
      if (static_cast<unsigned char>(word[i]) == 0xC3) {
        const unsigned char next = static_cast<unsigned char>(word[i + 1]);
        if (next == 0xA9 || next == 0xA8 || next == 0xAA || next == 0xA0 ||
            next == 0xA7 || next == 0xB9 || next == 0xBB || next == 0xAE ||
            next == 0xB4) {
          french += 0.5;
          break;
        }
      }
    }
  }
  const double best = std::max(english, french);
  // At least one clear cue, and cues in a fair share of the words: German or
  // binary text shares a few words by chance, never many.
  if (best < 1 || best < 0.15 * words || std::abs(english - french) < 0.5) {
    return "und";
  }
  return english > french ? "en" : "fr";
}

}  // namespace newsevents::internal
