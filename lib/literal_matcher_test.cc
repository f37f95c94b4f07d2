#include "literal_matcher.h"

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

constexpr LiteralMatcher::Case kFolded = LiteralMatcher::Case::kFolded;

TEST(LiteralMatcher, FindsEachAtomOnceInAscendingOrder) {
  const LiteralMatcher matcher({"shares", "rose", "of"}, kFolded);
  EXPECT_EQ(matcher.FindDistinct("shares of x rose, shares of y rose"), (std::vector<int>{0, 1, 2}));
}

TEST(LiteralMatcher, FindsAtomsInsideAndOverlappingOthers) {
  // "he" ends inside "shed", "she" and "hers" overlap: the suffix links.
  const LiteralMatcher matcher({"she", "he", "hers", "shed"}, kFolded);
  EXPECT_EQ(matcher.FindDistinct("ushers"), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(matcher.FindDistinct("shed"), (std::vector<int>{0, 1, 3}));
}

TEST(LiteralMatcher, FoldsAsciiAndFrenchCapitalsAndReadsALineBreakAsASpace) {
  const LiteralMatcher matcher({"états-unis", "shares rose", "\xC5\x93uvre"}, kFolded);
  EXPECT_EQ(matcher.FindDistinct("\xC3\x89TATS-UNIS"), (std::vector<int>{0}));
  EXPECT_EQ(matcher.FindDistinct("Shares\nRose"), (std::vector<int>{1}));
  EXPECT_EQ(matcher.FindDistinct("\xC5\x92UVRE"), (std::vector<int>{2}));
  // The multiplication sign is not a capital: "×" stays itself.
  EXPECT_TRUE(LiteralMatcher({"\xC3\xB7"}, kFolded).FindDistinct("\xC3\x97").empty());
}

TEST(LiteralMatcher, FindsNothingWhereNoAtomIs) {
  const LiteralMatcher matcher({"tariff", "duty"}, kFolded);
  EXPECT_TRUE(matcher.FindDistinct("").empty());
  EXPECT_TRUE(matcher.FindDistinct("tarif dut y").empty());
  EXPECT_TRUE(LiteralMatcher({}, kFolded).FindDistinct("anything").empty());
}

TEST(LiteralMatcher, ReadsControlAndHighBytes) {
  const LiteralMatcher matcher({std::string("\x02 shares"), "to \x01o"}, kFolded);
  EXPECT_EQ(matcher.FindDistinct(std::string("\x01O1\x02 shares went to \x01O2\x02")),
            (std::vector<int>{0, 1}));
  EXPECT_TRUE(matcher.FindDistinct(std::string("\xFF\xFE\x00\x01", 4)).empty());
}

TEST(LiteralMatcher, FindsEveryOccurrenceWithItsPlace) {
  const LiteralMatcher matcher({"Dell", "Dell Technologies", "Tech"},
                               LiteralMatcher::Case::kSensitive);
  const std::vector<LiteralMatcher::Hit> hits = matcher.FindAll("Dell Technologies and dell");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].literal, 0);
  EXPECT_EQ(hits[0].begin, 0u);
  EXPECT_EQ(hits[0].end, 4u);
  EXPECT_EQ(hits[1].literal, 2);
  EXPECT_EQ(hits[1].begin, 5u);
  EXPECT_EQ(hits[2].literal, 1);
  EXPECT_EQ(hits[2].begin, 0u);
  EXPECT_EQ(hits[2].end, 17u);
  // Case-sensitive: "dell" is not "Dell", and a line break is itself.
  EXPECT_TRUE(matcher.FindAll("dell").empty());
  for (const LiteralMatcher::Hit& hit : matcher.FindAll("Dell\nTechnologies")) {
    EXPECT_NE(hit.literal, 1);
  }
}

}  // namespace
}  // namespace newsevents::internal
