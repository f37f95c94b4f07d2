// Reading numbers as news writes them, in English and French.
#ifndef NEWSEVENTS_LIB_MENTIONS_NUMBERS_H_
#define NEWSEVENTS_LIB_MENTIONS_NUMBERS_H_

#include <optional>
#include <string_view>

namespace newsevents::internal {

// Regular expressions (RE2 syntax, no groups) for a number written in digits
// in `lang`: "1,234.5" in English; "1 234,5", "1.234.567" and "4,3" in French.
std::string_view DigitsPattern(std::string_view lang);

// The value of digits matched by DigitsPattern(lang): "1,234.5" -> 1234.5,
// "4,3" (fr) -> 4.3, "1 000 000" -> 1e6. nullopt if `text` is not a number.
std::optional<double> ParseDigits(std::string_view text, std::string_view lang);

// A scale word or suffix: "billion", "bn", "mln", "m", "k", "milliards",
// "Md", "Mds", "M" -> its multiplier; nullopt if unknown. Case matters for
// the one-letter forms ("M" is a million, "m" too; "B" and "b" a billion).
std::optional<double> ScaleOf(std::string_view word);

// Regular expression matching the scale words ScaleOf knows.
std::string_view ScalePattern();

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_NUMBERS_H_
