#include "rules/prefilter.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "string_views.h"
#include "utf8proc.h"

namespace newsevents::internal {
namespace {

// An exact piece keeps at most this many strings (RE2's prefilter bound):
// past it, a choice becomes an OR of atoms.
constexpr std::size_t kMaxExactStrings = 16;
// A choice (a lexicon's words) stays exact up to this many strings, but
// joins only with a single string: "{direction} " reads as "rose ", "fell ",
// which "prose" and "fellow" do not hold.
constexpr std::size_t kMaxChoiceStrings = 256;

// What a piece of pattern says about the text it matches: exactly one of
// `strings`, or else some text that meets `required`. Then every text it
// matches, but the empty one when `may_be_empty`, starts with `starts_with`
// and ends with `ends_with`: a placeholder starts with "\x01p", which the
// text before it may take as its end; " " ends "(?:{aux} )?", which the
// piece after it may take as its start.
struct Info {
  bool exact = false;
  std::vector<std::string> strings;  // sorted, distinct
  Requirement required;
  std::string starts_with;  // when not exact
  std::string ends_with;    // when not exact
  bool may_be_empty = false;
};

// The longest start that all of `strings` share, to a character's end.
std::string CommonPrefix(const std::vector<std::string>& strings) {
  if (strings.empty()) return "";
  const std::string& first = strings.front();
  std::size_t length = first.size();
  for (const std::string& text : strings) {
    length = std::min(length, text.size());
    const auto end = first.begin() + static_cast<std::ptrdiff_t>(length);
    length = static_cast<std::size_t>(std::mismatch(first.begin(), end, text.begin()).first -
                                      first.begin());
  }
  while (length > 0 && length < first.size() &&
         (static_cast<unsigned char>(first[length]) & 0xC0) == 0x80) {
    --length;  // not inside a character
  }
  return first.substr(0, length);
}

// The longest end that all of `strings` share, from a character's start.
std::string CommonSuffix(const std::vector<std::string>& strings) {
  if (strings.empty()) return "";
  std::size_t length = strings.front().size();
  for (const std::string& text : strings) {
    length = std::min(length, text.size());
    for (std::size_t k = 1; k <= length; ++k) {
      if (text[text.size() - k] != strings.front()[strings.front().size() - k]) {
        length = k - 1;
        break;
      }
    }
  }
  const std::string& first = strings.front();
  std::size_t start = first.size() - length;
  while (start < first.size() && (static_cast<unsigned char>(first[start]) & 0xC0) == 0x80) {
    ++start;  // not inside a character
  }
  return first.substr(start);
}

// What every (non-empty) text `info` matches starts and ends with.
std::string StartOf(const Info& info) {
  return info.exact ? CommonPrefix(info.strings) : info.starts_with;
}
std::string EndOf(const Info& info) {
  return info.exact ? CommonSuffix(info.strings) : info.ends_with;
}

Info Exact(std::string text) {
  Info info;
  info.exact = true;
  info.strings.push_back(std::move(text));
  return info;
}

Info AnyText() { return Info{}; }  // not exact, requires nothing

// `a` and `b` under one AND or OR node, a child of the same kind merged in.
// A long alternation is joined one branch at a time, so `a`'s list grows in
// place rather than being copied per branch.
Requirement Join(Requirement::Kind kind, Requirement a, Requirement b) {
  Requirement joined;
  if (a.kind == kind) {
    joined = std::move(a);
  } else {
    joined.kind = kind;
    joined.of.push_back(std::move(a));
  }
  if (b.kind == kind) {
    for (Requirement& inner : b.of) joined.of.push_back(std::move(inner));
  } else {
    joined.of.push_back(std::move(b));
  }
  return joined;
}

Requirement And(Requirement a, Requirement b) {
  if (a.kind == Requirement::Kind::kNothing) return b;
  if (b.kind == Requirement::Kind::kNothing) return a;
  return Join(Requirement::Kind::kAnd, std::move(a), std::move(b));
}

Requirement Or(Requirement a, Requirement b) {
  if (a.kind == Requirement::Kind::kNothing || b.kind == Requirement::Kind::kNothing) {
    return Requirement{};  // either side may be any text
  }
  return Join(Requirement::Kind::kOr, std::move(a), std::move(b));
}

// A group shorter than this is read again rather than looked up.
constexpr std::size_t kMinMemoGroup = 64;

}  // namespace

struct GroupMemo::Groups {
  struct Group {
    std::string text;  // from its '(' to its ')'
    std::size_t min_atom_length;
    Info info;
  };
  // By the first kMinMemoGroup bytes of the text.
  absl::flat_hash_map<std::string, std::vector<Group>> by_start;

  const Group* Find(std::string_view pattern, std::size_t open, std::size_t min_atom_length) const {
    if (pattern.size() - open < kMinMemoGroup) return nullptr;
    const auto found = by_start.find(ToAbsl(pattern.substr(open, kMinMemoGroup)));
    if (found == by_start.end()) return nullptr;
    for (const Group& group : found->second) {
      if (group.min_atom_length == min_atom_length &&
          pattern.compare(open, group.text.size(), group.text) == 0) {
        return &group;
      }
    }
    return nullptr;
  }

  // Keeps what a group read whole says. Not a group whose reading may have
  // looked past its ')': "[:" and "\Q" search for their ends, which in
  // another pattern may lie elsewhere.
  void Add(std::string_view text, std::size_t min_atom_length, const Info& info) {
    if (text.size() < kMinMemoGroup || text.find("[:") != std::string_view::npos ||
        text.find("\\Q") != std::string_view::npos) {
      return;
    }
    by_start[ToAbsl(text.substr(0, kMinMemoGroup))].push_back(
        {std::string(text), min_atom_length, info});
  }
};

GroupMemo::GroupMemo() : groups_(std::make_unique<Groups>()) {}
GroupMemo::~GroupMemo() = default;

namespace {

class Reader {
 public:
  Reader(std::string_view pattern, std::size_t min_atom_length, GroupMemo* memo)
      : pattern_(pattern), min_atom_length_(min_atom_length), memo_(memo) {}

  Requirement Read() {
    Info info = Alternation();
    if (!ok_ || at_ != pattern_.size()) return Requirement{};  // not understood
    return Required(std::move(info));
  }

 private:
  // An exact piece as a requirement: one of its strings. A string too short
  // to filter (or empty) makes the whole choice require nothing. A string
  // holding another one of the set is implied by it.
  Requirement Required(Info info) const {
    if (!info.exact) return std::move(info.required);
    std::vector<std::string>& strings = info.strings;
    for (const std::string& text : strings) {
      if (text.size() < min_atom_length_) return Requirement{};
    }
    std::sort(strings.begin(), strings.end(),
              [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    // A string holds another only if it has all of the other's bytes: a
    // 64-bit sketch of them spares most searches (a lexicon has hundreds).
    auto sketch = [](const std::string& text) {
      std::uint64_t bytes = 0;
      for (const char c : text) bytes |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
      return bytes;
    };
    std::vector<std::string> kept;
    std::vector<std::uint64_t> kept_sketches;
    for (std::string& text : strings) {
      const std::uint64_t text_sketch = sketch(text);
      bool implied = false;
      for (std::size_t k = 0; k < kept.size() && !implied; ++k) {
        implied = (kept_sketches[k] & ~text_sketch) == 0 && text.find(kept[k]) != std::string::npos;
      }
      if (!implied) {
        kept.push_back(std::move(text));
        kept_sketches.push_back(text_sketch);
      }
    }
    if (kept.size() == 1) return Atom(std::move(kept.front()));
    Requirement any;
    any.kind = Requirement::Kind::kOr;
    for (std::string& text : kept) any.of.push_back(Atom(std::move(text)));
    return any;
  }

  static Requirement Atom(std::string text) {
    Requirement atom;
    atom.kind = Requirement::Kind::kAtom;
    atom.atom = std::move(text);
    return atom;
  }

  // A sequence read piece by piece: the exact run so far (its strings
  // joined while they stay few) and what the pieces before it require.
  class Run {
   public:
    explicit Run(const Reader& reader) : reader_(reader) {}

    void Add(Info piece) {
      if (piece.exact) TakeContext();
      if (piece.exact && exact_.strings.size() == 1 && piece.strings.size() == 1) {
        exact_.strings.front() += piece.strings.front();  // the usual case: one more letter
        return;
      }
      const std::size_t joined_count = exact_.strings.size() * piece.strings.size();
      if (piece.exact && (joined_count <= kMaxExactStrings || exact_.strings.size() == 1 ||
                          piece.strings.size() == 1)) {  // one string adds none
        std::vector<std::string> joined;
        for (const std::string& left : exact_.strings) {
          for (const std::string& right : piece.strings) joined.push_back(left + right);
        }
        std::sort(joined.begin(), joined.end());
        joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
        exact_.strings = std::move(joined);
        return;
      }
      // The text so far ends with `before`; what comes next follows it.
      const std::string before = Trailing();
      if (!piece.exact && !piece.may_be_empty && !piece.starts_with.empty()) {
        // What the piece starts with ends the exact text before it.
        for (std::string& text : exact_.strings) text += piece.starts_with;
      }
      if (!sealed_) leading_ = CommonPrefix(exact_.strings);
      required_ = And(std::move(required_), reader_.Required(std::move(exact_)));
      exact_ = Exact("");
      sealed_ = true;  // the run is no longer one of a few strings
      if (piece.exact) {
        for (std::string& text : piece.strings) text.insert(0, before);
        exact_ = std::move(piece);
      } else {
        required_ = And(std::move(required_), std::move(piece.required));
        const std::vector<std::string> ends = {before, piece.ends_with};
        context_ = piece.may_be_empty ? CommonSuffix(ends) : std::move(piece.ends_with);
        fresh_ = true;
      }
    }

    // Add(Literal(c)) without the Info, while the run is one string.
    bool AddFolded(int32_t c) {
      TakeContext();
      if (exact_.strings.size() != 1) return false;
      std::string& text = exact_.strings.front();
      const std::size_t size = text.size();
      if (AppendFolded(c, &text)) return true;
      text.resize(size);
      return false;
    }

    Info Finish() {
      if (!sealed_) return std::move(exact_);
      Info info;
      info.starts_with = std::move(leading_);
      info.ends_with = Trailing();
      info.required = And(std::move(required_), reader_.Required(std::move(exact_)));
      return info;
    }

   private:
    // What every text the run has matched so far ends with.
    std::string Trailing() const { return fresh_ ? context_ : CommonSuffix(exact_.strings); }

    // After a piece that is not exact, the next exact text starts from what
    // that piece is known to end with: it is in every match as well.
    void TakeContext() {
      if (!fresh_) return;
      exact_ = Exact(std::move(context_));
      context_.clear();
      fresh_ = false;
    }

    const Reader& reader_;
    Info exact_ = Exact("");
    Requirement required_;
    bool sealed_ = false;
    bool fresh_ = false;   // nothing exact since the last piece that is not
    std::string context_;  // what that piece ends with, when fresh_
    std::string leading_;  // what every text of the run starts with, once sealed
  };

  Info Choose(Info a, Info b) const {
    if (a.exact && b.exact) {
      Info either;
      either.exact = true;
      either.strings = std::move(a.strings);
      for (std::string& text : b.strings) {  // kept sorted and distinct
        auto at = std::lower_bound(either.strings.begin(), either.strings.end(), text);
        if (at == either.strings.end() || *at != text) either.strings.insert(at, std::move(text));
      }
      if (either.strings.size() <= kMaxChoiceStrings) return either;
      Info wide;
      wide.starts_with = CommonPrefix(either.strings);
      wide.ends_with = CommonSuffix(either.strings);
      wide.required = Required(std::move(either));
      return wide;
    }
    Info either;
    either.starts_with = CommonPrefix({StartOf(a), StartOf(b)});
    either.ends_with = CommonSuffix({EndOf(a), EndOf(b)});
    either.may_be_empty = a.may_be_empty || b.may_be_empty;
    either.required = Or(Required(std::move(a)), Required(std::move(b)));
    return either;
  }

  bool AtEnd() const { return at_ >= pattern_.size(); }
  char Peek() const { return pattern_[at_]; }

  Info Alternation() {
    Info info = Sequence();
    while (ok_ && !AtEnd() && Peek() == '|') {
      ++at_;
      info = Choose(std::move(info), Sequence());
    }
    return info;
  }

  Info Sequence() {
    Run run(*this);
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      if (!AddPlainCharacter(&run)) run.Add(Repeated());
    }
    return run.Finish();
  }

  // One item and the repetitions that follow it.
  Info Repeated() {
    Info info = Item();
    while (ok_ && !AtEnd()) {
      const char c = Peek();
      std::size_t least = 0;
      bool at_most_one = false;
      if (c == '*' || c == '+' || c == '?') {
        ++at_;
        least = c == '+' ? 1 : 0;
        at_most_one = c == '?';
      } else if (c == '{') {
        const std::size_t close = pattern_.find('}', at_);
        if (close == std::string_view::npos || !IsRepetition(pattern_.substr(at_ + 1, close - at_ - 1))) {
          break;  // a literal brace, read as the next item
        }
        least = std::stoul(std::string(pattern_.substr(at_ + 1, close - at_ - 1)));
        at_ = close + 1;
      } else {
        break;
      }
      if (!AtEnd() && Peek() == '?') ++at_;  // lazy: the same texts
      if (at_most_one && info.exact) {
        info.strings.push_back("");
        std::sort(info.strings.begin(), info.strings.end());
        info.strings.erase(std::unique(info.strings.begin(), info.strings.end()),
                           info.strings.end());
      } else {
        // A text of one or more repetitions ends as the last one does.
        Info repeated;
        repeated.starts_with = StartOf(info);
        repeated.ends_with = EndOf(info);
        repeated.may_be_empty = least == 0 || info.may_be_empty;
        if (least > 0) repeated.required = Required(std::move(info));  // else: may match nothing
        info = std::move(repeated);
      }
    }
    return info;
  }

  // "3", "3,", "3,5": a repetition's bounds.
  static bool IsRepetition(std::string_view bounds) {
    const std::size_t comma = bounds.find(',');
    const std::string_view least = bounds.substr(0, comma);
    const std::string_view most =
        comma == std::string_view::npos ? std::string_view() : bounds.substr(comma + 1);
    auto digits = [](std::string_view s) {
      return std::all_of(s.begin(), s.end(),
                         [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
    };
    return !least.empty() && least.size() < 5 && digits(least) && digits(most) && most.size() < 5;
  }

  Info Item() {
    const char c = Peek();
    if (c == '(') return Group();
    if (c == '[') {
      SkipClass();
      return AnyText();
    }
    if (c == '.') {
      ++at_;
      return AnyText();
    }
    if (c == '^' || c == '$') {
      ++at_;
      return Exact("");
    }
    if (c == '\\') return Escape();
    if (c == '*' || c == '+' || c == '?') {
      ok_ = false;  // a repetition of nothing: RE2 rejects it
      return AnyText();
    }
    return Literal(ReadCodePoint());
  }

  Info Group() {
    const std::size_t open = at_;
    if (memo_ != nullptr) {
      if (const auto* known = memo_->groups().Find(pattern_, open, min_atom_length_)) {
        at_ = open + known->text.size();
        return known->info;
      }
    }
    ++at_;  // (
    if (!AtEnd() && Peek() == '?') {
      ++at_;
      if (!AtEnd() && (Peek() == 'P' || Peek() == '<')) {
        const std::size_t close = pattern_.find('>', at_);
        if (close == std::string_view::npos) {
          ok_ = false;
          return AnyText();
        }
        at_ = close + 1;
      } else {
        while (!AtEnd() && Peek() != ':' && Peek() != ')') ++at_;  // flags
        if (AtEnd()) {
          ok_ = false;
          return AnyText();
        }
        if (Peek() == ')') {  // (?i): flags for what follows, no text
          ++at_;
          return Exact("");
        }
        ++at_;  // :
      }
    }
    Info inner = Alternation();
    if (!ok_ || AtEnd() || Peek() != ')') {
      ok_ = false;
      return AnyText();
    }
    ++at_;
    if (memo_ != nullptr) {
      memo_->groups().Add(pattern_.substr(open, at_ - open), min_atom_length_, inner);
    }
    return inner;
  }

  void SkipClass() {
    ++at_;  // [
    if (!AtEnd() && Peek() == '^') ++at_;
    if (!AtEnd() && Peek() == ']') ++at_;  // a literal ]
    while (!AtEnd() && Peek() != ']') {
      if (Peek() == '\\') {
        SkipEscape();
      } else if (pattern_.compare(at_, 2, "[:") == 0 &&
                 pattern_.find(":]", at_ + 2) != std::string_view::npos) {
        at_ = pattern_.find(":]", at_ + 2) + 2;
      } else {
        ++at_;
      }
    }
    if (AtEnd()) {
      ok_ = false;
      return;
    }
    ++at_;  // ]
  }

  // Moves past an escape; returns the character it stands for when it is
  // one known literal, or -1.
  int32_t SkipEscape() {
    ++at_;  // backslash
    if (AtEnd()) {
      ok_ = false;
      return -1;
    }
    const char c = pattern_[at_++];
    if (c == 'x') {
      std::size_t end = at_;
      std::string_view digits;
      if (!AtEnd() && Peek() == '{') {
        end = pattern_.find('}', at_);
        if (end == std::string_view::npos) {
          ok_ = false;
          return -1;
        }
        digits = pattern_.substr(at_ + 1, end - at_ - 1);
        at_ = end + 1;
      } else {
        digits = pattern_.substr(at_, 2);
        at_ = std::min(at_ + 2, pattern_.size());
      }
      if (digits.empty() || digits.size() > 6 ||
          !std::all_of(digits.begin(), digits.end(),
                       [](char d) { return absl::ascii_isxdigit(static_cast<unsigned char>(d)); })) {
        return -1;
      }
      return static_cast<int32_t>(std::stol(std::string(digits), nullptr, 16));
    }
    if (c == 'p' || c == 'P') {
      if (!AtEnd() && Peek() == '{') {
        const std::size_t close = pattern_.find('}', at_);
        at_ = close == std::string_view::npos ? pattern_.size() : close + 1;
      } else if (!AtEnd()) {
        ++at_;
      }
      return -1;
    }
    if (c == 'n') return '\n';
    if (c == 't') return '\t';
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return static_cast<unsigned char>(c);
    return -1;  // \d, \w, \b, \C, octal...: no one character
  }

  Info Escape() {
    const std::size_t start = at_;
    if (pattern_.compare(at_, 2, "\\Q") == 0) {
      const std::size_t close = pattern_.find("\\E", at_ + 2);
      const std::size_t end = close == std::string_view::npos ? pattern_.size() : close;
      Run run(*this);
      at_ += 2;
      while (at_ < end) run.Add(Literal(ReadCodePoint()));
      at_ = close == std::string_view::npos ? pattern_.size() : close + 2;
      return run.Finish();
    }
    const int32_t literal = SkipEscape();
    if (literal >= 0) return Literal(literal);
    const char kind = pattern_[start + 1];
    // Assertions match no text; every other escape is some character.
    if (kind == 'b' || kind == 'B' || kind == 'A' || kind == 'z') return Exact("");
    return AnyText();
  }

  int32_t ReadCodePoint() {
    utf8proc_int32_t code_point = -1;
    const utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(pattern_.data() + at_),
                         static_cast<utf8proc_ssize_t>(pattern_.size() - at_), &code_point);
    if (length <= 0) {
      ++at_;
      return -1;
    }
    at_ += static_cast<std::size_t>(length);
    return code_point;
  }

  // One character, matched regardless of case: exact when the atom matcher
  // folds every case of it.
  static Info Literal(int32_t c) {
    std::string folded;
    if (!AppendFolded(c, &folded)) return AnyText();
    return Exact(std::move(folded));
  }

  // Appends the bytes the atom matcher reads for `c` in any case; false
  // when it does not fold every case of it.
  static bool AppendFolded(int32_t c, std::string* out) {
    if (c < 0) return false;
    if (c < 0x80) {
      out->push_back(static_cast<char>(absl::ascii_tolower(static_cast<unsigned char>(c))));
      return true;
    }
    if (c == 0xDF || c == 0xB5) return false;  // ß and µ fold beyond Latin-1
    int32_t lower = c;
    const bool latin1_capital = c >= 0xC0 && c <= 0xDE && c != 0xD7;
    const bool latin1_small = c >= 0xE0 && c <= 0xFE && c != 0xF7;
    if (latin1_capital) {
      lower = c + 0x20;
    } else if (c == 0x152 || c == 0x153) {
      lower = 0x153;  // œ
    } else if (!latin1_small && (utf8proc_tolower(c) != c || utf8proc_toupper(c) != c ||
                                 utf8proc_totitle(c) != c)) {
      return false;  // a case the matcher does not fold
    }
    utf8proc_uint8_t bytes[4];
    const utf8proc_ssize_t length = utf8proc_encode_char(lower, bytes);
    out->append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
    return true;
  }

  // Reads a plain character that no repetition follows straight into the
  // run: most of a rule is such letters, and an Info apiece is most of the
  // reading's cost. False, having read nothing, for anything else.
  bool AddPlainCharacter(Run* run) {
    static constexpr std::string_view kSpecial = "()[].^$\\|*+?{";
    if (kSpecial.find(Peek()) != std::string_view::npos) return false;
    const std::size_t start = at_;
    const int32_t c = ReadCodePoint();
    const bool repeated = !AtEnd() && (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{');
    if (repeated || !run->AddFolded(c)) {
      at_ = start;
      return false;
    }
    return true;
  }

  std::string_view pattern_;
  std::size_t min_atom_length_;
  GroupMemo* memo_;  // or null
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace

Requirement RequiredLiterals(std::string_view pattern, std::size_t min_atom_length,
                             GroupMemo* memo) {
  return Reader(pattern, min_atom_length, memo).Read();
}

}  // namespace newsevents::internal
