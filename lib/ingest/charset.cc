#include "ingest/charset.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "ascii.h"
#include "string_views.h"
#include "unicode/ucnv.h"
#include "unicode/ucsdet.h"
#include "unicode/utf16.h"
#include "unicode/utf8.h"
#include "utf8proc.h"

namespace newsevents::internal {
namespace {

// How much of a document the detector reads: enough to decide, bounded.
constexpr std::size_t kDetectionWindow = 64 * 1024;
// Converted in slices of this many UTF-16 units, so memory stays bounded
// whatever the document's size.
constexpr std::size_t kSlice = 64 * 1024;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && AsciiLower(a) == AsciiLower(b);
}

}  // namespace

std::string_view CharsetFromBom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  return {};
}

std::string CharsetFromMeta(std::string_view bytes) {
  const std::string head = AsciiLower(bytes.substr(0, 1024));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const std::size_t close = head.find('>', meta);
    const std::string_view tag =
        std::string_view(head).substr(meta, close == std::string::npos ? std::string::npos
                                                                       : close - meta);
    const std::size_t at = tag.find("charset=");
    if (at == std::string_view::npos) continue;
    std::size_t begin = at + 8;
    while (begin < tag.size() && (tag[begin] == '"' || tag[begin] == '\'' || tag[begin] == ' ')) {
      ++begin;
    }
    std::size_t end = begin;
    while (end < tag.size() && tag[end] != '"' && tag[end] != '\'' && tag[end] != ' ' &&
           tag[end] != ';' && tag[end] != '/' && tag[end] != '>') {
      ++end;
    }
    if (end > begin) return std::string(tag.substr(begin, end - begin));
  }
  return {};
}

bool LooksLikeUtf8(std::string_view bytes) {
  std::size_t valid = 0;
  std::size_t invalid = 0;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  for (std::size_t at = SkipAscii(bytes, 0); at < bytes.size(); at = SkipAscii(bytes, at)) {
    utf8proc_int32_t code_point;
    const utf8proc_ssize_t length = utf8proc_iterate(
        data + at, static_cast<utf8proc_ssize_t>(std::min<std::size_t>(4, bytes.size() - at)),
        &code_point);
    if (length > 0) {
      ++valid;
      at += static_cast<std::size_t>(length);
    } else {
      ++invalid;
      ++at;
    }
  }
  return invalid == 0 || valid >= 2 * invalid;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return "windows-1252";
  const std::string_view window = bytes.substr(0, kDetectionWindow);
  ucsdet_setText(detector.get(), window.data(), static_cast<int32_t>(window.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "windows-1252";
  const char* name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr || confidence < 20) return "windows-1252";
  // Not UTF-8 (the caller checked), and Latin-1 is read as its superset.
  if (IEquals(name, "UTF-8") || IEquals(name, "ISO-8859-1")) return "windows-1252";
  return name;
}

bool ConvertToUtf8(std::string_view bytes, const std::string& charset, DecodedText* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status)) return false;
  // The charset's usual name ("windows-1252"), not ICU's internal one.
  const char* internal_name = ucnv_getName(converter.get(), &status);
  const char* canonical = ucnv_getStandardName(internal_name, "MIME", &status);
  if (canonical == nullptr) canonical = ucnv_getStandardName(internal_name, "IANA", &status);
  if (U_FAILURE(status)) canonical = nullptr;

  DecodedText decoded;
  decoded.text.reserve(bytes.size() + bytes.size() / 4);
  std::vector<UChar> units(kSlice);
  std::vector<int32_t> offsets(kSlice);
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  std::size_t consumed = 0;   // input bytes already mapped
  UChar pending_high = 0;     // a high surrogate whose pair is in the next slice
  std::size_t pending_at = 0;

  // Appends one code point read from input bytes [from, to).
  auto emit = [&](UChar32 code_point, std::size_t from, std::size_t to) {
    if (from > consumed) decoded.map.AppendReplace(from - consumed, 0);  // skipped bytes
    from = std::max(from, consumed);
    to = std::max(to, from);
    // Single-byte converters substitute SUB (U+001A) for unmapped bytes.
    if (code_point == 0x1A && !(to - from == 1 && bytes[from] == 0x1A)) code_point = 0xFFFD;
    if (code_point < 0 || code_point > 0x10FFFF || U_IS_SURROGATE(code_point)) code_point = 0xFFFD;
    if (code_point == 0xFFFD) ++decoded.repaired;
    uint8_t utf8[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(utf8, length, code_point);
    decoded.text.append(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
    if (to - from == 1 && length == 1 && static_cast<unsigned char>(bytes[from]) == code_point) {
      decoded.map.AppendCopy(1);
    } else {
      decoded.map.AppendReplace(to - from, static_cast<std::size_t>(length));
    }
    consumed = to;
  };

  bool done = false;
  while (!done) {
    const char* slice_source = source;
    UChar* target = units.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, source_end,
                   offsets.data(), /*flush=*/true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) done = true;
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) break;
    const std::size_t base = static_cast<std::size_t>(slice_source - bytes.data());
    const std::size_t count = static_cast<std::size_t>(target - units.data());
    // Where each unit's bytes start; -1 (unknown) inherits the one before.
    auto start_of = [&](std::size_t i) {
      return offsets[i] >= 0 ? base + static_cast<std::size_t>(offsets[i]) : consumed;
    };
    for (std::size_t i = 0; i < count; ++i) {
      UChar32 code_point = units[i];
      std::size_t from = start_of(i);
      if (pending_high != 0) {
        from = pending_at;
        code_point = U16_IS_TRAIL(units[i]) ? U16_GET_SUPPLEMENTARY(pending_high, units[i])
                                            : 0xFFFD;
        pending_high = 0;
      } else if (U16_IS_LEAD(units[i])) {
        if (i + 1 == count && !done) {  // its pair comes with the next slice
          pending_high = units[i];
          pending_at = from;
          continue;
        }
        if (i + 1 < count && U16_IS_TRAIL(units[i + 1])) {
          code_point = U16_GET_SUPPLEMENTARY(units[i], units[i + 1]);
          ++i;
        } else {
          code_point = 0xFFFD;
        }
      } else if (U16_IS_TRAIL(units[i])) {
        code_point = 0xFFFD;
      }
      std::size_t to = i + 1 < count ? start_of(i + 1)
                                     : static_cast<std::size_t>(source - bytes.data());
      emit(code_point, from, std::max(to, from));
    }
  }
  if (consumed < bytes.size()) decoded.map.AppendReplace(bytes.size() - consumed, 0);
  decoded.encoding = canonical != nullptr ? canonical : charset;
  *out = std::move(decoded);
  return true;
}

}  // namespace newsevents::internal
