#include "mentions/numbers.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

struct Case {
  const char* lang;
  const char* text;
  const char* number;  // the one number expected, as written
  double value;
};

std::vector<NumberSpan> Read(const std::string& lang, const std::string& text,
                             bool prepositional = false) {
  NumberReader::Options options;
  options.prepositional_fractions = prepositional;
  auto reader = NumberReader::Create(lang, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  return reader.value()->Find(text);
}

class OneNumber : public testing::TestWithParam<Case> {};

TEST_P(OneNumber, ReadsItsValueAndSpan) {
  const Case& c = GetParam();
  const std::string text = c.text;
  const std::vector<NumberSpan> numbers = Read(c.lang, text);
  ASSERT_EQ(numbers.size(), 1u) << text;
  EXPECT_EQ(text.substr(numbers[0].begin, numbers[0].end - numbers[0].begin), c.number) << text;
  EXPECT_NEAR(numbers[0].value, c.value, 1e-9 * std::max(1.0, std::abs(c.value))) << text;
}

INSTANTIATE_TEST_SUITE_P(
    English, OneNumber,
    testing::Values(Case{"en", "about 1,000,000 units", "1,000,000", 1e6},
                    Case{"en", "1 000 000", "1 000 000", 1e6},
                    Case{"en", "rose 4.3 points", "4.3", 4.3},
                    Case{"en", "12,34,567.89", "12,34,567.89", 1234567.89},
                    Case{"en", "a 1-1/2 point gain", "1-1/2", 1.5},
                    Case{"en", "up 3/8 at", "3/8", 0.375},
                    Case{"en", "2.3bn", "2.3bn", 2.3e9},
                    Case{"en", "10k", "10k", 1e4},
                    Case{"en", "15 mln", "15 mln", 15e6},
                    Case{"en", "4 mn", "4 mn", 4e6},
                    Case{"en", "1.2 trillion", "1.2 trillion", 1.2e12},
                    Case{"en", "twenty-one", "twenty-one", 21},
                    Case{"en", "one hundred and sixty-one", "one hundred and sixty-one", 161},
                    Case{"en", "twenty-one trillion three hundred",
                         "twenty-one trillion three hundred", 21000000000300},
                    Case{"en", "ninety - five hundred", "ninety - five hundred", 9500},
                    Case{"en", "two and a half million", "two and a half million", 2.5e6},
                    Case{"en", "half a million", "half a million", 5e5},
                    Case{"en", "two thirds", "two thirds", 2.0 / 3},
                    Case{"en", "one hundred and three quarters", "one hundred and three quarters",
                         100.75},
                    Case{"en", "two hundred point zero three", "two hundred point zero three",
                         200.03},
                    Case{"en", "minus five", "minus five", -5},
                    Case{"en", "fell -3.8", "-3.8", -3.8},
                    Case{"en", "1.3e6", "1.3e6", 1.3e6},
                    Case{"en", "a dozen eggs", "a dozen", 12}));

INSTANTIATE_TEST_SUITE_P(
    French, OneNumber,
    testing::Values(Case{"fr", "1 000 000", "1 000 000", 1e6},
                    Case{"fr", "1.000.000", "1.000.000", 1e6},
                    Case{"fr", "94.000 salariés", "94.000", 94000},
                    Case{"fr", "4,3 %", "4,3", 4.3},
                    Case{"fr", "vingt et un", "vingt et un", 21},
                    Case{"fr", "soixante et onze", "soixante et onze", 71},
                    Case{"fr", "quatre-vingt-dix-neuf", "quatre-vingt-dix-neuf", 99},
                    Case{"fr", "deux cents", "deux cents", 200},
                    Case{"fr", "cinq cent trente cinq", "cinq cent trente cinq", 535},
                    Case{"fr", "mille", "mille", 1000},
                    Case{"fr", "3 millions", "3 millions", 3e6},
                    Case{"fr", "2,3 Md", "2,3 Md", 2.3e9},
                    Case{"fr", "cinq milliards", "cinq milliards", 5e9},
                    // French keeps the long scale.
                    Case{"fr", "un billion", "un billion", 1e12},
                    Case{"fr", "un million et demi", "un million et demi", 1.5e6},
                    Case{"fr", "trois quarts", "trois quarts", 0.75},
                    Case{"fr", "trois cinquièmes", "trois cinquièmes", 0.6},
                    Case{"fr", "deux cent virgule trois", "deux cent virgule trois", 200.3}));

TEST(NumberReader, ListsAndDatesAreReadAsTheirParts) {
  // "5/17/2018" and "192.168.1.2" are not fractions or decimals.
  std::vector<NumberSpan> numbers = Read("en", "5/17/2018");
  ASSERT_EQ(numbers.size(), 3u);
  EXPECT_EQ(numbers[1].value, 17);
  numbers = Read("en", "22,24,26,31");
  ASSERT_EQ(numbers.size(), 4u);
  EXPECT_EQ(numbers[3].value, 31);
}

TEST(NumberReader, DigitsGluedToLettersAreMarked) {
  // Units and ordinals name things; a scale suffix does not glue.
  for (const char* text : {"180ml", "H100", "4th", "5G"}) {
    const std::vector<NumberSpan> numbers = Read("en", text);
    ASSERT_EQ(numbers.size(), 1u) << text;
    EXPECT_TRUE(numbers[0].glued) << text;
  }
  const std::vector<NumberSpan> millions = Read("en", "£300m");
  ASSERT_EQ(millions.size(), 1u);
  EXPECT_EQ(millions[0].m_end, 6u);  // "m" ends there; money reads it
}

TEST(NumberReader, ArticlesAndPronounsAreWeakOrNone) {
  std::vector<NumberSpan> numbers = Read("fr", "un contrat");
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_TRUE(numbers[0].weak);
  EXPECT_TRUE(Read("en", "the one you mentioned").empty());
  EXPECT_TRUE(Read("en", "a third consecutive quarter").empty());
  EXPECT_TRUE(Read("en", "a fourth-quarter loss").empty());
  EXPECT_TRUE(Read("en", "in the fourth quarter").empty());
  EXPECT_TRUE(Read("fr", "récent").empty());
}

TEST(NumberReader, PrepositionalFractionsOnlyWhenAsked) {
  EXPECT_EQ(Read("en", "one out of three").size(), 2u);
  const std::vector<NumberSpan> numbers = Read("en", "one out of three", true);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_NEAR(numbers[0].value, 1.0 / 3, 1e-12);
  EXPECT_TRUE(numbers[0].prepositional);
  // "over" after a currency is a qualifier's word, not a fraction's.
  EXPECT_EQ(Read("en", "$2000 over 3 years", true).size(), 2u);
}

TEST(NumberReader, NumbersInWebAddressesAreNone) {
  EXPECT_TRUE(Read("en", "https://www.test.com/search?q=30%25%2020%").empty());
}

TEST(ParseDigits, ReadsEachLanguagesMarks) {
  EXPECT_EQ(ParseDigits("1,234.5", "en"), 1234.5);
  EXPECT_EQ(ParseDigits("1,3", "en"), 1.3);
  EXPECT_EQ(ParseDigits("4,3", "fr"), 4.3);
  EXPECT_EQ(ParseDigits("125.000,50", "fr"), 125000.5);
  EXPECT_EQ(ParseDigits("2.5", "fr"), 2.5);
  EXPECT_EQ(ParseDigits("1-1/2", "en"), 1.5);
  EXPECT_FALSE(ParseDigits("12a", "en"));
}

TEST(ScaleOf, KnowsWordsAndSuffixesPerLanguage) {
  EXPECT_EQ(ScaleOf("billion", "en"), 1e9);
  EXPECT_EQ(ScaleOf("billion", "fr"), 1e12);
  EXPECT_EQ(ScaleOf("Mds", "fr"), 1e9);
  EXPECT_EQ(ScaleOf("mln", "en"), 1e6);
  EXPECT_FALSE(ScaleOf("dozen", "en"));
}

}  // namespace
}  // namespace newsevents::internal
