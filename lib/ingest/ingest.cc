#include "ingest/ingest.h"

#include <algorithm>

#include "ingest/charset.h"
#include "ingest/decode.h"
#include "ingest/html.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

}  // namespace

bool IsHtml(const Document& document) {
  switch (document.content_type) {
    case ContentType::kHtml: return true;
    case ContentType::kText: return false;
    case ContentType::kAuto: break;
  }
  const std::string id = AsciiLower(document.id);
  for (std::string_view extension : {".html", ".htm", ".xhtml"}) {
    if (id.size() >= extension.size() &&
        id.compare(id.size() - extension.size(), extension.size(), extension) == 0) {
      return true;
    }
  }
  return LooksLikeHtml(document.bytes);
}

namespace {

// "UTF-16LE" or "UTF-16BE" for text written in UTF-16 without a byte-order
// mark, told by its zero bytes: Latin text in UTF-16 has one in every other
// byte, on the odd side (LE) or the even side (BE). Empty otherwise.
std::string_view Utf16WithoutBom(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, 4096);
  // Text with no zero byte at all, nearly every document, is answered by
  // one fast search.
  if (sample.size() < 8 || sample.find('\0') == std::string_view::npos) return {};
  std::size_t even = 0;
  std::size_t odd = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (sample[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  const std::size_t pairs = sample.size() / 2;
  if (odd * 10 >= pairs * 6 && even * 10 < pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 6 && odd * 10 < pairs) return "UTF-16BE";
  return {};
}

// The bytes as UTF-8, by the charset order of ingest.h.
DecodedText Decode(const Document& document, bool html) {
  const std::string_view bytes = document.bytes;
  std::string charset(CharsetFromBom(bytes));
  if (charset.empty()) charset = document.encoding;
  if (charset.empty() && html) charset = CharsetFromMeta(bytes);
  // A page that declares UTF-8 but is not (a common lie) is detected like
  // one that declares nothing.
  if (AsciiLower(charset) == "utf-8" || AsciiLower(charset) == "utf8") {
    charset = LooksLikeUtf8(bytes) ? "UTF-8" : DetectCharset(bytes);
  }
  if (charset.empty()) charset = std::string(Utf16WithoutBom(bytes));
  if (charset.empty()) charset = LooksLikeUtf8(bytes) ? "UTF-8" : DetectCharset(bytes);
  // Latin-1 labels mean windows-1252 on the web.
  const std::string lower = AsciiLower(charset);
  if (lower == "iso-8859-1" || lower == "latin1" || lower == "us-ascii" || lower == "ascii") {
    charset = "windows-1252";
  }
  if (charset != "UTF-8") {
    DecodedText converted;
    if (ConvertToUtf8(bytes, charset, &converted)) return converted;
    // An unknown charset name: read what can be read as UTF-8.
  }
  return DecodeUtf8(bytes);
}

}  // namespace

IngestedText Ingest(const Document& document) {
  const bool html = IsHtml(document);
  DecodedText decoded = Decode(document, html);
  IngestedText ingested;
  ingested.encoding = std::move(decoded.encoding);
  ingested.repaired = decoded.repaired;
  if (html) {
    HtmlText visible = HtmlToText(decoded.text);
    ingested.text = std::move(visible.text);
    ingested.map = visible.map.Then(decoded.map);
    ingested.metadata = std::move(visible.metadata);
  } else {
    ingested.text = std::move(decoded.text);
    ingested.map = std::move(decoded.map);
  }
  return ingested;
}

std::string SurfaceText(std::string_view bytes, const std::string& encoding, Span span) {
  const std::string_view surface = bytes.substr(std::min(span.begin, bytes.size()), span.size());
  if (encoding == "UTF-8") return std::string(surface);
  DecodedText converted;
  if (!ConvertToUtf8(surface, encoding, &converted)) return std::string(surface);
  return std::move(converted.text);
}

}  // namespace newsevents::internal
