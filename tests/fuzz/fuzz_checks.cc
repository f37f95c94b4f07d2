#include "fuzz_checks.h"

#include <algorithm>
#include <vector>

namespace newsevents::fuzz {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size;) {
    const unsigned char lead = bytes[i];
    std::size_t length;
    std::uint32_t code_point;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > size) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if (!IsContinuation(bytes[i + k])) return false;
      code_point = (code_point << 6) | (bytes[i + k] & 0x3F);
    }
    const std::uint32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code_point < smallest || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

bool OnCodePointBoundaries(std::string_view text, std::size_t begin, std::size_t end) {
  auto boundary = [&](std::size_t at) {
    return at == text.size() ||
           (at < text.size() && !IsContinuation(static_cast<unsigned char>(text[at])));
  };
  return begin <= end && end <= text.size() && boundary(begin) && boundary(end);
}

std::vector<Span> CheckOffsetMap(const OffsetMap& map, std::string_view output,
                                 std::string_view source, bool insertions, bool same_charset) {
  FUZZ_CHECK(map.output_size() == output.size());
  FUZZ_CHECK(map.source_size() == source.size());
  std::vector<Span> spans(output.size());
  for (std::size_t i = 0; i < output.size(); ++i) {
    const Span span = map.ToSource({i, i + 1});
    FUZZ_CHECK(span.begin <= span.end && span.end <= source.size());
    FUZZ_CHECK(insertions || span.begin < span.end);
    if (i > 0) FUZZ_CHECK(span.begin >= spans[i - 1].begin && span.end >= spans[i - 1].end);
    if (same_charset && span.size() == 1 && IsAsciiAlnum(output[i])) {
      FUZZ_CHECK(source[span.begin] == output[i]);
    }
    spans[i] = span;
  }
  // Positions and ranges (of a length that varies with the start) agree with
  // the bytes' spans: a range maps to the hull of its bytes. Every third
  // start is enough: map lookups are most of a fuzz run's time.
  for (std::size_t begin = 0; begin < output.size(); begin += 3) {
    FUZZ_CHECK(map.ToSourceBegin(begin) == spans[begin].begin);
    const std::size_t length = std::size_t{1} << (begin % 8);
    const std::size_t end = std::min(output.size(), begin + length);
    const Span span = map.ToSource({begin, end});
    FUZZ_CHECK(span.begin == spans[begin].begin && span.end == spans[end - 1].end);
  }
  const std::size_t middle = output.size() / 2;
  const Span empty = map.ToSource({middle, middle});
  FUZZ_CHECK(empty.begin == empty.end &&
             empty.begin == (middle < output.size() ? spans[middle].begin : source.size()));
  FUZZ_CHECK(map.ToSourceBegin(output.size()) == source.size());
  const Span past = map.ToSource({output.size(), output.size() + 5});  // clamped
  FUZZ_CHECK(past.begin == source.size() && past.end == source.size());
  return spans;
}

void CheckComposition(const std::vector<Span>& composed, const std::vector<Span>& later,
                      const OffsetMap& earlier) {
  FUZZ_CHECK(composed.size() == later.size());
  for (std::size_t i = 0; i < later.size(); ++i) {
    FUZZ_CHECK(composed[i] == earlier.ToSource(later[i]));
  }
}

}  // namespace newsevents::fuzz
