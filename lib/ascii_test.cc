#include "ascii.h"

#include <cstdint>
#include <string>

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

TEST(SkipAscii, StopsAtTheFirstHighByteWhereverItIs) {
  for (std::size_t size = 0; size < 24; ++size) {
    const std::string ascii(size, 'a');
    EXPECT_EQ(SkipAscii(ascii, 0), size);
    for (std::size_t high = 0; high < size; ++high) {
      std::string text = ascii;
      text[high] = '\xC3';
      for (std::size_t from = 0; from <= high; ++from) {
        EXPECT_EQ(SkipAscii(text, from), high) << size << " " << high << " " << from;
      }
      EXPECT_EQ(SkipAscii(text, high + 1), size);
    }
  }
}

// Each byte's mark is its own, whatever its neighbours: a byte of every
// value at every place, next to bytes that are below and equal as well.
TEST(WordBytes, MarkExactlyTheBytesThatAreBelowOrEqual) {
  for (const char neighbour : {' ', '.', '\x00', '\x1F', '\x80', '\xFF'}) {
    for (std::size_t at = 0; at < 8; ++at) {
      for (int value = 0; value < 256; ++value) {
        std::string text(8, neighbour);
        text[at] = static_cast<char>(value);
        const std::uint64_t word = WordAt(text, 0);
        std::uint64_t below = 0, dots = 0;
        for (std::size_t i = 0; i < 8; ++i) {
          const auto byte = static_cast<unsigned char>(text[i]);
          if (byte < 0x20) below |= std::uint64_t{0x80} << (8 * i);
          if (byte == '.') dots |= std::uint64_t{0x80} << (8 * i);
        }
        EXPECT_EQ(BytesBelow(word, 0x20), below) << at << " " << value;
        EXPECT_EQ(BytesEqual(word, '.'), dots) << at << " " << value;
        if (dots != 0) {
          EXPECT_EQ(text[FirstMarked(dots)], '.');
          EXPECT_EQ(text.find('.'), FirstMarked(dots));
        }
      }
    }
  }
}

}  // namespace
}  // namespace newsevents::internal
