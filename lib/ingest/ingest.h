// Ingestion: a Document's bytes to UTF-8 text, with the map back.
#ifndef NEWSEVENTS_LIB_INGEST_INGEST_H_
#define NEWSEVENTS_LIB_INGEST_INGEST_H_

#include <cstddef>
#include <map>
#include <string>

#include "newsevents/document.h"
#include "newsevents/offset_map.h"

namespace newsevents::internal {

struct IngestedText {
  std::string text;      // valid UTF-8: the visible text for HTML
  OffsetMap map;         // text -> the document's bytes
  std::string encoding;  // the charset the bytes were read in
  std::size_t repaired = 0;
  std::map<std::string, std::string> metadata;  // HTML metadata
};

// Charset, in this order: a byte-order mark; the Document's encoding; for
// HTML a <meta charset> in the first 1024 bytes; UTF-16 without a mark when
// every other byte is zero; UTF-8 when the bytes are valid UTF-8; else ICU's
// charset detection. HTML (by content type, by an
// .html/.htm id, or by sniffing the first bytes) is reduced to its visible
// text by a real parser (gumbo).
IngestedText Ingest(const Document& document);

// Whether Ingest reads `document` as HTML (newsevents::ReadsAsHtml).
bool IsHtml(const Document& document);

// The bytes of `span` as UTF-8 text: the bytes themselves when `encoding` is
// UTF-8, else their conversion from `encoding` (so an event found in a
// windows-1252 page reads "reculé", not an invalid byte).
std::string SurfaceText(std::string_view bytes, const std::string& encoding, Span span);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_INGEST_INGEST_H_
