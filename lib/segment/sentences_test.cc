#include "segment/sentences.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

std::vector<std::string> Split(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const Span& span : SplitSentences(text, lang)) {
    out.emplace_back(text.substr(span.begin, span.size()));
  }
  return out;
}

using Sentences = std::vector<std::string>;

TEST(SplitSentences, SplitsAtSentenceEnds) {
  EXPECT_EQ(Split("Dell fell. HPE rose! Why? Nobody knows.", "en"),
            (Sentences{"Dell fell.", "HPE rose!", "Why?", "Nobody knows."}));
}

TEST(SplitSentences, KeepsCorporateAbbreviationsInside) {
  EXPECT_EQ(Split("Dell Technologies Inc. and Acme Corp. rose. Acme Co. Ltd. fell.", "en"),
            (Sentences{"Dell Technologies Inc. and Acme Corp. rose.", "Acme Co. Ltd. fell."}));
}

TEST(SplitSentences, KeepsCountriesMonthsAndInitialsInside) {
  EXPECT_EQ(Split("The U.S. Treasury said on Dec. 5 that J. P. Morgan grew 4.3 percent.", "en"),
            (Sentences{"The U.S. Treasury said on Dec. 5 that J. P. Morgan grew 4.3 percent."}));
}

TEST(SplitSentences, FrenchTitlesAndMonths) {
  EXPECT_EQ(Split("M. Dupont a vendu le 5 janv. ses titres. Mme Durand a achet\xC3\xA9.", "fr"),
            (Sentences{"M. Dupont a vendu le 5 janv. ses titres.",
                       "Mme Durand a achet\xC3\xA9."}));
}

TEST(SplitSentences, HeadlinesWithoutPunctuationStandAlone) {
  EXPECT_EQ(Split("Dell wins big order\nMost read\nDell said on Monday it won.", "en"),
            (Sentences{"Dell wins big order", "Most read", "Dell said on Monday it won."}));
}

TEST(SplitSentences, WrappedLinesJoin) {
  const std::string text =
      "Shares of the computer maker rose sharply in early trading on the\n"
      "news, analysts said.\n\nA new paragraph";
  EXPECT_EQ(Split(text, "en"),
            (Sentences{"Shares of the computer maker rose sharply in early trading on the\n"
                       "news, analysts said.",
                       "A new paragraph"}));
}

TEST(SplitSentences, EmptyAndBlankText) {
  EXPECT_TRUE(SplitSentences("", "en").empty());
  EXPECT_TRUE(SplitSentences(" \n\n ", "en").empty());
}

}  // namespace
}  // namespace newsevents::internal

namespace newsevents::internal {
namespace {

TEST(SplitSentences, EndlessSentencesAreCutAtSpaces) {
  std::string text;
  while (text.size() < 10000) text += "word ";
  const std::vector<Span> spans = SplitSentences(text, "en");
  ASSERT_GE(spans.size(), 5u);
  std::size_t covered = 0;
  for (const Span& span : spans) {
    EXPECT_LE(span.size(), 2000u);
    EXPECT_NE(text[span.begin], ' ');
    EXPECT_NE(text[span.end - 1], ' ');
    covered += span.size();
  }
  EXPECT_GT(covered, 9000u);
}

TEST(AsciiSentenceBoundaries, EqualIcuOnEveryMixOfTheClassesAsciiHolds) {
  // Sentence ends, closers, spaces, continuations, letters of both cases,
  // digits, other symbols and wrapped lines, mixed at random: the ASCII
  // path must break exactly where ICU does.
  const std::string alphabet = ".!?\"')]} ,;:-aZ7%$\nU.S";
  std::mt19937 random(29);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 24);
  for (int round = 0; round < 20000; ++round) {
    std::string block;
    for (std::size_t n = length(random); n > 0; --n) block.push_back(alphabet[pick(random)]);
    const std::optional<std::vector<std::size_t>> ascii = AsciiSentenceBoundaries(block);
    ASSERT_TRUE(ascii.has_value()) << block;
    for (const char* lang : {"en", "fr"}) {
      ASSERT_EQ(*ascii, IcuSentenceBoundaries(block, lang)) << lang << " [" << block << "]";
    }
  }
}

TEST(AsciiSentenceBoundaries, EqualIcuOnNewsProse) {
  for (const std::string block :
       {"Dell fell 3.5% on Monday. HPE rose! Why? \"Nobody knows.\" (Really.) e.g. 5 apples",
        "The U.S. Treasury said on Dec. 5 that J. P. Morgan grew... and then? Yes!! No?!",
        "Shares closed at $12.50, up 4 pct. Net was 1.2 mln dlrs vs 900,000 dlrs.\nIt said"}) {
    EXPECT_EQ(AsciiSentenceBoundaries(block), IcuSentenceBoundaries(block, "en")) << block;
  }
}

TEST(AsciiSentenceBoundaries, LeavesAnyOtherByteToIcu) {
  EXPECT_FALSE(AsciiSentenceBoundaries("caf\xC3\xA9. Oui.").has_value());
  EXPECT_FALSE(AsciiSentenceBoundaries(std::string("tab\there")).has_value());
  // Wherever it stands in the eight-byte words the text is read in.
  for (const char other : {'\x01', '\t', '\r', '\x1F', '\x7F', '\x80', '\xFF'}) {
    for (std::size_t at = 0; at < 24; ++at) {
      std::string block = "It fell. Then it rose. Ok";
      block[at] = other;
      EXPECT_FALSE(AsciiSentenceBoundaries(block).has_value()) << at << " " << int(other);
    }
  }
}

}  // namespace
}  // namespace newsevents::internal
