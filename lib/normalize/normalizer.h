// The normalizer: decoded UTF-8 to the text the recognizers and rules match.
//
// NFC, then folds for matching: typographic apostrophes to ', quotes to ",
// dashes to -, ligatures to letters, the long s to s, … to ..., soft hyphens and zero-width
// characters removed, and every run of white space to one space, or to one
// newline if it holds a line break ("\n\n" if it holds a blank line, so
// paragraphs stay visible to the sentence splitter). Case is kept.
#ifndef NEWSEVENTS_LIB_NORMALIZE_NORMALIZER_H_
#define NEWSEVENTS_LIB_NORMALIZE_NORMALIZER_H_

#include <string>
#include <string_view>

#include "newsevents/offset_map.h"

namespace newsevents::internal {

struct FoldedText {
  std::string text;
  OffsetMap map;  // text -> the normalizer's input
};

// `text` must be valid UTF-8 (DecodeUtf8's output).
FoldedText Normalize(std::string_view text);

// Unicode case folding (utf8proc), for comparing words without regard to
// case: "À la clôture" and "à la clôture" fold alike.
std::string CaseFold(std::string_view text);

// Simple Unicode lower case, code point by code point (the lower case RE2's
// FilteredRE2 gives its atoms): "À LA" -> "à la". Lengths may change.
std::string LowerCase(std::string_view text);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_NORMALIZE_NORMALIZER_H_
