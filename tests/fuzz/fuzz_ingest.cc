// Fuzz target: decoding and HTML ingestion. Arbitrary bytes, with a charset
// hint, content type and id picked by the input's last byte, go through
// Ingest (charset detection and conversion, HTML to text); the text must be
// valid UTF-8 and its map must satisfy every OffsetMap invariant back to the
// input bytes. The stages are also run one by one, so that a broken map is
// caught at the stage that built it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "ingest/charset.h"
#include "ingest/decode.h"
#include "ingest/html.h"
#include "ingest/ingest.h"

namespace newsevents::fuzz {
namespace {

// Hints as callers give them, a misspelled one included.
constexpr std::string_view kEncodings[] = {
    "", "", "", "", "windows-1252", "ISO-8859-15", "UTF-16LE", "UTF-16BE", "Shift_JIS",
    "UTF-8", "utf8", "no-such-charset"};
constexpr ContentType kContentTypes[] = {ContentType::kAuto, ContentType::kText,
                                         ContentType::kHtml};

bool AsciiBased(std::string_view encoding) {
  return encoding == "UTF-8" || encoding.substr(0, 8) == "windows-" ||
         encoding.substr(0, 8) == "ISO-8859";
}

}  // namespace
}  // namespace newsevents::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsevents;
  using namespace newsevents::fuzz;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::uint8_t selector = Selector(data, size);

  Document document;
  document.bytes = std::string(bytes);
  document.content_type = kContentTypes[selector % 3];
  document.encoding = std::string(kEncodings[(selector / 3) % std::size(kEncodings)]);
  document.id = selector & 0x80 ? "page.html" : "article.txt";

  const internal::IngestedText ingested = internal::Ingest(document);
  FUZZ_CHECK(IsValidUtf8(ingested.text));
  CheckOffsetMap(ingested.map, ingested.text, bytes, /*insertions=*/true,
                 AsciiBased(ingested.encoding));
  for (const auto& [key, value] : ingested.metadata) {
    FUZZ_CHECK(IsValidUtf8(key) && IsValidUtf8(value));
  }
  // Surface text of any span is readable, even one cut mid-character.
  for (std::size_t at = 0; at < ingested.text.size(); at += 97) {
    const Span span = ingested.map.ToSource({at, ingested.text.size()});
    internal::SurfaceText(bytes, ingested.encoding, span);
  }

  // Stage by stage: UTF-8 repair, then HTML over the repaired text.
  const internal::DecodedText decoded = internal::DecodeUtf8(bytes);
  FUZZ_CHECK(IsValidUtf8(decoded.text));
  FUZZ_CHECK(decoded.repaired == 0 || decoded.text.find("\xEF\xBF\xBD") != std::string::npos);
  CheckOffsetMap(decoded.map, decoded.text, bytes, /*insertions=*/false, true);
  const internal::HtmlText html = internal::HtmlToText(decoded.text);
  FUZZ_CHECK(IsValidUtf8(html.text));
  const std::vector<Span> html_spans =
      CheckOffsetMap(html.map, html.text, decoded.text, /*insertions=*/true, true);
  const std::vector<Span> composed_spans = CheckOffsetMap(
      html.map.Then(decoded.map), html.text, bytes, /*insertions=*/true, true);
  CheckComposition(composed_spans, html_spans, decoded.map);

  // Conversion from a charset the bytes may not be in.
  internal::DecodedText converted;
  const std::string charset = internal::DetectCharset(bytes);
  if (internal::ConvertToUtf8(bytes, charset, &converted)) {
    FUZZ_CHECK(IsValidUtf8(converted.text));
    CheckOffsetMap(converted.map, converted.text, bytes, /*insertions=*/false, false);
  }
  internal::CharsetFromMeta(bytes);
  internal::LooksLikeHtml(bytes);
  return 0;
}
