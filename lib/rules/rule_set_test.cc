#include "rules/rule_set.h"

#include "absl/strings/match.h"
#include "embedded.h"
#include "gtest/gtest.h"
#include "literal_matcher.h"
#include "normalize/normalizer.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

std::unique_ptr<RuleSet> Compile(std::string_view contents, std::vector<std::string> types = {}) {
  std::vector<std::string> errors;
  std::vector<RuleFile> files = {ParseRuleFile("t/en/share_move.rules", contents, &errors)};
  EXPECT_TRUE(errors.empty());
  auto set = RuleSet::Compile("en", files, types);
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? std::move(set).value() : nullptr;
}

constexpr std::string_view kRules =
    "lexicon direction\n"
    "  up|rose\n"
    "  down|fell\n"
    "rule basic = {ORG:company} shares {direction:direction}\n"
    "rule with_change = {ORG:company} shares {direction:direction} {PERCENT:change}\n"
    "guard market = share of the market\n";

TEST(RuleSet, MatchesPlaceholdersAndCapturesRoles) {
  auto set = Compile(kRules);
  ASSERT_TRUE(set);
  const std::string text = "\x01O0\x02 shares fell";
  const std::vector<Candidate> candidates = set->Match(text, nullptr);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].rule->id, "en/share_move/basic");
  ASSERT_EQ(candidates[0].captures.size(), 2u);
  EXPECT_EQ(candidates[0].captures[0].role, "company");
  EXPECT_EQ(candidates[0].captures[1].role, "direction");
  EXPECT_EQ(text.substr(candidates[0].captures[1].begin, 4), "fell");
  EXPECT_EQ(candidates[0].captures[1].lexicon->canonical_of.at("fell"), "down");
}

// What `rule` (one rule's definition) captures as `role` in `text`, or
// "no match".
std::string Captured(std::string_view rule, const std::string& text, const std::string& role) {
  auto set = Compile(rule);
  if (!set) return "no rules";
  const std::vector<Candidate> candidates = set->Match(text, nullptr);
  if (candidates.empty()) return "no match";
  for (const Candidate::Capture& capture : candidates[0].captures) {
    if (capture.role == role) return text.substr(capture.begin, capture.end - capture.begin);
  }
  return "no " + role;
}

TEST(RuleSet, MatchesInAnyCaseWithOffsetsInTheTextAsWritten) {
  constexpr std::string_view kPlain = "rule fell = {ORG:company} shares (?P<verb>fell|a chut\xC3\xA9) in Paris\n";
  EXPECT_EQ(Captured(kPlain, "\x01O0\x02 SHARES FELL IN PARIS", "verb"), "FELL");
  EXPECT_EQ(Captured(kPlain, "\x01o0\x02 Shares A CHUT\xC3\x89 in paris", "verb"), "A CHUT\xC3\x89");
  // A capital whose small letter is shorter ("\xC4\xB0" is I with a dot) is
  // read as written, so the offsets after it hold.
  EXPECT_EQ(Captured(kPlain, "\xC4\xB0zmir: \x01O0\x02 shares Fell in Paris", "verb"), "Fell");
  // Classes, ranges and escapes keep their meaning.
  EXPECT_EQ(Captured("rule code = (?P<code>[A-Z]{3}) (?P<verb>[\\w-]+) \\x2D [^\\s,]+\n",
                     "usd Slid - 5%", "verb"),
            "Slid");
  EXPECT_EQ(Captured("rule quoted = \\Qx.Y\\E (?P<verb>fell)\n", "X.y FELL", "verb"), "FELL");
}

TEST(RuleSet, PatternsThatSpeakOfCaseKeepTheirMeaning) {
  // A case flag, a case class and a range across cases: the rule reads
  // the text as written, with RE2's own folding elsewhere.
  constexpr std::string_view kCaseSensitive = "rule code = (?-i:USD) (?P<verb>fell)\n";
  EXPECT_EQ(Captured(kCaseSensitive, "USD FELL", "verb"), "FELL");
  EXPECT_EQ(Captured(kCaseSensitive, "usd fell", "verb"), "no match");
  EXPECT_EQ(Captured("rule named = (?P<first>[[:upper:]]\\w+) fell\n", "acme FELL", "first"), "acme");
  EXPECT_EQ(Captured("rule named = (?P<first>\\pL\\w+) fell\n", "\xC3\x89tat FELL", "first"),
            "\xC3\x89tat");
  EXPECT_EQ(Captured("rule wide = (?P<mark>[Z-a]+) fell\n", "_^ FELL", "mark"), "_^");
  EXPECT_EQ(Captured("rule wide = (?P<mark>[Z-a]+) fell\n", "z fell", "mark"), "z");
}

TEST(RuleSet, MayMatchOnlySentencesWhoseWordsAndMentionKindsARuleNeeds) {
  auto set = Compile(kRules);
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->MayMatch("Acme shares fell sharply", kEveryKind));
  EXPECT_TRUE(set->MayMatch("ACME SHARES\nROSE", kEveryKind));
  EXPECT_FALSE(set->MayMatch("Acme reported a profit", kEveryKind));
  // "fell" alone: every rule needs " shares" after the company too.
  EXPECT_FALSE(set->MayMatch("Acme fell sharply", kEveryKind));
  // A guard alone vetoes nothing.
  EXPECT_FALSE(set->MayMatch("its share of the market", kEveryKind));
  // Without a possible percentage only the rule without one remains.
  const KindSet no_percent = kEveryKind & ~KindBit(MentionKind::kPercent);
  EXPECT_TRUE(set->MayMatch("Acme shares fell", no_percent));
  auto percent_only = Compile(
      "rule change = {ORG:company} shares fell {PERCENT:change}\n");
  ASSERT_TRUE(percent_only);
  EXPECT_TRUE(percent_only->MayMatch("Acme shares fell 5%", kEveryKind));
  EXPECT_FALSE(percent_only->MayMatch("Acme shares fell 5%", no_percent));
}

// Before the mentions, text a placeholder of a kind told apart by its
// beginning follows ("fell {PERCENT}") holds only where the caller says such
// a mention may begin after it.
TEST(RuleSet, APartBeforeAPercentageHoldsOnlyWhereOneMayBegin) {
  auto set = Compile("rule change = {ORG:company} shares fell {PERCENT:change}\n");
  ASSERT_TRUE(set);
  ASSERT_EQ(set->followed_parts(), std::vector<std::string>{" shares fell "});
  const LiteralMatcher matcher(set->literals(), LiteralMatcher::Case::kFolded);
  const std::vector<int> found = matcher.FindDistinct("Acme shares fell to 5%");
  const KindSet percent_may_begin[] = {KindBit(MentionKind::kPercent)};
  const KindSet nothing_may_begin[] = {0};
  EXPECT_TRUE(set->MayMatch(found, kEveryKind, percent_may_begin));
  EXPECT_FALSE(set->MayMatch(found, kEveryKind, nothing_may_begin));
  EXPECT_TRUE(set->MayMatch(found, kEveryKind, nullptr));  // not told: any kind
  // An organization is not told apart by its beginning: no part before it
  // is followed.
  auto org_after = Compile("rule moved = orders moved to {ORG:to}\n");
  ASSERT_TRUE(org_after);
  EXPECT_TRUE(org_after->followed_parts().empty());
}

TEST(RuleSet, LexiconTakesTheLongestFormWhateverItsPlaceInTheFile) {
  auto set = Compile(
      "lexicon direction\n"
      "  up|shot|shot up|shot up sharply\n"
      "rule basic = {ORG:company} shares {direction:direction}\n");
  ASSERT_TRUE(set);
  const std::string text = "\x01O0\x02 shares shot up sharply";
  const std::vector<Candidate> candidates = set->Match(text, nullptr);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].end, text.size());
}

TEST(RuleSet, TheRuleThatSeesMoreWins) {
  auto set = Compile(kRules);
  MatchTrace trace;
  const std::vector<Candidate> candidates = set->Match("\x01O0\x02 shares rose \x01P1\x02", &trace);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].rule->id, "en/share_move/with_change");
  EXPECT_EQ(trace.picked.size(), 2u);
  ASSERT_EQ(trace.outranked.size(), 1u);
  EXPECT_EQ(trace.outranked[0]->id, "en/share_move/basic");
}

TEST(RuleSet, GuardVetoesOverlappingCandidates) {
  auto set = Compile("rule r = {ORG:company} share\nguard g = share of the market\n");
  MatchTrace trace;
  EXPECT_TRUE(set->Match("\x01O0\x02 share of the market", &trace).empty());
  ASSERT_EQ(trace.vetoed.size(), 1u);
  EXPECT_EQ(trace.vetoed[0].second->id, "en/share_move/g");
  EXPECT_EQ(set->Match("\x01O0\x02 share rose", nullptr).size(), 1u);
}

TEST(RuleSet, SeveralEventsInOneSentence) {
  auto set = Compile(kRules);
  EXPECT_EQ(set->Match("\x01O0\x02 shares rose and \x01O1\x02 shares fell", nullptr).size(), 2u);
}

TEST(RuleSet, MatchingIgnoresCase) {
  auto set = Compile(kRules);
  EXPECT_EQ(set->Match("\x01O0\x02 SHARES Rose", nullptr).size(), 1u);
}

TEST(RuleSet, TypesFilterDropsOtherTypes) {
  auto set = Compile(kRules, {"deal"});
  EXPECT_TRUE(set->rules().empty());
  EXPECT_TRUE(set->Match("\x01O0\x02 shares rose", nullptr).empty());
}

TEST(RuleSet, LaterFilesOverrideRulesById) {
  std::vector<std::string> errors;
  std::vector<RuleFile> files = {
      ParseRuleFile("a/en/deal.rules", "rule x = alpha\nrule y = beta\n", &errors),
      ParseRuleFile("b/en/deal.rules", "rule x = gamma\n", &errors)};
  auto set = RuleSet::Compile("en", files, {});
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(set.value()->rules().size(), 2u);
  EXPECT_EQ(set.value()->rules()[0]->where, "b/en/deal.rules:1");
  EXPECT_TRUE(set.value()->Match("alpha", nullptr).empty());
  EXPECT_EQ(set.value()->Match("gamma", nullptr).size(), 1u);
}

TEST(RuleSet, ReportsEveryBadRuleAtOnce) {
  std::vector<std::string> errors;
  std::vector<RuleFile> files = {ParseRuleFile("t/en/deal.rules",
                                               "rule unclosed = (abc\n"
                                               "rule unknown = {NOPE}\n"
                                               "define loop = {loop}\n"
                                               "rule cycle = {loop}\n"
                                               "rule empty_match = x*\n"
                                               "rule fine = abc\n"
                                               "rule shouting = (ABC\n",
                                               &errors)};
  auto set = RuleSet::Compile("en", files, {});
  ASSERT_FALSE(set.ok());
  const std::string message = set.status().message();
  EXPECT_NE(message.find("t/en/deal.rules:1: unclosed: missing )"), std::string::npos) << message;
  EXPECT_NE(message.find("t/en/deal.rules:2: unknown: {NOPE} is not defined"), std::string::npos);
  EXPECT_NE(message.find("t/en/deal.rules:4: cycle: fragment {loop} refers to itself"),
            std::string::npos);
  EXPECT_NE(message.find("t/en/deal.rules:5: empty_match: matches empty text"), std::string::npos);
  // RE2 quotes the pattern as written, not as lowered for matching.
  EXPECT_NE(message.find("t/en/deal.rules:7: shouting: missing ): (ABC"), std::string::npos)
      << message;
}

}  // namespace
}  // namespace newsevents::internal

namespace newsevents::internal {
namespace {

TEST(RuleSet, OneEntryOfALexicon) {
  auto set = Compile(
      "lexicon phase\n  intraday|early\n  close|to close\n"
      "rule closing = {ORG:company} {phase.close:phase}\n");
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->Match("\x01O0\x02 early", nullptr).empty());
  const std::vector<Candidate> candidates = set->Match("\x01O0\x02 to close", nullptr);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].captures[1].lexicon->canonical_of.at("to close"), "close");
}

}  // namespace
}  // namespace newsevents::internal

namespace newsevents::internal {
namespace {

TEST(RuleSet, EqualCandidatesKeepOnlyTheFirstRule) {
  auto set = Compile("rule first = {ORG:company} rose\nrule second = {ORG:company} rose\n");
  MatchTrace trace;
  const std::vector<Candidate> candidates = set->Match("\x01O0\x02 rose", &trace);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].rule->id, "en/share_move/first");
  ASSERT_EQ(trace.outranked.size(), 1u);
}

TEST(RuleSet, ARoleCapturedTwiceIsAnError) {
  std::vector<std::string> errors;
  std::vector<RuleFile> files = {ParseRuleFile(
      "t/en/deal.rules", "define party = {ORG:company}\nrule twice = {party} and {party}\n", &errors)};
  auto set = RuleSet::Compile("en", files, {});
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("captured twice"), std::string::npos);
}

TEST(RuleSet, TwoBuiltInDefinitionsOfOneNameAreAnError) {
  std::vector<std::string> errors;
  std::vector<RuleFile> files = {
      ParseRuleFile("lib/rules/en/deal.rules", "define verb = won\nrule r = {verb}\n", &errors),
      ParseRuleFile("lib/rules/en/tariff.rules", "define verb = imposed\n", &errors)};
  for (RuleFile& file : files) file.built_in = true;
  auto set = RuleSet::Compile("en", files, {});
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("verb is already defined at lib/rules/en/deal.rules:1"),
            std::string::npos);
}

TEST(RuleSet, LexiconFormsMatchWhateverTheirCase) {
  auto set = Compile("lexicon phase\n  close|à la clôture\nrule r = {ORG:company} {phase:phase}\n");
  const std::vector<Candidate> candidates = set->Match("\x01O0\x02 \xC3\x80 la cl\xC3\xB4ture", nullptr);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].captures[1].lexicon->canonical_of.at(CaseFold("\xC3\x80 la cl\xC3\xB4ture")),
            "close");
}

// The built-in rule files, as the library reads them.
std::vector<RuleFile> BuiltInRuleFiles() {
  std::vector<RuleFile> files;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (!absl::EndsWith(ToAbsl(file.path), ".rules")) continue;
    std::vector<std::string> errors;
    files.push_back(ParseRuleFile(std::string("lib/") + std::string(file.path), file.contents,
                                  &errors));
    EXPECT_TRUE(errors.empty()) << file.path;
    files.back().built_in = true;
  }
  return files;
}

// Built-in rules compile on first use, where no error can be reported:
// here each is compiled and checked in full, as a caller's rule is.
TEST(RuleSet, EveryBuiltInRuleCompilesInFull) {
  const std::vector<RuleFile> files = BuiltInRuleFiles();
  for (const char* lang : {"en", "fr"}) {
    auto set = RuleSet::Compile(lang, files, {}, /*compile_all_now=*/true);
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    EXPECT_GE(set.value()->rules().size(), 20u);
    for (const auto& rule : set.value()->rules()) {
      EXPECT_NE(rule->compiled_program, nullptr) << rule->id;
    }
  }
}

TEST(RuleSet, BuiltInRulesCompileWhenFirstPicked) {
  const std::vector<RuleFile> files = BuiltInRuleFiles();
  auto set = RuleSet::Compile("en", files, {"share_move"});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  for (const auto& rule : set.value()->rules()) EXPECT_EQ(rule->compiled_program, nullptr);
  const std::vector<Candidate> candidates =
      set.value()->Match("\x01O0\x02 shares fell \x01P1\x02", nullptr);
  ASSERT_FALSE(candidates.empty());
  EXPECT_NE(candidates[0].rule->compiled_program, nullptr);
  std::size_t compiled = 0;
  for (const auto& rule : set.value()->rules()) compiled += rule->compiled_program != nullptr;
  EXPECT_LT(compiled, set.value()->rules().size());  // only what the sentence may match
}

// A caller's file is checked at creation, and so is every built-in rule
// that reads one of its definitions.
TEST(RuleSet, ACallersDefinitionIsCheckedWithTheBuiltInRulesThatReadIt) {
  std::vector<std::string> errors;
  std::vector<RuleFile> files = {
      ParseRuleFile("lib/rules/en/deal.rules", "define verb = won\nrule r = {verb} it\n"
                    "rule other = lost it\n", &errors),
      ParseRuleFile("mine/en/common.rules", "define verb = (unclosed\n", &errors)};
  files[0].built_in = true;
  auto set = RuleSet::Compile("en", files, {});
  ASSERT_FALSE(set.ok());
  EXPECT_TRUE(absl::StartsWith(set.status().message(), "lib/rules/en/deal.rules:2: r: "))
      << set.status().message();

  files.pop_back();
  files.push_back(ParseRuleFile("mine/en/common.rules", "define verb = signed\n", &errors));
  set = RuleSet::Compile("en", files, {});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_NE(set.value()->rules()[0]->compiled_program, nullptr);  // reads the caller's verb
  EXPECT_EQ(set.value()->rules()[1]->compiled_program, nullptr);  // built-in alone
  EXPECT_EQ(set.value()->Match("signed it", nullptr).size(), 1u);
  EXPECT_EQ(set.value()->Match("lost it", nullptr).size(), 1u);
}

}  // namespace
}  // namespace newsevents::internal
