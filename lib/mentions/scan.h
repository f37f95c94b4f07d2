// Small helpers shared by the recognizers for looking at UTF-8 text one code
// point at a time: word boundaries that know accented letters (RE2's \b is
// ASCII only: it sees a boundary inside "récent"), and word folding.
#ifndef NEWSEVENTS_LIB_MENTIONS_SCAN_H_
#define NEWSEVENTS_LIB_MENTIONS_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsevents::internal {

// The code point starting at byte `at` of `text` and its length in bytes;
// an invalid byte reads as U+FFFD of length 1.
struct CodePoint {
  std::int32_t value = 0;
  std::size_t length = 0;
};
CodePoint CodePointAt(std::string_view text, std::size_t at);

// The code point that ends right before byte `at` (length 0 at the start).
CodePoint CodePointBefore(std::string_view text, std::size_t at);

// Letters and combining marks (Unicode categories L and M): the characters
// of a word.
bool IsWordCodePoint(std::int32_t c);

// Whether a word character stands right before / right at `at`. Inline
// for ASCII: the recognizers ask it of nearly every place they look at.
bool WordCharBeforeDecoded(std::string_view text, std::size_t at);
bool WordCharAtDecoded(std::string_view text, std::size_t at);
inline bool IsAsciiLetter(unsigned char byte) {
  return static_cast<unsigned char>((byte | 0x20) - 'a') < 26;
}
inline bool WordCharBefore(std::string_view text, std::size_t at) {
  if (at == 0 || at > text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[at - 1]);
  return byte < 0x80 ? IsAsciiLetter(byte) : WordCharBeforeDecoded(text, at);
}
inline bool WordCharAt(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[at]);
  return byte < 0x80 ? IsAsciiLetter(byte) : WordCharAtDecoded(text, at);
}

// The end of the run of word characters starting at `at` (`at` if none).
std::size_t WordEnd(std::string_view text, std::size_t at);

// A word folded for lookups: lower case, accents removed ("Cinquième" ->
// "cinquieme"). ASCII takes a fast path.
std::string FoldWord(std::string_view word);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_SCAN_H_
