// HTML to its visible text, with a map back to the HTML's bytes.
#ifndef NEWSEVENTS_LIB_INGEST_HTML_H_
#define NEWSEVENTS_LIB_INGEST_HTML_H_

#include <map>
#include <string>
#include <string_view>

#include "newsevents/offset_map.h"

namespace newsevents::internal {

struct HtmlText {
  std::string text;  // visible text; blocks end with a blank line, <br> with a newline
  OffsetMap map;     // text -> the HTML's bytes (entities map to the whole entity)
  std::map<std::string, std::string> metadata;  // title, lang, description, og:title,
                                                // article:published_time
};

// Parses `html` (UTF-8) with gumbo, a real HTML5 parser. Dropped with their
// content: script, style, noscript, template, head (its metadata is kept),
// nav, header, footer, aside, form, iframe, svg. Entities are decoded.
HtmlText HtmlToText(std::string_view html);

// True when `bytes` look like HTML: a doctype, or an <html>, <head>, <body>,
// <p>, <div>, <article> or <meta> tag in the first 1024 bytes.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_INGEST_HTML_H_
