// Reading bytes eight at a time: most news is ASCII, and the byte-at-a-time
// checks before decoding and splitting read every byte.
#ifndef NEWSEVENTS_LIB_ASCII_H_
#define NEWSEVENTS_LIB_ASCII_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsevents::internal {

constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// The eight bytes at `at` (at + 8 <= bytes.size()).
inline std::uint64_t WordAt(std::string_view bytes, std::size_t at) {
  std::uint64_t word;
  std::memcpy(&word, bytes.data() + at, sizeof(word));
  return word;
}

// The high bit of each byte of `word` below `limit` (1 to 0x80), exactly:
// no carry crosses a byte.
inline std::uint64_t BytesBelow(std::uint64_t word, unsigned char limit) {
  const std::uint64_t raised = (word & ~kHighBits) + kLowBits * (0x80 - limit);
  return ~(raised | word) & kHighBits;
}

// The high bit of each byte of `word` equal to `byte`.
inline std::uint64_t BytesEqual(std::uint64_t word, unsigned char byte) {
  return BytesBelow(word ^ (kLowBits * byte), 1);
}

// The index of the first byte (in text order) that `mask` marks.
inline std::size_t FirstMarked(std::uint64_t mask) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "bytes load low first");
  return static_cast<std::size_t>(__builtin_ctzll(mask)) / 8;
}

// The first offset from `at` on whose byte the high bit is set, or the size.
inline std::size_t SkipAscii(std::string_view bytes, std::size_t at) {
  while (at + 8 <= bytes.size()) {
    if (WordAt(bytes, at) & kHighBits) break;
    at += 8;
  }
  while (at < bytes.size() && static_cast<unsigned char>(bytes[at]) < 0x80) ++at;
  return at;
}

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_ASCII_H_
