#include "segment/sentences.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "ascii.h"
#include "unicode/brkiter.h"
#include "unicode/uchar.h"
#include "unicode/locid.h"
#include "unicode/utext.h"

namespace newsevents::internal {
namespace {

// Lines shorter than this that end without punctuation stand alone
// (headlines, bylines, list items); longer ones are taken as wrapped.
constexpr std::size_t kShortLine = 60;

// Words that end with a period without ending the sentence, compared
// without their final period.
const absl::flat_hash_set<std::string_view>& Abbreviations() {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "Inc", "Corp", "Co", "Ltd", "Cos", "Bros", "Mr", "Mrs", "Ms", "Dr",
      "Prof", "Jr", "Sr", "St", "No", "Nos", "vs", "approx", "U.S", "U.K",
      "U.N", "E.U", "N.Y", "D.C", "S.A", "Jan", "Feb", "Mar", "Apr", "Jun",
      "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "janv", "f\xC3\xA9vr",
      "avr", "juil", "sept", "oct", "nov", "d\xC3\xA9" "c", "M", "MM", "Mme",
      "Mmes", "Mlle", "Cie", "Ste", "Gen", "Gov", "Sen", "Rep", "Fig"};
  return *words;
}

bool IsSpace(char c) { return c == ' ' || c == '\n'; }

// True when the boundary at `at` follows an abbreviation or an initial.
bool FollowsAbbreviation(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && IsSpace(text[end - 1])) --end;
  if (end == 0 || text[end - 1] != '.') return false;
  std::size_t begin = end - 1;
  while (begin > 0 && !IsSpace(text[begin - 1]) && text[begin - 1] != '(' &&
         text[begin - 1] != '"') {
    --begin;
  }
  const std::string_view word = text.substr(begin, end - 1 - begin);
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) {
    return true;  // an initial: J. P. Morgan
  }
  return Abbreviations().contains(word);
}

icu::BreakIterator* IteratorFor(std::string_view lang) {
  thread_local absl::flat_hash_map<std::string, std::unique_ptr<icu::BreakIterator>>
      iterators;
  auto& slot = iterators[std::string(lang)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(lang == "fr" ? "fr" : lang == "en" ? "en" : "");
    slot.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

// Sentences longer than this are cut (at a space) into pieces no longer:
// no news sentence is so long, and rules stay fast on a 100 MB line of junk.
constexpr std::size_t kMaxSentence = 2000;

void AddTrimmed(std::string_view text, std::size_t begin, std::size_t end,
                std::vector<Span>* out) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  while (end - begin > kMaxSentence) {
    std::size_t cut = begin + kMaxSentence;
    while (cut > begin + kMaxSentence / 2 && !IsSpace(text[cut])) --cut;
    if (!IsSpace(text[cut])) {
      // No space in the second half: cut at a UTF-8 character boundary.
      cut = begin + kMaxSentence;
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out->push_back({begin, cut});
    begin = cut;
    while (begin < end && IsSpace(text[begin])) ++begin;
  }
  if (begin < end) out->push_back({begin, end});
}

// The classes of UAX #29's sentence rules that printable ASCII holds, read
// from ICU's own data.
enum class SentenceClass : std::uint8_t {
  kOther, kSp, kLower, kUpper, kNumeric, kATerm, kSTerm, kClose, kSContinue, kUnsupported
};

struct AsciiClasses {
  std::array<SentenceClass, 256> of{};  // kUnsupported beyond ASCII
  bool usable = true;  // false if ICU gives printable ASCII a class not above
};

const AsciiClasses& Classes() {
  static const AsciiClasses* classes = [] {
    auto* table = new AsciiClasses;
    table->of.fill(SentenceClass::kUnsupported);
    for (UChar32 c = 0x20; c < 0x7F; ++c) {
      SentenceClass& of = table->of[c];
      switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
        case U_SB_OTHER: of = SentenceClass::kOther; break;
        case U_SB_SP: of = SentenceClass::kSp; break;
        case U_SB_LOWER: of = SentenceClass::kLower; break;
        case U_SB_UPPER: of = SentenceClass::kUpper; break;
        case U_SB_NUMERIC: of = SentenceClass::kNumeric; break;
        case U_SB_ATERM: of = SentenceClass::kATerm; break;
        case U_SB_STERM: of = SentenceClass::kSTerm; break;
        case U_SB_CLOSE: of = SentenceClass::kClose; break;
        case U_SB_SCONTINUE: of = SentenceClass::kSContinue; break;
        default: table->usable = false; break;
      }
    }
    table->of['\n'] = SentenceClass::kSp;  // a wrapped line's break reads as a space
    // The splitter looks for sentence ends by these three bytes alone.
    for (int c = 0; c < 0x80; ++c) {
      const bool term = table->of[c] == SentenceClass::kATerm || table->of[c] == SentenceClass::kSTerm;
      if (term != (c == '.' || c == '!' || c == '?')) table->usable = false;
    }
    return table;
  }();
  return *classes;
}

}  // namespace

std::optional<std::vector<std::size_t>> AsciiSentenceBoundaries(std::string_view block) {
  const AsciiClasses& classes = Classes();
  if (!classes.usable) return std::nullopt;
  // Only printable ASCII and line breaks, eight bytes at a time.
  std::size_t checked = 0;
  for (; checked + 8 <= block.size(); checked += 8) {
    const std::uint64_t word = WordAt(block, checked);
    const std::uint64_t controls = BytesBelow(word, 0x20) & ~BytesEqual(word, '\n');
    if ((word & kHighBits) | controls | BytesEqual(word, 0x7F)) return std::nullopt;
  }
  for (; checked < block.size(); ++checked) {
    if (classes.of[static_cast<unsigned char>(block[checked])] == SentenceClass::kUnsupported) {
      return std::nullopt;
    }
  }
  struct Classes {
    std::string_view block;
    const AsciiClasses& table;
    std::size_t size() const { return block.size(); }
    SentenceClass operator[](std::size_t at) const {
      return table.of[static_cast<unsigned char>(block[at])];
    }
  } of{block, classes};
  auto is = [&](std::size_t at, SentenceClass c) { return at < of.size() && of[at] == c; };
  auto is_term = [&](std::size_t at) {
    return is(at, SentenceClass::kATerm) || is(at, SentenceClass::kSTerm);
  };
  std::vector<std::size_t> boundaries;
  for (std::size_t at = 0; at < of.size(); ++at) {
    // On to the next of the only ATerm and STerm, eight bytes at a time.
    while (at + 8 <= of.size()) {
      const std::uint64_t word = WordAt(block, at);
      const std::uint64_t ends =
          BytesEqual(word, '.') | BytesEqual(word, '!') | BytesEqual(word, '?');
      if (ends != 0) {
        at += FirstMarked(ends);
        break;
      }
      at += 8;
    }
    if (at == of.size()) break;
    const char byte = block[at];
    if (byte != '.' && byte != '!' && byte != '?') continue;
    if (!is_term(at)) continue;
    const bool aterm = of[at] == SentenceClass::kATerm;
    const std::size_t next = at + 1;
    // SB6: "3.5"; SB7: "U.S".
    if (aterm && is(next, SentenceClass::kNumeric)) continue;
    if (aterm && at > 0 && (of[at - 1] == SentenceClass::kUpper ||
                            of[at - 1] == SentenceClass::kLower) &&
        is(next, SentenceClass::kUpper)) {
      continue;
    }
    std::size_t after = next;  // SB9, SB10: closers, then spaces, stay
    while (is(after, SentenceClass::kClose)) ++after;
    while (is(after, SentenceClass::kSp)) ++after;
    if (after == of.size()) break;  // the block's end is a boundary anyway
    // SB8a: ", and", "?!", "...".
    if (is(after, SentenceClass::kSContinue) || is_term(after)) {
      at = after - 1;
      continue;
    }
    if (aterm) {
      // SB8: no break before a lower-case word, even past digits and
      // punctuation ("e.g. 5 apples", "etc. (and").
      std::size_t word = after;
      while (word < of.size() && of[word] != SentenceClass::kUpper &&
             of[word] != SentenceClass::kLower && !is_term(word)) {
        ++word;
      }
      if (is(word, SentenceClass::kLower)) {
        at = after - 1;
        continue;
      }
    }
    boundaries.push_back(after);  // SB11
    at = after - 1;
  }
  boundaries.push_back(block.size());
  return boundaries;
}

std::vector<std::size_t> IcuSentenceBoundaries(std::string_view block, std::string_view lang) {
  std::vector<std::size_t> boundaries;
  icu::BreakIterator* iterator = IteratorFor(lang);
  UErrorCode status = U_ZERO_ERROR;
  // Wrapped lines are read as spaces, so ICU does not break at them.
  std::string copy(block);
  for (char& c : copy) {
    if (c == '\n') c = ' ';
  }
  UText* utext =
      utext_openUTF8(nullptr, copy.data(), static_cast<int64_t>(copy.size()), &status);
  if (iterator == nullptr || U_FAILURE(status)) {
    utext_close(utext);
    return {block.size()};
  }
  iterator->setText(utext, status);
  for (int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE;
       boundary = iterator->next()) {
    boundaries.push_back(static_cast<std::size_t>(boundary));
  }
  // The iterator keeps a pointer to the UText: detach before closing it.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  iterator->setText(empty, status);
  utext_close(utext);
  utext_close(empty);
  if (boundaries.empty() || boundaries.back() != block.size()) boundaries.push_back(block.size());
  return boundaries;
}

namespace {

// Splits one block that holds no hard line break. ASCII text (most English
// news) is split by the same rules without ICU, several times faster.
void SplitBlock(std::string_view text, std::size_t begin, std::size_t end,
                std::string_view lang, std::vector<Span>* out) {
  const std::string_view block = text.substr(begin, end - begin);
  std::optional<std::vector<std::size_t>> boundaries = AsciiSentenceBoundaries(block);
  if (!boundaries) boundaries = IcuSentenceBoundaries(block, lang);
  std::size_t sentence_begin = 0;
  for (const std::size_t at : *boundaries) {
    if (at < block.size() && FollowsAbbreviation(block, at)) continue;
    AddTrimmed(text, begin + sentence_begin, begin + at, out);
    sentence_begin = at;
  }
  if (sentence_begin < block.size()) AddTrimmed(text, begin + sentence_begin, end, out);
}

bool EndsWithPunctuation(std::string_view line) {
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  if (line.empty()) return true;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == ':' ||
         last == ';' || last == '"' || last == ')';
}

// A short line without final punctuation: a headline or a caption.
bool IsHeading(std::string_view line) {
  return !line.empty() && line.size() < kShortLine && !EndsWithPunctuation(line);
}

bool StartsListItem(std::string_view line) {
  return !line.empty() && (line[0] == '-' || line[0] == '*' ||
                           line.substr(0, 3) == "\xE2\x80\xA2");
}

}  // namespace

// True for hard-wrapped text (wire copy, e-mail): most lines stop mid
// sentence, without final punctuation. There a single line break is a space.
bool IsHardWrapped(std::string_view text) {
  std::size_t lines = 0;
  std::size_t ended = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    if (!line.empty()) {
      ++lines;
      ended += EndsWithPunctuation(line);
    }
    begin = end + 1;
  }
  return lines >= 4 && ended * 10 < lines * 4;
}

std::vector<Span> SplitSentences(std::string_view text, std::string_view lang) {
  std::vector<Span> sentences;
  const bool wrapped = IsHardWrapped(text);
  std::size_t block_begin = 0;
  std::size_t line_begin = 0;
  // Each line break, then the end of the text.
  for (std::size_t at = 0; at <= text.size();) {
    at = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(line_begin, at - line_begin);
    const bool blank_line_follows = at + 1 < text.size() && text[at + 1] == '\n';
    const std::size_t next_begin = at + (blank_line_follows ? 2 : 1);
    const std::string_view next =
        next_begin < text.size() ? text.substr(next_begin) : std::string_view();
    const std::string_view next_line = next.substr(0, next.find('\n'));
    // A line that ends with a comma goes on, whatever its length.
    const bool continues = !line.empty() && (line.back() == ',' ||
                                             (line.size() > 1 && line.back() == ' ' &&
                                              line[line.size() - 2] == ','));
    const bool hard = at == text.size() || blank_line_follows ||
                      StartsListItem(line) || StartsListItem(next) ||
                      (!wrapped && !continues &&
                       (line.size() < kShortLine || EndsWithPunctuation(line) ||
                        IsHeading(next_line)));
    if (hard) {
      SplitBlock(text, block_begin, at, lang, &sentences);
      block_begin = next_begin;
    }
    line_begin = next_begin;
    at = next_begin;
  }
  return sentences;
}

}  // namespace newsevents::internal
