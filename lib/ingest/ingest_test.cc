// Ingestion and normalization through the public entry point, Normalize:
// fixtures in each encoding, and HTML; every span must address the input.
#include <random>
#include <string>

#include "gtest/gtest.h"
#include "ingest/charset.h"
#include "ingest/html.h"
#include "newsevents/text.h"

namespace newsevents {
namespace {

Document Doc(std::string bytes, ContentType type = ContentType::kAuto) {
  Document document;
  document.bytes = std::move(bytes);
  document.content_type = type;
  return document;
}

// The input bytes behind the first occurrence of `needle` in the text.
std::string SourceOf(const Document& document, const NormalizedText& text,
                     std::string_view needle) {
  const std::size_t at = text.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " not in " << text.text;
  if (at == std::string::npos) return {};
  const Span span = text.map.ToSource({at, at + needle.size()});
  return document.bytes.substr(span.begin, span.size());
}

TEST(Ingest, Utf8WithByteOrderMark) {
  const Document document = Doc("\xEF\xBB\xBFLe titre a recul\xC3\xA9.");
  const NormalizedText text = Normalize(document);
  EXPECT_EQ(text.text, "Le titre a recul\xC3\xA9.");
  EXPECT_EQ(text.encoding, "UTF-8");
  EXPECT_EQ(SourceOf(document, text, "Le"), "Le");
}

TEST(Ingest, Windows1252FrenchIsDetected) {
  // é, the cp1252 right quote (0x92), € (0x80), « » and a no-break space.
  const Document document =
      Doc("L\x92" "action a recul\xE9 de 3,8\xA0% \xE0 118,25 \x80, selon \xABles analystes\xBB. "
          "Le march\xE9 reste nerveux apr\xE8s une s\xE9" "ance agit\xE9" "e.");
  const NormalizedText text = Normalize(document);
  EXPECT_EQ(text.encoding, "windows-1252");
  EXPECT_EQ(text.repaired, 0u);
  EXPECT_EQ(text.text.substr(0, 48),
            "L'action a recul\xC3\xA9 de 3,8 % \xC3\xA0 118,25 \xE2\x82\xAC, selon");
  EXPECT_EQ(SourceOf(document, text, "recul\xC3\xA9"), "recul\xE9");
  EXPECT_EQ(SourceOf(document, text, "\xE2\x82\xAC"), "\x80");
  EXPECT_EQ(SourceOf(document, text, "L'action"), "L\x92" "action");
}

TEST(Ingest, Iso885915ByHintAndByMetaCharset) {
  Document document = Doc("Un prix de 20 \xA4 pour l'\xE9t\xE9.");
  document.encoding = "ISO-8859-15";
  NormalizedText text = Normalize(document);
  EXPECT_EQ(text.text, "Un prix de 20 \xE2\x82\xAC pour l'\xC3\xA9t\xC3\xA9.");

  const Document page = Doc(
      "<html><head><meta charset=\"iso-8859-15\"><title>Prix</title></head>"
      "<body><p>Un prix de 20 \xA4.</p></body></html>");
  text = Normalize(page);
  EXPECT_EQ(text.text, "Un prix de 20 \xE2\x82\xAC.");
  EXPECT_EQ(SourceOf(page, text, "\xE2\x82\xAC"), "\xA4");
  EXPECT_EQ(text.metadata.at("title"), "Prix");
}

TEST(Ingest, Utf16WithByteOrderMark) {
  const std::string little("\xFF\xFE" "D\0e\0l\0l\0 \0\xE9\0", 14);
  Document document = Doc(little);
  NormalizedText text = Normalize(document);
  EXPECT_EQ(text.text, "Dell \xC3\xA9");
  EXPECT_EQ(text.encoding, "UTF-16LE");
  EXPECT_EQ(text.map.ToSource({0, 4}), (Span{2, 10}));
  EXPECT_EQ(text.map.ToSource({5, 7}), (Span{12, 14}));

  const std::string big("\xFE\xFF\0D\0e\0l\0l", 10);
  text = Normalize(Doc(big));
  EXPECT_EQ(text.text, "Dell");
  EXPECT_EQ(text.encoding, "UTF-16BE");
}

TEST(Ingest, DamagedUtf8IsRepairedNotReinterpreted) {
  const Document document = Doc("Caf\xC3\xA9 \xFF cr\xC3\xA8me \xC3\xA0 la fin.");
  const NormalizedText text = Normalize(document);
  EXPECT_EQ(text.encoding, "UTF-8");
  EXPECT_EQ(text.repaired, 1u);
  EXPECT_EQ(text.text, "Caf\xC3\xA9 \xEF\xBF\xBD cr\xC3\xA8me \xC3\xA0 la fin.");
}

TEST(Ingest, HtmlVisibleTextEntitiesAndBlocks) {
  const Document document = Doc(
      "<!DOCTYPE html><html lang=\"fr\"><head><title>Dell &amp; HPE</title>"
      "<meta name=\"description\" content=\"R\xC3\xA9sum\xC3\xA9\">"
      "<meta property=\"og:title\" content=\"OG\">"
      "<meta property=\"article:published_time\" content=\"2024-12-05\">"
      "<style>p{}</style><script>var x = 'Dell shares slipped';</script></head>"
      "<body><header>Site</header><nav><a>Home</a></nav>"
      "<div><div><p>Dell&nbsp;shares <b>slipped</b> 3.8&#37;.</p><p>Second</p></div></div>"
      "<ul><li>One</li><li>Two<br>lines</li></ul>"
      "<aside>Ad</aside><form><label>Sign up</label><input value=x></form><footer>(c)</footer>"
      "</body></html>");
  const NormalizedText text = Normalize(document);
  EXPECT_EQ(text.text, "Dell shares slipped 3.8%.\n\nSecond\n\nOne\n\nTwo\nlines");
  EXPECT_EQ(text.metadata.at("title"), "Dell & HPE");
  EXPECT_EQ(text.metadata.at("lang"), "fr");
  EXPECT_EQ(text.metadata.at("description"), "R\xC3\xA9sum\xC3\xA9");
  EXPECT_EQ(text.metadata.at("og:title"), "OG");
  EXPECT_EQ(text.metadata.at("article:published_time"), "2024-12-05");
  EXPECT_EQ(SourceOf(document, text, "Dell shares"), "Dell&nbsp;shares");
  EXPECT_EQ(SourceOf(document, text, "3.8%"), "3.8&#37;");
  EXPECT_EQ(SourceOf(document, text, "slipped"), "slipped");
}

// Found by fuzz_ingest (tests/fuzz/regressions/ingest/bare-ampersand-before-digits):
// a '&' that starts no character reference was read as one, swallowing the
// letters or digits after it, and the rest of its text node mapped to the
// wrong bytes ("9,2321&12%": the "1" of "12" mapped to the "%").
TEST(Ingest, HtmlBareAmpersandIsACharacterAndTheOffsetsAfterItHold) {
  const Document page = Doc("<p>S&P 500 rose; AT&T fell 9,2321&12% and R&D&ampfoo.</p>",
                            ContentType::kHtml);
  const NormalizedText text = Normalize(page);
  EXPECT_EQ(text.text, "S&P 500 rose; AT&T fell 9,2321&12% and R&D&foo.");
  EXPECT_EQ(SourceOf(page, text, "S&P 500"), "S&P 500");
  EXPECT_EQ(SourceOf(page, text, "T fell"), "T fell");
  EXPECT_EQ(SourceOf(page, text, "12%"), "12%");
  EXPECT_EQ(SourceOf(page, text, "&foo"), "&ampfoo");  // "&amp" without ';', then "foo"
  EXPECT_EQ(SourceOf(page, text, "foo"), "foo");
  // References to '&' itself still map as a whole.
  const Document references = Doc("<p>M&amp;A, M&#38;A, M&#x26;A</p>", ContentType::kHtml);
  const NormalizedText decoded = Normalize(references);
  EXPECT_EQ(decoded.text, "M&A, M&A, M&A");
  EXPECT_EQ(decoded.map.ToSource({1, 2}), (Span{4, 9}));
  EXPECT_EQ(decoded.map.ToSource({6, 7}), (Span{13, 18}));
  EXPECT_EQ(decoded.map.ToSource({11, 12}), (Span{22, 28}));
}

// Found by fuzz_ingest (tests/fuzz/regressions/ingest/numeric-reference-before-letters
// and the two legacy-reference-* inputs):
// a reference without its ';' was taken to run over every letter and digit
// after it ("&#51ANIES" read as one reference), and the rest of its text
// node mapped to the wrong bytes. A numeric one ends with its digits, a
// named one where gumbo stopped reading it.
TEST(Ingest, HtmlReferenceWithoutSemicolonEndsWhereGumboStopped) {
  const Document page =
      Doc("<p>Q&#51ANIES &#x34;FOO caf&eacutes &notit; &lt;DDS> rose 5%.</p>", ContentType::kHtml);
  const NormalizedText text = Normalize(page);
  EXPECT_EQ(text.text, "Q3ANIES 4FOO caf\xC3\xA9s \xC2\xACit; <DDS> rose 5%.");
  EXPECT_EQ(SourceOf(page, text, "3"), "&#51");
  EXPECT_EQ(SourceOf(page, text, "ANIES"), "ANIES");
  EXPECT_EQ(SourceOf(page, text, "4FOO"), "&#x34;FOO");
  EXPECT_EQ(SourceOf(page, text, "\xC3\xA9s"), "&eacutes");
  EXPECT_EQ(SourceOf(page, text, "s "), "s ");
  EXPECT_EQ(SourceOf(page, text, "\xC2\xAC"), "&not");
  EXPECT_EQ(SourceOf(page, text, "it;"), "it;");
  EXPECT_EQ(SourceOf(page, text, "<DDS> rose 5%"), "&lt;DDS> rose 5%");
  // tests/fuzz/regressions/ingest/legacy-reference-before-another: the
  // letter after "&cent" is the text's, though another reference follows.
  const Document twice = Doc("<p>u&centn&centi</p>", ContentType::kHtml);
  const NormalizedText cents = Normalize(twice);
  EXPECT_EQ(cents.text, "u\xC2\xA2n\xC2\xA2i");
  EXPECT_EQ(SourceOf(twice, cents, "n"), "n");
  EXPECT_EQ(SourceOf(twice, cents, "i"), "i");
  EXPECT_EQ(SourceOf(twice, cents, "\xC2\xA2n\xC2\xA2"), "&centn&cent");
  // tests/fuzz/regressions/ingest/legacy-reference-before-a-repeated-letter:
  // "&centn" would line up for one byte, "&cent" for all of them.
  const Document repeated = Doc("<p>&centnnJ</p>", ContentType::kHtml);
  const NormalizedText letters = Normalize(repeated);
  EXPECT_EQ(letters.text, "\xC2\xA2nnJ");
  EXPECT_EQ(SourceOf(repeated, letters, "\xC2\xA2"), "&cent");
  EXPECT_EQ(SourceOf(repeated, letters, "nnJ"), "nnJ");
}

// Found by fuzz_ingest (tests/fuzz/regressions/ingest/reference-out-of-range):
// gumbo writes a numeric reference past U+10FFFF as a raw byte, and the text
// (and Python's str of it) was no longer valid UTF-8. Repaired as U+FFFD.
TEST(Ingest, HtmlReferenceGumboCannotDecodeIsReadAsReplacementCharacter) {
  const Document page = Doc(
      "<html><head><title>T&#xbbbbbbbb</title>"
      "<meta name=\"description\" content=\"D&#xbbbbbbbb\"></head>"
      "<body><p>x &#xbbbbbbbb y</p></body></html>");
  const NormalizedText text = Normalize(page);
  EXPECT_EQ(text.text, "x \xEF\xBF\xBD y");
  EXPECT_EQ(SourceOf(page, text, "\xEF\xBF\xBD"), "&#xbbbbbbbb");
  EXPECT_EQ(SourceOf(page, text, "y"), "y");
  EXPECT_EQ(text.metadata.at("title"), "T\xEF\xBF\xBD");
  EXPECT_EQ(text.metadata.at("description"), "D\xEF\xBF\xBD");
}

TEST(Ingest, HtmlBySniffingAndNotPlainText) {
  EXPECT_TRUE(internal::LooksLikeHtml("  <html><body>x</body></html>"));
  EXPECT_TRUE(internal::LooksLikeHtml("<P>Paragraph"));
  EXPECT_FALSE(internal::LooksLikeHtml("Shares rose 3% as x < y and y > z."));
  Document page = Doc("<p>A &lt;b&gt; tag</p>");
  EXPECT_EQ(Normalize(page).text, "A <b> tag");
  Document text = Doc("<p>A tag</p>", ContentType::kText);
  EXPECT_EQ(Normalize(text).text, "<p>A tag</p>");
}

TEST(Ingest, HtmlDeclaringUtf8ButWrittenInWindows1252) {
  const Document document =
      Doc("<html><head><meta charset=utf-8></head><body><p>D\xE9j\xE0 vu, \xE9t\xE9 "
          "et caf\xE9 cr\xE8me.</p></body></html>");
  const NormalizedText text = Normalize(document);
  EXPECT_EQ(text.text, "D\xC3\xA9j\xC3\xA0 vu, \xC3\xA9t\xC3\xA9 et caf\xC3\xA9 cr\xC3\xA8me.");
}

TEST(Ingest, MetaCharsetPrescan) {
  EXPECT_EQ(internal::CharsetFromMeta("<meta charset=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(internal::CharsetFromMeta(
                "<META http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"),
            "iso-8859-15");
  EXPECT_EQ(internal::CharsetFromMeta("<p>charset=utf-8</p>"), "");
}

// Random bytes, as text and as HTML: the map stays inside the input, never
// goes backwards, and each normalized byte has a source.
TEST(Ingest, PropertyRandomBytesMapMonotonicallyIntoTheInput) {
  const std::vector<std::string> alphabet = {
      "a", "Z", " ", "\n", "<p>", "</p>", "<br>", "&amp;", "&#233;", "&bogus", "<script>",
      "\xC3\xA9", "\xE2\x80\x99", "\xFF", "\xFE", "\x80", "\x92", std::string("\0", 1),
      "<!--", "-->", "<meta charset=latin1>", "\xEF\xBB\xBF"};
  std::mt19937 random(7);
  for (int round = 0; round < 1000; ++round) {
    std::string bytes;
    const int length = static_cast<int>(random() % 30);
    for (int i = 0; i < length; ++i) bytes += alphabet[random() % alphabet.size()];
    for (ContentType type : {ContentType::kText, ContentType::kHtml}) {
      const Document document = Doc(bytes, type);
      const NormalizedText text = Normalize(document);
      ASSERT_EQ(text.map.output_size(), text.text.size());
      ASSERT_EQ(text.map.source_size(), bytes.size()) << round;
      std::size_t previous = 0;
      for (std::size_t at = 0; at < text.text.size(); ++at) {
        const Span source = text.map.ToSource({at, at + 1});
        ASSERT_LE(source.end, bytes.size()) << round;
        ASSERT_GE(source.begin, previous) << round;
        previous = source.begin;
      }
    }
  }
}

}  // namespace
}  // namespace newsevents

namespace newsevents {
namespace {

// Hostile input: 100,000 nested elements parse (flattened past depth 512)
// and the text's offsets still address the original bytes.
TEST(Ingest, HtmlNested100000LevelsDeep) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "Dell shares slipped.";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  Document document;
  document.bytes = html;
  const NormalizedText text = Normalize(document);
  // Blanked tags read as white space around the text.
  EXPECT_EQ(text.text, " Dell shares slipped. ");
  EXPECT_EQ(text.map.ToSource({1, 5}), (Span{500000, 500004}));
}

}  // namespace
}  // namespace newsevents

namespace newsevents {
namespace {

TEST(Ingest, Utf16WithoutByteOrderMarkIsToldByItsZeroBytes) {
  std::string little, big;
  for (char c : std::string("Dell shares fell 3% on Monday.")) {
    little += c;
    little += '\0';
    big += '\0';
    big += c;
  }
  Document document;
  document.bytes = little;
  NormalizedText text = Normalize(document);
  EXPECT_EQ(text.encoding, "UTF-16LE");
  EXPECT_EQ(text.text, "Dell shares fell 3% on Monday.");
  EXPECT_EQ(text.map.ToSource({5, 11}), (Span{10, 22}));
  document.bytes = big;
  text = Normalize(document);
  EXPECT_EQ(text.encoding, "UTF-16BE");
  EXPECT_EQ(text.text, "Dell shares fell 3% on Monday.");
}

TEST(Ingest, NulBytesInUtf8TextAreSpaces) {
  Document document;
  document.bytes = std::string("Dell\0shares fell.\0\0", 20);
  const NormalizedText text = Normalize(document);
  EXPECT_EQ(text.encoding, "UTF-8");
  EXPECT_EQ(text.text.substr(0, 17), "Dell shares fell.");
}

}  // namespace
}  // namespace newsevents
