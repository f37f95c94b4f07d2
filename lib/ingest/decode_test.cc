#include "ingest/decode.h"

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

TEST(DecodeUtf8, ValidTextIsCopiedWithAnIdentityMap) {
  const DecodedText decoded = DecodeUtf8("Le titre a recul\xC3\xA9.");
  EXPECT_EQ(decoded.text, "Le titre a recul\xC3\xA9.");
  EXPECT_EQ(decoded.repaired, 0u);
  EXPECT_EQ(decoded.map.ToSource({17, 19}), (Span{17, 19}));
}

TEST(DecodeUtf8, ByteOrderMarkIsDroppedAndOffsetsStillPointIntoTheInput) {
  const DecodedText decoded = DecodeUtf8("\xEF\xBB\xBFHPE");
  EXPECT_EQ(decoded.text, "HPE");
  EXPECT_EQ(decoded.map.ToSource({0, 3}), (Span{3, 6}));
}

TEST(DecodeUtf8, InvalidBytesBecomeReplacementCharactersAndReadingGoesOn) {
  const DecodedText decoded = DecodeUtf8("a\xFF" "b\xC3" "c\xE2\x82" "d");
  EXPECT_EQ(decoded.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
  EXPECT_EQ(decoded.repaired, 3u);
  // The 'd' after the truncated 3-byte sequence maps to input byte 7.
  EXPECT_EQ(decoded.map.ToSource({decoded.text.size() - 1, decoded.text.size()}),
            (Span{7, 8}));
  // The U+FFFD for the truncated sequence covers both of its bytes.
  EXPECT_EQ(decoded.map.ToSource({9, 12}), (Span{5, 7}));
}

TEST(DecodeUtf8, EmptyInput) {
  const DecodedText decoded = DecodeUtf8("");
  EXPECT_TRUE(decoded.text.empty());
  EXPECT_EQ(decoded.map.output_size(), 0u);
}

TEST(DecodeUtf8, NulBytesAreKept) {
  const std::string input("a\0b", 3);
  EXPECT_EQ(DecodeUtf8(input).text, input);
}

TEST(IsValidUtf8, AgreesWithWhatDecodeUtf8WouldRepair) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Le titre a recul\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\x88"));
  EXPECT_FALSE(IsValidUtf8("a\xBB"));              // a lone continuation byte
  EXPECT_FALSE(IsValidUtf8("a\xE2\x82"));          // truncated at the end
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));           // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));       // a surrogate
}

}  // namespace
}  // namespace newsevents::internal
