// Charsets: which one a document is in, and conversion to UTF-8 with a map
// from every output byte back to the input bytes.
#ifndef NEWSEVENTS_LIB_INGEST_CHARSET_H_
#define NEWSEVENTS_LIB_INGEST_CHARSET_H_

#include <string>
#include <string_view>

#include "ingest/decode.h"

namespace newsevents::internal {

// The charset named by a byte-order mark at the start of `bytes` ("UTF-8",
// "UTF-16LE", "UTF-16BE"), or empty.
std::string_view CharsetFromBom(std::string_view bytes);

// The charset an HTML page declares in its first 1024 bytes (<meta
// charset="..."> or <meta http-equiv="Content-Type" content="...;
// charset=...">), or empty. A byte scan, as the HTML standard's prescan.
std::string CharsetFromMeta(std::string_view bytes);

// True when `bytes` are UTF-8, allowing some invalid bytes (damaged UTF-8 is
// repaired, not re-read as another charset): there are no invalid sequences,
// or at least twice as many valid multi-byte ones. Text in a legacy charset
// has almost no valid multi-byte sequences (é is one byte followed by ASCII).
bool LooksLikeUtf8(std::string_view bytes);

// ICU's guess for bytes that are not UTF-8; windows-1252 when it has none.
// ISO-8859-1 is read as windows-1252, its superset (as browsers do).
std::string DetectCharset(std::string_view bytes);

// Converts `bytes` from `charset` to UTF-8. Bytes the charset cannot map
// become U+FFFD (counted in `repaired`). False (and `out` untouched) when ICU
// knows no such charset.
bool ConvertToUtf8(std::string_view bytes, const std::string& charset, DecodedText* out);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_INGEST_CHARSET_H_
