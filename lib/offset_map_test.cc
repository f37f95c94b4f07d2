#include "newsevents/offset_map.h"

#include "gtest/gtest.h"

namespace newsevents {
inline namespace v1 {
namespace {

TEST(OffsetMap, IdentityMapsEachByteToItself) {
  const OffsetMap map = OffsetMap::Identity(10);
  EXPECT_EQ(map.ToSource({2, 5}), (Span{2, 5}));
  EXPECT_EQ(map.ToSource({0, 10}), (Span{0, 10}));
  EXPECT_EQ(map.output_size(), 10u);
  EXPECT_EQ(map.source_size(), 10u);
}

TEST(OffsetMap, ReplacedChunkMapsAsAWhole) {
  // "a…b" (a, 3-byte ellipsis, b) became "a...b".
  OffsetMap map;
  map.AppendCopy(1);
  map.AppendReplace(3, 3);
  map.AppendCopy(1);
  EXPECT_EQ(map.ToSource({1, 2}), (Span{1, 4}));  // one '.' is the whole '…'
  EXPECT_EQ(map.ToSource({0, 5}), (Span{0, 5}));
  EXPECT_EQ(map.ToSource({4, 5}), (Span{4, 5}));
}

TEST(OffsetMap, DeletedBytesAreSkipped) {
  // "ab<shy>cd": two bytes of soft hyphen removed.
  OffsetMap map;
  map.AppendCopy(2);
  map.AppendReplace(2, 0);
  map.AppendCopy(2);
  EXPECT_EQ(map.output_size(), 4u);
  EXPECT_EQ(map.source_size(), 6u);
  EXPECT_EQ(map.ToSource({2, 4}), (Span{4, 6}));
  EXPECT_EQ(map.ToSource({0, 4}), (Span{0, 6}));
}

TEST(OffsetMap, EmptySpanMapsToAPosition) {
  OffsetMap map;
  map.AppendReplace(3, 1);
  map.AppendCopy(2);
  EXPECT_EQ(map.ToSource({1, 1}), (Span{3, 3}));
  EXPECT_EQ(map.ToSource({3, 3}), (Span{5, 5}));
}

TEST(OffsetMap, ThenAfterAStageThatCopiedEverythingIsTheLaterStage) {
  OffsetMap later;
  later.AppendCopy(2);
  later.AppendReplace(3, 1);
  later.AppendReplace(1, 0);
  later.AppendCopy(2);
  const OffsetMap composed = later.Then(OffsetMap::Identity(8));
  EXPECT_EQ(composed.output_size(), later.output_size());
  EXPECT_EQ(composed.source_size(), 8u);
  for (std::size_t b = 0; b <= later.output_size(); ++b) {
    for (std::size_t e = b; e <= later.output_size(); ++e) {
      EXPECT_EQ(composed.ToSource({b, e}), later.ToSource({b, e})) << b << "," << e;
    }
  }
}

TEST(OffsetMap, ThenComposesTwoStages) {
  // Stage 1: source "xx<3 bytes>yy" -> "xx'yy" (3 bytes to 1).
  OffsetMap first;
  first.AppendCopy(2);
  first.AppendReplace(3, 1);
  first.AppendCopy(2);
  // Stage 2: "xx'yy" -> "x'yy" (first byte deleted), copied otherwise.
  OffsetMap second;
  second.AppendReplace(1, 0);
  second.AppendCopy(4);
  const OffsetMap composed = second.Then(first);
  EXPECT_EQ(composed.output_size(), 4u);
  EXPECT_EQ(composed.source_size(), 7u);
  EXPECT_EQ(composed.ToSource({0, 1}), (Span{1, 2}));
  EXPECT_EQ(composed.ToSource({1, 2}), (Span{2, 5}));
  EXPECT_EQ(composed.ToSource({1, 4}), (Span{2, 7}));
  // Composition agrees with mapping through both stages.
  for (std::size_t b = 0; b <= 4; ++b) {
    for (std::size_t e = b; e <= 4; ++e) {
      EXPECT_EQ(composed.ToSource({b, e}), first.ToSource(second.ToSource({b, e})))
          << b << "," << e;
    }
  }
}

TEST(OffsetMap, OutOfRangeSpansAreClamped) {
  const OffsetMap map = OffsetMap::Identity(4);
  EXPECT_EQ(map.ToSource({2, 99}), (Span{2, 4}));
  EXPECT_EQ(map.ToSource({99, 99}), (Span{4, 4}));
}

}  // namespace
}  // namespace v1
}  // namespace newsevents
