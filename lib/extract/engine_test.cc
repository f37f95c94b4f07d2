#include "extract/engine.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "gtest/gtest.h"
#include "normalize/normalizer.h"
#include "rules/rule_text.h"
#include "segment/language.h"
#include "segment/sentences.h"

namespace newsevents::internal {
namespace {

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
  for (const char* code : {"en", "fr"}) {
    const Engine::Language& language = *engine.Find(code);
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(NEWSEVENTS_SOURCE_DIR) / "corpus" / code)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const FoldedText text = Normalize(std::string(std::istreambuf_iterator<char>(in), {}));
      for (const Span& span : SplitSentences(text.text, code)) {
        const std::string_view sentence =
            std::string_view(text.text).substr(span.begin, span.size());
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
  }
  EXPECT_GE(sentences, 250u);
  EXPECT_GE(candidates, 100u);
}

}  // namespace
}  // namespace newsevents::internal
