#include "newsevents/extractor.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "gtest/gtest.h"

namespace newsevents {
namespace {

std::unique_ptr<Extractor> Make(Options options = {}) {
  auto made = Extractor::Create(options);
  EXPECT_TRUE(made.ok()) << made.status().ToString();
  return made.ok() ? std::move(made).value() : nullptr;
}

Document Doc(std::string bytes, std::string id = "doc") {
  Document document;
  document.bytes = std::move(bytes);
  document.id = std::move(id);
  return document;
}

// Every span of every event addresses the input bytes it reports.
void ExpectTrueSpans(const Document& document, const std::vector<Event>& events) {
  for (const Event& event : events) {
    EXPECT_EQ(document.bytes.substr(event.span.begin, event.span.size()), event.text);
    EXPECT_LE(event.sentence.begin, event.span.begin);
    EXPECT_GE(event.sentence.end, event.span.end);
    for (const Argument& argument : event.args) {
      EXPECT_EQ(document.bytes.substr(argument.span.begin, argument.span.size()), argument.text);
      EXPECT_LE(event.span.begin, argument.span.begin);
      EXPECT_GE(event.span.end, argument.span.end);
    }
  }
}

TEST(Extractor, ShareMoveWithEveryRole) {
  auto extractor = Make();
  const Document document = Doc("Dell shares slipped 2.9% to $118.25 on Tuesday.");
  const std::vector<Event> events = extractor->Extract(document);
  ASSERT_EQ(events.size(), 1u);
  const Event& event = events[0];
  EXPECT_EQ(event.type, "share_move");
  EXPECT_EQ(event.lang, "en");
  EXPECT_EQ(event.doc, "doc");
  EXPECT_EQ(event.rule, "en/share_move/verb_percent");
  EXPECT_EQ(event.text, "Dell shares slipped 2.9% to $118.25");
  EXPECT_EQ(std::get<Organization>(event.arg("company")->norm).name, "Dell Technologies");
  EXPECT_EQ(std::get<Label>(event.arg("direction")->norm).value, "down");
  EXPECT_DOUBLE_EQ(std::get<Percent>(event.arg("change")->norm).value, 2.9);
  EXPECT_DOUBLE_EQ(std::get<Money>(event.arg("price")->norm).amount, 118.25);
  ExpectTrueSpans(document, events);
}

TEST(Extractor, SpansPointIntoTheOriginalBytes) {
  auto extractor = Make();
  // Curly apostrophe, no-break spaces, a soft hyphen and an invalid byte
  // before the event: normalization changes lengths, spans must not drift.
  const Document document = Doc(
      "Investors\xE2\x80\x99 \xC2\xA0mood: da\xC2\xADta \xFF center.\n\n"
      "HPE\xC2\xA0shares jumped as much as 4.3\xE2\x80\xAF%.");
  const std::vector<Event> events = extractor->Extract(document);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].text, "HPE\xC2\xA0shares jumped as much as 4.3\xE2\x80\xAF%");
  EXPECT_EQ(events[0].arg("change")->text, "as much as 4.3\xE2\x80\xAF%");
  ExpectTrueSpans(document, events);
}

TEST(Extractor, TwoMovesInOneSentence) {
  auto extractor = Make();
  const Document document = Doc(
      "Intel shares surged as much as 6.1% before paring gains to finish up less than 2% "
      "at $31.40 in New York.");
  const std::vector<Event> events = extractor->Extract(document);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<Label>(events[0].arg("phase")->norm).value, "intraday");
  EXPECT_EQ(std::get<Label>(events[1].arg("phase")->norm).value, "close");
  EXPECT_EQ(std::get<Percent>(events[1].arg("change")->norm).qualifier, Qualifier::kLessThan);
  ExpectTrueSpans(document, events);
}

TEST(Extractor, NothingFromTextWithoutEvents) {
  auto extractor = Make();
  EXPECT_TRUE(extractor->Extract(Doc("")).empty());
  EXPECT_TRUE(extractor->Extract(Doc(std::string("\0\x89PNG\r\n\x1a\n\0\0", 12))).empty());
  EXPECT_TRUE(extractor->Extract(Doc("Dell's share of the market grew.")).empty());
}

TEST(Extractor, TypesOptionFilters) {
  Options options;
  options.types = {"deal"};
  auto extractor = Make(options);
  EXPECT_TRUE(extractor->Extract(Doc("Dell shares slipped 3.8%.")).empty());
}

TEST(Extractor, ForcedLanguage) {
  Options options;
  options.lang = "fr";
  auto extractor = Make(options);
  for (const Event& event : extractor->Extract(Doc("Dell shares slipped 3.8%."))) {
    EXPECT_EQ(event.lang, "fr");
  }
}

TEST(Extractor, BadOptionsAreRefused) {
  Options options;
  options.lang = "de";
  EXPECT_EQ(Extractor::Create(options).status().code(), Status::Code::kInvalidArgument);
  options = {};
  options.threads = -1;
  EXPECT_FALSE(Extractor::Create(options).ok());
  options = {};
  options.rules = {"/nonexistent/rules/dir"};
  const Status status = Extractor::Create(options).status();
  EXPECT_EQ(status.code(), Status::Code::kNotFound);
  EXPECT_NE(status.message().find("/nonexistent/rules/dir"), std::string::npos);
}

class RuleDirectoryTest : public testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("newsevents_rules_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                  testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_ / "en");
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  void Write(const std::string& name, const std::string& contents) {
    std::ofstream(directory_ / "en" / name) << contents;
  }
  std::filesystem::path directory_;
};

TEST_F(RuleDirectoryTest, UserRulesAddATypeAndOverrideById) {
  Write("partnership.rules", "rule teamed = {ORG:company} teamed up with {ORG:partner}\n");
  // Replaces the built-in rule of the same id.
  Write("share_move.rules", "rule verb_percent = {ORG:company} stock soared {PERCENT:change}\n");
  Options options;
  options.rules = {directory_.string()};
  auto extractor = Make(options);
  const std::vector<Event> events =
      extractor->Extract(Doc("Dell teamed up with Tesla Inc. last week."));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].rule, "en/partnership/teamed");
  EXPECT_EQ(std::get<Organization>(events[0].arg("partner")->norm).name, "Tesla");
  bool overridden = false;
  for (const RuleInfo& rule : extractor->Rules()) {
    if (rule.id == "en/share_move/verb_percent") {
      overridden = rule.where.find(directory_.string()) == 0;
    }
  }
  EXPECT_TRUE(overridden);
}

// The one rule of its type needs " jumped " where a percentage begins: the
// gate lets the sentence through only if it asks what follows the verb.
TEST_F(RuleDirectoryTest, TheGateAsksWhatFollowsTextBeforeAPercentage) {
  Write("leap.rules", "rule leap = {ORG:company} jumped {PERCENT:change}\n");
  Options options;
  options.rules = {directory_.string()};
  options.types = {"leap"};
  auto extractor = Make(options);
  const std::vector<Event> events = extractor->Extract(Doc("Dell jumped 5% on Monday."));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].rule, "en/leap/leap");
}

TEST_F(RuleDirectoryTest, MalformedRulesNameFileAndLine) {
  Write("deal.rules", "rule ok = fine\nrule broken = (unclosed\n");
  Write("tariff.rules", "rule other = {UNDEFINED}\n");
  Options options;
  options.rules = {directory_.string()};
  const Status status = Extractor::Create(options).status();
  ASSERT_EQ(status.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(status.message().find("en/deal.rules:2: broken: missing )"), std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("en/tariff.rules:1: other: {UNDEFINED} is not defined"),
            std::string::npos)
      << status.message();
}

// Found by the hostile-input tests (tests/cli/test_hostile.py, unreadable
// files): a rules file whose type cannot be read made Create throw
// std::filesystem::filesystem_error, which ended the CLI with abort(). A
// link to itself shows it even to root, who may enter every directory.
TEST_F(RuleDirectoryTest, RulesFileThatCannotBeStatedIsAnIoErrorNotAnException) {
  Write("deal.rules", "rule ok = {ORG:buyer} signed\n");
  std::filesystem::create_symlink(directory_ / "en" / "loop.rules",
                                  directory_ / "en" / "loop.rules");
  Options options;
  options.rules = {directory_.string()};
  const Status status = Extractor::Create(options).status();
  ASSERT_EQ(status.code(), Status::Code::kIoError) << status.ToString();
  EXPECT_NE(status.message().find("cannot read rules file "), std::string::npos);
  EXPECT_NE(status.message().find("en/loop.rules: "), std::string::npos) << status.message();
}

// Extractors of equal options share one compiled engine; one whose rules
// files changed since must not get the stale one.
TEST_F(RuleDirectoryTest, AnEditedRulesFileIsCompiledAgain) {
  const Document document = Doc("Dell teamed up with Tesla Inc. last week.");
  Options options;
  options.rules = {directory_.string()};
  Write("partnership.rules", "rule teamed = {ORG:company} teamed up with {ORG:partner}\n");
  auto before = Make(options);
  ASSERT_EQ(before->Extract(document).size(), 1u);

  Write("partnership.rules", "rule teamed = {ORG:company} merged with {ORG:partner}\n");
  auto after = Make(options);
  EXPECT_TRUE(after->Extract(document).empty());
  EXPECT_EQ(before->Extract(document).size(), 1u);  // the first keeps its own rules

  Write("partnership.rules", "rule teamed = {ORG:company} teamed up with {ORG:partner}\n");
  EXPECT_EQ(Make(options)->Extract(document).size(), 1u);
  options.types = {"deal"};
  EXPECT_TRUE(Make(options)->Extract(document).empty());
}

TEST(Extractor, CreatedOnManyThreadsAtOnce) {
  const Document document = Doc("Dell shares slipped 2.9% to $118.25.");
  const std::string expected = ToJson(Make()->Extract(document).at(0));
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      Options options;
      if (i % 2) options.types = {"share_move"};
      auto made = Extractor::Create(options);
      if (made.ok()) results[i] = ToJson(made.value()->Extract(document).at(0));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
}

// The corpus/ documents of both languages.
std::vector<Document> CorpusDocuments() {
  std::vector<Document> documents;
  for (const char* language : {"en", "fr"}) {
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(NEWSEVENTS_SOURCE_DIR) / "corpus" / language)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      documents.push_back(
          Doc(std::string(std::istreambuf_iterator<char>(in), {}), entry.path().string()));
    }
  }
  std::sort(documents.begin(), documents.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });
  return documents;
}

std::vector<std::string> AllEvents(const Extractor& extractor,
                                   const std::vector<Document>& documents) {
  std::vector<std::string> events;
  for (const Document& document : documents) {
    for (const Event& event : extractor.Extract(document)) events.push_back(ToJson(event));
  }
  return events;
}

// The built-in rules compile when a sentence first needs them: threads that
// reach the same rules at once all get their events.
TEST(Extractor, RulesFirstNeededOnManyThreadsAtOnce) {
  const std::vector<Document> documents = CorpusDocuments();
  Options options;
  options.types = {"tariff", "share_move", "order_shift", "deal"};  // an engine of its own
  auto extractor = Make(options);
  std::vector<std::vector<std::string>> results(3);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = AllEvents(*extractor, documents); });
  }
  for (std::thread& thread : threads) thread.join();
  const std::vector<std::string> expected = AllEvents(*Make(), documents);
  EXPECT_GE(expected.size(), 100u);
  for (const std::vector<std::string>& result : results) EXPECT_EQ(result, expected);
}

// The gate skips sentences no rule can match before their mentions are
// found; Explain reads every sentence. Over the whole corpus, in both
// languages, the two give the same events: the gate drops none.
TEST(Extractor, TheGateLosesNoEvent) {
  auto extractor = Make();
  const std::vector<Document> documents = CorpusDocuments();
  std::size_t events = 0;
  for (const Document& document : documents) {
    std::vector<std::string> gated;
    for (const Event& event : extractor->Extract(document)) gated.push_back(ToJson(event));
    std::vector<std::string> read_in_full;
    for (const SentenceExplanation& sentence : extractor->Explain(document)) {
      for (const Event& event : sentence.events) read_in_full.push_back(ToJson(event));
    }
    std::sort(gated.begin(), gated.end());
    std::sort(read_in_full.begin(), read_in_full.end());
    EXPECT_EQ(gated, read_in_full) << document.id;
    events += gated.size();
  }
  EXPECT_GE(documents.size(), 50u);
  EXPECT_GE(events, 100u);
}

TEST(Extractor, BatchEqualsOneByOne) {
  Options options;
  options.threads = 2;
  auto extractor = Make(options);
  std::vector<Document> documents;
  for (int i = 0; i < 20; ++i) {
    documents.push_back(Doc(i % 2 ? "Dell shares slipped 2.9% to $118.25." : "Nothing here.",
                            "d" + std::to_string(i)));
  }
  const std::vector<std::vector<Event>> batch = extractor->ExtractBatch(documents);
  ASSERT_EQ(batch.size(), documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::vector<Event> single = extractor->Extract(documents[i]);
    ASSERT_EQ(batch[i].size(), single.size());
    for (std::size_t j = 0; j < single.size(); ++j) {
      EXPECT_EQ(ToJson(batch[i][j]), ToJson(single[j]));
    }
  }
}

}  // namespace
}  // namespace newsevents

namespace newsevents {
namespace {

TEST(Extractor, BatchThreadsPerCall) {
  auto extractor = Make();
  std::vector<Document> documents;
  for (int i = 0; i < 8; ++i) documents.push_back(Doc("Dell shares slipped 2.9%.", "d"));
  const auto one = extractor->ExtractBatch(documents, 1);
  const auto three = extractor->ExtractBatch(documents, 3);
  ASSERT_EQ(one.size(), three.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    ASSERT_EQ(one[i].size(), 1u);
    EXPECT_EQ(ToJson(one[i][0]), ToJson(three[i][0]));
  }
}

}  // namespace
}  // namespace newsevents
