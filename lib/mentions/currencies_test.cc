#include "mentions/currencies.h"

#include <string>

#include "embedded.h"
#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

std::unique_ptr<CurrencyTable> Table(const std::string& lang) {
  auto table = CurrencyTable::Create(
      lang, {{"data/currencies.tsv", FindEmbedded("data/currencies.tsv")}});
  EXPECT_TRUE(table.ok()) << table.status().ToString();
  return std::move(table).value();
}

struct Case {
  const char* lang;
  const char* text;
  const char* iso;
  double factor;
  bool name;
};

class Forms : public testing::TestWithParam<Case> {};

TEST_P(Forms, MatchAtTheStart) {
  const Case& c = GetParam();
  const std::string text = std::string(c.text) + " 5";
  const std::optional<CurrencyMatch> match = Table(c.lang)->MatchAt(text, 0);
  ASSERT_TRUE(match.has_value()) << c.text;
  EXPECT_EQ(match->end, std::string(c.text).size()) << c.text;
  EXPECT_EQ(match->iso, c.iso) << c.text;
  EXPECT_DOUBLE_EQ(match->factor, c.factor) << c.text;
  EXPECT_EQ(match->name, c.name) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Currencies, Forms,
    testing::Values(Case{"en", "$", "USD", 1, false}, Case{"en", "US$", "USD", 1, false},
                    Case{"en", "C$", "CAD", 1, false}, Case{"en", "HK$", "HKD", 1, false},
                    Case{"en", "NT$", "TWD", 1, false}, Case{"en", "USD", "USD", 1, false},
                    Case{"en", "\xE2\x82\xAC", "EUR", 1, false},
                    Case{"en", "\xC2\xA3", "GBP", 1, false},
                    Case{"en", "\xC2\xA5", "JPY", 1, false},
                    Case{"en", "dollars", "USD", 1, true}, Case{"en", "dlrs", "USD", 1, true},
                    Case{"en", "cents", "USD", 0.01, true},
                    Case{"en", "Swiss francs", "CHF", 1, true},
                    Case{"en", "MUSD", "USD", 1e6, false},
                    Case{"fr", "Md\xE2\x82\xAC", "EUR", 1e9, false},
                    Case{"fr", "M\xE2\x82\xAC", "EUR", 1e6, false},
                    Case{"fr", "livres sterling", "GBP", 1, true},
                    Case{"fr", "francs suisses", "CHF", 1, true},
                    Case{"fr", "dollars canadiens", "CAD", 1, true},
                    Case{"fr", "$ US", "USD", 1, false}, Case{"fr", "yuans", "CNY", 1, true}));

TEST(CurrencyTable, CodesThatAreWordsAreNotCurrencies) {
  auto table = Table("en");
  EXPECT_FALSE(table->MatchAt("ALL 5 solutions", 0).has_value());
  EXPECT_FALSE(table->MatchAt("all 5", 0).has_value());
  EXPECT_FALSE(table->MatchAt("eurostar", 0).has_value());
}

// MayHold gates whole sentences: it must be true wherever Find finds a
// form, and may be false where a form's letters sit inside a word.
TEST(CurrencyTable, MayHoldOnlyWhereAFormStandsApart) {
  auto table = Table("en");
  for (const char* text : {"over the years", "a contract", "sold off", "top"}) {
    EXPECT_TRUE(table->Find(text).empty()) << text;
    EXPECT_FALSE(table->MayHold(text)) << text;
  }
  for (const char* text : {"Rs 500", "50p a share", "5 cts", "(rs. 3)", "50 dlrs."}) {
    EXPECT_FALSE(table->Find(text).empty()) << text;
    EXPECT_TRUE(table->MayHold(text)) << text;
  }
}

// A form's space is a space: "$ US" across a line break is "$" alone.
TEST(CurrencyTable, AFormDoesNotSpanALineBreak) {
  const std::vector<CurrencyMatch> found = Table("en")->Find("$\nUS 5");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 0u);
  EXPECT_EQ(found[0].end, 1u);
  EXPECT_EQ(found[0].iso, "USD");
}

TEST(CurrencyTable, NamesAreOfTheirLanguage) {
  EXPECT_FALSE(Table("en")->MatchAt("livres 5", 0).has_value());
  const std::optional<CurrencyMatch> livres = Table("fr")->MatchAt("livres 5", 0);
  ASSERT_TRUE(livres.has_value());
  EXPECT_TRUE(livres->ambiguous);  // also books
}

TEST(CurrencyTable, AMalformedLineNamesFileAndLine) {
  auto table = CurrencyTable::Create("en", {{"extra.tsv", "# ok\nUSD\t$\n"}});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("extra.tsv:2"), std::string::npos);
}

}  // namespace
}  // namespace newsevents::internal
