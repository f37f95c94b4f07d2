#include "literal_matcher.h"

#include <algorithm>
#include <random>

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

constexpr LiteralMatcher::Case kFolded = LiteralMatcher::Case::kFolded;

// Text over a few letters, both cases, a line break and a French capital, so
// that random literals and texts overlap a lot.
std::string RandomText(std::mt19937* random, std::size_t size) {
  std::string text;
  for (std::size_t i = 0; i < size; ++i) text.push_back("abcAB \n\xC3\x89"[(*random)() % 9]);
  return text;
}

// The same hits, in the same order.
void ExpectSameHits(const std::vector<LiteralMatcher::Hit>& found,
                    const std::vector<LiteralMatcher::Hit>& expected) {
  ASSERT_EQ(found.size(), expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].literal, expected[i].literal);
    EXPECT_EQ(found[i].begin, expected[i].begin);
    EXPECT_EQ(found[i].end, expected[i].end);
  }
}

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

TEST(LiteralMatcher, TheTrieWalkFindsWhatTheTableFinds) {
  std::mt19937 random(7);
  auto random_text = [&](std::size_t size) { return RandomText(&random, size); };
  // 300 short literals and 6,000 longer ones (a table of more than 32,767
  // states), each against the trie.
  struct LiteralSet {
    int count;
    std::size_t shortest;
    std::size_t longest;
  };
  for (const LiteralSet& set : {LiteralSet{300, 1, 6}, LiteralSet{6000, 8, 14}}) {
  std::vector<std::string> literals;
  for (int i = 0; i < set.count; ++i) {
    literals.push_back(random_text(set.shortest + random() % (set.longest - set.shortest + 1)));
  }
  for (const auto case_mode : {LiteralMatcher::Case::kSensitive, kFolded}) {
    const LiteralMatcher table(literals, case_mode);
    const LiteralMatcher trie(literals, case_mode, /*max_table_entries=*/0);
    for (int round = 0; round < 50; ++round) {
      // Random bytes with some of the literals put in, so that long ones
      // are found too.
      std::string text = random_text(100);
      for (int piece = 0; piece < 5; ++piece) {
        text += literals[random() % literals.size()] + random_text(20);
      }
      const auto table_hits = table.FindAll(text);
      const auto trie_hits = trie.FindAll(text);
      ExpectSameHits(table_hits, trie_hits);
      EXPECT_EQ(table.FindDistinct(text), trie.FindDistinct(text));
      if (case_mode != LiteralMatcher::Case::kSensitive) continue;
      // Against the obvious search: every place of every literal.
      std::size_t expected = 0;
      for (const std::string& literal : literals) {
        for (std::size_t at = text.find(literal); at != std::string::npos;
             at = text.find(literal, at + 1)) {
          ++expected;
        }
      }
      EXPECT_EQ(trie_hits.size(), expected);
      for (const auto& hit : trie_hits) {
        EXPECT_EQ(text.substr(hit.begin, hit.end - hit.begin),
                  literals[static_cast<std::size_t>(hit.literal)]);
      }
    }
  }
  }
}

// A long text is read in two lanes, the second starting early by the
// longest literal's length: across every text length and literal length
// (one too long for two lanes), each hit is found once, in order, as the
// trie walk (one lane) finds it, folding included where a lane begins
// inside a two-byte letter.
TEST(LiteralMatcher, TwoLanesFindWhatOneFinds) {
  std::mt19937 random(13);
  auto random_text = [&](std::size_t size) { return RandomText(&random, size); };
  for (const std::size_t longest : {1, 2, 9, 30, 200, 300}) {
    std::vector<std::string> literals;
    for (int i = 0; i < 60; ++i) literals.push_back(random_text(1 + random() % longest));
    literals.push_back(random_text(longest));
    for (const auto case_mode : {LiteralMatcher::Case::kSensitive, kFolded}) {
      const LiteralMatcher table(literals, case_mode);
      const LiteralMatcher trie(literals, case_mode, /*max_table_entries=*/0);
      for (std::size_t size = 0; size < 700; size += 1 + size / 100) {
        std::string text = random_text(size);
        // Long literals put in, so that some cross where a lane begins.
        for (std::size_t at = random() % 50; at + longest < size; at += 40 + random() % 80) {
          const std::string& literal = literals[random() % literals.size()];
          text.replace(at, literal.size(), literal);
        }
        ExpectSameHits(table.FindAll(text), trie.FindAll(text));
        EXPECT_EQ(table.FindDistinct(text), trie.FindDistinct(text));
      }
    }
  }
}

// FindSplit lists each literal below the split once, as first found, and
// every hit of the others; one call leaves nothing behind for the next,
// whichever matcher makes it.
TEST(LiteralMatcher, FindSplitGivesWhatFindDistinctAndFindAllGive) {
  std::mt19937 random(11);
  auto random_text = [&](std::size_t size) { return RandomText(&random, size); };
  std::vector<std::vector<std::string>> literal_sets(2);
  for (int i = 0; i < 300; ++i) literal_sets[0].push_back(random_text(1 + random() % 6));
  for (int i = 0; i < 40; ++i) literal_sets[1].push_back(random_text(1 + random() % 3));
  const std::vector<LiteralMatcher> matchers = {LiteralMatcher(literal_sets[0], kFolded),
                                                LiteralMatcher(literal_sets[1], kFolded)};
  for (int round = 0; round < 400; ++round) {
    const std::size_t which = random() % 2;
    const LiteralMatcher& matcher = matchers[which];
    const std::size_t split = random() % (literal_sets[which].size() + 1);
    const std::string text = random_text(random() % 150);
    std::vector<int> distinct = {-1};  // appended to, never cleared
    std::vector<LiteralMatcher::Hit> hits;
    matcher.FindSplit(text, split, &distinct, &hits);
    ASSERT_FALSE(distinct.empty());
    EXPECT_EQ(distinct.front(), -1);
    std::vector<int> sorted(distinct.begin() + 1, distinct.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> expected_distinct;
    for (int literal : matcher.FindDistinct(text)) {
      if (static_cast<std::size_t>(literal) < split) expected_distinct.push_back(literal);
    }
    EXPECT_EQ(sorted, expected_distinct);
    std::vector<LiteralMatcher::Hit> expected_hits;
    for (const LiteralMatcher::Hit& hit : matcher.FindAll(text)) {
      if (static_cast<std::size_t>(hit.literal) >= split) expected_hits.push_back(hit);
    }
    ExpectSameHits(hits, expected_hits);
  }
}

}  // namespace
}  // namespace newsevents::internal
