#include "packed_word.h"

#include <string>

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

TEST(LowerAscii8, LowersEveryByteOfAToZAndNoOther) {
  for (int byte = 0; byte < 256; ++byte) {
    for (int place = 0; place < 8; ++place) {
      // The byte among neighbours that must not change, nor carry into it.
      const std::uint64_t around = 0x5B40607B7F80FFC3ULL & ~(std::uint64_t{0xFF} << (8 * place));
      const std::uint64_t packed = around | static_cast<std::uint64_t>(byte) << (8 * place);
      const int expected = byte >= 'A' && byte <= 'Z' ? byte + 32 : byte;
      const std::uint64_t lowered = LowerAscii8(packed);
      EXPECT_EQ(static_cast<int>(lowered >> (8 * place) & 0xFF), expected) << byte << " " << place;
      const std::uint64_t others = ~(std::uint64_t{0xFF} << (8 * place));
      EXPECT_EQ(lowered & others, LowerAscii8(around) & others);
    }
  }
  EXPECT_EQ(LowerAscii8(0x5B40607B7F80FFC3ULL), 0x5B40607B7F80FFC3ULL);  // [@`{ DEL and high bytes
}

TEST(PackLowered, KeysWordsUpToSixteenBytesExactlyAndIgnoresCase) {
  EXPECT_EQ(PackLowered("Million"), PackLowered("MILLION"));
  EXPECT_FALSE(PackLowered("million") == PackLowered("millions"));
  EXPECT_FALSE(PackLowered("ab") == PackLowered("b"));  // no byte is lost to zero padding
  EXPECT_FALSE(PackLowered("abcdefghijklmnop") == PackLowered("bbcdefghijklmnop"));  // 16 bytes
  EXPECT_EQ(PackLowered("Xabcdefghijklmnop"), PackLowered("yabcdefghijklmnop"));  // 17: the last 16
  EXPECT_EQ(PackLowered("quatri\xC3\x88me"), PackLowered("QUATRI\xC3\x88ME"));  // È is not ASCII
  EXPECT_FALSE(PackLowered("quatri\xC3\x88me") == PackLowered("quatri\xC3\xA8me"));
  EXPECT_TRUE(PackLowered("").empty());
  EXPECT_TRUE(PackLowered("abcdefghijklmnop").ascii());
  EXPECT_FALSE(PackLowered("\xC3\xA9" "abcdefghijklmn").ascii());  // the high bit in the first byte
  EXPECT_FALSE(PackLowered("abcdefghijklmn\xC3\xA9").ascii());
  // A reader packing the last bytes while reading gets the same key.
  const std::string word = "Thirteenths";
  std::uint64_t last_bytes = 0;
  for (char c : word) last_bytes = PushByte(last_bytes, static_cast<unsigned char>(c));
  EXPECT_EQ(PackLowered(std::string_view(word).substr(0, word.size() - 8), last_bytes),
            PackLowered("thirteenths"));
}

TEST(PackedWordTable, FindsWhatWasAddedAndGrowsPastItsSize) {
  PackedWordTable<int> table(2);
  const std::string words[] = {"one", "two", "three", "hundred", "thousand", "million",
                               "billion", "dozen", "half", "quarter", "quinze", "vingt",
                               "cent", "mille", "milliard", "douze", "treize", "quatorze",
                               "seize", "dix-sept", "soixante", "abcdefghijklmnop"};
  int value = 0;
  for (const std::string& word : words) table[PackLowered(word)] = ++value;
  value = 0;
  for (const std::string& word : words) {
    const int* found = table.Find(PackLowered(word));
    ASSERT_NE(found, nullptr) << word;
    EXPECT_EQ(*found, ++value) << word;
  }
  table[PackLowered("ONE")] += 100;  // the same word: no second entry
  EXPECT_EQ(*table.Find(PackLowered("one")), 101);
  EXPECT_EQ(table.Find(PackLowered("ones")), nullptr);
  EXPECT_EQ(table.Find(PackLowered("")), nullptr);
  EXPECT_EQ(table.Find(PackLowered("zero")), nullptr);
}

}  // namespace
}  // namespace newsevents::internal
