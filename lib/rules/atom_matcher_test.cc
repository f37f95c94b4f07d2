#include "rules/atom_matcher.h"

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

TEST(AtomMatcher, FindsEachAtomOnceInAscendingOrder) {
  const AtomMatcher matcher({"shares", "rose", "of"});
  EXPECT_EQ(matcher.Find("shares of x rose, shares of y rose"), (std::vector<int>{0, 1, 2}));
}

TEST(AtomMatcher, FindsAtomsInsideAndOverlappingOthers) {
  // "he" ends inside "shed", "she" and "hers" overlap: the suffix links.
  const AtomMatcher matcher({"she", "he", "hers", "shed"});
  EXPECT_EQ(matcher.Find("ushers"), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(matcher.Find("shed"), (std::vector<int>{0, 1, 3}));
}

TEST(AtomMatcher, FoldsAsciiAndFrenchCapitalsAndReadsALineBreakAsASpace) {
  const AtomMatcher matcher({"états-unis", "shares rose", "\xC5\x93uvre"});
  EXPECT_EQ(matcher.Find("\xC3\x89TATS-UNIS"), (std::vector<int>{0}));
  EXPECT_EQ(matcher.Find("Shares\nRose"), (std::vector<int>{1}));
  EXPECT_EQ(matcher.Find("\xC5\x92UVRE"), (std::vector<int>{2}));
  // The multiplication sign is not a capital: "×" stays itself.
  EXPECT_TRUE(AtomMatcher({"\xC3\xB7"}).Find("\xC3\x97").empty());
}

TEST(AtomMatcher, FindsNothingWhereNoAtomIs) {
  const AtomMatcher matcher({"tariff", "duty"});
  EXPECT_TRUE(matcher.Find("").empty());
  EXPECT_TRUE(matcher.Find("tarif dut y").empty());
  EXPECT_TRUE(AtomMatcher({}).Find("anything").empty());
}

TEST(AtomMatcher, ReadsControlAndHighBytes) {
  const AtomMatcher matcher({std::string("\x02 shares"), "to \x01o"});
  EXPECT_EQ(matcher.Find(std::string("\x01O1\x02 shares went to \x01O2\x02")),
            (std::vector<int>{0, 1}));
  EXPECT_TRUE(matcher.Find(std::string("\xFF\xFE\x00\x01", 4)).empty());
}

}  // namespace
}  // namespace newsevents::internal
