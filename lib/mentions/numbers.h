// Reading numbers as news writes them, in English and French: digits with
// their grouping and decimal marks ("1,234.5", "1 234,5", "1.000.000"),
// words ("twenty-one", "quatre-vingt-dix-neuf", "two and a half million"),
// scales ("2.3bn", "10k", "5 milliards"), fractions ("3/8", "1-1/2",
// "two thirds", "un quart"), powers ("1.3e6") and signs ("-3.8", "minus five").
//
//   auto reader = NumberReader::Create("en");
//   for (const NumberSpan& n : reader.value()->Find("about 1-1/2 million")) ...
//   // [6, 19) value 1.5e6
//
// Thread safety: a NumberReader is immutable after Create; Find may run on
// many threads at once.
#ifndef NEWSEVENTS_LIB_MENTIONS_NUMBERS_H_
#define NEWSEVENTS_LIB_MENTIONS_NUMBERS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsevents/status.h"
#include "packed_word.h"
#include "re2/re2.h"

namespace newsevents::internal {

// One number as written in text.
struct NumberSpan {
  std::size_t begin = 0;  // byte offsets in the text given to Find
  std::size_t end = 0;
  double value = 0;
  double scale = 1;        // the scale word or suffix it carries: 1e6 for "2 million"
  bool words = false;      // written at least partly in words
  bool fraction = false;   // 3/8, 1-1/2, two thirds
  bool decimal = false;    // digits after a decimal mark
  bool grouped = false;    // digits with group separators: 12,000
  bool signed_ = false;    // written with a sign or "minus"
  bool prepositional = false;  // "one out of three", "1 over 3" (see Options)
  // A lone "one", "un", "une" or "half": as often an article or a pronoun
  // as a count, so mentions do not take it for a quantity on its own.
  bool weak = false;
  // Digits glued to a lowercase "m" ("300m"): millions after a currency
  // symbol ("£300m"), metres anywhere else. The number stops before the m,
  // which ends at m_end; 0 when there is none.
  std::size_t m_end = 0;
  // The digits are glued to letters that are not a scale or a currency
  // ("180ml", "4th"): not a number on its own.
  bool glued = false;
  bool glued_left = false;   // letters right before ("USD115", "H100")
  bool glued_right = false;  // letters right after ("115USD", "180ml")
};

class NumberReader {
 public:
  struct Options {
    // Read "one over three", "2000 over 3", "un sur trois", "one out of
    // three", "1 in 21" as fractions ("out of", "in" and "sur" only when the
    // first is the smaller). Off for mentions: in news "over 3 years" is a
    // qualifier, and "one in three" a proportion.
    bool prepositional_fractions = false;
  };

  static StatusOr<std::unique_ptr<NumberReader>> Create(std::string lang,
                                                        Options options);
  static StatusOr<std::unique_ptr<NumberReader>> Create(std::string lang) {
    return Create(std::move(lang), Options());
  }

  // Every number of `text`, in order, never overlapping. Numbers glued to
  // letters ("180ml") come back with `glued` set.
  std::vector<NumberSpan> Find(std::string_view text) const;

  // False only where no number Find returns can begin: `at` starts no
  // digits, sign, vulgar fraction or number word (a superset, for the
  // mention gate: a number begins with the first atom of its run).
  bool MayBeginAt(std::string_view text, std::size_t at) const;

  const std::string& lang() const { return lang_; }

  // What a word means to numbers (public for the parser in numbers.cc).
  enum class WordClass {
    kNone, kZero, kUnit, kTen, kTeen, kTens, kHundred, kScale, kDozen,
    kOrdinal, kHalf, kArticle, kAnd, kPoint, kMinus, kOver, kOutOf, kOf, kVulgar,
  };
  struct WordInfo {
    WordClass cls = WordClass::kNone;
    double value = 0;
    bool plural = false;
    bool abbreviation = false;  // k, M, bn, Md: only after digits
    bool compound_only = false; // first, second: a denominator only in
                                // compounds (twenty-first), never "a second"
  };

 private:
  NumberReader() = default;

  std::string lang_;
  Options options_;
  std::unique_ptr<RE2> digits_;  // one digit token, anchored
  // What `word` means to numbers, or null. Accents and case do not count
  // ("Cinquième" reads as "cinquieme").
  const WordInfo* MeaningOf(std::string_view word) const;

  PackedWordTable<WordInfo> words_;  // folded word -> meaning
  friend class NumberParser;
};

// Value of a digit token as DigitPattern(lang) matches it: "1,234.5" -> 1234.5
// (en), "4,3" -> 4.3 and "1.000.000" -> 1e6 (fr), "3/8", "1-1/2", "1.3e6".
std::optional<double> ParseDigits(std::string_view text, std::string_view lang);

// A scale word or suffix in `lang`: "billion", "bn", "mln", "M", "k",
// "milliards", "Md" -> its multiplier; nullopt if unknown. French "billion"
// is 1e12, as French writes it.
std::optional<double> ScaleOf(std::string_view word, std::string_view lang);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_NUMBERS_H_
