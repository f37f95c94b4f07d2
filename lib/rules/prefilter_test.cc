#include "rules/prefilter.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "normalize/normalizer.h"
#include "re2/re2.h"

namespace newsevents::internal {
namespace {

// Whether a text may match, as the rules' first pass reads it: an atom is
// present when the text holds it in any case.
bool MayMatch(const Requirement& requirement, std::string_view text) {
  const std::string lower = LowerCase(text);
  return requirement.SatisfiedBy(
      [&](const std::string& atom) { return lower.find(atom) != std::string::npos; });
}

bool Matches(std::string_view pattern, std::string_view text) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  const RE2 regex(pattern, options);
  EXPECT_TRUE(regex.ok()) << pattern;
  return RE2::PartialMatch(text, regex);
}

TEST(RequiredLiterals, FewStringsStayExact) {
  const Requirement required = RequiredLiterals("shares (?:rose|fell)", 2);
  EXPECT_TRUE(MayMatch(required, "Dell SHARES FELL"));
  EXPECT_FALSE(MayMatch(required, "shares were up, it rose"));
}

TEST(RequiredLiterals, ManyChoicesBecomeAnOrOfAtoms) {
  std::string verbs = "(?:rose|fell|jumped|slid|gained|lost|climbed|dropped|surged|sank|soared|"
                      "slumped|edged|eased|firmed|tumbled|rallied)";
  const Requirement required = RequiredLiterals("\\x01o\\d+\\x02 " + verbs + " \\d+%", 2);
  EXPECT_TRUE(MayMatch(required, "\x01o0\x02 rallied 5%"));
  EXPECT_FALSE(MayMatch(required, "\x01o0\x02 was flat"));
  EXPECT_FALSE(MayMatch(required, "shares rallied 5%"));  // no placeholder
}

// A long choice joined with one string keeps the string on each of its
// words: the word must end where the pattern says.
TEST(RequiredLiterals, ALongChoiceKeepsTheStringJoinedToIt) {
  std::string verbs = "(?:rose|fell|jumped|slid|gained|lost|climbed|dropped|surged|sank|soared|"
                      "slumped|edged|eased|firmed|tumbled|rallied)";
  const Requirement required = RequiredLiterals(verbs + " \\d+%", 2);
  EXPECT_TRUE(MayMatch(required, "it ROSE 5%"));
  EXPECT_FALSE(MayMatch(required, "roses, 5%"));
  EXPECT_FALSE(MayMatch(required, "the fellow, 5%"));
  // Then joined with a choice of two, it stays as far as it was exact.
  const Requirement wide = RequiredLiterals(verbs + " (?:by|to) \\d+%", 2);
  EXPECT_TRUE(MayMatch(wide, "it fell to 5%"));
  EXPECT_FALSE(MayMatch(wide, "the fellow to 5%"));
}

// What every text of a part ends with starts the exact text after it: the
// space before and after "(?:[a-z]+ )?" stands before the verb either way.
TEST(RequiredLiterals, WhatAPartEndsWithStartsTheTextAfterIt) {
  std::string verbs = "(?:rose|fell|jumped|slid|gained|lost|climbed|dropped|surged|sank|soared|"
                      "slumped|edged|eased|firmed|tumbled|rallied)";
  const Requirement optional =
      RequiredLiterals("\\x01o\\d+\\x02 (?:[a-z]+ )?" + verbs + " \\d+%", 2);
  EXPECT_TRUE(MayMatch(optional, "\x01o0\x02 rose 5%"));
  EXPECT_TRUE(MayMatch(optional, "\x01o0\x02 had rose 5%"));
  EXPECT_FALSE(MayMatch(optional, "\x01o0\x02 said prose 5%"));
  // A repeated part ends as its last repetition; an unknown one, unknown.
  const Requirement repeated = RequiredLiterals("(?:[a-z]+ )+" + verbs, 2);
  EXPECT_TRUE(MayMatch(repeated, "it rose"));
  EXPECT_FALSE(MayMatch(repeated, "prose"));
  EXPECT_TRUE(MayMatch(RequiredLiterals("[a-z]+" + verbs, 2), "prose"));
}

TEST(RequiredLiterals, WhatAPartStartsWithEndsTheTextBeforeIt) {
  // A placeholder starts with its kind: the verb must stand right before
  // a percentage, not before some other mention.
  const Requirement placeholder =
      RequiredLiterals("(?:rose|fell) (?P<change>\\x01p\\d+\\x02)", 2);
  EXPECT_TRUE(MayMatch(placeholder, "it rose \x01p0\x02"));
  EXPECT_FALSE(MayMatch(placeholder, "it rose \x01o0\x02 and \x01p1\x02"));
  // A part that may be empty, or that starts differently in each branch,
  // tells nothing of its start.
  const Requirement optional = RequiredLiterals("(?:rose|fell) (?:\\x01p\\d+\\x02)?", 2);
  EXPECT_TRUE(MayMatch(optional, "it rose to"));
  const Requirement either = RequiredLiterals("rose (?:\\x01p\\d+|\\x01m\\d+)\\x02", 2);
  EXPECT_TRUE(MayMatch(either, "rose \x01m0\x02"));
  EXPECT_FALSE(MayMatch(either, "rose \x01o0\x02"));  // both start with \x01
  // Repetitions start as their first one does.
  const Requirement repeated = RequiredLiterals("rose (?:by \\d+ )+", 2);
  EXPECT_TRUE(MayMatch(repeated, "rose by 5 "));
  EXPECT_FALSE(MayMatch(repeated, "rose to 5 by 2 "));
}

TEST(RequiredLiterals, OptionalAndRepeatedPartsRequireWhatTheyMust) {
  EXPECT_TRUE(MayMatch(RequiredLiterals("deal(?: worth)? \\$\\d+", 2), "a deal $5"));
  EXPECT_FALSE(MayMatch(RequiredLiterals("deal(?: worth)+ \\$\\d+", 2), "a deal $5"));
  EXPECT_TRUE(MayMatch(RequiredLiterals("(?:very )*big", 2), "a big one"));
  // A repetition takes only the letter before it, not the run of letters.
  EXPECT_TRUE(MayMatch(RequiredLiterals("orders? shifted", 2), "ORDER SHIFTED"));
  EXPECT_FALSE(MayMatch(RequiredLiterals("orders? shifted", 2), "orders were shifted"));
}

TEST(RequiredLiterals, ShortAtomsAndUnknownSyntaxRequireNothing) {
  EXPECT_EQ(RequiredLiterals("a[bc]d", 2).kind, Requirement::Kind::kNothing);
  EXPECT_EQ(RequiredLiterals("(unclosed", 2).kind, Requirement::Kind::kNothing);
  EXPECT_EQ(RequiredLiterals("\\d+", 2).kind, Requirement::Kind::kNothing);
}

TEST(RequiredLiterals, LettersTheMatcherCannotFoldRequireNothing) {
  // Ω has a second upper case (the ohm sign), ß one beyond Latin-1.
  EXPECT_TRUE(MayMatch(RequiredLiterals("\xCE\xA9mega", 2), "\xE2\x84\xA6mega"));
  EXPECT_TRUE(MayMatch(RequiredLiterals("stra\xC3\x9F" "e", 2), "STRA\xE1\xBA\x9E" "E"));
  // French capitals fold.
  EXPECT_FALSE(MayMatch(RequiredLiterals("\xC3\xA9t\xC3\xA9", 2), "ete"));
  EXPECT_TRUE(MayMatch(RequiredLiterals("\xC3\xA9t\xC3\xA9", 2), "\xC3\x89T\xC3\x89"));
}

// A random index below `n`.
std::size_t Pick(std::mt19937& random, std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
}

// A random pattern over a few words and every construct the rules use.
std::string RandomPattern(std::mt19937& random, int depth = 0) {
  static const std::vector<std::string> kWords = {"shares", "rose", "to", "from", "Dell", "a",
                                                  "\xC3\xA9t\xC3\xA9", "5"};
  std::string out;
  for (std::size_t n = 1 + Pick(random, 3); n > 0; --n) {
    std::string item;
    switch (depth > 2 ? Pick(random, 2) : Pick(random, 10)) {
      case 0: item = kWords[Pick(random, kWords.size())]; break;
      case 1: item = " "; break;
      case 2: item = "(?:" + RandomPattern(random, depth + 1) + "|" +
                     RandomPattern(random, depth + 1) + ")"; break;
      case 3: item = "(?P<g" + std::to_string(Pick(random, 1000)) + ">" +
                     RandomPattern(random, depth + 1) + ")"; break;
      case 4: item = "[a-z]"; break;
      case 5: item = "\\d"; break;
      case 6: item = "\\b"; break;
      case 7: item = "\\x01o\\d+\\x02"; break;
      case 8: item = "\\Q$\\E"; break;
      default: item = "."; break;
    }
    static const char* const kRepeats[] = {"", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??"};
    out += "(?:" + item + ")" + kRepeats[Pick(random, 10)];
  }
  return out;
}

// Random patterns on random texts of the same words: whenever RE2 matches,
// the requirement must hold. Too strict a requirement would lose events.
TEST(RequiredLiterals, EveryMatchMeetsItsRequirement) {
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"shares", "ROSE", "to", "From", "dell", "a", " ", " ",
                                           "\xC3\x89T\xC3\x89", "5", "$", "\x01o3\x02", "x"};
  int matched = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string regex = RandomPattern(random);
    const Requirement required = RequiredLiterals(regex, 2);
    for (int text_round = 0; text_round < 20; ++text_round) {
      std::string text;
      for (std::size_t n = Pick(random, 12); n > 0; --n) {
        text += pieces[Pick(random, pieces.size())];
      }
      if (!Matches(regex, text)) continue;
      ++matched;
      ASSERT_TRUE(MayMatch(required, text)) << "pattern " << regex << "\ntext [" << text << "]";
    }
  }
  EXPECT_GT(matched, 1000);
}

std::string Describe(const Requirement& requirement) {
  switch (requirement.kind) {
    case Requirement::Kind::kNothing: return "*";
    case Requirement::Kind::kAtom: return "[" + requirement.atom + "]";
    case Requirement::Kind::kAnd:
    case Requirement::Kind::kOr: {
      std::string out = requirement.kind == Requirement::Kind::kAnd ? "AND(" : "OR(";
      for (const Requirement& part : requirement.of) out += Describe(part) + ",";
      return out + ")";
    }
  }
  return "?";
}

// Patterns that share long groups, as rules share their lexicons: read
// with one memo, each gives what it gives read alone.
TEST(RequiredLiterals, AMemoChangesNoRequirement) {
  std::mt19937 random(11);
  // Long groups, many of which begin alike and differ further on.
  const std::string kSharedStart =
      "(?:shares to|from Dell|to a )(?:rose|5)? (?:to)+ (?:from|Dell) ";
  std::vector<std::string> groups;
  while (groups.size() < 30) {
    const std::string start = groups.size() % 2 ? kSharedStart : RandomPattern(random);
    std::string group = "(?:" + start + RandomPattern(random) + "|" + RandomPattern(random) + ")";
    if (group.size() >= 64) groups.push_back(std::move(group));
  }
  GroupMemo memo;
  int requiring = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string pattern;
    for (std::size_t n = 1 + Pick(random, 4); n > 0; --n) {
      pattern += Pick(random, 3) == 0 ? RandomPattern(random) : groups[Pick(random, groups.size())];
      if (Pick(random, 4) == 0) pattern += "?";
      if (Pick(random, 3) == 0) pattern += " ";
    }
    const std::size_t min_atom_length = 2 + Pick(random, 2);
    const std::string alone = Describe(RequiredLiterals(pattern, min_atom_length));
    ASSERT_EQ(Describe(RequiredLiterals(pattern, min_atom_length, &memo)), alone) << pattern;
    requiring += alone != "*";
  }
  EXPECT_GT(requiring, 300);
}

}  // namespace
}  // namespace newsevents::internal
