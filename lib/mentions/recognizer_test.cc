#include "mentions/recognizer.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>

#include "embedded.h"
#include "gtest/gtest.h"
#include "segment/sentences.h"

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
  Money money = std::get<Money>(Only("118,25 $", "fr").value);
  EXPECT_DOUBLE_EQ(money.amount, 118.25);
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

// Found by fuzz_mentions (tests/fuzz/regressions/mentions/range-written-high-to-low):
// a range written from the high bound to the low one came out with
// min > max ("-18.67% - -1,914.94%" in a table of margins).
TEST_F(RecognizerTest, RangeWrittenHighToLowHasItsBoundsInOrder) {
  Percent percent = std::get<Percent>(Only("-18.67% - -1,914.94%").value);
  EXPECT_TRUE(percent.is_range);
  EXPECT_DOUBLE_EQ(percent.min, -1914.94);
  EXPECT_DOUBLE_EQ(percent.max, -18.67);
  percent = std::get<Percent>(Only("20-10%").value);
  EXPECT_EQ(percent.min, 10);
  EXPECT_EQ(percent.max, 20);
  const Money money = std::get<Money>(Only("$12 to $10").value);
  EXPECT_EQ(money.min, 10);
  EXPECT_EQ(money.max, 12);
  EXPECT_EQ(money.currency, "USD");
}

TEST_F(RecognizerTest, QuantitiesAndYears) {
  const std::string text = "It moved 12,000 H100 chips in 2024.";
  const std::vector<FoundMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(std::get<Quantity>(mentions[0].value).value, 12000);
  EXPECT_EQ(std::get<Date>(mentions[1].value).iso, "2024");
}

TEST_F(RecognizerTest, MentionsNeverOverlap) {
  const std::string text = "Dell shares slipped 2.9% to $118.25 and HPE rose 1%.";
  const std::vector<FoundMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 5u);
  for (std::size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_LE(mentions[i - 1].end, mentions[i].begin);
  }
}

// A cue is read leftmost first, then longest ("no more than" holds "more
// than"); a line break inside it is no space, and a cue ends no word.
TEST_F(RecognizerTest, QualifierCuesAreWholeAndOnOneLine) {
  const std::vector<FoundMention> broken = Find("more\nthan $5");
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(std::get<Money>(broken[0].value).qualifier, Qualifier::kExact);
  const std::vector<FoundMention> inside = Find("moreover $5");
  ASSERT_EQ(inside.size(), 1u);
  EXPECT_EQ(std::get<Money>(inside[0].value).qualifier, Qualifier::kExact);
  const std::vector<FoundMention> many = Find("quelques 5 euros", "fr");
  ASSERT_EQ(many.size(), 1u);
  EXPECT_EQ(many[0].begin, 0u);
  EXPECT_EQ(std::get<Money>(many[0].value).qualifier, Qualifier::kAbout);
}

// Table-driven: each text is one mention covering all of it.
struct MoneyCase {
  const char* lang;
  const char* text;
  double amount;  // or min when is_range
  double max;     // 0 unless a range
  const char* currency;
  Qualifier qualifier;
};

class MoneyForms : public RecognizerTest, public testing::WithParamInterface<MoneyCase> {};

TEST_P(MoneyForms, AmountCurrencyAndQualifier) {
  const MoneyCase& c = GetParam();
  const Money money = std::get<Money>(Only(c.text, c.lang).value);
  if (c.max != 0) {
    EXPECT_TRUE(money.is_range) << c.text;
    EXPECT_DOUBLE_EQ(money.min, c.amount) << c.text;
    EXPECT_DOUBLE_EQ(money.max, c.max) << c.text;
  } else {
    EXPECT_FALSE(money.is_range) << c.text;
    EXPECT_DOUBLE_EQ(money.amount, c.amount) << c.text;
  }
  EXPECT_EQ(money.currency, c.currency) << c.text;
  EXPECT_EQ(money.qualifier, c.qualifier) << c.text;
}

constexpr Qualifier kExact = Qualifier::kExact;

INSTANTIATE_TEST_SUITE_P(
    Money, MoneyForms,
    testing::Values(
        MoneyCase{"en", "US$5", 5, 0, "USD", kExact},
        MoneyCase{"en", "C$ 16.4 million", 16.4e6, 0, "CAD", kExact},
        MoneyCase{"en", "NT$300", 300, 0, "TWD", kExact},
        MoneyCase{"en", "$1.2bn", 1.2e9, 0, "USD", kExact},
        MoneyCase{"en", "\xC2\xA3" "300m", 300e6, 0, "GBP", kExact},
        MoneyCase{"en", "\xC2\xA5" "500", 500, 0, "JPY", kExact},
        MoneyCase{"en", "5 billion euros", 5e9, 0, "EUR", kExact},
        MoneyCase{"en", "10,000 Swiss francs", 10000, 0, "CHF", kExact},
        MoneyCase{"en", "100 billion yuan", 100e9, 0, "CNY", kExact},
        MoneyCase{"en", "470 pence", 4.7, 0, "GBP", kExact},
        MoneyCase{"en", "50 cents", 0.5, 0, "USD", kExact},
        MoneyCase{"en", "3 dollars 50 cents", 3.5, 0, "USD", kExact},
        MoneyCase{"en", "five million yen", 5e6, 0, "JPY", kExact},
        MoneyCase{"en", "about $35 million", 35e6, 0, "USD", Qualifier::kAbout},
        MoneyCase{"en", "up to $2.5 billion", 2.5e9, 0, "USD", Qualifier::kAtMost},
        MoneyCase{"en", "No More Than $5", 5, 0, "USD", Qualifier::kAtMost},
        MoneyCase{"en", "between $10 and $12", 10, 12, "USD", kExact},
        MoneyCase{"en", "between 10 and 12 dollars", 10, 12, "USD", kExact},
        MoneyCase{"en", "$1 billion to $1.5 billion", 1e9, 1.5e9, "USD", kExact},
        MoneyCase{"en", "$10-12 billion", 10e9, 12e9, "USD", kExact},
        MoneyCase{"fr", "entre 12 euros et 15 euros", 12, 15, "EUR", kExact},
        MoneyCase{"fr", "entre 12 et 15 euros", 12, 15, "EUR", kExact},
        MoneyCase{"fr", "10 \xC3\xA0 20 millions d'euros", 10e6, 20e6, "EUR", kExact},
        MoneyCase{"fr", "323 millions d'euros", 323e6, 0, "EUR", kExact},
        MoneyCase{"fr", "48,2 millions $", 48.2e6, 0, "USD", kExact},
        MoneyCase{"fr", "10 milliards de dollars US", 10e9, 0, "USD", kExact},
        MoneyCase{"fr", "361 millions de livres", 361e6, 0, "GBP", kExact},
        MoneyCase{"fr", "2 M\xE2\x82\xAC", 2e6, 0, "EUR", kExact},
        MoneyCase{"fr", "pr\xC3\xA8s de 5 milliards de dollars", 5e9, 0, "USD",
                  Qualifier::kAbout},
        MoneyCase{"fr", "plus d'1 milliard d'euros", 1e9, 0, "EUR", Qualifier::kMoreThan},
        MoneyCase{"fr", "treize euros et quarante-cinq cents", 13.45, 0, "EUR", kExact}));

struct PercentCase {
  const char* lang;
  const char* text;
  double value;  // or min when a range
  double max;
  bool points;
  Qualifier qualifier;
};

class PercentForms : public RecognizerTest, public testing::WithParamInterface<PercentCase> {};

TEST_P(PercentForms, ValueRangePointsAndQualifier) {
  const PercentCase& c = GetParam();
  const Percent percent = std::get<Percent>(Only(c.text, c.lang).value);
  EXPECT_EQ(percent.is_range, c.max != 0) << c.text;
  EXPECT_DOUBLE_EQ(percent.is_range ? percent.min : percent.value, c.value) << c.text;
  if (c.max != 0) {
    EXPECT_DOUBLE_EQ(percent.max, c.max) << c.text;
  }
  EXPECT_EQ(percent.points, c.points) << c.text;
  EXPECT_EQ(percent.qualifier, c.qualifier) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Percents, PercentForms,
    testing::Values(
        PercentCase{"en", "4.3 per cent", 4.3, 0, false, kExact},
        PercentCase{"en", "12 pct", 12, 0, false, kExact},
        PercentCase{"en", "twenty percent", 20, 0, false, kExact},
        PercentCase{"en", "+4.2%", 4.2, 0, false, kExact},
        PercentCase{"en", "10 to 20 percent", 10, 20, false, kExact},
        PercentCase{"en", "nearly 5%", 5, 0, false, Qualifier::kAbout},
        PercentCase{"en", "more than 10 percent", 10, 0, false, Qualifier::kMoreThan},
        PercentCase{"en", "0.5 percentage point", 0.5, 0, true, kExact},
        PercentCase{"fr", "+4,2 %", 4.2, 0, false, kExact},
        PercentCase{"fr", "-3,8 %", -3.8, 0, false, kExact},
        PercentCase{"fr", "12 pour cent", 12, 0, false, kExact},
        PercentCase{"fr", "entre 10 et 20 %", 10, 20, false, kExact},
        PercentCase{"fr", "2 points de pourcentage", 2, 0, true, kExact},
        PercentCase{"fr", "environ 3 %", 3, 0, false, Qualifier::kAbout},
        PercentCase{"fr", "jusqu'\xC3\xA0 7 %", 7, 0, false, Qualifier::kAtMost},
        PercentCase{"fr", "moins de 2 %", 2, 0, false, Qualifier::kLessThan},
        PercentCase{"fr", "au moins 2 %", 2, 0, false, Qualifier::kAtLeast}));

TEST_F(RecognizerTest, QuantitiesLeaveOutArticlesAndAdjectives) {
  // "un" and "one" are articles or pronouns as often as counts.
  std::vector<FoundMention> mentions = Find("HPE a sign\xC3\xA9 un contrat.", "fr");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].kind, MentionKind::kOrganization);
  mentions = Find("It posted a third consecutive loss and hired three hundred people.");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(std::get<Quantity>(mentions[0].value).value, 300);
  const Quantity quantity = std::get<Quantity>(Only("more than 12,000").value);
  EXPECT_EQ(quantity.qualifier, Qualifier::kMoreThan);
}

TEST_F(RecognizerTest, AYearAfterADateIsNoRangeStart) {
  const std::string text = "le 1 janvier 1990 \xC3\xA0 1015 francs une part";
  const std::vector<FoundMention> mentions = Find(text, "fr");
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].kind, MentionKind::kDate);
  EXPECT_EQ(std::get<Money>(mentions[1].value).amount, 1015);
}

TEST_F(RecognizerTest, DatesAreMentions) {
  Date date = std::get<Date>(Only("December 5, 2024").value);
  EXPECT_EQ(date.iso, "2024-12-05");
  date = std::get<Date>(Only("fin 2024", "fr").value);
  EXPECT_EQ(date.modifier, "late");
  date = std::get<Date>(Only("last week").value);
  EXPECT_TRUE(date.relative);
  EXPECT_EQ(date.offset, -1);
}

TEST_F(RecognizerTest, AmbiguousNamesNeedTheirContext) {
  // X is a letter; "Musk's X", "X did not respond" and "the social network X"
  // name the company.
  for (const char* text : {"Elon Musk's X", "X did not respond", "X's deal with HPE",
                           "the social network X"}) {
    const std::vector<FoundMention> mentions = Find(text);
    ASSERT_FALSE(mentions.empty()) << text;
    EXPECT_EQ(std::get<Organization>(mentions[0].value).name, "X") << text;
  }
  EXPECT_TRUE(Find("X-ray machines").empty());
  EXPECT_TRUE(Find("Free cash flow rose.").empty());
  // Apple inside a sentence is the company; at its start, only in context.
  EXPECT_EQ(Find("Samsung will supply Apple with panels.").size(), 2u);
  EXPECT_TRUE(Find("Apple pie.").empty());
  EXPECT_EQ(Find("Apple shares rose.").size(), 1u);
}

TEST_F(RecognizerTest, UnlistedOrganizationsByTheirIntroduction) {
  for (const auto& [text, lang, name] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"the chipmaker Cerebras Systems", "en", "Cerebras Systems"},
           {"startup Groq raised", "en", "Groq"},
           {"Foo Holdings plc said", "en", "Foo Holdings"},
           {"Bar Widgets SA", "fr", "Bar Widgets"},
           {"la soci\xC3\xA9t\xC3\xA9 Exail", "fr", "Exail"},
           {"le groupe fran\xC3\xA7" "ais Forvia", "fr", "Forvia"}}) {
    const std::vector<FoundMention> mentions = Find(text, lang);
    ASSERT_EQ(mentions.size(), 1u) << text;
    EXPECT_EQ(std::get<Organization>(mentions[0].value).name, name) << text;
  }
  EXPECT_TRUE(Find("the company Thursday reported").empty());
}

TEST_F(RecognizerTest, SeedOrganizationsResolveToTheirCanonicalNames) {
  for (const auto& [text, name] : std::vector<std::pair<std::string, std::string>>{
           {"Hewlett Packard Enterprise Co.", "Hewlett Packard Enterprise"},
           {"HPE", "Hewlett Packard Enterprise"},
           {"Super Micro Computer Inc.", "Supermicro"},
           {"Super Micro", "Supermicro"},
           {"Dell Technologies Inc.", "Dell Technologies"},
           {"xAI", "xAI"},
           {"Tesla Inc.", "Tesla"},
           {"Nvidia Corp.", "Nvidia"},
           {"Wistron", "Wistron"},
           {"Inventec", "Inventec"},
           {"Washington", "United States"},
           {"Bruxelles", "European Union"},
           {"P\xC3\xA9kin", "China"}}) {
    EXPECT_EQ(std::get<Organization>(Only(text).value).name, name) << text;
  }
}

}  // namespace
}  // namespace newsevents::internal

namespace newsevents::internal {
namespace {

// Calls on_sentence(recognizer, sentence, where) for every sentence of the
// project's corpus, in both languages.
template <typename OnSentence>
void ForEachCorpusSentence(const std::shared_ptr<const OrganizationRecognizer>& organizations,
                           OnSentence on_sentence) {
  namespace fs = std::filesystem;
  for (const std::string lang : {"en", "fr"}) {
    auto recognizer = MentionRecognizer::Create(lang, organizations);
    ASSERT_TRUE(recognizer.ok());
    for (const auto& entry :
         fs::directory_iterator(fs::path(NEWSEVENTS_SOURCE_DIR) / "corpus" / lang)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream contents;
      contents << in.rdbuf();
      const std::string text = contents.str();
      for (const Span& sentence : SplitSentences(text, lang)) {
        on_sentence(*recognizer.value(),
                    std::string_view(text).substr(sentence.begin, sentence.size()),
                    entry.path().string());
      }
    }
  }
}

// The gate before mentions relies on PossibleKinds never leaving out a kind
// Find finds: checked on every article of the project's corpus.
TEST_F(RecognizerTest, PossibleKindsHoldEveryKindFindFindsInTheCorpus) {
  int money_and_percent = 0;
  ForEachCorpusSentence(Organizations(), [&](const MentionRecognizer& recognizer,
                                             std::string_view piece, const std::string& where) {
    const KindSet possible = recognizer.PossibleKinds(piece);
    for (const FoundMention& mention : recognizer.Find(piece)) {
      EXPECT_NE(possible & KindBit(mention.kind), 0u)
          << where << ": " << piece.substr(mention.begin, mention.end - mention.begin);
      money_and_percent +=
          mention.kind == MentionKind::kMoney || mention.kind == MentionKind::kPercent;
    }
    EXPECT_EQ(recognizer.PossibleKinds("no amount here") &
                  (KindBit(MentionKind::kMoney) | KindBit(MentionKind::kPercent)),
              0u);
  });
  EXPECT_GT(money_and_percent, 100);
}

// The gate also relies on KindsBeginningAt never leaving out the kind of a
// mention that begins there.
TEST_F(RecognizerTest, EveryMentionBeginsWhereItsKindMay) {
  int percentages = 0;
  ForEachCorpusSentence(Organizations(), [&](const MentionRecognizer& recognizer,
                                             std::string_view piece, const std::string& where) {
    for (const FoundMention& mention : recognizer.Find(piece)) {
      EXPECT_NE(recognizer.KindsBeginningAt(piece, mention.begin) & KindBit(mention.kind), 0u)
          << where << ": " << piece.substr(mention.begin, mention.end - mention.begin);
      percentages += mention.kind == MentionKind::kPercent;
    }
  });
  EXPECT_GT(percentages, 50);
}

// A percentage begins with a number, a sign, a qualifier, a range's lead or
// "percent of", in any case; not with another word or a mark.
TEST_F(RecognizerTest, APercentageBeginsWithWhatMayBeginIt) {
  const KindSet percent = KindBit(MentionKind::kPercent);
  auto en = MentionRecognizer::Create("en", Organizations());
  auto fr = MentionRecognizer::Create("fr", Organizations());
  ASSERT_TRUE(en.ok() && fr.ok());
  for (std::string_view text :
       {"rose 5%", "rose .5 pct", "rose -3%", "rose +3%", "rose five percent", "rose Five percent",
        "rose a half percent", "rose More than 5%", "rose about 5%", "rose between 4 and 5%",
        "rose percent of 5", "rose \xC2\xBD%"}) {
    EXPECT_NE(en.value()->KindsBeginningAt(text, 5) & percent, 0u) << text;
  }
  for (std::string_view text : {"rose to 5%", "rose by 5%", "rose (5%)", "rose sharply", "rose"}) {
    EXPECT_EQ(en.value()->KindsBeginningAt(text, 5) & percent, 0u) << text;
    // Every other kind may still begin there.
    EXPECT_EQ(en.value()->KindsBeginningAt(text, 5) | percent, kEveryKind) << text;
  }
  for (std::string_view text :
       {"mont\xC3\xA9 de 5 %", "mont\xC3\xA9 de plus de 5 %", "mont\xC3\xA9 de cinq pour cent",
        "mont\xC3\xA9 de entre 4 et 5 %"}) {
    EXPECT_NE(fr.value()->KindsBeginningAt(text, 10) & percent, 0u) << text;
  }
  EXPECT_EQ(fr.value()->KindsBeginningAt("mont\xC3\xA9 de la hausse", 10) & percent, 0u);
}

// PossibleKinds reads literal cues, not the recognizers' patterns: each way
// of writing a currency or a percentage those patterns read must leave its
// kind possible, in any case.
TEST_F(RecognizerTest, PossibleKindsKnowEveryUnitAndCurrencyFormInAnyCase) {
  const KindSet money = KindBit(MentionKind::kMoney);
  const KindSet percent = KindBit(MentionKind::kPercent);
  auto en = MentionRecognizer::Create("en", Organizations());
  auto fr = MentionRecognizer::Create("fr", Organizations());
  ASSERT_TRUE(en.ok() && fr.ok());
  for (const char* text : {"rose 55 pct", "3 PERCENTAGE POINTS", "up 2 per cent",
                           "by 4 Percent", "a 5 pp gain", "7%"}) {
    EXPECT_NE(en.value()->PossibleKinds(text) & percent, 0u) << text;
  }
  for (const char* text : {"55 dlrs", "1,880 DLRS", "US$ 4", "Kč 500", "KČ 500", "ZŁ 40",
                           "EUR 3", "30 stg", "Rs. 50", "a 2 mln yen loss", "\xE2\x82\xAC" "4"}) {
    EXPECT_NE(en.value()->PossibleKinds(text) & money, 0u) << text;
  }
  for (const char* text : {"5 POUR CENT", "5 pour-cent", "10 pourcents", "3 points de pourcentage"}) {
    EXPECT_NE(fr.value()->PossibleKinds(text) & percent, 0u) << text;
  }
  for (const char* text : {"12 DOLLARS AM\xC3\x89RICAINS", "4 millions d'euros", "3 livres"}) {
    EXPECT_NE(fr.value()->PossibleKinds(text) & money, 0u) << text;
  }
  EXPECT_EQ(en.value()->PossibleKinds("Shares rose after the merger") & (money | percent), 0u);
}

}  // namespace
}  // namespace newsevents::internal
