#include "mentions/recognizer.h"

#include <string>

#include "embedded.h"
#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

class RecognizerTest : public testing::Test {
 protected:
  static std::shared_ptr<const OrganizationRecognizer> Organizations() {
    static const auto* organizations = [] {
      auto made = OrganizationRecognizer::Create(
          {{"data/organizations.tsv", FindEmbedded("data/organizations.tsv")}});
      EXPECT_TRUE(made.ok()) << made.status().ToString();
      return new std::shared_ptr<const OrganizationRecognizer>(std::move(made).value());
    }();
    return *organizations;
  }

  static std::vector<FoundMention> Find(std::string_view text, std::string lang = "en") {
    auto recognizer = MentionRecognizer::Create(lang, Organizations());
    EXPECT_TRUE(recognizer.ok()) << recognizer.status().ToString();
    return recognizer.value()->Find(text);
  }

  // The one mention of `text`, which must cover all of it.
  static FoundMention Only(std::string_view text, std::string lang = "en") {
    const std::vector<FoundMention> mentions = Find(text, lang);
    EXPECT_EQ(mentions.size(), 1u) << text;
    if (mentions.empty()) return {MentionKind::kQuantity, 0, 0, {}};
    EXPECT_EQ(mentions[0].begin, 0u) << text;
    EXPECT_EQ(mentions[0].end, text.size()) << text;
    return mentions[0];
  }
};

TEST_F(RecognizerTest, MoneyWithSymbolBeforeAndScale) {
  const Money money = std::get<Money>(Only("more than $1 billion").value);
  EXPECT_EQ(money.amount, 1e9);
  EXPECT_EQ(money.currency, "USD");
  EXPECT_EQ(money.qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(std::get<Money>(Only("\xE2\x82\xAC" "2bn").value).amount, 2e9);
  EXPECT_EQ(std::get<Money>(Only("\xC2\xA3" "300m").value).currency, "GBP");
  EXPECT_EQ(std::get<Money>(Only("HK$5").value).currency, "HKD");
  EXPECT_EQ(std::get<Money>(Only("USD 1.2bn").value).amount, 1.2e9);
}

TEST_F(RecognizerTest, MoneyWithCurrencyAfterInFrench) {
  Money money = std::get<Money>(Only("114,77 $", "fr").value);
  EXPECT_DOUBLE_EQ(money.amount, 114.77);
  money = std::get<Money>(Only("40 000 euros", "fr").value);
  EXPECT_EQ(money.amount, 40000);
  EXPECT_EQ(money.currency, "EUR");
  money = std::get<Money>(Only("5 milliards de dollars", "fr").value);
  EXPECT_EQ(money.amount, 5e9);
  EXPECT_EQ(money.currency, "USD");
  money = std::get<Money>(Only("2,3 Md\xE2\x82\xAC", "fr").value);
  EXPECT_DOUBLE_EQ(money.amount, 2.3e9);
  EXPECT_EQ(money.currency, "EUR");
}

TEST_F(RecognizerTest, ReutersDollars) {
  const Money money = std::get<Money>(Only("15 mln dlrs").value);
  EXPECT_EQ(money.amount, 15e6);
  EXPECT_EQ(money.currency, "USD");
}

TEST_F(RecognizerTest, Percentages) {
  Percent percent = std::get<Percent>(Only("as much as 4.3%").value);
  EXPECT_DOUBLE_EQ(percent.value, 4.3);
  EXPECT_EQ(percent.qualifier, Qualifier::kAsMuchAs);
  percent = std::get<Percent>(Only("4,3 %", "fr").value);
  EXPECT_DOUBLE_EQ(percent.value, 4.3);
  percent = std::get<Percent>(Only("10-20%").value);
  EXPECT_TRUE(percent.is_range);
  EXPECT_EQ(percent.min, 10);
  EXPECT_EQ(percent.max, 20);
  percent = std::get<Percent>(Only("10 \xC3\xA0 20 %", "fr").value);
  EXPECT_TRUE(percent.is_range);
  EXPECT_EQ(percent.max, 20);
  percent = std::get<Percent>(Only("-3.8%").value);
  EXPECT_DOUBLE_EQ(percent.value, -3.8);
  percent = std::get<Percent>(Only("2 percentage points").value);
  EXPECT_TRUE(percent.points);
  percent = std::get<Percent>(Only("between 10 and 20 percent").value);
  EXPECT_EQ(percent.min, 10);
}

TEST_F(RecognizerTest, OrganizationsByAliasAndSuffix) {
  Organization organization = std::get<Organization>(Only("Hewlett Packard Enterprise Co.").value);
  EXPECT_EQ(organization.name, "Hewlett Packard Enterprise");
  EXPECT_EQ(organization.id, "HPE");
  organization = std::get<Organization>(Only("Super Micro Computer Inc.").value);
  EXPECT_EQ(organization.name, "Supermicro");
  organization = std::get<Organization>(Only("Acme Widgets Corp.").value);
  EXPECT_EQ(organization.name, "Acme Widgets");
  EXPECT_TRUE(organization.id.empty());
}

TEST_F(RecognizerTest, CapitalizedWordBeforeAKnownNameIsLeftOut) {
  const std::string text = "Rivals Dell Technologies Inc. fell";
  const std::vector<FoundMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin),
            "Dell Technologies Inc.");
  EXPECT_EQ(std::get<Organization>(mentions[0].value).name, "Dell Technologies");
}

TEST_F(RecognizerTest, QuantitiesAndYears) {
  const std::string text = "It moved 12,000 H100 chips in 2024.";
  const std::vector<FoundMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(std::get<Quantity>(mentions[0].value).value, 12000);
  EXPECT_EQ(std::get<Date>(mentions[1].value).iso, "2024");
}

TEST_F(RecognizerTest, MentionsNeverOverlap) {
  const std::string text = "Dell shares slipped 3.8% to $114.77 and HPE rose 1%.";
  const std::vector<FoundMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 5u);
  for (std::size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_LE(mentions[i - 1].end, mentions[i].begin);
  }
}

}  // namespace
}  // namespace newsevents::internal
