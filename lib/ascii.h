// Finding the end of a run of ASCII bytes eight at a time: most news is
// ASCII, and the byte-at-a-time checks before decoding read every byte.
#ifndef NEWSEVENTS_LIB_ASCII_H_
#define NEWSEVENTS_LIB_ASCII_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsevents::internal {

// The first offset from `at` on whose byte the high bit is set, or the size.
inline std::size_t SkipAscii(std::string_view bytes, std::size_t at) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  while (at + 8 <= bytes.size()) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + at, sizeof(word));
    if (word & kHighBits) break;
    at += 8;
  }
  while (at < bytes.size() && static_cast<unsigned char>(bytes[at]) < 0x80) ++at;
  return at;
}

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_ASCII_H_
