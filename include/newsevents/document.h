// Document: one input, as the bytes it arrived in.
//
// Every span the extractor returns is a byte offset into `bytes`, whatever
// their encoding, so `bytes.substr(span.begin, span.size())` is the surface
// text. Invalid byte sequences are never an error: they are read as U+FFFD and
// the rest of the document is read as usual.
#ifndef NEWSEVENTS_DOCUMENT_H_
#define NEWSEVENTS_DOCUMENT_H_

#include <string>

namespace newsevents {
inline namespace v1 {

enum class ContentType {
  kAuto,  // decided from the bytes
  kText,  // plain text
  kHtml,  // HTML: only the visible text is read
};

struct Document {
  // The input bytes, in any encoding (UTF-8 expected).
  std::string bytes;

  // The input's identity, copied into every Event's `doc` (a path, a record id).
  std::string id;

  // "en" or "fr" when the caller knows the language; empty to detect it.
  std::string lang;

  // The charset when the caller knows it ("windows-1252", "ISO-8859-15");
  // empty to read it from a byte-order mark or <meta charset>, else detect it.
  std::string encoding;

  ContentType content_type = ContentType::kAuto;
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_DOCUMENT_H_
