// Sentence splitting of normalized text.
#ifndef NEWSEVENTS_LIB_SEGMENT_SENTENCES_H_
#define NEWSEVENTS_LIB_SEGMENT_SENTENCES_H_

#include <string_view>
#include <vector>

#include "newsevents/event.h"

namespace newsevents::internal {

// The sentences of `text` (Normalize's output) as spans into it, trimmed of
// white space, in order. `lang` picks ICU's rules ("en", "fr"; others use the
// root rules).
//
// Breaks: ICU's sentence BreakIterator, except after the abbreviations news
// writes before a name or number (Inc., Corp., Co., U.S., Jan., janv., M.,
// Mme, initials). A blank line always ends a sentence. A single line break
// ends one when the line before it is short (a headline, a list item) or
// ends in punctuation; otherwise it is a line wrapped inside a sentence.
//
// Thread safety: safe to call from several threads at once (each thread
// keeps its own ICU iterators).
std::vector<Span> SplitSentences(std::string_view text, std::string_view lang);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_SEGMENT_SENTENCES_H_
