// Sentence splitting of normalized text.
#ifndef NEWSEVENTS_LIB_SEGMENT_SENTENCES_H_
#define NEWSEVENTS_LIB_SEGMENT_SENTENCES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "newsevents/event.h"

namespace newsevents::internal {

// The sentences of `text` (Normalize's output) as spans into it, trimmed of
// white space, in order. `lang` picks ICU's rules ("en", "fr"; others use the
// root rules).
//
// Breaks: ICU's sentence rules (UAX #29; a block of plain ASCII is split by
// the same rules without ICU, which is faster), except after the abbreviations news
// writes before a name or number (Inc., Corp., Co., U.S., Jan., janv., M.,
// Mme, initials). A blank line always ends a sentence, and so does the end of
// a list item. In hard-wrapped text (most lines end mid-sentence, as in wire
// copy) any other line break is a space. Otherwise a single line break
// ends one when the line before it is short (a headline) or ends in
// punctuation, when either line is a list item ("- ", "* ", "• "), or when
// the line after it is a headline (short, no final punctuation), unless the
// line before it ends with a comma; otherwise it is a line wrapped inside a
// sentence.
//
// A "sentence" over 2,000 bytes (a table, a line of junk) is cut at spaces
// into pieces of at most that size.
//
// Thread safety: safe to call from several threads at once (each thread
// keeps its own ICU iterators).
std::vector<Span> SplitSentences(std::string_view text, std::string_view lang);

// Where ICU's sentence rules (UAX #29) break `block`, a line break read as a
// space: the offset where each sentence ends, the last one block.size().
std::vector<std::size_t> IcuSentenceBoundaries(std::string_view block, std::string_view lang);

// The same boundaries computed without ICU, for a block of printable ASCII
// and line breaks (nullopt for any other byte): the rules reduced to the
// classes ASCII holds, which ICU's own data gives.
std::optional<std::vector<std::size_t>> AsciiSentenceBoundaries(std::string_view block);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_SEGMENT_SENTENCES_H_
