#include "ingest/decode.h"

#include <algorithm>

#include "ascii.h"
#include "utf8proc.h"

namespace newsevents::internal {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at the start of `bytes`, or 0.
std::size_t ValidSequenceLength(std::string_view bytes) {
  utf8proc_int32_t code_point;
  const utf8proc_ssize_t length = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(bytes.data()),
      static_cast<utf8proc_ssize_t>(std::min<std::size_t>(bytes.size(), 4)),
      &code_point);
  return length > 0 ? static_cast<std::size_t>(length) : 0;
}

// How many bytes one U+FFFD stands for: the lead byte and the continuation
// bytes that could still have followed it.
std::size_t InvalidSubpartLength(std::string_view bytes) {
  const unsigned char lead = bytes[0];
  std::size_t expected = lead >= 0xF0 && lead <= 0xF4 ? 4
                         : lead >= 0xE0 && lead <= 0xEF ? 3
                         : lead >= 0xC2 && lead <= 0xDF ? 2
                                                         : 1;
  std::size_t length = 1;
  while (length < expected && length < bytes.size() &&
         (static_cast<unsigned char>(bytes[length]) & 0xC0) == 0x80) {
    ++length;
  }
  return length;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  for (std::size_t at = 0; at < bytes.size();) {
    if (static_cast<unsigned char>(bytes[at]) < 0x80) {
      ++at;
      continue;
    }
    const std::size_t length = ValidSequenceLength(bytes.substr(at));
    if (length == 0) return false;
    at += length;
  }
  return true;
}

DecodedText DecodeUtf8(std::string_view bytes) {
  DecodedText decoded;
  decoded.text.reserve(bytes.size());
  std::size_t at = 0;
  if (bytes.substr(0, kBom.size()) == kBom) {
    decoded.map.AppendReplace(kBom.size(), 0);
    at = kBom.size();
  }
  while (at < bytes.size()) {
    // Copy the longest valid run in one piece.
    std::size_t run = at;
    while ((run = SkipAscii(bytes, run)) < bytes.size()) {
      const std::size_t length = ValidSequenceLength(bytes.substr(run));
      if (length == 0) break;
      run += length;
    }
    if (run > at) {
      decoded.text.append(bytes.data() + at, run - at);
      decoded.map.AppendCopy(run - at);
      at = run;
    }
    if (at < bytes.size()) {
      const std::size_t invalid = InvalidSubpartLength(bytes.substr(at));
      decoded.text.append(kReplacement);
      decoded.map.AppendReplace(invalid, kReplacement.size());
      ++decoded.repaired;
      at += invalid;
    }
  }
  return decoded;
}

}  // namespace newsevents::internal
