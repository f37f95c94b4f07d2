#include "normalize/normalizer.h"

#include <cstdlib>
#include <cstring>
#include <memory>

#include "ascii.h"
#include "utf8proc.h"

namespace newsevents::internal {
namespace {

enum class Fold { kKeep, kSpace, kNewline, kRemove, kReplace };

struct Folded {
  Fold fold;
  std::string_view replacement;  // for kReplace
};

// The matching fold of one code point (after NFC).
Folded FoldCodePoint(utf8proc_int32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032:
      return {Fold::kReplace, "'"};
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0x2039: case 0x203A: case 0x2033:
      return {Fold::kReplace, "\""};
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return {Fold::kReplace, "-"};
    case 0xFB00: return {Fold::kReplace, "ff"};
    case 0xFB01: return {Fold::kReplace, "fi"};
    case 0xFB02: return {Fold::kReplace, "fl"};
    case 0xFB03: return {Fold::kReplace, "ffi"};
    case 0xFB04: return {Fold::kReplace, "ffl"};
    case 0xFB05: case 0xFB06: return {Fold::kReplace, "st"};
    case 0x2026: return {Fold::kReplace, "..."};
    // Long s: RE2's case-insensitive s matches it, the rules' atom matcher
    // (literal_matcher.h) does not; as a plain s both read it.
    case 0x017F: return {Fold::kReplace, "s"};
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF: case 0x180E:
      return {Fold::kRemove, {}};
    case '\n': case 0x0B: case 0x0C: case 0x85: case 0x2028: case 0x2029:
      return {Fold::kNewline, {}};
    case '\r':
      return {Fold::kNewline, {}};
    default:
      break;
  }
  const utf8proc_category_t category = utf8proc_category(c);
  if (category == UTF8PROC_CATEGORY_ZS || c == '\t') return {Fold::kSpace, {}};
  if (category == UTF8PROC_CATEGORY_CC) return {Fold::kSpace, {}};
  return {Fold::kKeep, {}};
}

// Builds the output, collapsing white space and recording the map.
class Writer {
 public:
  explicit Writer(std::string_view text) {
    out_.text.reserve(text.size());
    // A line break is a replacement and what follows it a copy: two pieces
    // each, which regrowing the map's list would otherwise copy many times.
    std::size_t line_breaks = 0;
    for (const char* at = text.data(), *end = at + text.size();
         (at = static_cast<const char*>(std::memchr(at, '\n', end - at))) != nullptr; ++at) {
      ++line_breaks;
    }
    out_.map.Reserve(2 * line_breaks + 1);
  }

  bool space_pending() const { return space_length_ > 0; }

  void Copy(std::string_view bytes) {
    FlushSpace();
    out_.text.append(bytes);
    out_.map.AppendCopy(bytes.size());
  }
  void Replace(std::size_t source_length, std::string_view replacement) {
    FlushSpace();
    out_.text.append(replacement);
    out_.map.AppendReplace(source_length, replacement.size());
  }
  void Remove(std::size_t source_length) {
    // Inside a run of space, removed bytes join the run.
    if (space_length_ > 0) {
      space_length_ += source_length;
    } else {
      out_.map.AppendReplace(source_length, 0);
    }
  }
  // White space of `source_length` bytes starting with code point `c`.
  void Space(std::size_t source_length, utf8proc_int32_t c, bool newline) {
    space_length_ += source_length;
    if (newline && !(c == '\n' && last_was_cr_)) ++newlines_;  // "\r\n" is one
    last_was_cr_ = c == '\r';
  }
  FoldedText Finish() {
    FlushSpace();
    return std::move(out_);
  }

 private:
  void FlushSpace() {
    last_was_cr_ = false;
    if (space_length_ == 0) return;
    std::string_view folded = newlines_ >= 2 ? "\n\n" : newlines_ == 1 ? "\n" : " ";
    out_.text.append(folded);
    out_.map.AppendReplace(space_length_, folded.size());
    space_length_ = 0;
    newlines_ = 0;
  }

  FoldedText out_;
  std::size_t space_length_ = 0;  // source bytes of the pending white space
  int newlines_ = 0;              // line breaks in it ("\r\n" counts once)
  bool last_was_cr_ = false;
};

bool IsPlainAscii(unsigned char c) { return c >= 0x20 && c < 0x7F; }

std::size_t SequenceLength(std::string_view text, std::size_t at,
                           utf8proc_int32_t* code_point) {
  const utf8proc_ssize_t length = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
      static_cast<utf8proc_ssize_t>(text.size() - at), code_point);
  if (length <= 0) {  // not expected after decoding; read one byte as U+FFFD
    *code_point = 0xFFFD;
    return 1;
  }
  return static_cast<std::size_t>(length);
}

}  // namespace

FoldedText Normalize(std::string_view text) {
  Writer writer(text);
  std::size_t at = 0;
  while (at < text.size()) {
    // ASCII fast path: printable ASCII is already normal.
    // A space goes the slow way when it may join a run of white space.
    std::size_t run = at;
    std::size_t word_wise_from = 0;  // past a word that failed the check
    while (run < text.size() && IsPlainAscii(static_cast<unsigned char>(text[run]))) {
      // A character before non-ASCII bytes may take a combining mark.
      if (run + 1 < text.size() && static_cast<unsigned char>(text[run + 1]) >= 0x80) break;
      if (text[run] == ' ' &&
          ((run == at && writer.space_pending()) || run + 1 == text.size() ||
           text[run + 1] == ' ' ||
           !IsPlainAscii(static_cast<unsigned char>(text[run + 1])))) {
        break;
      }
      ++run;
      // Then eight bytes at a time while they and the byte after them are
      // plain and no space follows a space: the same checks, word-wise.
      while (run >= word_wise_from && run + 9 <= text.size()) {
        const std::uint64_t word = WordAt(text, run);
        const std::uint64_t next = WordAt(text, run + 1);
        const std::uint64_t not_plain = ((word | next) & kHighBits) | BytesBelow(word, 0x20) |
                                        BytesBelow(next, 0x20) | BytesEqual(word, 0x7F) |
                                        BytesEqual(next, 0x7F);
        if (not_plain | (BytesEqual(word, ' ') & BytesEqual(next, ' '))) {
          word_wise_from = run + 8;
          break;
        }
        run += 8;
      }
    }
    if (run > at) {
      writer.Copy(text.substr(at, run - at));
      at = run;
      continue;
    }

    // An ASCII byte before ASCII (a line break, a second space, a control)
    // is a cluster NFC leaves alone: it is folded as the loop below would.
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80 && (at + 1 == text.size() || static_cast<unsigned char>(text[at + 1]) < 0x80)) {
      const Folded f = FoldCodePoint(byte);
      switch (f.fold) {
        case Fold::kSpace:
        case Fold::kNewline: writer.Space(1, byte, f.fold == Fold::kNewline); break;
        case Fold::kKeep: writer.Copy(text.substr(at, 1)); break;
        case Fold::kReplace:
          if (f.replacement.empty()) {
            writer.Remove(1);
          } else {
            writer.Replace(1, f.replacement);
          }
          break;
        case Fold::kRemove: writer.Remove(1); break;
      }
      ++at;
      continue;
    }

    // One character with the combining marks that follow it: NFC works on
    // such a cluster, which then maps back as a whole.
    utf8proc_int32_t first;
    std::size_t cluster_end = at + SequenceLength(text, at, &first);
    // No combining mark starts with an ASCII byte: a line break or a second
    // space before ASCII is a cluster of its own, without a property lookup.
    const bool next_is_ascii =
        cluster_end == text.size() || static_cast<unsigned char>(text[cluster_end]) < 0x80;
    while (!next_is_ascii && cluster_end < text.size()) {
      utf8proc_int32_t next;
      const std::size_t length = SequenceLength(text, cluster_end, &next);
      if (utf8proc_get_property(next)->combining_class == 0) break;
      cluster_end += length;
    }
    const std::string_view cluster = text.substr(at, cluster_end - at);

    std::string composed;
    if (cluster.size() > 1 || first >= 0x80) {
      utf8proc_uint8_t* result = nullptr;
      const utf8proc_ssize_t length = utf8proc_map(
          reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
          static_cast<utf8proc_ssize_t>(cluster.size()), &result,
          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
      if (length >= 0) {
        composed.assign(reinterpret_cast<char*>(result), static_cast<std::size_t>(length));
      } else {
        composed.assign(cluster);
      }
      std::free(result);
    } else {
      composed.assign(cluster);
    }

    // Fold each composed code point; a cluster maps back as one piece.
    std::string folded;
    bool changed = composed != cluster;
    Fold cluster_fold = Fold::kKeep;
    for (std::size_t i = 0; i < composed.size();) {
      utf8proc_int32_t c;
      const std::size_t length = SequenceLength(composed, i, &c);
      const Folded f = FoldCodePoint(c);
      if (i == 0) cluster_fold = f.fold;
      switch (f.fold) {
        case Fold::kKeep: folded.append(composed, i, length); break;
        case Fold::kReplace: folded.append(f.replacement); changed = true; break;
        default: changed = true; break;  // space and removals: handled below
      }
      i += length;
    }
    if (cluster_fold == Fold::kSpace || cluster_fold == Fold::kNewline) {
      writer.Space(cluster.size(), first, cluster_fold == Fold::kNewline);
    } else {
      if (folded.empty()) {
        writer.Remove(cluster.size());
      } else if (!changed) {
        writer.Copy(cluster);
      } else {
        writer.Replace(cluster.size(), folded);
      }
    }
    at = cluster_end;
  }
  return writer.Finish();
}

std::string CaseFold(std::string_view text) {
  utf8proc_uint8_t* result = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &result,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (length < 0) return std::string(text);
  std::string folded(reinterpret_cast<char*>(result), static_cast<std::size_t>(length));
  std::free(result);
  return folded;
}

std::string LowerCase(std::string_view text) {
  std::string lower;
  lower.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {
      lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      ++at;
      continue;
    }
    utf8proc_int32_t code_point;
    const std::size_t length = SequenceLength(text, at, &code_point);
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(code_point), buffer);
    lower.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(written));
    at += length;
  }
  return lower;
}

}  // namespace newsevents::internal
