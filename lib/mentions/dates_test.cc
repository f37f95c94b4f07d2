#include "mentions/dates.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

struct Case {
  const char* lang;
  const char* text;
  const char* date;  // the longest date found, as written
  const char* iso;
  const char* grain;
  const char* modifier;
  int offset;  // when relative (iso empty)
};

class Dates : public testing::TestWithParam<Case> {};

TEST_P(Dates, NormalizeToIsoWithAGrain) {
  const Case& c = GetParam();
  auto recognizer = DateRecognizer::Create(c.lang);
  ASSERT_TRUE(recognizer.ok()) << recognizer.status().ToString();
  std::vector<FoundMention> found;
  const std::string text = c.text;
  recognizer.value()->Find(text, &found);
  ASSERT_FALSE(found.empty()) << text;
  const FoundMention* longest = &found[0];
  for (const FoundMention& mention : found) {
    if (mention.end - mention.begin > longest->end - longest->begin) longest = &mention;
  }
  EXPECT_EQ(text.substr(longest->begin, longest->end - longest->begin), c.date) << text;
  const Date& date = std::get<Date>(longest->value);
  EXPECT_EQ(date.iso, c.iso) << text;
  EXPECT_EQ(date.grain, c.grain) << text;
  EXPECT_EQ(date.modifier, c.modifier) << text;
  EXPECT_EQ(date.relative, std::string(c.iso).empty()) << text;
  if (date.relative) {
    EXPECT_EQ(date.offset, c.offset) << text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    English, Dates,
    testing::Values(
        Case{"en", "on December 5, 2024, HPE", "December 5, 2024", "2024-12-05", "day", "", 0},
        Case{"en", "on Dec. 5 2024", "Dec. 5 2024", "2024-12-05", "day", "", 0},
        Case{"en", "on 5 December 2024", "5 December 2024", "2024-12-05", "day", "", 0},
        Case{"en", "NEW YORK, March 4 (Reuters)", "March 4", "XXXX-03-04", "day", "", 0},
        Case{"en", "in December 2024", "December 2024", "2024-12", "month", "", 0},
        Case{"en", "was reached in late 2024", "late 2024", "2024", "year", "late", 0},
        Case{"en", "by mid-2025", "mid-2025", "2025", "year", "mid", 0},
        Case{"en", "in the fourth quarter", "fourth quarter", "XXXX-Q4", "quarter", "", 0},
        Case{"en", "in the third quarter of 2024", "third quarter of 2024", "2024-Q3",
             "quarter", "", 0},
        Case{"en", "Q2 2025 results", "Q2 2025", "2025-Q2", "quarter", "", 0},
        Case{"en", "the first half of 2025", "first half of 2025", "2025-H1", "half", "", 0},
        Case{"en", "In 2025, HPE expects", "2025", "2025", "year", "", 0},
        Case{"en", "shot up last week", "last week", "", "week", "", -1},
        Case{"en", "next year's fall", "next year", "", "year", "", 1},
        Case{"en", "just a month ago", "a month ago", "", "month", "", -1},
        Case{"en", "said on Tuesday that yesterday", "yesterday", "", "day", "", -1}));

INSTANTIATE_TEST_SUITE_P(
    French, Dates,
    testing::Values(
        Case{"fr", "le 5 décembre 2024", "5 décembre 2024", "2024-12-05", "day", "", 0},
        Case{"fr", "le 1er sept. 2024", "1er sept. 2024", "2024-09-01", "day", "", 0},
        Case{"fr", "en sept. 2024", "sept. 2024", "2024-09", "month", "", 0},
        Case{"fr", "d'ici fin 2024", "fin 2024", "2024", "year", "late", 0},
        Case{"fr", "début 2025", "début 2025", "2025", "year", "early", 0},
        Case{"fr", "en 2025, Dell", "2025", "2025", "year", "", 0},
        Case{"fr", "au quatrième trimestre 2024", "quatrième trimestre 2024", "2024-Q4",
             "quarter", "", 0},
        Case{"fr", "au premier semestre", "premier semestre", "XXXX-H1", "half", "", 0},
        Case{"fr", "la semaine dernière", "la semaine dernière", "", "week", "", -1},
        Case{"fr", "décroché l'an dernier une", "l'an dernier", "", "year", "", -1},
        Case{"fr", "il y a deux semaines", "il y a deux semaines", "", "week", "", -2}));

TEST(Dates, NoDateInPlainWords) {
  auto recognizer = DateRecognizer::Create("en");
  ASSERT_TRUE(recognizer.ok());
  std::vector<FoundMention> found;
  recognizer.value()->Find("Investors may march on as the firm grew 2,024 jobs.", &found);
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace newsevents::internal
