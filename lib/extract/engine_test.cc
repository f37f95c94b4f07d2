#include "extract/engine.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "normalize/normalizer.h"
#include "rules/rule_text.h"
#include "segment/language.h"
#include "segment/sentences.h"

namespace newsevents::internal {
namespace {

// The texts of the corpus, in both languages, normalized.
std::vector<std::pair<std::string, FoldedText>> CorpusTexts() {
  std::vector<std::pair<std::string, FoldedText>> texts;
  for (const char* code : {"en", "fr"}) {
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(NEWSEVENTS_SOURCE_DIR) / "corpus" / code)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      texts.emplace_back(code, Normalize(std::string(std::istreambuf_iterator<char>(in), {})));
    }
  }
  return texts;
}

// The extractor gates a document's sentences from one scan of its text
// (GateSentences); each sentence must fare as when it is the whole text,
// though literals run across the ends of sentences.
TEST(Engine, OneScanOfATextGatesEachSentenceAsReadAlone) {
  auto built = BuildEngine({});
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const Engine& engine = *built.value();
  std::vector<std::pair<std::string, FoldedText>> texts = CorpusTexts();
  // Sentences that end inside a rule's words ("shares rose", " said"), and
  // one cut from the next without a space.
  texts.emplace_back("en", Normalize("Acme shares. Rose 5% on Monday. The company said. Said it "
                                     "won a $5 million contract. Dell shares slipped 2.9%."));
  // A text longer than the window of sentences scanned at once.
  std::string long_text;
  while (long_text.size() < 100'000) {
    for (const auto& [code, text] : texts) {
      if (code == "en") long_text += text.text + "\n\n";
    }
  }
  texts.emplace_back("en", Normalize(long_text));
  std::size_t passed = 0;
  std::size_t sentence_count = 0;
  for (const auto& [code, text] : texts) {
    const Engine::Language& language = *engine.Find(code);
    std::vector<Span> sentences = SplitSentences(text.text, code);
    // Cut sentences short too, so that hits straddle their ends.
    std::vector<Span> halves;
    for (const Span& sentence : sentences) {
      const std::size_t middle = sentence.begin + sentence.size() / 2;
      halves.push_back({sentence.begin, middle});
      halves.push_back({middle, sentence.end});
    }
    for (const std::vector<Span>* spans : {&sentences, &halves}) {
      std::vector<bool> gated;
      language.GateSentences(text.text, *spans, &gated);
      ASSERT_EQ(gated.size(), spans->size());
      for (std::size_t i = 0; i < spans->size(); ++i) {
        const std::string_view sentence =
            std::string_view(text.text).substr((*spans)[i].begin, (*spans)[i].size());
        std::vector<bool> alone;
        language.GateSentences(sentence, {Span{0, sentence.size()}}, &alone);
        ASSERT_EQ(alone.size(), 1u);
        EXPECT_EQ(gated[i], alone[0]) << sentence;
        passed += gated[i];
      }
      sentence_count += spans->size();
    }
  }
  EXPECT_GE(sentence_count, 750u);
  EXPECT_GE(passed, 100u);
}

// The extractor finds the rules' literals in a rule text with the gate's
// table (MatchRules); the rule set's own pass must find the same ones. Over
// every sentence of the corpus, gated or not, both pick the same rules and
// give the same candidates.
TEST(Engine, MatchRulesFindsWhatTheRulesOwnPassFinds) {
  auto built = BuildEngine({});
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const Engine& engine = *built.value();
  std::size_t sentences = 0;
  std::size_t candidates = 0;
  for (const auto& [code, text] : CorpusTexts()) {
    const Engine::Language& language = *engine.Find(code);
    for (const Span& span : SplitSentences(text.text, code)) {
      const std::string_view sentence = std::string_view(text.text).substr(span.begin, span.size());
      const RuleText rule_text = BuildRuleText(sentence, language.mentions->Find(sentence));
      MatchTrace by_gate;
      MatchTrace by_rules;
      const std::vector<Candidate> found = language.MatchRules(rule_text.text, &by_gate);
      const std::vector<Candidate> expected = language.rules->Match(rule_text.text, &by_rules);
      EXPECT_EQ(by_gate.picked, by_rules.picked) << sentence;
      ASSERT_EQ(found.size(), expected.size()) << sentence;
      for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].rule, expected[i].rule) << sentence;
        EXPECT_EQ(found[i].begin, expected[i].begin) << sentence;
        EXPECT_EQ(found[i].end, expected[i].end) << sentence;
      }
      ++sentences;
      candidates += found.size();
    }
  }
  EXPECT_GE(sentences, 250u);
  EXPECT_GE(candidates, 100u);
}

}  // namespace
}  // namespace newsevents::internal
