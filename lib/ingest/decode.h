// Decoding: the caller's bytes to valid UTF-8, with the offset map back.
#ifndef NEWSEVENTS_LIB_INGEST_DECODE_H_
#define NEWSEVENTS_LIB_INGEST_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "newsevents/offset_map.h"

namespace newsevents::internal {

struct DecodedText {
  std::string text;           // valid UTF-8
  OffsetMap map;              // text -> input bytes
  std::size_t repaired = 0;   // invalid sequences read as U+FFFD
  std::string encoding = "UTF-8";  // the charset the bytes were read in
};

// Reads `bytes` as UTF-8: a leading byte-order mark is dropped, and each
// invalid or truncated sequence becomes U+FFFD (one per maximal invalid
// subpart, as the Unicode standard recommends), so reading never stops early.
DecodedText DecodeUtf8(std::string_view bytes);

// True when `bytes` is valid UTF-8 throughout, so DecodeUtf8 would only copy it.
bool IsValidUtf8(std::string_view bytes);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_INGEST_DECODE_H_
