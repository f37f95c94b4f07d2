// What every fuzz target asserts beyond "no crash": the invariants the
// library promises (offset maps, valid UTF-8, spans inside the input). A
// broken invariant aborts, which libFuzzer reports as a crash with the input
// that caused it.
#ifndef NEWSEVENTS_TESTS_FUZZ_FUZZ_CHECKS_H_
#define NEWSEVENTS_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "newsevents/offset_map.h"

namespace newsevents::fuzz {

// Aborts with the failed condition and where, so the crash report says which
// invariant broke.
#define FUZZ_CHECK(condition)                                                     \
  do {                                                                            \
    if (!(condition)) {                                                           \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__,   \
                   #condition);                                                   \
      std::abort();                                                               \
    }                                                                             \
  } while (false)

// The options a target varies are read from the input's last byte, which
// stays part of the input: any file (an article, a rules file) is a seed as
// it is, and mutating that byte explores the options.
inline std::uint8_t Selector(const std::uint8_t* data, std::size_t size) {
  return size > 0 ? data[size - 1] : 0;
}

// True when `text` is well-formed UTF-8 (no surrogates, no overlong forms).
bool IsValidUtf8(std::string_view text);

// A span of `size` bytes starting at `begin` lies on code point boundaries of
// the UTF-8 `text`.
bool OnCodePointBoundaries(std::string_view text, std::size_t begin, std::size_t end);

// The invariants of an OffsetMap from `output` back to `source`:
//   sizes: output_size() and source_size() are those of the texts;
//   in the input: every output byte maps to a span inside the source;
//   monotonic: the spans of successive output bytes never go backwards;
//   consistent: ToSourceBegin(i) is where byte i's span begins, an empty span
//     maps to that position, and the span of a range is the hull of its
//     bytes' spans;
//   round trip, when `same_charset` (the source is UTF-8 or ASCII-based, as
//     the output is): an ASCII letter or digit that maps to one source byte
//     maps to that same letter or digit (a map that slid by a byte fails).
// `insertions` allows output bytes with no source (HTML paragraph breaks);
// otherwise every output byte must come from at least one source byte.
// Returns the source span of each output byte.
std::vector<Span> CheckOffsetMap(const OffsetMap& map, std::string_view output,
                                 std::string_view source, bool insertions, bool same_charset);

// A composed map (later ∘ earlier) maps each output byte exactly where the
// later map then `earlier` do. Both given as CheckOffsetMap's byte spans.
void CheckComposition(const std::vector<Span>& composed, const std::vector<Span>& later,
                      const OffsetMap& earlier);

}  // namespace newsevents::fuzz

#endif  // NEWSEVENTS_TESTS_FUZZ_FUZZ_CHECKS_H_
