// Debian 12's Abseil has its own absl::string_view, distinct from
// std::string_view (style.md). The library speaks std::string_view; these
// convert at the calls into Abseil.
#ifndef NEWSEVENTS_LIB_STRING_VIEWS_H_
#define NEWSEVENTS_LIB_STRING_VIEWS_H_

#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace newsevents::internal {

inline absl::string_view ToAbsl(std::string_view text) { return {text.data(), text.size()}; }
inline std::string_view ToStd(absl::string_view text) { return {text.data(), text.size()}; }

// ASCII lower case (other bytes unchanged).
inline std::string AsciiLower(std::string_view text) {
  return absl::AsciiStrToLower(ToAbsl(text));
}

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_STRING_VIEWS_H_
