#include "mentions/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "absl/strings/ascii.h"
#include "mentions/scan.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

using WordClass = NumberReader::WordClass;
using WordInfo = NumberReader::WordInfo;

struct LexiconEntry {
  std::string_view lang;  // "en", "fr", or "" for both
  std::string_view word;  // folded: lower case, no accents
  WordClass cls;
  double value;
  bool plural;
  bool compound_only;
};

constexpr double kK = 1e3, kM = 1e6, kG = 1e9, kT = 1e12;

// The number words of each language, folded (FoldWord removes accents, so
// "cinquième" and "cinquieme" read the same).
constexpr LexiconEntry kLexicon[] = {
    // English.
    {"en", "zero", WordClass::kZero, 0, false, false},
    {"en", "nought", WordClass::kZero, 0, false, false},
    {"en", "naught", WordClass::kZero, 0, false, false},
    {"en", "one", WordClass::kUnit, 1, false, false},
    {"en", "two", WordClass::kUnit, 2, false, false},
    {"en", "three", WordClass::kUnit, 3, false, false},
    {"en", "four", WordClass::kUnit, 4, false, false},
    {"en", "five", WordClass::kUnit, 5, false, false},
    {"en", "six", WordClass::kUnit, 6, false, false},
    {"en", "seven", WordClass::kUnit, 7, false, false},
    {"en", "eight", WordClass::kUnit, 8, false, false},
    {"en", "nine", WordClass::kUnit, 9, false, false},
    {"en", "ten", WordClass::kTen, 10, false, false},
    {"en", "eleven", WordClass::kTeen, 11, false, false},
    {"en", "twelve", WordClass::kTeen, 12, false, false},
    {"en", "thirteen", WordClass::kTeen, 13, false, false},
    {"en", "fourteen", WordClass::kTeen, 14, false, false},
    {"en", "fifteen", WordClass::kTeen, 15, false, false},
    {"en", "sixteen", WordClass::kTeen, 16, false, false},
    {"en", "seventeen", WordClass::kTeen, 17, false, false},
    {"en", "eighteen", WordClass::kTeen, 18, false, false},
    {"en", "nineteen", WordClass::kTeen, 19, false, false},
    {"en", "twenty", WordClass::kTens, 20, false, false},
    {"en", "thirty", WordClass::kTens, 30, false, false},
    {"en", "forty", WordClass::kTens, 40, false, false},
    {"en", "fourty", WordClass::kTens, 40, false, false},
    {"en", "fifty", WordClass::kTens, 50, false, false},
    {"en", "sixty", WordClass::kTens, 60, false, false},
    {"en", "seventy", WordClass::kTens, 70, false, false},
    {"en", "eighty", WordClass::kTens, 80, false, false},
    {"en", "ninety", WordClass::kTens, 90, false, false},
    {"en", "hundred", WordClass::kHundred, 100, false, false},
    {"en", "hundreds", WordClass::kHundred, 100, true, false},
    {"en", "thousand", WordClass::kScale, kK, false, false},
    {"en", "thousands", WordClass::kScale, kK, true, false},
    {"en", "million", WordClass::kScale, kM, false, false},
    {"en", "millions", WordClass::kScale, kM, true, false},
    {"en", "billion", WordClass::kScale, kG, false, false},
    {"en", "billions", WordClass::kScale, kG, true, false},
    {"en", "trillion", WordClass::kScale, kT, false, false},
    {"en", "trillions", WordClass::kScale, kT, true, false},
    {"", "lakh", WordClass::kScale, 1e5, false, false},
    {"", "lakhs", WordClass::kScale, 1e5, true, false},
    {"", "crore", WordClass::kScale, 1e7, false, false},
    {"", "crores", WordClass::kScale, 1e7, true, false},
    {"en", "dozen", WordClass::kDozen, 12, false, false},
    {"en", "dozens", WordClass::kDozen, 12, true, false},
    {"en", "doz", WordClass::kDozen, 12, false, false},
    {"en", "dozs", WordClass::kDozen, 12, true, false},
    {"en", "dzs", WordClass::kDozen, 12, true, false},
    {"en", "first", WordClass::kOrdinal, 1, false, true},
    {"en", "firsts", WordClass::kOrdinal, 1, true, true},
    {"en", "second", WordClass::kOrdinal, 2, false, true},
    {"en", "seconds", WordClass::kOrdinal, 2, true, true},
    {"en", "third", WordClass::kOrdinal, 3, false, false},
    {"en", "thirds", WordClass::kOrdinal, 3, true, false},
    {"en", "fourth", WordClass::kOrdinal, 4, false, false},
    {"en", "fourths", WordClass::kOrdinal, 4, true, false},
    {"en", "quarter", WordClass::kOrdinal, 4, false, false},
    {"en", "quarters", WordClass::kOrdinal, 4, true, false},
    {"en", "fifth", WordClass::kOrdinal, 5, false, false},
    {"en", "fifths", WordClass::kOrdinal, 5, true, false},
    {"en", "sixth", WordClass::kOrdinal, 6, false, false},
    {"en", "sixths", WordClass::kOrdinal, 6, true, false},
    {"en", "seventh", WordClass::kOrdinal, 7, false, false},
    {"en", "sevenths", WordClass::kOrdinal, 7, true, false},
    {"en", "eighth", WordClass::kOrdinal, 8, false, false},
    {"en", "eighths", WordClass::kOrdinal, 8, true, false},
    {"en", "ninth", WordClass::kOrdinal, 9, false, false},
    {"en", "ninths", WordClass::kOrdinal, 9, true, false},
    {"en", "tenth", WordClass::kOrdinal, 10, false, false},
    {"en", "tenths", WordClass::kOrdinal, 10, true, false},
    {"en", "eleventh", WordClass::kOrdinal, 11, false, false},
    {"en", "elevenths", WordClass::kOrdinal, 11, true, false},
    {"en", "twelfth", WordClass::kOrdinal, 12, false, false},
    {"en", "twelfths", WordClass::kOrdinal, 12, true, false},
    {"en", "thirteenth", WordClass::kOrdinal, 13, false, false},
    {"en", "thirteenths", WordClass::kOrdinal, 13, true, false},
    {"en", "fourteenth", WordClass::kOrdinal, 14, false, false},
    {"en", "fourteenths", WordClass::kOrdinal, 14, true, false},
    {"en", "fifteenth", WordClass::kOrdinal, 15, false, false},
    {"en", "fifteenths", WordClass::kOrdinal, 15, true, false},
    {"en", "sixteenth", WordClass::kOrdinal, 16, false, false},
    {"en", "sixteenths", WordClass::kOrdinal, 16, true, false},
    {"en", "seventeenth", WordClass::kOrdinal, 17, false, false},
    {"en", "seventeenths", WordClass::kOrdinal, 17, true, false},
    {"en", "eighteenth", WordClass::kOrdinal, 18, false, false},
    {"en", "eighteenths", WordClass::kOrdinal, 18, true, false},
    {"en", "nineteenth", WordClass::kOrdinal, 19, false, false},
    {"en", "nineteenths", WordClass::kOrdinal, 19, true, false},
    {"en", "twentieth", WordClass::kOrdinal, 20, false, false},
    {"en", "twentieths", WordClass::kOrdinal, 20, true, false},
    {"en", "thirtieth", WordClass::kOrdinal, 30, false, false},
    {"en", "thirtieths", WordClass::kOrdinal, 30, true, false},
    {"en", "fortieth", WordClass::kOrdinal, 40, false, false},
    {"en", "fortieths", WordClass::kOrdinal, 40, true, false},
    {"en", "fiftieth", WordClass::kOrdinal, 50, false, false},
    {"en", "fiftieths", WordClass::kOrdinal, 50, true, false},
    {"en", "sixtieth", WordClass::kOrdinal, 60, false, false},
    {"en", "sixtieths", WordClass::kOrdinal, 60, true, false},
    {"en", "seventieth", WordClass::kOrdinal, 70, false, false},
    {"en", "seventieths", WordClass::kOrdinal, 70, true, false},
    {"en", "eightieth", WordClass::kOrdinal, 80, false, false},
    {"en", "eightieths", WordClass::kOrdinal, 80, true, false},
    {"en", "ninetieth", WordClass::kOrdinal, 90, false, false},
    {"en", "ninetieths", WordClass::kOrdinal, 90, true, false},
    {"en", "hundredth", WordClass::kOrdinal, 100, false, false},
    {"en", "hundredths", WordClass::kOrdinal, 100, true, false},
    {"en", "thousandth", WordClass::kOrdinal, kK, false, false},
    {"en", "thousandths", WordClass::kOrdinal, kK, true, false},
    {"en", "millionth", WordClass::kOrdinal, kM, false, false},
    {"en", "millionths", WordClass::kOrdinal, kM, true, false},
    {"en", "billionth", WordClass::kOrdinal, kG, false, false},
    {"en", "billionths", WordClass::kOrdinal, kG, true, false},
    {"en", "trillionth", WordClass::kOrdinal, kT, false, false},
    {"en", "trillionths", WordClass::kOrdinal, kT, true, false},
    {"en", "half", WordClass::kHalf, 2, false, false},
    {"en", "halves", WordClass::kHalf, 2, true, false},
    {"en", "a", WordClass::kArticle, 1, false, false},
    {"en", "an", WordClass::kArticle, 1, false, false},
    {"en", "and", WordClass::kAnd, 0, false, false},
    {"en", "point", WordClass::kPoint, 0, false, false},
    {"en", "minus", WordClass::kMinus, 0, false, false},
    {"en", "negative", WordClass::kMinus, 0, false, false},
    {"en", "over", WordClass::kOver, 0, false, false},
    {"en", "out", WordClass::kOutOf, 0, false, false},
    {"en", "in", WordClass::kOutOf, 0, false, false},
    {"en", "of", WordClass::kOf, 0, false, false},
    // French.
    {"fr", "zero", WordClass::kZero, 0, false, false},
    {"fr", "un", WordClass::kUnit, 1, false, false},
    {"fr", "une", WordClass::kUnit, 1, false, false},
    {"fr", "deux", WordClass::kUnit, 2, false, false},
    {"fr", "trois", WordClass::kUnit, 3, false, false},
    {"fr", "quatre", WordClass::kUnit, 4, false, false},
    {"fr", "cinq", WordClass::kUnit, 5, false, false},
    {"fr", "six", WordClass::kUnit, 6, false, false},
    {"fr", "sept", WordClass::kUnit, 7, false, false},
    {"fr", "huit", WordClass::kUnit, 8, false, false},
    {"fr", "neuf", WordClass::kUnit, 9, false, false},
    {"fr", "dix", WordClass::kTen, 10, false, false},
    {"fr", "onze", WordClass::kTeen, 11, false, false},
    {"fr", "douze", WordClass::kTeen, 12, false, false},
    {"fr", "treize", WordClass::kTeen, 13, false, false},
    {"fr", "quatorze", WordClass::kTeen, 14, false, false},
    {"fr", "quinze", WordClass::kTeen, 15, false, false},
    {"fr", "seize", WordClass::kTeen, 16, false, false},
    {"fr", "vingt", WordClass::kTens, 20, false, false},
    {"fr", "vingts", WordClass::kTens, 20, true, false},
    {"fr", "trente", WordClass::kTens, 30, false, false},
    {"fr", "quarante", WordClass::kTens, 40, false, false},
    {"fr", "cinquante", WordClass::kTens, 50, false, false},
    {"fr", "soixante", WordClass::kTens, 60, false, false},
    {"fr", "septante", WordClass::kTens, 70, false, false},
    {"fr", "huitante", WordClass::kTens, 80, false, false},
    {"fr", "octante", WordClass::kTens, 80, false, false},
    {"fr", "nonante", WordClass::kTens, 90, false, false},
    {"fr", "cent", WordClass::kHundred, 100, false, false},
    {"fr", "cents", WordClass::kHundred, 100, true, false},
    {"fr", "mille", WordClass::kScale, kK, false, false},
    {"fr", "milliers", WordClass::kScale, kK, true, false},
    {"fr", "million", WordClass::kScale, kM, false, false},
    {"fr", "millions", WordClass::kScale, kM, true, false},
    {"fr", "milliard", WordClass::kScale, kG, false, false},
    {"fr", "milliards", WordClass::kScale, kG, true, false},
    // French keeps the long scale: un billion is 10^12.
    {"fr", "billion", WordClass::kScale, kT, false, false},
    {"fr", "billions", WordClass::kScale, kT, true, false},
    {"fr", "billiard", WordClass::kScale, 1e15, false, false},
    {"fr", "billiards", WordClass::kScale, 1e15, true, false},
    {"fr", "trillion", WordClass::kScale, 1e18, false, false},
    {"fr", "trillions", WordClass::kScale, 1e18, true, false},
    {"fr", "douzaine", WordClass::kDozen, 12, false, false},
    {"fr", "douzaines", WordClass::kDozen, 12, true, false},
    {"fr", "premier", WordClass::kOrdinal, 1, false, true},
    {"fr", "premiere", WordClass::kOrdinal, 1, false, true},
    {"fr", "unieme", WordClass::kOrdinal, 1, false, true},
    {"fr", "uniemes", WordClass::kOrdinal, 1, true, true},
    {"fr", "deuxieme", WordClass::kOrdinal, 2, false, true},
    {"fr", "tiers", WordClass::kOrdinal, 3, false, false},
    {"fr", "troisieme", WordClass::kOrdinal, 3, false, false},
    {"fr", "troisiemes", WordClass::kOrdinal, 3, true, false},
    {"fr", "quart", WordClass::kOrdinal, 4, false, false},
    {"fr", "quarts", WordClass::kOrdinal, 4, true, false},
    {"fr", "quatrieme", WordClass::kOrdinal, 4, false, false},
    {"fr", "quatriemes", WordClass::kOrdinal, 4, true, false},
    {"fr", "cinquieme", WordClass::kOrdinal, 5, false, false},
    {"fr", "cinquiemes", WordClass::kOrdinal, 5, true, false},
    {"fr", "sixieme", WordClass::kOrdinal, 6, false, false},
    {"fr", "sixiemes", WordClass::kOrdinal, 6, true, false},
    {"fr", "septieme", WordClass::kOrdinal, 7, false, false},
    {"fr", "septiemes", WordClass::kOrdinal, 7, true, false},
    {"fr", "huitieme", WordClass::kOrdinal, 8, false, false},
    {"fr", "huitiemes", WordClass::kOrdinal, 8, true, false},
    {"fr", "neuvieme", WordClass::kOrdinal, 9, false, false},
    {"fr", "neuviemes", WordClass::kOrdinal, 9, true, false},
    {"fr", "dixieme", WordClass::kOrdinal, 10, false, false},
    {"fr", "dixiemes", WordClass::kOrdinal, 10, true, false},
    {"fr", "vingtieme", WordClass::kOrdinal, 20, false, false},
    {"fr", "vingtiemes", WordClass::kOrdinal, 20, true, false},
    {"fr", "centieme", WordClass::kOrdinal, 100, false, false},
    {"fr", "centiemes", WordClass::kOrdinal, 100, true, false},
    {"fr", "millieme", WordClass::kOrdinal, kK, false, false},
    {"fr", "milliemes", WordClass::kOrdinal, kK, true, false},
    {"fr", "millionieme", WordClass::kOrdinal, kM, false, false},
    {"fr", "millioniemes", WordClass::kOrdinal, kM, true, false},
    {"fr", "milliardieme", WordClass::kOrdinal, kG, false, false},
    {"fr", "milliardiemes", WordClass::kOrdinal, kG, true, false},
    {"fr", "billionieme", WordClass::kOrdinal, kT, false, false},
    {"fr", "billioniemes", WordClass::kOrdinal, kT, true, false},
    {"fr", "trillionieme", WordClass::kOrdinal, 1e18, false, false},
    {"fr", "trillioniemes", WordClass::kOrdinal, 1e18, true, false},
    {"fr", "demi", WordClass::kHalf, 2, false, false},
    {"fr", "demie", WordClass::kHalf, 2, false, false},
    {"fr", "moitie", WordClass::kHalf, 2, false, false},
    {"fr", "et", WordClass::kAnd, 0, false, false},
    {"fr", "virgule", WordClass::kPoint, 0, false, false},
    {"fr", "negatif", WordClass::kMinus, 0, false, false},
    {"fr", "negative", WordClass::kMinus, 0, false, false},
    {"fr", "sur", WordClass::kOver, 0, false, false},
    {"fr", "de", WordClass::kOf, 0, false, false},
};

struct Abbreviation {
  std::string_view form;  // case matters: M is a million, m a metre
  WordClass cls;
  double value;
  bool spaced;  // may stand after a space ("2.33 k"), not only glued ("10k")
};

// Scale suffixes after digits, in either language.
constexpr Abbreviation kAbbreviations[] = {
    {"k", WordClass::kScale, kK, true},      {"K", WordClass::kScale, kK, true},
    {"M", WordClass::kScale, kM, true},      {"MM", WordClass::kScale, kM, true},
    {"mil", WordClass::kScale, kM, false},   {"mn", WordClass::kScale, kM, true},
    {"mln", WordClass::kScale, kM, true},    {"mio", WordClass::kScale, kM, true},
    {"Mio", WordClass::kScale, kM, true},    {"bn", WordClass::kScale, kG, true},
    {"bln", WordClass::kScale, kG, true},    {"b", WordClass::kScale, kG, false},
    {"B", WordClass::kScale, kG, false},     {"tn", WordClass::kScale, kT, true},
    {"tln", WordClass::kScale, kT, true},    {"trn", WordClass::kScale, kT, true},
    {"Md", WordClass::kScale, kG, true},     {"Mds", WordClass::kScale, kG, true},
    {"md", WordClass::kScale, kG, true},     {"mds", WordClass::kScale, kG, true},
    {"Mrd", WordClass::kScale, kG, true},    {"Mrds", WordClass::kScale, kG, true},
    {"dz", WordClass::kDozen, 12, true},     {"dzs", WordClass::kDozen, 12, true},
    {"doz", WordClass::kDozen, 12, true},    {"dozs", WordClass::kDozen, 12, true},
};

const Abbreviation* AbbreviationOf(std::string_view word) {
  for (const Abbreviation& abbreviation : kAbbreviations) {
    if (abbreviation.form == word) return &abbreviation;
  }
  return nullptr;
}

struct Vulgar {
  std::string_view form;
  double value;
};
constexpr Vulgar kVulgarFractions[] = {
    {"\xC2\xBD", 0.5},         {"\xE2\x85\x93", 1.0 / 3},  {"\xE2\x85\x94", 2.0 / 3},
    {"\xC2\xBC", 0.25},        {"\xC2\xBE", 0.75},         {"\xE2\x85\x95", 0.2},
    {"\xE2\x85\x96", 0.4},     {"\xE2\x85\x97", 0.6},      {"\xE2\x85\x98", 0.8},
    {"\xE2\x85\x99", 1.0 / 6}, {"\xE2\x85\x9A", 5.0 / 6},  {"\xE2\x85\x9B", 0.125},
    {"\xE2\x85\x9C", 0.375},   {"\xE2\x85\x9D", 0.625},    {"\xE2\x85\x9E", 0.875},
};

const Vulgar* VulgarAt(std::string_view text, std::size_t at) {
  // Every form is a non-ASCII character: most calls end here, at a letter.
  if (at >= text.size() || static_cast<unsigned char>(text[at]) < 0x80) return nullptr;
  for (const Vulgar& vulgar : kVulgarFractions) {
    if (text.substr(at, vulgar.form.size()) == vulgar.form) return &vulgar;
  }
  return nullptr;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<double> ToDouble(std::string_view plain) {
  double value = 0;
  const auto result = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (result.ec != std::errc() || result.ptr != plain.data() + plain.size()) {
    return std::nullopt;
  }
  return value;
}

// The digit token patterns (see ParseDigits for their reading). Leftmost-
// longest matching picks the reading that covers most.
std::string DigitPattern(std::string_view lang) {
  const std::string power = R"((?:[eE][+-]?\d+|\^[+-]*\d+|x10\^[+-]?\d+)?)";
  std::string body;
  if (lang == "fr") {
    body = R"((?:\d{1,3}(?: \d{3}\b)+(?:,\d+)?|\d{1,3}(?:\.\d{3}\b)+(?:,\d+)?|\d+(?:,\d+)?|,\d+|\d+\.\d+))";
  } else {
    body = R"((?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3}\b)+(?:\.\d+)?|\d{1,3}(?: \d{3}\b)+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|\d+,\d{1,2}\b))";
  }
  return body + power + R"(|\d{1,3}(?: |-)\d+/\d+|\d+/\d+)";
}

// Atoms: the pieces a run of number text is made of.
struct Atom {
  std::size_t begin = 0;
  std::size_t end = 0;
  WordClass cls = WordClass::kNone;  // kNone: digits
  double value = 0;
  bool plural = false;
  bool compound_only = false;
  bool hyphen_before = false;  // joined to the atom before by '-'
  // Digits only.
  bool digits = false;
  bool integer = true;
  bool decimal = false;
  bool grouped = false;
  bool fraction = false;
  bool sign = false;         // a '+' or '-' written before the digits
  double scale = 1;          // a glued scale ("10k")
  bool glued_left = false;   // letters glued before ("H100", "USD115")
  bool glued_right = false;  // letters glued after that are no scale ("180ml")
  std::size_t glue_end = 0;  // end of the letters glued after
  bool m_suffix = false;
  std::string_view folded_word;  // for words
};

// "1.000.000", "94.000,50": dots grouping thousands, as French writes them.
bool FrenchDotGrouping(std::string_view text) {
  std::size_t i = 0, lead = 0;
  while (i < text.size() && IsDigit(text[i])) ++i, ++lead;
  if (lead == 0 || lead > 3 || i >= text.size() || text[i] != '.') return false;
  while (i < text.size() && text[i] == '.') {
    std::size_t group = 0;
    ++i;
    while (i < text.size() && IsDigit(text[i])) ++i, ++group;
    if (group != 3) return false;
  }
  return i == text.size() || text[i] == ',';
}

// Atoms in one run at most ("one million two thousand two hundred three
// fifths" has 8).
constexpr std::size_t kMaxRun = 48;

bool IsCardinalWord(WordClass c) {
  return c == WordClass::kUnit || c == WordClass::kTen || c == WordClass::kTeen ||
         c == WordClass::kTens || c == WordClass::kZero;
}

}  // namespace

std::optional<double> ParseDigits(std::string_view text, std::string_view lang) {
  if (text.empty()) return std::nullopt;
  // Powers: 1.3e6, 1.1^23, 6.23x10^-4.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == 'e' || c == 'E' || c == '^' || (c == 'x' && text.substr(i, 4) == "x10^")) {
      const std::size_t exponent_at = c == 'x' ? i + 4 : i + 1;
      const std::optional<double> base = ParseDigits(text.substr(0, i), lang);
      std::string_view exponent_text = text.substr(exponent_at);
      int negative = 0;
      while (!exponent_text.empty() && (exponent_text[0] == '+' || exponent_text[0] == '-')) {
        negative ^= exponent_text[0] == '-';
        exponent_text.remove_prefix(1);
      }
      const std::optional<double> exponent = ToDouble(exponent_text);
      if (!base || !exponent) return std::nullopt;
      const double signed_exponent = negative ? -*exponent : *exponent;
      if (c == '^') return std::pow(*base, signed_exponent);
      return *base * std::pow(10.0, signed_exponent);
    }
  }
  // Fractions: 3/8, 1-1/2, 2 1/4.
  const std::size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    const std::size_t split = text.find_first_of(" -");
    double whole = 0;
    std::string_view numerator = text.substr(0, slash);
    if (split != std::string_view::npos && split < slash) {
      const std::optional<double> integer = ToDouble(text.substr(0, split));
      if (!integer) return std::nullopt;
      whole = *integer;
      numerator = text.substr(split + 1, slash - split - 1);
    }
    const std::optional<double> top = ToDouble(numerator);
    const std::optional<double> bottom = ToDouble(text.substr(slash + 1));
    if (!top || !bottom || *bottom == 0) return std::nullopt;
    return whole + *top / *bottom;
  }
  char decimal = lang == "fr" ? ',' : '.';
  // "1.000.000" and "94.000" group thousands in French; "2.5" is a decimal
  // point there too.
  if (lang == "fr" && text.find('.') != std::string_view::npos && !FrenchDotGrouping(text)) {
    decimal = '.';
  }
  if (lang != "fr") {
    // "1,3" and "5,00": a decimal comma, as some English text writes it.
    const std::size_t comma = text.find(',');
    if (comma != std::string_view::npos && text.find('.') == std::string_view::npos &&
        text.find(',', comma + 1) == std::string_view::npos && text.size() - comma - 1 <= 2) {
      decimal = ',';
    }
  }
  std::string plain;
  plain.reserve(text.size() + 1);
  if (!text.empty() && (text[0] == decimal)) plain.push_back('0');
  for (char c : text) {
    if (IsDigit(c)) {
      plain.push_back(c);
    } else if (c == decimal) {
      plain.push_back('.');
    } else if (c == ',' || c == '.' || c == ' ') {
      continue;  // a group separator
    } else {
      return std::nullopt;
    }
  }
  return ToDouble(plain);
}

std::optional<double> ScaleOf(std::string_view word, std::string_view lang) {
  if (const Abbreviation* abbreviation = AbbreviationOf(word)) {
    if (abbreviation->cls == WordClass::kScale) return abbreviation->value;
  }
  if (word == "m") return kM;  // after a currency symbol: "£300m"
  const std::string folded = FoldWord(word);
  for (const LexiconEntry& entry : kLexicon) {
    if ((entry.lang.empty() || entry.lang == lang) && entry.word == folded &&
        (entry.cls == WordClass::kScale || entry.cls == WordClass::kHundred)) {
      return entry.value;
    }
  }
  return std::nullopt;
}

// Parses runs of atoms into numbers. One per Find call.
class NumberParser {
 public:
  NumberParser(const NumberReader& reader, std::string_view text)
      : reader_(reader), text_(text), fr_(reader.lang_ == "fr") {}

  std::vector<NumberSpan> Run();

 private:
  struct Parsed {
    std::size_t next = 0;  // atom after the number
    double value = 0;
    double scale = 1;      // the last scale it carries
    bool words = false;
    bool fraction = false;
    bool decimal = false;
    bool prepositional = false;
  };

  // Reading atoms.
  bool ReadDigits(std::size_t at, Atom* atom) const;
  bool ReadWord(std::size_t at, std::size_t end, const Atom* previous, Atom* atom) const;
  std::size_t ReadRun(std::size_t at);
  bool SignBefore(std::size_t at, std::size_t* sign_at) const;

  // Parsing a run.
  void ParseRun();
  std::optional<Parsed> ParseNumber(std::size_t i) const;
  std::optional<Parsed> ParseUnsigned(std::size_t i) const;
  std::optional<Parsed> ParseCardinal(std::size_t i, std::size_t limit, bool lenient) const;
  std::optional<Parsed> ParseFraction(std::size_t i) const;
  std::optional<Parsed> ParseHalf(std::size_t i) const;
  std::optional<Parsed> ParsePrepositional(std::size_t i) const;
  // "of a million", "million", "de million" after a fraction: the scale
  // it multiplies, and the atom after it.
  bool ScaleAfter(std::size_t j, double* scale, std::size_t* next) const;
  static double Mixed(const Parsed& whole, double part, double following);
  bool FollowedByWordOtherThanOf(std::size_t at) const;
  bool Pronoun(std::size_t begin) const;
  void Emit(std::size_t i, const Parsed& parsed);

  const Atom& at(std::size_t i) const { return atoms_[i]; }
  bool Is(std::size_t i, WordClass cls) const {
    return i < atoms_.size() && atoms_[i].cls == cls && !atoms_[i].digits;
  }

  const NumberReader& reader_;
  std::string_view text_;
  bool fr_;
  std::vector<Atom> atoms_;
  std::vector<std::string> folded_;  // storage for words of the current run
  std::vector<NumberSpan> out_;
};

bool NumberParser::SignBefore(std::size_t at, std::size_t* sign_at) const {
  if (at == 0) return false;
  std::size_t p = at - 1;
  bool spaced = false;
  if (text_[p] == ' ' && p > 0) {
    spaced = true;
    --p;
  }
  if (text_[p] != '-' && text_[p] != '+') return false;
  // The sign stands at the start, or after a space or an opening mark; a
  // '-' after a word or a number joins them ("SCP-173", "10-20").
  if (p == 0) {
    *sign_at = p;
    return true;
  }
  const char before = text_[p - 1];
  if (spaced) {
    if (before != '(' && before != ':' && before != '[') return false;
  } else if (before != ' ' && before != '(' && before != '[' && before != ':' &&
             before != ',' && before != ';' && before != '\n' && before != '/') {
    return false;
  }
  *sign_at = p;
  return true;
}

bool NumberParser::ReadDigits(std::size_t at, Atom* atom) const {
  re2::StringPiece match;
  re2::StringPiece input(text_.data(), text_.size());
  if (!reader_.digits_->Match(input, at, text_.size(), RE2::ANCHOR_START, &match, 1)) {
    return false;
  }
  std::size_t end = at + match.size();
  std::string_view token(match.data(), match.size());
  // Inside a chain ("192.168.1.2", "5/17/2018", "22,24,26"): integers only.
  if (at >= 2 && (text_[at - 1] == '.' || text_[at - 1] == '/' || text_[at - 1] == ',') &&
      IsDigit(text_[at - 2])) {
    std::size_t part = at;
    while (part < end && IsDigit(text_[part])) ++part;
    end = part;
    token = text_.substr(at, end - at);
  }
  // A dotted or slashed chain ("192.168.1.2", "5/17/2018", "22,24,26") is a
  // list of integers, not one number: read its first part alone.
  if (end + 1 < text_.size() && (text_[end] == '.' || text_[end] == '/' || text_[end] == ',') &&
      IsDigit(text_[end + 1]) && token.find(' ') == std::string_view::npos) {
    std::size_t part = at;
    while (part < end && IsDigit(text_[part])) ++part;
    end = part;
    token = text_.substr(at, end - at);
  }
  if (token.find('/') != std::string_view::npos) {
    // "12/05" is a date, not a fraction; so is a numerator above its
    // denominator.
    const std::size_t slash = token.find('/');
    std::size_t top_begin = token.find_first_of(" -");
    top_begin = top_begin == std::string_view::npos || top_begin > slash ? 0 : top_begin + 1;
    const auto top = ToDouble(token.substr(top_begin, slash - top_begin));
    const auto bottom = ToDouble(token.substr(slash + 1));
    if (token[slash + 1] == '0' || !top || !bottom || *top >= *bottom) {
      std::size_t part = at;
      while (part < end && IsDigit(text_[part])) ++part;
      end = part;
      token = text_.substr(at, end - at);
    }
  }
  const std::optional<double> value = ParseDigits(token, reader_.lang_);
  if (!value) return false;
  atom->begin = at;
  atom->end = end;
  atom->digits = true;
  atom->value = *value;
  atom->fraction = token.find('/') != std::string_view::npos;
  if (fr_) {
    const bool dots = FrenchDotGrouping(token);
    atom->decimal = token.find(',') != std::string_view::npos ||
                    (!dots && token.find('.') != std::string_view::npos);
    atom->grouped = token.find(' ') != std::string_view::npos || dots;
  } else {
    const bool comma_decimal = token.find(',') != std::string_view::npos &&
                               token.find('.') == std::string_view::npos &&
                               token.size() - token.find(',') <= 3;
    atom->decimal = token.find('.') != std::string_view::npos || comma_decimal;
    atom->grouped = !comma_decimal && token.find_first_of(", ") != std::string_view::npos;
  }
  atom->decimal = atom->decimal && !atom->fraction;
  atom->grouped = atom->grouped && !atom->fraction;
  atom->integer = !atom->fraction && !atom->decimal && *value == std::floor(*value);
  atom->glued_left = WordCharBefore(text_, at);
  atom->glue_end = end;
  const std::size_t letters_end = WordEnd(text_, end);
  if (letters_end > end) {
    const std::string_view letters = text_.substr(end, letters_end - end);
    const Abbreviation* abbreviation = AbbreviationOf(letters);
    const NumberReader::WordInfo* word = reader_.MeaningOf(letters);
    if (abbreviation != nullptr) {
      atom->scale = abbreviation->value;
      atom->end = letters_end;
      atom->glue_end = letters_end;
      if (abbreviation->cls == WordClass::kDozen) atom->scale = 12;
    } else if (word != nullptr && word->cls == WordClass::kScale) {
      atom->scale = word->value;  // "2millions"
      atom->end = letters_end;
      atom->glue_end = letters_end;
    } else {
      atom->glue_end = letters_end;
      atom->glued_right = true;
      atom->m_suffix = letters == "m";
    }
  } else if (const Vulgar* vulgar = VulgarAt(text_, end); vulgar && atom->integer) {
    atom->value += vulgar->value;  // "1½"
    atom->end = end + vulgar->form.size();
    atom->glue_end = atom->end;
    atom->fraction = true;
    atom->integer = false;
  }
  std::size_t sign_at = 0;
  if (!atom->glued_left && SignBefore(at, &sign_at)) {
    atom->sign = true;
    if (text_[sign_at] == '-') atom->value = -atom->value;
    atom->begin = sign_at;
  }
  return true;
}

bool NumberParser::ReadWord(std::size_t at, std::size_t end, const Atom* previous,
                            Atom* atom) const {
  const std::string_view word = text_.substr(at, end - at);
  atom->begin = at;
  atom->end = end;
  // Scale suffixes after digits: "2.33 k", "15 mln".
  if (previous != nullptr && previous->digits && previous->scale == 1 &&
      previous->glue_end == previous->end && at == previous->end + 1) {
    if (const Abbreviation* abbreviation = AbbreviationOf(word);
        abbreviation != nullptr && abbreviation->spaced) {
      atom->cls = abbreviation->cls;
      atom->value = abbreviation->value;
      return true;
    }
  }
  if (word.size() > kPackedBytes) return false;
  const NumberReader::WordInfo* found = reader_.MeaningOf(word);
  if (found == nullptr) return false;
  atom->cls = found->cls;
  atom->value = found->value;
  atom->plural = found->plural;
  atom->compound_only = found->compound_only;
  if (atom->cls == WordClass::kOutOf && FoldWord(word) == "out") {
    // "out" counts only in "out of".
    const std::size_t next = end + 1;
    if (next >= text_.size() || text_[end] != ' ') return false;
    const std::size_t next_end = WordEnd(text_, next);
    if (FoldWord(text_.substr(next, next_end - next)) != "of") return false;
    atom->end = next_end;
  }
  return true;
}

// Reads the atoms of the run starting at `at` into atoms_; returns where
// the scan goes on.
std::size_t NumberParser::ReadRun(std::size_t at) {
  atoms_.clear();
  std::size_t p = at;
  bool hyphen = false;
  while (p < text_.size()) {
    Atom atom;
    const char c = text_[p];
    const bool digit_start =
        IsDigit(c) || ((c == '.' || c == ',') && p + 1 < text_.size() && IsDigit(text_[p + 1]) &&
                       (p == 0 || !IsDigit(text_[p - 1])));
    if (digit_start) {
      if (!ReadDigits(p, &atom)) break;
    } else if (const Vulgar* vulgar = VulgarAt(text_, p)) {
      atom.begin = p;
      atom.end = p + vulgar->form.size();
      atom.cls = WordClass::kVulgar;
      atom.value = vulgar->value;
    } else if (WordCharAt(text_, p) && !WordCharBefore(text_, p)) {
      const std::size_t end = WordEnd(text_, p);
      if (!ReadWord(p, end, atoms_.empty() ? nullptr : &atoms_.back(), &atom) ||
          WordCharAt(text_, atom.end)) {
        if (atoms_.empty()) return end;
        break;
      }
    } else {
      break;
    }
    atom.hyphen_before = hyphen;
    atoms_.push_back(atom);
    // No number is this long; a cap keeps parsing linear on any input.
    if (atoms_.size() >= kMaxRun) break;
    p = atom.end;
    // The gap to the next atom: a space, or a hyphen with or without spaces.
    std::size_t q = p;
    hyphen = false;
    if (q < text_.size() && text_[q] == ' ') ++q;
    if (q < text_.size() && text_[q] == '-' && !atoms_.back().digits) {
      hyphen = true;
      ++q;
      if (q < text_.size() && text_[q] == ' ') ++q;
    }
    if (q == p || q >= text_.size()) break;
    if (atoms_.back().glued_right) break;
    p = q;
  }
  if (atoms_.empty()) return at + 1;
  return atoms_.back().end;
}

bool NumberParser::FollowedByWordOtherThanOf(std::size_t at) const {
  if (at < text_.size() && text_[at] == '-' && WordCharAt(text_, at + 1)) return true;
  if (at + 1 >= text_.size() || text_[at] != ' ' || !WordCharAt(text_, at + 1)) return false;
  const std::size_t end = WordEnd(text_, at + 1);
  const std::string word = FoldWord(text_.substr(at + 1, end - at - 1));
  return !(word == "of" || word == "de" || word == "des" || word == "du" || word == "d");
}

bool NumberParser::Pronoun(std::size_t begin) const {
  // "the one you mentioned", "which one": a pronoun, not a count.
  if (begin < 2 || text_[begin - 1] != ' ') return false;
  std::size_t start = begin - 1;
  while (start > 0 && WordCharBefore(text_, start)) start -= CodePointBefore(text_, start).length;
  const std::string word = FoldWord(text_.substr(start, begin - 1 - start));
  return word == "the" || word == "this" || word == "that" || word == "which" ||
         word == "each" || word == "every" || word == "any" || word == "another" ||
         word == "no";
}

bool NumberParser::ScaleAfter(std::size_t j, double* scale, std::size_t* next) const {
  std::size_t k = j;
  if (Is(k, WordClass::kOf)) {
    ++k;
    if (Is(k, WordClass::kArticle)) ++k;
  }
  if (Is(k, WordClass::kScale) || Is(k, WordClass::kDozen)) {
    *scale = at(k).value;
    *next = k + 1;
    return true;
  }
  return false;
}

// Integer and decimal cardinals: "twenty-one trillion and three hundred",
// "4 thousand 3 hundred and 21", "quatre-vingt-dix-neuf", "2.5 million",
// "two hundred point zero three", "three hundred and two dozens". With
// `lenient`, "and" may join any two parts ("twenty and three").
std::optional<NumberParser::Parsed> NumberParser::ParseCardinal(std::size_t i, std::size_t limit,
                                                                bool lenient) const {
  enum class Last { kNone, kZero, kUnit, kTen, kTeen, kTens, kHundred, kScale, kDigits, kArticle };
  double total = 0, seg = 0, last_small = 0;
  double last_scale = std::numeric_limits<double>::infinity();
  Last last = Last::kNone;
  bool after_and = false;       // an "and" stands before the current atom
  bool small_after_and = false;  // the last small part came after an "and"
  bool digits_decimal = false;
  Parsed best, before_and;
  bool have_best = false, have_before_and = false;
  Parsed state;
  state.words = false;
  std::size_t j = i;
  auto record = [&](std::size_t next) {
    best = state;
    best.next = next;
    best.value = total + seg;
    have_best = true;
  };
  for (; j < limit; ++j) {
    const Atom& a = at(j);
    if (!a.digits && a.cls == WordClass::kAnd) {
      if (after_and || j == i) break;
      const bool en_ok = !fr_ && (last == Last::kHundred || last == Last::kScale);
      const bool fr_ok = fr_ && j + 1 < limit && !at(j + 1).digits &&
                         ((at(j + 1).cls == WordClass::kUnit && at(j + 1).value == 1) ||
                          (at(j + 1).cls == WordClass::kTeen && at(j + 1).value == 11)) &&
                         (last == Last::kTens || last == Last::kHundred || last == Last::kScale);
      if (!(en_ok || fr_ok || (lenient && last != Last::kNone && last != Last::kArticle))) break;
      before_and = best;
      have_before_and = have_best;
      after_and = true;
      continue;
    }
    const bool was_after_and = after_and;
    after_and = false;
    const double mod100 = std::fmod(seg, 100);
    bool ok = false;
    if (a.digits) {
      if (a.glued_left || a.glued_right) {
        // Digits glued to letters stand alone.
        if (j != i) break;
        seg = a.value;
        state.decimal = a.decimal;
        state.fraction = a.fraction;
        record(j + 1);
        return best;
      }
      if (last == Last::kNone) {
        seg = a.value;
        if (a.scale != 1) {
          total = seg * a.scale;
          seg = 0;
          last_scale = a.scale;
          state.scale = a.scale;
          last = Last::kScale;
        } else {
          last = Last::kDigits;
        }
        digits_decimal = !a.integer;
        state.decimal = a.decimal;
        state.fraction = a.fraction;
        last_small = a.value;
        ok = true;
      } else if ((last == Last::kHundred || last == Last::kScale) && a.integer && !a.sign &&
                 a.scale == 1 && !a.grouped &&
                 a.value < (last == Last::kHundred ? 100 : std::min(last_scale, 1000.0)) &&
                 a.value > 0) {
        seg += a.value;
        last_small = a.value;
        last = Last::kDigits;
        small_after_and = was_after_and;
        ok = true;
      }
      if (!ok) break;
      record(j + 1);
      continue;
    }
    state.words = true;
    switch (a.cls) {
      case WordClass::kZero:
        // Zero stands alone, or before decimals ("nought point five").
        if (last == Last::kNone) {
          last = Last::kZero;
          ok = true;
        }
        break;
      case WordClass::kUnit:
        if (last == Last::kNone || last == Last::kHundred || last == Last::kScale) {
          ok = true;
        } else if (last == Last::kTens && mod100 == std::floor(mod100 / 10) * 10 &&
                   !(fr_ && was_after_and && a.value != 1 && !lenient)) {
          ok = true;
        } else if (fr_ && last == Last::kTen && a.value >= 7 &&
                   (mod100 == 10 || mod100 == 70 || mod100 == 90)) {
          ok = true;
        }
        if (ok) {
          seg += a.value;
          last_small = (last == Last::kTens || last == Last::kTen) ? last_small + a.value : a.value;
          if (last != Last::kTens && last != Last::kTen) small_after_and = was_after_and;
          last = Last::kUnit;
        }
        break;
      case WordClass::kTen:
      case WordClass::kTeen:
        if (last == Last::kNone || last == Last::kHundred || last == Last::kScale) {
          ok = true;
          last_small = a.value;
          small_after_and = was_after_and;
        } else if (fr_ && last == Last::kTens && (mod100 == 60 || mod100 == 80)) {
          ok = true;
          last_small += a.value;
        }
        if (ok) {
          seg += a.value;
          last = a.cls == WordClass::kTen ? Last::kTen : Last::kTeen;
        }
        break;
      case WordClass::kTens:
        if (last == Last::kNone || last == Last::kHundred || last == Last::kScale) {
          ok = !a.plural;
          seg += a.value;
          last_small = a.value;
          small_after_and = was_after_and;
        } else if (fr_ && last == Last::kUnit && mod100 == 4 && a.value == 20 &&
                   !was_after_and) {
          ok = true;  // quatre-vingt(s)
          seg += 76;
          last_small = 80;
        }
        if (ok) last = Last::kTens;
        break;
      case WordClass::kHundred:
        if (fr_ && a.plural && last == Last::kDigits) break;  // "50 cents": money
        if (last == Last::kNone) {
          // A bare "hundred" only in "hundred thousand"; "cent" alone is 100,
          // "cents" alone never.
          if (!fr_ && !Is(j + 1, WordClass::kScale)) break;
          if (fr_ && a.plural) break;
          seg = 100;
          ok = true;
        } else if (last == Last::kArticle) {
          seg = 100;
          ok = true;
        } else if (!was_after_and &&
                   ((last == Last::kDigits && seg == last_small) ||
                    (fr_ && last == Last::kUnit && seg >= 2 && seg <= 9) ||
                    (!fr_ &&
                     (last == Last::kUnit || last == Last::kTen || last == Last::kTeen ||
                      last == Last::kTens) &&
                     seg < 100))) {
          seg *= 100;  // "three hundred", "ninety-five hundred", "322 hundred"
          ok = true;
        }
        if (ok) {
          last = Last::kHundred;
          state.scale = 100;
          last_small = 0;
        }
        break;
      case WordClass::kScale: {
        if (a.plural && last == Last::kNone) break;
        if (last == Last::kNone || last == Last::kArticle) {
          if (last == Last::kNone && a.value != kK) break;  // "thousand", "mille"
          seg = 1;
        }
        if (last == Last::kScale && seg == 0) {
          if (was_after_and) break;
          total *= a.value;  // "lakh crore", "mille milliards"
          last_scale = a.value * last_scale;
          state.scale = a.value;
          ok = true;
          break;
        }
        if (seg == 0 || a.value >= last_scale) break;
        total += seg * a.value;
        seg = 0;
        last_scale = a.value;
        state.scale = a.value;
        last = Last::kScale;
        last_small = 0;
        ok = true;
        break;
      }
      case WordClass::kDozen:
        if (last == Last::kNone || last == Last::kScale || last == Last::kHundred) break;
        if (last == Last::kArticle) last_small = 1, seg = 1;
        seg = seg - last_small + last_small * 12;
        record(j + 1);
        return best;
      case WordClass::kArticle:
        if (last == Last::kNone && j + 1 < limit &&
            (Is(j + 1, WordClass::kHundred) || Is(j + 1, WordClass::kScale) ||
             Is(j + 1, WordClass::kDozen))) {
          last = Last::kArticle;
          last_small = 1;
          continue;
        }
        break;
      case WordClass::kPoint: {
        if (last == Last::kNone || last == Last::kArticle || digits_decimal || was_after_and) {
          break;
        }
        if (last == Last::kZero) seg = 0;
        // Decimals said digit by digit ("point zero three") or as one
        // number ("point seventy-one").
        std::string decimals;
        std::size_t k = j + 1;
        while (k < limit && !at(k).digits &&
               (at(k).cls == WordClass::kZero || at(k).cls == WordClass::kUnit)) {
          decimals += static_cast<char>('0' + static_cast<int>(at(k).value));
          ++k;
        }
        if (decimals.empty() && k < limit && !at(k).digits &&
            (at(k).cls == WordClass::kTens || at(k).cls == WordClass::kTeen ||
             at(k).cls == WordClass::kTen)) {
          int two = static_cast<int>(at(k).value);
          ++k;
          if (two % 10 == 0 && two >= 20) {
            if (fr_ && Is(k, WordClass::kAnd) && k + 1 < limit &&
                (Is(k + 1, WordClass::kUnit) || Is(k + 1, WordClass::kTeen))) {
              ++k;
            }
            if (k < limit && !at(k).digits &&
                (at(k).cls == WordClass::kUnit ||
                 (fr_ && (at(k).cls == WordClass::kTeen || at(k).cls == WordClass::kTen)))) {
              two += static_cast<int>(at(k).value);
              ++k;
            }
          }
          decimals = std::to_string(two);
        }
        if (decimals.empty()) break;
        const double fraction = *ToDouble("0." + decimals);
        seg += fraction;
        state.decimal = true;
        best = state;
        best.next = k;
        best.value = total + seg;
        double scale = 1;
        std::size_t after = k;
        if (Is(k, WordClass::kScale) && ScaleAfter(k, &scale, &after) && total == 0) {
          best.value *= scale;
          best.next = after;
          best.scale = scale;
        }
        return best;
      }
      default:
        break;
    }
    if (!ok) {
      // "3 hundred and 2 hundred": the part after "and" starts a number
      // of its own when what follows multiplies it.
      if (small_after_and && have_before_and &&
          (a.cls == WordClass::kHundred || a.cls == WordClass::kScale ||
           a.cls == WordClass::kDozen)) {
        best = before_and;
        have_best = true;
      }
      break;
    }
    record(j + 1);
  }
  if (!have_best) return std::nullopt;
  return best;
}

// A whole number and a proper fraction after it, with the scale that may
// follow: "one and a half" 1.5, "five and a half million" 5.5e6, "one
// million and a half" 1.5e6, "un milliard et demi million" 1000500000.
double NumberParser::Mixed(const Parsed& whole, double part, double following) {
  if (following > 1) {
    return whole.scale > following ? whole.value + part * following
                                   : (whole.value + part) * following;
  }
  return whole.scale >= 1000 ? whole.value + part * whole.scale : whole.value + part;
}

// "two thirds", "one hundred and three quarters", "a twenty-first",
// "one one hundred fifth", "ninety - five hundred fifths", "trois cinquièmes".
std::optional<NumberParser::Parsed> NumberParser::ParseFraction(std::size_t i) const {
  std::size_t o = i;
  while (o < atoms_.size() && !at(o).digits &&
         (IsCardinalWord(at(o).cls) || at(o).cls == WordClass::kHundred ||
          at(o).cls == WordClass::kScale || at(o).cls == WordClass::kArticle ||
          at(o).cls == WordClass::kAnd)) {
    if (at(o).cls == WordClass::kScale && at(o).plural) break;
    ++o;
  }
  if (o == i || o >= atoms_.size() || at(o).digits ||
      (at(o).cls != WordClass::kOrdinal && at(o).cls != WordClass::kHalf)) {
    return std::nullopt;
  }
  const Atom& ordinal = at(o);
  double denominator = ordinal.value;
  std::size_t den_start = o;
  bool compound = false;
  // "twenty-first", "thirty fifths": tens and a unit ordinal make one
  // denominator when a numerator stands before them.
  if (ordinal.cls == WordClass::kOrdinal && denominator < 10 && o >= i + 2 &&
      Is(o - 1, WordClass::kTens) && !Is(o - 2, WordClass::kAnd)) {
    denominator += at(o - 1).value;
    den_start = o - 1;
    compound = true;
  } else if (fr_ && ordinal.cls == WordClass::kOrdinal && denominator == 1 && o >= i + 3 &&
             Is(o - 1, WordClass::kAnd) && Is(o - 2, WordClass::kTens)) {
    denominator += at(o - 2).value;  // vingt et unième
    den_start = o - 2;
    compound = true;
  }
  if (ordinal.compound_only && !compound) return std::nullopt;
  if (ordinal.cls == WordClass::kOrdinal && denominator < 100) {
    // "one hundred fifth", "one thousand fifths" after a numerator; French
    // says "cent cinquième" without the one.
    std::size_t p = den_start;
    if (p > i && Is(p - 1, WordClass::kAnd)) --p;
    if (p >= i + 1 && (Is(p - 1, WordClass::kHundred) || Is(p - 1, WordClass::kScale))) {
      if (fr_ && p - 1 > i) {
        denominator += at(p - 1).value;
        den_start = p - 1;
      } else if (!fr_ && p >= i + 2 &&
                 ((Is(p - 2, WordClass::kUnit) && at(p - 2).value == 1) ||
                  Is(p - 2, WordClass::kArticle)) &&
                 p - 2 > i) {
        denominator += at(p - 1).value;
        den_start = p - 2;
      }
    }
  }
  // The numerator, or a whole number and a proper fraction after the last
  // "and" ("one hundred and three quarters").
  std::size_t last_and = den_start;
  for (std::size_t k = i; k < den_start; ++k) {
    if (Is(k, WordClass::kAnd)) last_and = k;
  }
  auto numerator_of = [&](std::size_t from, std::size_t to) -> std::optional<Parsed> {
    if (from >= to) return std::nullopt;
    if (to == from + 1 && Is(from, WordClass::kArticle)) {
      Parsed one;
      one.next = to;
      one.value = 1;
      return one;
    }
    std::optional<Parsed> parsed = ParseCardinal(from, to, /*lenient=*/true);
    if (!parsed || parsed->next != to) return std::nullopt;
    return parsed;
  };
  double scale = 1;
  std::size_t after = o + 1;
  const bool scaled = ScaleAfter(o + 1, &scale, &after);
  double value = 0;
  double numerator = 0;
  bool mixed = false;
  if (last_and != den_start) {
    const std::optional<Parsed> part = numerator_of(last_and + 1, den_start);
    const std::optional<Parsed> whole = numerator_of(i, last_and);
    if (part && whole && part->value < denominator) {
      numerator = part->value;
      value = Mixed(*whole, numerator / denominator, scale);
      mixed = true;
    }
  }
  if (!mixed) {
    const std::optional<Parsed> whole = numerator_of(i, den_start);
    if (!whole) return std::nullopt;
    numerator = whole->value;
    value = numerator / denominator * scale;
  }
  if (!fr_ && ordinal.cls == WordClass::kOrdinal && (numerator == 1) == ordinal.plural) {
    return std::nullopt;  // "two millionth", "one fifths"
  }
  if (!mixed && !scaled && numerator == 1 && !ordinal.plural &&
      FollowedByWordOtherThanOf(ordinal.end)) {
    return std::nullopt;  // "a third consecutive quarter", "a fourth-quarter loss"
  }
  Parsed parsed;
  parsed.next = scaled ? after : o + 1;
  parsed.value = value;
  parsed.words = true;
  parsed.fraction = true;
  parsed.scale = scale;
  return parsed;
}

// "half", "half a dozen", "half million", "quarter million", "demi",
// "quart de million", "demi-douzaine".
std::optional<NumberParser::Parsed> NumberParser::ParseHalf(std::size_t i) const {
  const bool half = Is(i, WordClass::kHalf) && !at(i).plural;
  const bool quarter = Is(i, WordClass::kOrdinal) && at(i).value == 4 && !at(i).plural;
  if (!half && !quarter) return std::nullopt;
  Parsed parsed;
  parsed.next = i + 1;
  parsed.value = 1 / at(i).value;
  parsed.words = true;
  parsed.fraction = true;
  std::size_t k = i + 1;
  if (Is(k, WordClass::kArticle)) ++k;
  double scale = 1;
  std::size_t after = 0;
  if (ScaleAfter(k, &scale, &after)) {
    parsed.value *= scale;
    parsed.next = after;
    parsed.scale = scale;
    return parsed;
  }
  if (quarter) return std::nullopt;
  return parsed;
}

std::optional<NumberParser::Parsed> NumberParser::ParsePrepositional(std::size_t i) const {
  if (!reader_.options_.prepositional_fractions) return std::nullopt;
  // Not after a currency symbol: "$2000 over 3 years".
  if (at(i).begin > 0) {
    std::size_t p = at(i).begin;
    if (p > 0 && text_[p - 1] == ' ') --p;
    if (p > 0 && (text_[p - 1] == '$' || static_cast<unsigned char>(text_[p - 1]) >= 0x80)) {
      const CodePoint before = CodePointBefore(text_, p);
      if (before.value == '$' || before.value == 0x20AC || before.value == 0xA3 ||
          before.value == 0xA5) {
        return std::nullopt;
      }
    }
  }
  const std::optional<Parsed> top = ParseCardinal(i, atoms_.size(), false);
  if (!top || top->decimal || top->fraction) return std::nullopt;
  const std::size_t j = top->next;
  if (!Is(j, WordClass::kOver) && !Is(j, WordClass::kOutOf)) return std::nullopt;
  const std::optional<Parsed> bottom = ParseCardinal(j + 1, atoms_.size(), false);
  if (!bottom || bottom->decimal || bottom->fraction || bottom->value == 0) return std::nullopt;
  // "12 out of 10", "douze sur dix": two counts, not a fraction.
  if ((Is(j, WordClass::kOutOf) || fr_) && top->value > bottom->value) return std::nullopt;
  Parsed parsed = *bottom;
  parsed.value = top->value / bottom->value;
  parsed.words = top->words || bottom->words;
  parsed.fraction = true;
  parsed.prepositional = true;
  return parsed;
}

std::optional<NumberParser::Parsed> NumberParser::ParseUnsigned(std::size_t i) const {
  std::optional<Parsed> best;
  if (i >= atoms_.size()) return best;  // "minus" at the end of a run
  auto consider = [&](std::optional<Parsed> candidate) {
    if (candidate && (!best || candidate->next > best->next)) best = candidate;
  };
  if (Is(i, WordClass::kVulgar)) {
    Parsed parsed;
    parsed.next = i + 1;
    parsed.value = at(i).value;
    parsed.fraction = true;
    return parsed;
  }
  consider(ParseCardinal(i, atoms_.size(), false));
  consider(ParseFraction(i));
  consider(ParseHalf(i));
  consider(ParsePrepositional(i));
  if (!best) return best;
  // A mixed number after the whole: "one and a half", "five and a half
  // million", "un million et demi", "3 million and a quarter".
  std::size_t k = best->next;
  if (Is(k, WordClass::kAnd) && !best->fraction) {
    std::optional<Parsed> part;
    if (fr_ && Is(k + 1, WordClass::kHalf) && !at(k + 1).plural) {
      part = Parsed();
      part->next = k + 2;
      part->value = 0.5;
    } else {
      part = ParseFraction(k + 1);
    }
    if (part && part->value < 1 && part->scale == 1) {
      Parsed mixed = *best;
      mixed.fraction = true;
      mixed.words = true;
      mixed.next = part->next;
      double scale = 1;
      std::size_t after = 0;
      if (ScaleAfter(mixed.next, &scale, &after)) {
        mixed.next = after;
        mixed.scale = scale;
      }
      mixed.value = Mixed(*best, part->value, scale);
      best = mixed;
    }
  }
  if (Is(best->next, WordClass::kVulgar) && best->next == i + 1 && at(i).digits && at(i).integer) {
    best->value += at(best->next).value;  // "2 ½"
    best->fraction = true;
    best->next += 1;
  }
  return best;
}

std::optional<NumberParser::Parsed> NumberParser::ParseNumber(std::size_t i) const {
  if (Is(i, WordClass::kMinus)) {
    std::optional<Parsed> rest = ParseUnsigned(i + 1);
    if (!rest) return std::nullopt;
    rest->value = -rest->value;
    return rest;
  }
  return ParseUnsigned(i);
}

void NumberParser::Emit(std::size_t i, const Parsed& parsed) {
  const Atom& first = at(i);
  const Atom& last = at(parsed.next - 1);
  NumberSpan span;
  span.begin = first.begin;
  span.end = last.end;
  span.value = parsed.value;
  span.scale = parsed.scale;
  span.words = parsed.words;
  span.fraction = parsed.fraction || (first.digits && first.fraction);
  span.decimal = parsed.decimal;
  span.prepositional = parsed.prepositional;
  span.signed_ = Is(i, WordClass::kMinus) || first.sign;
  span.grouped = first.digits && first.grouped;
  if (parsed.next == i + 1) {
    if (first.digits) {
      span.glued_left = first.glued_left;
      span.glued_right = first.glued_right;
      span.glued = first.glued_left || first.glued_right;
      if (first.m_suffix) span.m_end = first.glue_end;
    } else if ((first.cls == WordClass::kUnit && first.value == 1) ||
               first.cls == WordClass::kHalf) {
      span.weak = true;
      if (!fr_ && Pronoun(first.begin)) return;
    }
  }
  out_.push_back(span);
}

void NumberParser::ParseRun() {
  std::size_t i = 0;
  while (i < atoms_.size()) {
    const std::optional<Parsed> parsed = ParseNumber(i);
    if (parsed && parsed->next > i) {
      Emit(i, *parsed);
      i = parsed->next;
    } else {
      ++i;
    }
  }
}

std::vector<NumberSpan> NumberParser::Run() {
  std::size_t p = 0;
  std::size_t token_begin = 0, token_end = 0;  // the last token judged for URLs
  bool url = false;
  while (p < text_.size()) {
    const char c = text_[p];
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) {
      ++p;  // inside a code point
      continue;
    }
    const bool starts = IsDigit(c) || c == '.' || c == ',' ||
                        (static_cast<unsigned char>(c) >= 0x80 && VulgarAt(text_, p)) ||
                        ((absl::ascii_isalpha(static_cast<unsigned char>(c)) ||
                          static_cast<unsigned char>(c) >= 0x80) &&
                         !WordCharBefore(text_, p));
    if (!starts) {
      ++p;
      continue;
    }
    if (IsDigit(c) || c == '.' || c == ',') {
      // Numbers inside a web address or an encoded query are not numbers.
      // The token is judged once, however many numbers it holds.
      if (p >= token_end) {
        token_begin = p;
        while (token_begin > 0 && text_[token_begin - 1] != ' ' &&
               text_[token_begin - 1] != '\n') {
          --token_begin;
        }
        token_end = p;
        while (token_end < text_.size() && text_[token_end] != ' ' && text_[token_end] != '\n') {
          ++token_end;
        }
        const std::string_view token = text_.substr(token_begin, token_end - token_begin);
        url = token.find("://") != std::string_view::npos ||
              token.find("www.") != std::string_view::npos;
        for (std::size_t k = token.find('%'); !url && k != std::string_view::npos;
             k = token.find('%', k + 1)) {
          url = k + 2 < token.size() &&
                absl::ascii_isxdigit(static_cast<unsigned char>(token[k + 1])) &&
                absl::ascii_isxdigit(static_cast<unsigned char>(token[k + 2])) && k > 0 &&
                token.find_first_of("?=&/%", 0) < k;
        }
      }
      if (url) {
        p = token_end;
        continue;
      }
      if (!IsDigit(c) && (p + 1 >= text_.size() || !IsDigit(text_[p + 1]) ||
                          (p > 0 && (IsDigit(text_[p - 1]) || WordCharBefore(text_, p))))) {
        ++p;
        continue;
      }
    }
    const std::size_t next = ReadRun(p);
    if (!atoms_.empty()) ParseRun();
    p = std::max(next, p + 1);
  }
  return std::move(out_);
}

StatusOr<std::unique_ptr<NumberReader>> NumberReader::Create(std::string lang,
                                                             Options options) {
  std::unique_ptr<NumberReader> reader(new NumberReader());
  reader->lang_ = std::move(lang);
  reader->options_ = options;
  RE2::Options re_options;
  re_options.set_longest_match(true);
  re_options.set_log_errors(false);
  reader->digits_ = std::make_unique<RE2>(DigitPattern(reader->lang_), re_options);
  if (!reader->digits_->ok()) {
    return Status::Internal("number pattern: " + reader->digits_->error());
  }
  for (const LexiconEntry& entry : kLexicon) {
    if (!entry.lang.empty() && entry.lang != reader->lang_) continue;
    WordInfo info;
    info.cls = entry.cls;
    info.value = entry.value;
    info.plural = entry.plural;
    info.compound_only = entry.compound_only;
    if (entry.word.size() > kPackedBytes) {
      return Status::Internal("number word too long for its key: " + std::string(entry.word));
    }
    reader->words_[PackLowered(entry.word)] = info;
  }
  return reader;
}

const NumberReader::WordInfo* NumberReader::MeaningOf(std::string_view word) const {
  if (word.size() <= kPackedBytes) {
    const PackedWord packed = PackLowered(word);
    // ASCII (most words) folds by lowering alone, which the key did.
    if (packed.ascii()) return words_.Find(packed);
  }
  const std::string folded = FoldWord(word);
  if (folded.size() > kPackedBytes) return nullptr;
  return words_.Find(PackLowered(folded));
}

std::vector<NumberSpan> NumberReader::Find(std::string_view text) const {
  NumberParser parser(*this, text);
  return parser.Run();
}

bool NumberReader::MayBeginAt(std::string_view text, std::size_t at) const {
  if (at >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[at]);
  // Digits, a sign before them (SignBefore), '.' or ',' before digits, and
  // every byte of another script (vulgar fractions, accented number words).
  if (IsDigit(static_cast<char>(c)) || c == '.' || c == ',' || c == '+' || c == '-' || c >= 0x80) {
    return true;
  }
  if (!WordCharAt(text, at)) return false;
  // A word atom (ReadWord): a number word, or a scale's abbreviation (all
  // of which are short).
  const std::string_view word = text.substr(at, WordEnd(text, at) - at);
  if (word.size() > kPackedBytes) return false;
  return MeaningOf(word) != nullptr || (word.size() <= 4 && AbbreviationOf(word) != nullptr);
}

}  // namespace newsevents::internal
