#include "rules/rule_file.h"

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

TEST(ParseRuleFile, ReadsDefinitionsLexiconsRulesAndGuards) {
  std::vector<std::string> errors;
  const RuleFile file = ParseRuleFile("x/en/share_move.rules",
                                      "# comment\n"
                                      "define verb = (?:rose|fell)\n"
                                      "lexicon direction\n"
                                      "  up|rose|climbed\n"
                                      "  down|fell\n"
                                      "\n"
                                      "rule simple = {ORG:company} shares\n"
                                      "  (?: {direction:direction})\n"
                                      "rule weak [0.5] = {ORG} stock\n"
                                      "guard talk = share of\n",
                                      &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(file.lang, "en");
  EXPECT_EQ(file.type, "share_move");
  ASSERT_EQ(file.definitions.size(), 2u);
  EXPECT_EQ(file.definitions[0].pattern, "(?:rose|fell)");
  ASSERT_EQ(file.definitions[1].entries.size(), 2u);
  EXPECT_EQ(file.definitions[1].entries[0].canonical, "up");
  EXPECT_EQ(file.definitions[1].entries[0].forms.size(), 3u);
  ASSERT_EQ(file.rules.size(), 3u);
  EXPECT_EQ(file.rules[0].pattern, "{ORG:company} shares(?: {direction:direction})");
  EXPECT_EQ(file.rules[0].where, "x/en/share_move.rules:7");
  EXPECT_EQ(file.rules[1].confidence, 0.5);
  EXPECT_EQ(file.rules[2].kind, RuleSpec::Kind::kGuard);
}

TEST(ParseRuleFile, ReportsEveryErrorWithFileAndLine) {
  std::vector<std::string> errors;
  ParseRuleFile("r/fr/deal.rules",
                "rule ok = a\n"
                "frobnicate x = y\n"
                "rule missing equals\n"
                "  stray continuation\n"
                "rule bad [2] = x\n",
                &errors);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].rfind("r/fr/deal.rules:2: unknown keyword", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("r/fr/deal.rules:3:", 0), 0u) << errors[1];
  EXPECT_EQ(errors[2].rfind("r/fr/deal.rules:4:", 0), 0u) << errors[2];
  EXPECT_EQ(errors[3].rfind("r/fr/deal.rules:5:", 0), 0u) << errors[3];
}

TEST(ParseRuleFile, NeedsLangAndTypeInThePath) {
  std::vector<std::string> errors;
  ParseRuleFile("deal.txt", "", &errors);
  ASSERT_EQ(errors.size(), 1u);
}

TEST(ParseRuleFile, CommonHoldsNoRules) {
  std::vector<std::string> errors;
  ParseRuleFile("en/common.rules", "rule x = y\n", &errors);
  ASSERT_EQ(errors.size(), 1u);
}

}  // namespace
}  // namespace newsevents::internal
