#include "mentions/currencies.h"

#include <algorithm>
#include <charconv>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "data_file.h"
#include "mentions/scan.h"
#include "normalize/normalizer.h"
#include "string_views.h"
#include "utf8proc.h"

namespace newsevents::internal {
namespace {

// Scale prefixes glued to a symbol or code: "M€", "Md€", "MUSD", "k€".
struct ScalePrefix {
  std::string_view prefix;
  double factor;
};
constexpr ScalePrefix kSymbolScales[] = {
    {"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"Md", 1e9}, {"Mds", 1e9}, {"Mrd", 1e9}, {"Mrds", 1e9},
};
constexpr ScalePrefix kCodeScales[] = {{"M", 1e6}, {"k", 1e3}};

bool StartsWithWordChar(std::string_view form) {
  return !form.empty() && WordCharAt(form, 0);
}

bool EndsWithWordChar(std::string_view form) {
  return !form.empty() && WordCharBefore(form, form.size());
}

// `forms` as literals for LiteralMatcher's kFolded mode, which folds ASCII
// and Latin-1 capitals and Œ: each in lower case, and again with the capital
// of every other letter that has one.
std::vector<std::string> CaselessLiterals(const std::vector<std::string>& forms) {
  std::vector<std::string> literals;
  for (const std::string& form : forms) {
    std::vector<std::string> variants = {""};
    const std::string lower = LowerCase(form);
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(lower.data());
    for (std::size_t at = 0; at < lower.size();) {
      utf8proc_int32_t code_point = 0;
      const utf8proc_ssize_t length = utf8proc_iterate(
          bytes + at, static_cast<utf8proc_ssize_t>(lower.size() - at), &code_point);
      const std::size_t size = length > 0 ? static_cast<std::size_t>(length) : 1;
      const std::string_view character = std::string_view(lower).substr(at, size);
      at += size;
      const utf8proc_int32_t capital = utf8proc_toupper(code_point);
      const bool folded = code_point < 0x100 || code_point == 0x153;
      std::string capital_bytes;
      if (length > 0 && !folded && capital != code_point) {
        utf8proc_uint8_t buffer[4];
        capital_bytes.assign(reinterpret_cast<const char*>(buffer),
                             static_cast<std::size_t>(utf8proc_encode_char(capital, buffer)));
      }
      const std::size_t count = variants.size();
      for (std::size_t i = 0; i < count; ++i) {
        if (!capital_bytes.empty()) variants.push_back(variants[i] + capital_bytes);
        variants[i].append(character);
      }
    }
    literals.insert(literals.end(), variants.begin(), variants.end());
  }
  return literals;
}

// Forms that start or end with a letter stand as whole words: "rs" is no
// rupee in "years".
bool StandsApart(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view form = text.substr(begin, end - begin);
  return !(StartsWithWordChar(form) && WordCharBefore(text, begin)) &&
         !(EndsWithWordChar(form) && WordCharAt(text, end));
}

}  // namespace

StatusOr<std::unique_ptr<CurrencyTable>> CurrencyTable::Create(
    std::string lang, const std::vector<Source>& sources) {
  std::unique_ptr<CurrencyTable> table(new CurrencyTable());
  std::vector<std::string> errors;
  std::vector<std::string> patterns;
  std::vector<std::string> caseless_forms, exact_forms;
  auto add_pattern = [&](std::string_view form, bool caseless) {
    const std::string quoted = RE2::QuoteMeta(re2::StringPiece(form.data(), form.size()));
    patterns.push_back(caseless ? absl::StrCat("(?i:", quoted, ")") : quoted);
    (caseless ? caseless_forms : exact_forms).emplace_back(form);
  };
  auto add_caseless = [&](std::string_view form, const Form& info) {
    // A symbol keeps its place before the amount when a name spells the same.
    auto existing = table->caseless_.find(FoldWord(form));
    if (existing != table->caseless_.end() && info.name && !existing->second.name) return;
    table->caseless_[FoldWord(form)] = info;
    add_pattern(form, true);
    const std::string folded = FoldWord(form);
    if (folded != AsciiLower(form)) add_pattern(folded, true);
  };
  auto add_exact = [&](std::string form, const Form& info) {
    add_pattern(form, false);
    table->exact_[std::move(form)] = info;
  };
  for (const Source& source : sources) {
    ForEachRecord(source.text, [&](int line_number,
                                   const std::vector<absl::string_view>& fields) {
      Form form;
      std::vector<absl::string_view> code = absl::StrSplit(fields[0], '/');
      bool ok = fields.size() == 4 && code.size() <= 2 && code[0].size() == 3;
      if (ok && code.size() == 2) {
        const auto result = std::from_chars(code[1].data(), code[1].data() + code[1].size(),
                                            form.factor);
        ok = result.ec == std::errc() && result.ptr == code[1].data() + code[1].size() &&
             form.factor > 0;
        form.minor = form.factor < 1;
      }
      if (!ok) {
        errors.push_back(absl::StrCat(source.path, ":", line_number,
                                      ": expected 4 tab-separated fields (code[/factor], "
                                      "symbols, English names, French names)"));
        return;
      }
      form.iso = std::string(code[0]);
      if (code.size() == 1) {
        add_exact(form.iso, form);
        for (const ScalePrefix& scale : kCodeScales) {
          Form scaled = form;
          scaled.factor = scale.factor;
          add_exact(absl::StrCat(ToAbsl(scale.prefix), form.iso), scaled);
        }
      }
      for (absl::string_view symbol : absl::StrSplit(fields[1], '|', absl::SkipEmpty())) {
        Form info = form;
        info.glued_only = symbol.size() == 1 && StartsWithWordChar(ToStd(symbol));
        add_caseless(ToStd(symbol), info);
        if (!StartsWithWordChar(ToStd(symbol)) && !EndsWithWordChar(ToStd(symbol)) &&
            !form.minor) {
          for (const ScalePrefix& scale : kSymbolScales) {
            Form scaled = form;
            scaled.factor = form.factor * scale.factor;
            add_exact(absl::StrCat(ToAbsl(scale.prefix), symbol), scaled);
          }
        }
      }
      for (absl::string_view name :
           absl::StrSplit(fields[lang == "fr" ? 3 : 2], '|', absl::SkipEmpty())) {
        Form info = form;
        info.name = true;
        info.ambiguous = absl::ConsumePrefix(&name, "?");
        add_caseless(ToStd(name), info);
      }
    });
  }
  if (!errors.empty()) return Status::InvalidArgument(absl::StrJoin(errors, "\n"));
  std::sort(patterns.begin(), patterns.end());
  patterns.erase(std::unique(patterns.begin(), patterns.end()), patterns.end());
  RE2::Options options;
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  table->pattern_ = std::make_unique<RE2>(
      patterns.empty() ? std::string("[^\\x00-\\x{10FFFF}]")
                       : absl::StrCat("(?:", absl::StrJoin(patterns, "|"), ")"),
      options);
  if (!table->pattern_->ok()) {
    return Status::Internal(absl::StrCat("currency pattern: ", table->pattern_->error()));
  }
  std::vector<std::string> literals = CaselessLiterals(caseless_forms);
  table->first_exact_ = literals.size();
  for (const std::string& form : exact_forms) literals.push_back(LowerCase(form));
  table->exact_forms_ = std::move(exact_forms);
  table->forms_ = std::make_unique<LiteralMatcher>(literals, LiteralMatcher::Case::kFolded);
  table->literals_ = std::move(literals);
  return table;
}

std::optional<CurrencyMatch> CurrencyTable::Resolve(std::string_view text, std::size_t begin,
                                                    std::size_t end) const {
  if (!StandsApart(text, begin, end)) return std::nullopt;
  const std::string_view form = text.substr(begin, end - begin);
  const Form* info = nullptr;
  if (auto exact = exact_.find(ToAbsl(form)); exact != exact_.end()) {
    info = &exact->second;
  } else if (auto caseless = caseless_.find(FoldWord(form)); caseless != caseless_.end()) {
    info = &caseless->second;
  }
  if (info == nullptr) return std::nullopt;
  CurrencyMatch match;
  match.begin = begin;
  match.end = end;
  match.iso = info->iso;
  match.factor = info->factor;
  match.name = info->name;
  match.minor = info->minor;
  match.ambiguous = info->ambiguous;
  match.glued_only = info->glued_only;
  return match;
}

bool CurrencyTable::IsCandidate(std::string_view text, const LiteralMatcher::Hit& hit) const {
  const std::size_t literal = static_cast<std::size_t>(hit.literal);
  return literal < first_exact_ ||
         text.substr(hit.begin, hit.end - hit.begin) == exact_forms_[literal - first_exact_];
}

std::vector<LiteralMatcher::Hit> CurrencyTable::Candidates(std::string_view text) const {
  std::vector<LiteralMatcher::Hit> hits = FindLiterals(text);
  hits.erase(std::remove_if(hits.begin(), hits.end(),
                            [&](const LiteralMatcher::Hit& hit) { return !IsCandidate(text, hit); }),
             hits.end());
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return hits;
}

bool CurrencyTable::MayStandAt(std::string_view text, const LiteralMatcher::Hit& hit) const {
  return IsCandidate(text, hit) && StandsApart(text, hit.begin, hit.end);
}

bool CurrencyTable::MayHold(std::string_view text) const {
  const std::vector<LiteralMatcher::Hit> hits = FindLiterals(text);
  return std::any_of(hits.begin(), hits.end(),
                     [&](const LiteralMatcher::Hit& hit) { return MayStandAt(text, hit); });
}

std::vector<CurrencyMatch> CurrencyTable::Find(std::string_view text) const {
  // As a loop of unanchored leftmost-longest matches of the pattern would.
  // A candidate is a form the pattern matches (the same folding, and
  // IsCandidate checked the forms read as written), unless it spans a line
  // break: LiteralMatcher reads one as a space, the pattern does not.
  std::vector<CurrencyMatch> found;
  std::size_t at = 0;
  const std::vector<LiteralMatcher::Hit> candidates = Candidates(text);
  for (std::size_t i = 0; i < candidates.size();) {
    const std::size_t begin = candidates[i].begin;
    if (begin < at) {
      ++i;
      continue;
    }
    // The longest form at `begin`.
    std::size_t end = 0;
    for (; i < candidates.size() && candidates[i].begin == begin; ++i) {
      if (end == 0 &&
          text.substr(begin, candidates[i].end - begin).find('\n') == std::string_view::npos) {
        end = candidates[i].end;
      }
    }
    if (end == 0) continue;
    if (std::optional<CurrencyMatch> resolved = Resolve(text, begin, end)) {
      found.push_back(std::move(*resolved));
      at = end;
    } else {
      at = begin + 1;
    }
  }
  return found;
}

std::optional<CurrencyMatch> CurrencyTable::MatchAt(std::string_view text, std::size_t at) const {
  if (at >= text.size()) return std::nullopt;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  if (!pattern_->Match(input, at, text.size(), RE2::ANCHOR_START, &match, 1)) {
    return std::nullopt;
  }
  return Resolve(text, at, at + match.size());
}

}  // namespace newsevents::internal
