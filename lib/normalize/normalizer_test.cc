#include "normalize/normalizer.h"

#include <random>

#include "gtest/gtest.h"
#include "ingest/decode.h"

namespace newsevents::internal {
namespace {

struct FoldCase {
  const char* name;
  const char* input;
  const char* normalized;
};

class FoldTest : public testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, Folds) {
  EXPECT_EQ(Normalize(GetParam().input).text, GetParam().normalized);
}

INSTANTIATE_TEST_SUITE_P(
    Normalizer, FoldTest,
    testing::Values(
        FoldCase{"RightSingleQuote", "Musk\xE2\x80\x99s", "Musk's"},
        FoldCase{"LeftSingleQuote", "\xE2\x80\x98x", "'x"},
        FoldCase{"ModifierApostrophe", "l\xCA\xBC" "action", "l'action"},
        FoldCase{"Guillemets", "\xC2\xAB oui \xC2\xBB", "\" oui \""},
        FoldCase{"CurlyDoubleQuotes", "\xE2\x80\x9Cyes\xE2\x80\x9D", "\"yes\""},
        FoldCase{"LowDoubleQuote", "\xE2\x80\x9Eja", "\"ja"},
        FoldCase{"EnDash", "10\xE2\x80\x93" "20%", "10-20%"},
        FoldCase{"EmDash", "a\xE2\x80\x94" "b", "a-b"},
        FoldCase{"MinusSign", "\xE2\x88\x92" "3.8%", "-3.8%"},
        FoldCase{"NoBreakSpace", "3,8\xC2\xA0%", "3,8 %"},
        FoldCase{"NarrowNoBreakSpace", "3,8\xE2\x80\xAF%", "3,8 %"},
        FoldCase{"ThinSpace", "1\xE2\x80\x89" "000", "1 000"},
        FoldCase{"FigureSpace", "1\xE2\x80\x87" "000", "1 000"},
        FoldCase{"IdeographicSpace", "a\xE3\x80\x80" "b", "a b"},
        FoldCase{"Ligature", "pro\xEF\xAC\x81t", "profit"},
        FoldCase{"LongS", "\xC5\xBFhares", "shares"},
        FoldCase{"Ellipsis", "wait\xE2\x80\xA6", "wait..."},
        FoldCase{"SoftHyphenRemoved", "data\xC2\xAD" "center", "datacenter"},
        FoldCase{"ZeroWidthRemoved", "x\xE2\x80\x8B" "AI", "xAI"},
        FoldCase{"SpacesCollapse", "a  \t b", "a b"},
        FoldCase{"LineBreakKept", "a \n b", "a\nb"},
        FoldCase{"BlankLineKept", "a\r\n\r\nb", "a\n\nb"},
        FoldCase{"CrLfIsOneBreak", "a\r\nb", "a\nb"},
        FoldCase{"NfcComposes", "recule\xCC\x81", "recul\xC3\xA9"},
        FoldCase{"CaseKept", "HPE Shares", "HPE Shares"}),
    [](const testing::TestParamInfo<FoldCase>& info) { return info.param.name; });

TEST(Normalizer, MapsEveryOutputByteBackToItsSource) {
  const std::string input = "Musk\xE2\x80\x99s  xAI\xE2\x80\xA6";
  const FoldedText normalized = Normalize(input);
  ASSERT_EQ(normalized.text, "Musk's xAI...");
  EXPECT_EQ(normalized.map.ToSource({4, 5}), (Span{4, 7}));    // ' <- ’
  EXPECT_EQ(normalized.map.ToSource({7, 10}), (Span{10, 13}));  // xAI
  EXPECT_EQ(normalized.map.ToSource({10, 13}), (Span{13, 16}));  // ... <- …
}

// Random strings over an alphabet of the characters the normalizer treats
// specially, invalid bytes included: the composed map always lands inside
// the input, never goes backwards, and what it points at normalizes to
// what was produced.
// Plain ASCII is copied eight bytes at a time: a run of spaces still
// collapses wherever it stands in those words, with its map.
TEST(Normalizer, SpacesCollapseAtEveryPlaceOfALongLine) {
  for (std::size_t at = 1; at + 3 < 40; ++at) {
    std::string input(40, 'x');
    input.replace(at, 3, " \t ");
    const FoldedText normalized = Normalize(input);
    std::string expected(40, 'x');
    expected.replace(at, 3, " ");
    ASSERT_EQ(normalized.text, expected) << at;
    EXPECT_EQ(normalized.map.ToSource({at, at + 1}), (Span{at, at + 3})) << at;
    EXPECT_EQ(normalized.map.ToSource({at + 1, at + 2}), (Span{at + 3, at + 4})) << at;
  }
}

TEST(Normalizer, PropertyMapIsMonotonicAndFaithful) {
  const std::vector<std::string> alphabet = {
      "a", "Z", " ", "  ", "\n", "\r\n", "\t", ".", "%", "\xC3\xA9", "e\xCC\x81",
      "\xE2\x80\x99", "\xC2\xAB", "\xE2\x80\x94", "\xC2\xA0", "\xE2\x80\xAF",
      "\xEF\xAC\x81", "\xE2\x80\xA6", "\xC2\xAD", "\xE2\x80\x8B", "\xFF", "\xC3",
      "\xE2\x82", std::string("\0", 1), "\xF0\x9F\x98\x80"};
  std::mt19937 random(20261121);
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    const int length = static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) input += alphabet[random() % alphabet.size()];
    const DecodedText decoded = DecodeUtf8(input);
    const FoldedText normalized = Normalize(decoded.text);
    const OffsetMap map = normalized.map.Then(decoded.map);
    ASSERT_EQ(map.output_size(), normalized.text.size());
    std::size_t previous_begin = 0;
    for (std::size_t at = 0; at < normalized.text.size(); ++at) {
      const Span source = map.ToSource({at, at + 1});
      ASSERT_LE(source.end, input.size()) << round;
      ASSERT_LT(source.begin, source.end) << round;
      ASSERT_GE(source.begin, previous_begin) << round;
      previous_begin = source.begin;
    }
    // Each word (a run without white space) maps back to input bytes that
    // normalize to exactly that word.
    for (std::size_t begin = 0; begin < normalized.text.size();) {
      if (normalized.text[begin] == ' ' || normalized.text[begin] == '\n') {
        ++begin;
        continue;
      }
      std::size_t end = begin;
      while (end < normalized.text.size() && normalized.text[end] != ' ' &&
             normalized.text[end] != '\n') {
        ++end;
      }
      const Span source = map.ToSource({begin, end});
      ASSERT_EQ(Normalize(DecodeUtf8(input.substr(source.begin, source.size())).text).text,
                normalized.text.substr(begin, end - begin))
          << round;
      begin = end;
    }
    // The whole output maps back to the input bytes it came from, and those
    // bytes normalize to the same text (up to white space at the edges).
    if (!normalized.text.empty()) {
      const Span whole = map.ToSource({0, normalized.text.size()});
      const std::string again =
          Normalize(DecodeUtf8(input.substr(whole.begin, whole.size())).text).text;
      ASSERT_EQ(again, normalized.text) << round;
    }
  }
}

}  // namespace
}  // namespace newsevents::internal
