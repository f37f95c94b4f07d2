#include "mentions/recognizer.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "string_views.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "mentions/numbers.h"

namespace newsevents::internal {
namespace {

struct QualifierCue {
  std::string_view lang;
  std::string_view cue;
  Qualifier qualifier;
};

// Cues that qualify the amount right after them (events.md, "qualifier").
constexpr QualifierCue kQualifierCues[] = {
    {"en", "more than", Qualifier::kMoreThan},
    {"en", "over", Qualifier::kMoreThan},
    {"en", "above", Qualifier::kMoreThan},
    {"en", "upwards of", Qualifier::kMoreThan},
    {"en", "in excess of", Qualifier::kMoreThan},
    {"en", "at least", Qualifier::kAtLeast},
    {"en", "no less than", Qualifier::kAtLeast},
    {"en", "less than", Qualifier::kLessThan},
    {"en", "under", Qualifier::kLessThan},
    {"en", "below", Qualifier::kLessThan},
    {"en", "fewer than", Qualifier::kLessThan},
    {"en", "up to", Qualifier::kAtMost},
    {"en", "at most", Qualifier::kAtMost},
    {"en", "no more than", Qualifier::kAtMost},
    {"en", "about", Qualifier::kAbout},
    {"en", "around", Qualifier::kAbout},
    {"en", "roughly", Qualifier::kAbout},
    {"en", "nearly", Qualifier::kAbout},
    {"en", "almost", Qualifier::kAbout},
    {"en", "close to", Qualifier::kAbout},
    {"en", "approximately", Qualifier::kAbout},
    {"en", "some", Qualifier::kAbout},
    {"en", "as much as", Qualifier::kAsMuchAs},
    {"en", "as many as", Qualifier::kAsMuchAs},
    {"fr", "plus de", Qualifier::kMoreThan},
    {"fr", "plus d'", Qualifier::kMoreThan},
    {"fr", "au-del\xC3\xA0 de", Qualifier::kMoreThan},
    {"fr", "sup\xC3\xA9rieur \xC3\xA0", Qualifier::kMoreThan},
    {"fr", "au moins", Qualifier::kAtLeast},
    {"fr", "au minimum", Qualifier::kAtLeast},
    {"fr", "moins de", Qualifier::kLessThan},
    {"fr", "moins d'", Qualifier::kLessThan},
    {"fr", "inf\xC3\xA9rieur \xC3\xA0", Qualifier::kLessThan},
    {"fr", "jusqu'\xC3\xA0", Qualifier::kAtMost},
    {"fr", "au plus", Qualifier::kAtMost},
    {"fr", "au maximum", Qualifier::kAtMost},
    {"fr", "environ", Qualifier::kAbout},
    {"fr", "pr\xC3\xA8s de", Qualifier::kAbout},
    {"fr", "presque", Qualifier::kAbout},
    {"fr", "quasiment", Qualifier::kAbout},
    {"fr", "autour de", Qualifier::kAbout},
    {"fr", "quelque", Qualifier::kAbout},
};

struct CurrencyForm {
  std::string_view form;  // lower case
  std::string_view iso;
};

constexpr CurrencyForm kCurrencyForms[] = {
    {"us$", "USD"}, {"us $", "USD"}, {"u.s.$", "USD"}, {"$", "USD"},
    {"c$", "CAD"}, {"ca$", "CAD"}, {"a$", "AUD"}, {"au$", "AUD"},
    {"hk$", "HKD"}, {"nt$", "TWD"}, {"s$", "SGD"}, {"nz$", "NZD"},
    {"r$", "BRL"}, {"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"},
    {"\xC2\xA5", "JPY"}, {"\xE2\x82\xB9", "INR"},
    {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"},
    {"chf", "CHF"}, {"cny", "CNY"}, {"cad", "CAD"}, {"aud", "AUD"},
    {"hkd", "HKD"}, {"inr", "INR"},
    {"dollar", "USD"}, {"dollars", "USD"}, {"dlr", "USD"}, {"dlrs", "USD"},
    {"us dollars", "USD"}, {"u.s. dollars", "USD"},
    {"dollars am\xC3\xA9ricains", "USD"},
    {"canadian dollars", "CAD"}, {"dollars canadiens", "CAD"},
    {"australian dollars", "AUD"},
    {"euro", "EUR"}, {"euros", "EUR"},
    {"pound", "GBP"}, {"pounds", "GBP"}, {"pounds sterling", "GBP"},
    {"sterling", "GBP"}, {"livre sterling", "GBP"}, {"livres sterling", "GBP"},
    {"yen", "JPY"}, {"yens", "JPY"}, {"yuan", "CNY"}, {"yuans", "CNY"},
    {"renminbi", "CNY"}, {"swiss francs", "CHF"}, {"swiss franc", "CHF"},
    {"franc suisse", "CHF"}, {"francs suisses", "CHF"},
    {"rupees", "INR"}, {"roupies", "INR"},
};

enum class CurrencyPlace { kBeforeAmount, kAfterAmount };

// Alternation of the currency forms that can stand at `place`, longest first:
// symbols and ISO codes on either side ($5, USD 5, 5 $), words only after.
std::string CurrencyPattern(CurrencyPlace place) {
  std::vector<std::string_view> forms;
  for (const CurrencyForm& form : kCurrencyForms) {
    const bool is_code = AsciiLower(form.iso) == form.form;
    const bool is_symbol = !absl::ascii_isalpha(static_cast<unsigned char>(form.form.back()));
    if (place == CurrencyPlace::kBeforeAmount && !is_code && !is_symbol) continue;
    forms.push_back(form.form);
  }
  std::sort(forms.begin(), forms.end(), [](std::string_view a, std::string_view b) {
    return a.size() > b.size();
  });
  std::string pattern = "(?:";
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) pattern += '|';
    pattern += RE2::QuoteMeta(re2::StringPiece(forms[i].data(), forms[i].size()));
    // Words and codes end at a word boundary: "euros", not "eurostar".
    if (absl::ascii_isalpha(static_cast<unsigned char>(forms[i].back()))) pattern += "\\b";
  }
  return pattern + ")";
}

std::string_view IsoOf(std::string_view form) {
  std::string lower = AsciiLower(form);
  absl::StrReplaceAll({{"  ", " "}}, &lower);
  for (const CurrencyForm& candidate : kCurrencyForms) {
    if (candidate.form == lower) return candidate.iso;
  }
  return {};
}

RE2::Options CaselessOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

std::size_t Offset(std::string_view text, re2::StringPiece piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

std::string_view View(re2::StringPiece piece) {
  return std::string_view(piece.data(), piece.size());
}

// Rank at equal length: lower wins.
int KindRank(MentionKind kind) {
  switch (kind) {
    case MentionKind::kMoney: return 0;
    case MentionKind::kPercent: return 1;
    case MentionKind::kOrganization: return 2;
    case MentionKind::kDate: return 3;
    case MentionKind::kQuantity: return 4;
  }
  return 5;
}

}  // namespace

StatusOr<std::unique_ptr<MentionRecognizer>> MentionRecognizer::Create(
    std::string lang, std::shared_ptr<const OrganizationRecognizer> organizations) {
  std::unique_ptr<MentionRecognizer> recognizer(new MentionRecognizer());
  recognizer->lang_ = std::move(lang);
  recognizer->organizations_ = std::move(organizations);

  std::string qualifiers;
  for (const QualifierCue& cue : kQualifierCues) {
    if (cue.lang != recognizer->lang_) continue;
    if (!qualifiers.empty()) qualifiers += '|';
    qualifiers += RE2::QuoteMeta(re2::StringPiece(cue.cue.data(), cue.cue.size()));
  }
  // The qualifier group (?P<q>) is followed by a space unless it ends in an
  // apostrophe ("plus d'1 million").
  const std::string qualifier =
      qualifiers.empty() ? "()" : absl::StrCat("(?:\\b(", qualifiers, ")(?: |\\b))?");
  const std::string digits(DigitsPattern(recognizer->lang_));
  const std::string amount =
      absl::StrCat("(", digits, ")(?: ?(", ToAbsl(ScalePattern()), ")\\b)?");
  const std::string linker = recognizer->lang_ == "fr" ? "(?:de |d')?" : "";

  recognizer->money_before_ = std::make_unique<RE2>(
      absl::StrCat(qualifier, "(", CurrencyPattern(CurrencyPlace::kBeforeAmount), ") ?", amount),
      CaselessOptions());
  recognizer->money_after_ = std::make_unique<RE2>(
      absl::StrCat(qualifier, amount, " ?", linker, "(",
                   CurrencyPattern(CurrencyPlace::kAfterAmount), ")"),
      CaselessOptions());
  const std::string range_word = recognizer->lang_ == "fr" ? "(?:-|à|et)" : "(?:-|to|and)";
  const std::string range_lead = recognizer->lang_ == "fr" ? "(?:entre )" : "(?:between )";
  recognizer->percent_ = std::make_unique<RE2>(
      absl::StrCat(qualifier, range_lead, "?([+-])?(", digits, ")(?: ?", range_word,
                   " ?(", digits, "))? ?(%|percent\\b|per cent\\b|pct\\b|pour cent\\b|"
                   "percentage points?\\b|points? de pourcentage\\b)"),
      CaselessOptions());
  recognizer->number_ = std::make_unique<RE2>(
      absl::StrCat(qualifier, "\\b", amount), CaselessOptions());

  for (const RE2* pattern : {recognizer->money_before_.get(), recognizer->money_after_.get(),
                             recognizer->percent_.get(), recognizer->number_.get()}) {
    if (!pattern->ok()) {
      return Status::Internal(absl::StrCat("mention pattern for ", recognizer->lang_,
                                           ": ", pattern->error()));
    }
  }
  return recognizer;
}

Qualifier MentionRecognizer::QualifierOf(std::string_view cue) const {
  if (cue.empty()) return Qualifier::kExact;
  const std::string lower = AsciiLower(cue);
  for (const QualifierCue& candidate : kQualifierCues) {
    if (candidate.lang == lang_ && candidate.cue == lower) return candidate.qualifier;
  }
  return Qualifier::kExact;
}

void MentionRecognizer::FindMoney(std::string_view text, std::vector<FoundMention>* out) const {
  re2::StringPiece qualifier, currency, number, scale;
  auto add = [&](re2::StringPiece whole) {
    const std::optional<double> value = ParseDigits(View(number), lang_);
    if (!value) return;
    Money money;
    money.amount = *value * ScaleOf(View(scale)).value_or(1);
    money.currency = std::string(IsoOf(View(currency)));
    money.qualifier = QualifierOf(View(qualifier));
    const std::size_t begin = Offset(text, whole);
    out->push_back({MentionKind::kMoney, begin, begin + whole.size(), std::move(money)});
  };
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  // Each match is re-read from its start to learn the whole span.
  while (RE2::PartialMatch(input, *money_before_, &qualifier, &currency, &number, &scale)) {
    const char* begin = qualifier.data() ? qualifier.data() : currency.data();
    const char* end = scale.data() ? scale.data() + scale.size() : number.data() + number.size();
    whole = re2::StringPiece(begin, end - begin);
    add(whole);
    input.remove_prefix(end - input.data());
  }
  input = re2::StringPiece(text.data(), text.size());
  while (RE2::PartialMatch(input, *money_after_, &qualifier, &number, &scale, &currency)) {
    const char* begin = qualifier.data() ? qualifier.data() : number.data();
    const char* end = currency.data() + currency.size();
    whole = re2::StringPiece(begin, end - begin);
    add(whole);
    input.remove_prefix(end - input.data());
  }
}

void MentionRecognizer::FindPercents(std::string_view text, std::vector<FoundMention>* out) const {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece qualifier, sign, first, second, unit;
  re2::StringPiece whole;
  while (RE2::PartialMatch(input, *percent_, &qualifier, &sign, &first, &second, &unit)) {
    // The span starts at the qualifier, or the range word, or the number.
    const char* begin = qualifier.data() ? qualifier.data()
                        : sign.data()    ? sign.data()
                                         : first.data();
    if (!qualifier.data()) {
      for (std::string_view lead : {"between ", "entre "}) {
        const std::size_t at = Offset(text, re2::StringPiece(begin, 0));
        if (at >= lead.size() &&
            AsciiLower(text.substr(at - lead.size(), lead.size())) == lead) {
          begin -= lead.size();
        }
      }
    }
    const char* end = unit.data() + unit.size();
    input.remove_prefix(end - input.data());
    const std::optional<double> low = ParseDigits(View(first), lang_);
    const std::optional<double> high =
        second.data() ? ParseDigits(View(second), lang_) : std::nullopt;
    if (!low) continue;
    Percent percent;
    if (high) {
      percent.is_range = true;
      percent.min = *low;
      percent.max = *high;
    } else {
      percent.value = View(sign) == "-" ? -*low : *low;
    }
    percent.points = AsciiLower(View(unit)).find("point") != std::string::npos;
    percent.qualifier = QualifierOf(View(qualifier));
    const std::size_t at = Offset(text, re2::StringPiece(begin, 0));
    out->push_back({MentionKind::kPercent, at, at + (end - begin), std::move(percent)});
  }
}

void MentionRecognizer::FindNumbers(std::string_view text, std::vector<FoundMention>* out) const {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece qualifier, number, scale;
  while (RE2::PartialMatch(input, *number_, &qualifier, &number, &scale)) {
    const char* begin = qualifier.data() ? qualifier.data() : number.data();
    const char* end = scale.data() ? scale.data() + scale.size() : number.data() + number.size();
    input.remove_prefix(end - input.data());
    // Digits glued to letters ("H100", "4G") name things; they count nothing.
    if (end < text.data() + text.size() && absl::ascii_isalpha(static_cast<unsigned char>(*end))) {
      continue;
    }
    if (number.data() > text.data() &&
        absl::ascii_isalpha(static_cast<unsigned char>(number.data()[-1]))) {
      continue;
    }
    const std::optional<double> value = ParseDigits(View(number), lang_);
    if (!value) continue;
    const std::size_t at = Offset(text, re2::StringPiece(begin, 0));
    const std::size_t length = static_cast<std::size_t>(end - begin);
    // A bare four-digit number from 1900 to 2099 is a year.
    if (!scale.data() && !qualifier.data() && number.size() == 4 && *value >= 1900 &&
        *value <= 2099) {
      out->push_back({MentionKind::kDate, at, at + length,
                      Date{std::string(View(number)), "year"}});
      continue;
    }
    Quantity quantity;
    quantity.value = *value * ScaleOf(View(scale)).value_or(1);
    quantity.qualifier = QualifierOf(View(qualifier));
    out->push_back({MentionKind::kQuantity, at, at + length, std::move(quantity)});
  }
}

std::vector<FoundMention> MentionRecognizer::Find(std::string_view text) const {
  std::vector<FoundMention> candidates;
  FindMoney(text, &candidates);
  FindPercents(text, &candidates);
  FindNumbers(text, &candidates);
  if (organizations_) organizations_->Find(text, &candidates);

  // Longest first, then by kind; keep each that overlaps none kept before.
  // Indices are sorted, not mentions: cheaper than moving variants around.
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const FoundMention& a = candidates[i];
    const FoundMention& b = candidates[j];
    const std::size_t length_a = a.end - a.begin, length_b = b.end - b.begin;
    if (length_a != length_b) return length_a > length_b;
    if (a.kind != b.kind) return KindRank(a.kind) < KindRank(b.kind);
    return a.begin < b.begin;
  });
  std::vector<std::size_t> kept;
  for (std::size_t i : order) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](std::size_t k) {
      return candidates[i].begin < candidates[k].end && candidates[k].begin < candidates[i].end;
    });
    if (!overlaps) kept.push_back(i);
  }
  std::sort(kept.begin(), kept.end(), [&](std::size_t i, std::size_t j) {
    return candidates[i].begin < candidates[j].begin;
  });
  std::vector<FoundMention> mentions;
  mentions.reserve(kept.size());
  for (std::size_t i : kept) mentions.push_back(candidates[i]);
  return mentions;
}

}  // namespace newsevents::internal
