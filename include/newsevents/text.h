// The stages before extraction, on their own: decoding and normalizing a
// document, splitting it into sentences, telling its language. Extract runs
// exactly these; they are public because users need them too (to show
// sentences, to feed another tool the same clean text).
//
//   newsevents::NormalizedText text = newsevents::Normalize(document);
//   std::string lang = newsevents::DetectLanguage(text.text);   // "en"
//   for (const newsevents::Sentence& s : newsevents::SplitSentences(text, lang)) {
//     std::cout << document.bytes.substr(s.span.begin, s.span.size()) << "\n";
//   }
//
// Thread safety: all functions may run on many threads at once.
#ifndef NEWSEVENTS_TEXT_H_
#define NEWSEVENTS_TEXT_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsevents/document.h"
#include "newsevents/event.h"
#include "newsevents/export.h"
#include "newsevents/offset_map.h"

namespace newsevents {
inline namespace v1 {

// A document as the recognizers see it.
struct NormalizedText {
  // NFC, with typography folded for matching: ' for curly apostrophes, " for
  // quotes and guillemets, - for dashes, one space for any run of spaces
  // (one newline if it held a line break, two for a blank line), ligatures
  // spelled out, ... for an ellipsis, soft hyphens and zero-width characters
  // removed. Case is kept.
  std::string text;
  // From `text` back to the Document's bytes.
  OffsetMap map;
  // The charset the bytes were read in: "UTF-8", "windows-1252", "UTF-16LE"...
  std::string encoding;
  // Invalid byte sequences that were read as U+FFFD.
  std::size_t repaired = 0;
  // For HTML: "title", "lang", "description", "og:title",
  // "article:published_time", when the page has them.
  std::map<std::string, std::string> metadata;
};

// Decodes (byte-order mark, the Document's content type, HTML <meta charset>,
// charset detection when the bytes are not UTF-8), keeps the visible text of
// HTML, and normalizes. Never fails: what cannot be read becomes U+FFFD.
NEWSEVENTS_EXPORT NormalizedText Normalize(const Document& document);

// True when Normalize reads `document` as HTML: its content type says so,
// or (kAuto) its id ends in .html, .htm or .xhtml, or its first kilobyte
// holds an HTML tag (<html, <body, <p>, <div...).
NEWSEVENTS_EXPORT bool ReadsAsHtml(const Document& document);

// One sentence, in the input's bytes and in the normalized text.
struct Sentence {
  Span span;        // in the Document's bytes
  Span normalized;  // in NormalizedText::text
};

// The sentences of `text` in order. `lang` ("en", "fr") picks the rules for
// abbreviations; see the README for how headlines and wrapped lines are read.
NEWSEVENTS_EXPORT std::vector<Sentence> SplitSentences(const NormalizedText& text,
                                                       std::string_view lang);

// "en", "fr", or "und" when the text is neither (another language, too
// short, not text). Works on any UTF-8 text, best on NormalizedText::text.
NEWSEVENTS_EXPORT std::string DetectLanguage(std::string_view text);

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_TEXT_H_
