#include "ascii.h"

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

}  // namespace
}  // namespace newsevents::internal
