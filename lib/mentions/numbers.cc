#include "mentions/numbers.h"

#include <cstdlib>
#include <string>

#include "absl/strings/ascii.h"
#include "string_views.h"

namespace newsevents::internal {

std::string_view DigitsPattern(std::string_view lang) {
  if (lang == "fr") {
    return R"((?:\d{1,3}(?: \d{3})+|\d{1,3}(?:\.\d{3}){2,}|\d+)(?:,\d+)?)";
  }
  return R"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)";
}

std::optional<double> ParseDigits(std::string_view text, std::string_view lang) {
  const char decimal = lang == "fr" ? ',' : '.';
  std::string plain;
  plain.reserve(text.size());
  bool any_digit = false;
  for (char c : text) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      plain.push_back(c);
      any_digit = true;
    } else if (c == decimal) {
      plain.push_back('.');
    } else if (c == ',' || c == '.' || c == ' ') {
      continue;  // a group separator
    } else {
      return std::nullopt;
    }
  }
  if (!any_digit) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(plain.c_str(), &end);
  if (end != plain.c_str() + plain.size()) return std::nullopt;
  return value;
}

std::optional<double> ScaleOf(std::string_view word) {
  if (word == "M" || word == "m") return 1e6;
  if (word == "B" || word == "b") return 1e9;
  if (word == "K" || word == "k") return 1e3;
  const std::string lower = AsciiLower(word);
  if (lower == "thousand" || lower == "thousands" || lower == "mille" ||
      lower == "milliers") {
    return 1e3;
  }
  if (lower == "million" || lower == "millions" || lower == "mln" ||
      lower == "mn" || lower == "mio") {
    return 1e6;
  }
  if (lower == "billion" || lower == "billions" || lower == "bln" ||
      lower == "bn" || lower == "milliard" || lower == "milliards" ||
      lower == "md" || lower == "mds" || lower == "mrd") {
    return 1e9;
  }
  if (lower == "trillion" || lower == "trillions" || lower == "tn" ||
      lower == "trn") {
    return 1e12;
  }
  return std::nullopt;
}

std::string_view ScalePattern() {
  return "(?:thousands?|millions?|billions?|trillions?|milliers|mille|"
         "milliards?|mln|mn|mio|bln|bn|tn|trn|Mds|Md|mrd|[MmBbKk])";
}

}  // namespace newsevents::internal
