#include "mentions/scan.h"

#include <cstdlib>

#include "utf8proc.h"

namespace newsevents::internal {

CodePoint CodePointAt(std::string_view text, std::size_t at) {
  if (at >= text.size()) return {};
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + at;
  if (bytes[0] < 0x80) return {bytes[0], 1};
  utf8proc_int32_t value = 0;
  const utf8proc_ssize_t length =
      utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - at), &value);
  if (length <= 0) return {0xFFFD, 1};
  return {value, static_cast<std::size_t>(length)};
}

CodePoint CodePointBefore(std::string_view text, std::size_t at) {
  if (at == 0 || at > text.size()) return {};
  std::size_t start = at - 1;
  // Back over continuation bytes (at most 3) to the lead byte.
  while (start > 0 && at - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  CodePoint point = CodePointAt(text, start);
  if (start + point.length != at) return {0xFFFD, 1};
  return point;
}

bool IsWordCodePoint(std::int32_t c) {
  if (c < 0x80) return c >= 0 && IsAsciiLetter(static_cast<unsigned char>(c));
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

bool WordCharBeforeDecoded(std::string_view text, std::size_t at) {
  const CodePoint point = CodePointBefore(text, at);
  return point.length > 0 && IsWordCodePoint(point.value);
}

bool WordCharAtDecoded(std::string_view text, std::size_t at) {
  const CodePoint point = CodePointAt(text, at);
  return point.length > 0 && IsWordCodePoint(point.value);
}

std::size_t WordEnd(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (!IsAsciiLetter(byte)) break;
      ++at;
      continue;
    }
    const CodePoint point = CodePointAt(text, at);
    if (!IsWordCodePoint(point.value)) break;
    at += point.length;
  }
  return at;
}

std::string FoldWord(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string folded(word);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
      static_cast<utf8proc_ssize_t>(word.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD));
  if (length < 0) return std::string(word);
  std::string folded(reinterpret_cast<char*>(mapped), static_cast<std::size_t>(length));
  std::free(mapped);
  return folded;
}

}  // namespace newsevents::internal
