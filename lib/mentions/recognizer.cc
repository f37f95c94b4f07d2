#include "mentions/recognizer.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embedded.h"
#include "mentions/scan.h"
#include "string_views.h"

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
    {"fr", "sup\xC3\xA9rieure \xC3\xA0", Qualifier::kMoreThan},
    {"fr", "au moins", Qualifier::kAtLeast},
    {"fr", "au minimum", Qualifier::kAtLeast},
    {"fr", "moins de", Qualifier::kLessThan},
    {"fr", "moins d'", Qualifier::kLessThan},
    {"fr", "inf\xC3\xA9rieur \xC3\xA0", Qualifier::kLessThan},
    {"fr", "inf\xC3\xA9rieure \xC3\xA0", Qualifier::kLessThan},
    {"fr", "jusqu'\xC3\xA0", Qualifier::kAtMost},
    {"fr", "au plus", Qualifier::kAtMost},
    {"fr", "au maximum", Qualifier::kAtMost},
    {"fr", "environ", Qualifier::kAbout},
    {"fr", "pr\xC3\xA8s de", Qualifier::kAbout},
    {"fr", "pr\xC3\xA8s d'", Qualifier::kAbout},
    {"fr", "presque", Qualifier::kAbout},
    {"fr", "quasiment", Qualifier::kAbout},
    {"fr", "autour de", Qualifier::kAbout},
    {"fr", "quelque", Qualifier::kAbout},
    {"fr", "quelques", Qualifier::kAbout},
};

// What opens a range ("between 10 and 20%", "entre 10 et 20 %"), in any case.
constexpr std::string_view kRangeLeads[] = {"between ", "entre "};

RE2::Options CaselessOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
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

bool IsSpace(char c) { return c == ' '; }

// An amount with its unit, before ranges and qualifiers are read.
struct Amount {
  MentionKind kind = MentionKind::kQuantity;
  std::size_t begin = 0;
  std::size_t end = 0;
  double value = 0;
  double scale = 1;      // of the number
  std::size_t number = 0;  // index in the numbers
  std::string iso;       // money
  bool prefix = false;   // money: currency before the amount
  bool minor = false;    // money: in a subunit ("50 cents")
  bool points = false;   // percent: percentage points
  bool integer = false;
  bool used = false;     // taken into a range or a compound
};

}  // namespace

struct MentionRecognizer::Cue {
  std::size_t begin;
  std::size_t end;
  Qualifier qualifier;
};

StatusOr<std::unique_ptr<MentionRecognizer>> MentionRecognizer::Create(
    std::string lang, std::shared_ptr<const OrganizationRecognizer> organizations,
    Options options) {
  std::unique_ptr<MentionRecognizer> recognizer(new MentionRecognizer());
  recognizer->lang_ = std::move(lang);
  recognizer->options_ = options;
  recognizer->organizations_ = std::move(organizations);
  const bool fr = recognizer->lang_ == "fr";

  auto numbers = NumberReader::Create(recognizer->lang_);
  if (!numbers.ok()) return numbers.status();
  recognizer->numbers_ = std::move(numbers).value();
  if (options.fractions_as_percent) {
    NumberReader::Options proportions;
    proportions.prepositional_fractions = true;
    auto reader = NumberReader::Create(recognizer->lang_, proportions);
    if (!reader.ok()) return reader.status();
    recognizer->proportions_ = std::move(reader).value();
  }
  auto currencies = CurrencyTable::Create(
      recognizer->lang_, {{"lib/data/currencies.tsv", FindEmbedded("data/currencies.tsv")}});
  if (!currencies.ok()) return currencies.status();
  recognizer->currencies_ = std::move(currencies).value();
  auto dates = DateRecognizer::Create(recognizer->lang_);
  if (!dates.ok()) return dates.status();
  recognizer->dates_ = std::move(dates).value();

  std::vector<std::string> cues;
  for (const QualifierCue& cue : kQualifierCues) {
    if (cue.lang == recognizer->lang_) {
      cues.emplace_back(cue.cue);
      recognizer->qualifier_of_cue_.push_back(cue.qualifier);
    }
  }
  recognizer->qualifier_cues_ =
      std::make_unique<LiteralMatcher>(cues, LiteralMatcher::Case::kFolded);
  recognizer->qualifier_cue_texts_ = std::move(cues);
  recognizer->percent_unit_ = std::make_unique<RE2>(
      fr ? R"(%|pour[ -]?cents?\b|pourcents?\b|pourcentages?\b|points? de pourcentage\b)"
         : R"(%|percentage points?\b|pct points?\b|per ?cents?\b|percentages?\b|pct\b|pp\b)",
      CaselessOptions());
  // For PossibleKinds: every text percent_unit_ matches holds one of these,
  // followed by a character that is not a letter, digit or _ (its \b) when
  // it ends in one.
  const std::vector<std::string> percent_cues =
      fr ? std::vector<std::string>{"%", "pour cent", "pour cents", "pour-cent", "pour-cents",
                                    "pourcent", "pourcents", "pourcentage", "pourcentages"}
         : std::vector<std::string>{"%", "percent", "percents", "per cent", "per cents",
                                    "percentage", "percentages", "pct", "pp"};
  recognizer->percent_cues_ =
      std::make_unique<LiteralMatcher>(percent_cues, LiteralMatcher::Case::kFolded);
  recognizer->percent_cue_literals_ = percent_cues;
  // "percent of 10": the percent word before the number, as phrases, so
  // that their first words are known (KindsBeginningAt).
  std::vector<std::string> percent_before;
  for (std::string_view head : fr ? std::vector<std::string_view>{"pourcentage", "pourcentages",
                                                                  "pourcent", "pourcents",
                                                                  "pour cent", "pour-cent"}
                                  : std::vector<std::string_view>{"percent", "percents", "per cent",
                                                                  "percentage", "percentages"}) {
    for (std::string_view tail : fr ? std::vector<std::string_view>{" de ", " des ", " d'"}
                                    : std::vector<std::string_view>{" of "}) {
      percent_before.push_back(absl::StrCat(ToAbsl(head), ToAbsl(tail)));
    }
  }
  std::vector<std::string> quoted;
  for (const std::string& phrase : percent_before) quoted.push_back(RE2::QuoteMeta(phrase));
  recognizer->percent_before_ = std::make_unique<RE2>(
      absl::StrCat("(?:", absl::StrJoin(quoted, "|"), ")"), CaselessOptions());
  // The first words of what may begin a percentage before its number.
  std::vector<std::string_view> leads(std::begin(kRangeLeads), std::end(kRangeLeads));
  for (const std::string& phrase : percent_before) leads.push_back(phrase);
  for (const std::string& cue : recognizer->qualifier_cue_texts_) leads.push_back(cue);
  for (std::string_view lead : leads) {
    const std::string_view word = lead.substr(0, WordEnd(lead, 0));
    if (word.empty() || word.size() > kPackedBytes) {
      return Status::Internal(absl::StrCat("a percentage's lead must start with a word of at "
                                           "most 16 bytes: '", ToAbsl(lead), "'"));
    }
    // Any word that is not ASCII may lead ("supérieur à"): not kept.
    if (PackLowered(word).ascii()) recognizer->percent_lead_words_[PackLowered(word)] = true;
  }
  recognizer->scale_word_ = std::make_unique<RE2>(
      R"( (?:million|billion|trillion|thousand|mn|bn|mln|bln|millions|milliards?)\b)",
      CaselessOptions());
  for (const RE2* pattern : {recognizer->percent_unit_.get(),
                             recognizer->percent_before_.get(), recognizer->scale_word_.get()}) {
    if (!pattern->ok()) {
      return Status::Internal(absl::StrCat("mention pattern for ", recognizer->lang_, ": ",
                                           pattern->error()));
    }
  }
  return recognizer;
}

std::vector<MentionRecognizer::Cue> MentionRecognizer::FindCues(std::string_view text) const {
  // Leftmost, then longest, each search going on after the cue found, as
  // RE2 would read them. A cue's space is no line break, which the literal
  // pass reads as one.
  std::vector<LiteralMatcher::Hit> hits = qualifier_cues_->FindAll(text);
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Cue> cues;
  std::size_t at = 0;
  for (const LiteralMatcher::Hit& hit : hits) {
    const std::string_view found = text.substr(hit.begin, hit.end - hit.begin);
    if (hit.begin < at || found.find('\n') != std::string_view::npos) continue;
    if (WordCharBefore(text, hit.begin)) {
      at = hit.begin + 1;
      continue;
    }
    at = hit.end;
    // A capital the cue's letters lack in ASCII ("PRÈS DE") is read, not kept.
    const std::size_t cue = static_cast<std::size_t>(hit.literal);
    if (AsciiLower(found) == qualifier_cue_texts_[cue]) {
      cues.push_back({hit.begin, hit.end, qualifier_of_cue_[cue]});
    }
  }
  return cues;
}

void MentionRecognizer::FindAmounts(std::string_view text, std::vector<FoundMention>* out) const {
  const bool fr = lang_ == "fr";
  const std::vector<NumberSpan> numbers = numbers_->Find(text);
  const std::vector<CurrencyMatch> currencies = currencies_->Find(text);
  std::vector<Amount> amounts;
  std::vector<bool> taken(numbers.size(), false);
  // Numbers are in order and never overlap: their begins and ends both
  // ascend, so lookups are binary searches (a table of figures can make a
  // "sentence" of thousands of numbers).
  auto number_at = [&](std::size_t begin) -> std::size_t {
    auto found = std::lower_bound(numbers.begin(), numbers.end(), begin,
                                  [](const NumberSpan& n, std::size_t at) { return n.begin < at; });
    return found != numbers.end() && found->begin == begin
               ? static_cast<std::size_t>(found - numbers.begin())
               : numbers.size();
  };
  auto mark_inside = [&](std::size_t begin, std::size_t end) {
    auto k = std::upper_bound(numbers.begin(), numbers.end(), begin,
                              [](std::size_t at, const NumberSpan& n) { return at < n.end; });
    for (; k != numbers.end() && k->begin < end; ++k) {
      taken[static_cast<std::size_t>(k - numbers.begin())] = true;
    }
  };

  auto match_at = [&](const RE2& re, std::size_t at) -> std::size_t {
    if (at > text.size()) return 0;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    if (!re.Match(input, at, text.size(), RE2::ANCHOR_START, &match, 1)) return 0;
    const std::size_t end = at + match.size();
    if (WordCharBefore(text, end) && WordCharAt(text, end)) return 0;
    return match.size();
  };

  // Money: a currency before or after each number.
  std::size_t next_currency = 0;
  std::size_t used_until = 0;
  for (std::size_t k = 0; k < numbers.size(); ++k) {
    const NumberSpan& n = numbers[k];
    if (n.weak && !fr && n.value == 0.5) continue;  // "half" alone
    while (next_currency < currencies.size() && currencies[next_currency].end + 1 < n.begin) {
      ++next_currency;
    }
    const CurrencyMatch* prefix = nullptr;
    for (std::size_t c = next_currency; c < currencies.size() && currencies[c].begin < n.begin;
         ++c) {
      const CurrencyMatch& currency = currencies[c];
      if (currency.begin < used_until) continue;  // the unit of the amount before
      const bool glued = currency.end == n.begin;
      const bool spaced = currency.end + 1 == n.begin && IsSpace(text[currency.end]);
      if ((glued || spaced) && !currency.name && !currency.minor && !currency.glued_only) {
        prefix = &currency;
      }
    }
    std::optional<CurrencyMatch> suffix;
    std::size_t end = n.end;
    if (!prefix) {
      std::vector<std::size_t> places = {n.end};
      if (n.end < text.size() && IsSpace(text[n.end])) {
        places.push_back(n.end + 1);
        if (fr && n.scale >= 1e6) {
          if (text.substr(n.end + 1, 3) == "de ") places.push_back(n.end + 4);
          if (text.substr(n.end + 1, 2) == "d'") places.push_back(n.end + 3);
        }
      }
      if (n.end < text.size() && text[n.end] == '-') places.push_back(n.end + 1);
      for (std::size_t place : places) {
        std::optional<CurrencyMatch> found = currencies_->MatchAt(text, place);
        if (!found) continue;
        if (found->glued_only && place != n.end) continue;
        if (found->ambiguous && n.scale == 1 && !n.decimal) continue;
        if (place > n.end && text[n.end] == '-' && !found->name) continue;
        // A currency glued to the next number is that number's: "3 USD50".
        if (place > n.end && std::any_of(numbers.begin() + k + 1, numbers.end(),
                                          [&](const NumberSpan& other) {
                                            return other.begin == found->end;
                                          })) {
          continue;
        }
        suffix = std::move(found);
        break;
      }
    }
    if (!prefix && !suffix) continue;
    // Digits glued to letters count only when the letters are the currency.
    if (n.glued_left && !(prefix && prefix->end == n.begin)) continue;
    if (n.glued_right && !(suffix && suffix->begin == n.end) &&
        !(prefix && n.m_end != 0)) {
      continue;
    }
    Amount amount;
    amount.kind = MentionKind::kMoney;
    amount.number = k;
    amount.value = n.value;
    amount.scale = n.scale;
    amount.integer = !n.decimal && !n.fraction && n.value == std::floor(n.value);
    if (prefix) {
      amount.begin = prefix->begin;
      amount.iso = prefix->iso;
      amount.value *= prefix->factor;
      amount.prefix = true;
      if (n.m_end != 0) {  // "£300m"
        amount.value *= 1e6;
        amount.scale = 1e6;
        end = n.m_end;
      }
    } else {
      amount.begin = n.begin;
      amount.iso = suffix->iso;
      amount.value *= suffix->factor;
      amount.minor = suffix->minor;
      end = suffix->end;
      // "75 USD million"
      if (!suffix->name && n.scale == 1) {
        if (const std::size_t length = match_at(*scale_word_, end)) {
          if (std::optional<double> scale =
                  ScaleOf(AsciiLower(text.substr(end + 1, length - 1)), lang_)) {
            amount.value *= *scale;
            amount.scale = *scale;
            end += length;
          }
        }
      }
    }
    amount.end = end;
    if (!amount.prefix) used_until = end;
    amounts.push_back(std::move(amount));
    taken[k] = true;
  }

  // The money amount of each number, if any (amounts are in number order).
  std::vector<int> amount_of(numbers.size(), -1);
  for (std::size_t a = 0; a < amounts.size(); ++a) {
    amount_of[amounts[a].number] = static_cast<int>(a);
  }

  // A sum in units and subunits: "3 dollars 50 cents", "thirteen dollars
  // and forty-five cents", "15 dollars 50.", "10 $ 30 cent".
  for (Amount& major : amounts) {
    if (major.minor || major.scale != 1 || !major.integer) continue;
    std::size_t at = major.end;
    if (at >= text.size() || !IsSpace(text[at])) continue;
    ++at;
    for (std::string_view joiner : {"and ", "et "}) {
      if (AsciiLower(text.substr(at, joiner.size())) == joiner) at += joiner.size();
    }
    const std::size_t k = number_at(at);
    if (k == numbers.size()) continue;
    const NumberSpan& cents = numbers[k];
    if (cents.value <= 0 || cents.value >= 100 || cents.scale != 1 || cents.decimal ||
        cents.fraction || cents.glued) {
      continue;
    }
    std::size_t end = 0;
    const Amount* minor_amount =
        amount_of[k] < 0 ? nullptr : &amounts[static_cast<std::size_t>(amount_of[k])];
    if (minor_amount != nullptr) {
      if (!minor_amount->minor) continue;  // "10 $ 30 $": two sums
      end = minor_amount->end;
    } else if (!taken[k]) {
      const char after = cents.end < text.size() ? text[cents.end] : '.';
      if (after != '.' && after != ',' && after != ';' && after != '!' && after != '?' &&
          after != ')') {
        continue;
      }
      end = cents.end;
    } else {
      continue;
    }
    // "between 12 euros and 15 euros" is a range, read below.
    const std::string_view before = text.substr(0, major.begin);
    if (absl::EndsWith(ToAbsl(AsciiLower(before)), "between ") ||
        absl::EndsWith(ToAbsl(AsciiLower(before)), "entre ")) {
      continue;
    }
    major.value += cents.value / 100;
    major.end = end;
    major.integer = false;
    taken[k] = true;
    if (amount_of[k] >= 0) amounts[static_cast<std::size_t>(amount_of[k])].used = true;
  }

  // Percentages: a percent sign or word after the number; "percent of 10".
  for (std::size_t k = 0; k < numbers.size(); ++k) {
    if (taken[k]) continue;
    const NumberSpan& n = numbers[k];
    if (n.glued_left || (n.weak && n.value == 0.5)) continue;
    std::size_t at = n.end;
    std::size_t length = match_at(*percent_unit_, at);
    if (length == 0 && at < text.size() && IsSpace(text[at])) {
      ++at;
      length = match_at(*percent_unit_, at);
    }
    if (length == 0) continue;
    if (n.glued_right && at != n.end) continue;
    Amount amount;
    amount.kind = MentionKind::kPercent;
    amount.number = k;
    amount.begin = n.begin;
    amount.end = at + length;
    amount.value = n.value;
    amount.scale = n.scale;
    const std::string unit = AsciiLower(text.substr(at, length));
    amount.points = unit.find("point") != std::string::npos || unit == "pp";
    amounts.push_back(amount);
    taken[k] = true;
  }
  {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    std::size_t at = 0;
    while (at < text.size() &&
           percent_before_->Match(input, at, text.size(), RE2::UNANCHORED, &match, 1)) {
      const std::size_t begin = static_cast<std::size_t>(match.data() - text.data());
      const std::size_t end = begin + match.size();
      at = end;
      // Only where no word comes before: "the percentage of 18-year-olds"
      // names a quantity to come, not a percentage.
      std::size_t before = begin;
      while (before > 0 && IsSpace(text[before - 1])) --before;
      if (WordCharBefore(text, before) || (before > 0 && absl::ascii_isdigit(text[before - 1]))) {
        continue;
      }
      if (const std::size_t k = number_at(end);
          k < numbers.size() && !taken[k] && !numbers[k].glued) {
        {
          Amount amount;
          amount.kind = MentionKind::kPercent;
          amount.number = k;
          amount.begin = begin;
          amount.end = numbers[k].end;
          amount.value = numbers[k].value;
          amounts.push_back(amount);
          taken[k] = true;
        }
      }
    }
  }
  if (proportions_) {
    // PercentageMode: "one out of three", "1/4 of", "un quart de".
    for (const NumberSpan& n : proportions_->Find(text)) {
      if (!n.fraction || n.value > 1 || n.value <= 0) continue;
      bool overlaps = false;
      for (const Amount& amount : amounts) {
        overlaps = overlaps || (amount.begin < n.end && n.begin < amount.end);
      }
      if (overlaps) continue;
      std::size_t end = n.end;
      if (!n.prepositional) {
        bool of = false;
        for (std::string_view word : {" of", " de", " des", " d'"}) {
          if (!of && text.substr(n.end, word.size()) == word &&
              (word.back() == '\'' || !WordCharAt(text, n.end + word.size()))) {
            end = n.end + word.size();
            of = true;
          }
        }
        if (!of) continue;
      }
      Amount amount;
      amount.kind = MentionKind::kPercent;
      amount.begin = n.begin;
      amount.end = end;
      amount.value = n.value * 100;
      amount.number = numbers.size();
      amounts.push_back(amount);
      mark_inside(n.begin, end);
    }
  }
  std::sort(amounts.begin(), amounts.end(),
            [](const Amount& a, const Amount& b) { return a.begin < b.begin; });
  // A number inside an amount ("cents" read as 100 in "64,2 cents") is none.
  for (const Amount& amount : amounts) mark_inside(amount.begin, amount.end);

  // Ranges: "between $10 and $12", "10-20%", "10 à 20 %", "$10-12 billion",
  // "entre 12 euros et 15 euros", "between 10 and 20 percent".
  struct Range {
    std::size_t begin, end;
    MentionKind kind;
    double min, max;
    std::string iso;
    bool points;
  };
  std::vector<Range> ranges;
  auto connector = [&](std::size_t from, std::size_t to, bool* needs_lead) -> bool {
    if (to < from) return false;
    const std::string gap = AsciiLower(text.substr(from, to - from));
    *needs_lead = false;
    if (gap == "-" || gap == " - " || gap == " to " || (fr && gap == " \xC3\xA0 ")) return true;
    if (gap == " and " || (fr && gap == " et ")) {
      *needs_lead = true;
      return true;
    }
    return false;
  };
  auto lead_before = [&](std::size_t begin) -> std::size_t {
    for (std::string_view lead : kRangeLeads) {
      if (begin >= lead.size() &&
          AsciiLower(text.substr(begin - lead.size(), lead.size())) == lead &&
          !WordCharBefore(text, begin - lead.size())) {
        return begin - lead.size();
      }
    }
    return begin;
  };
  auto after_from = [&](std::size_t begin) {
    return !fr && begin >= 5 && AsciiLower(text.substr(begin - 5, 5)) == "from " &&
           !WordCharBefore(text, begin - 5);
  };
  for (std::size_t a = 0; a < amounts.size(); ++a) {
    Amount& second = amounts[a];
    if (second.used || second.minor) continue;
    const std::size_t second_number_begin =
        second.number < numbers.size() ? numbers[second.number].begin : second.begin;
    // The first amount: a unit amount of the same kind, or a bare number.
    std::optional<Range> range;
    // Only the amount right before can be joined to this one.
    for (std::size_t b = a > 0 ? a - 1 : 0; b < a && !range; ++b) {
      Amount& first = amounts[b];
      if (first.used || first.kind != second.kind || first.minor) continue;
      bool needs_lead = false;
      if (!connector(first.end, second.begin, &needs_lead)) continue;
      if (second.kind == MentionKind::kMoney && first.iso != second.iso) continue;
      const std::size_t lead = lead_before(first.begin);
      if ((needs_lead && lead == first.begin) || (lead == first.begin && after_from(first.begin))) {
        continue;
      }
      double low = first.value;
      if (first.scale == 1 && second.scale > 1 && low * second.scale <= second.value) {
        low *= second.scale;
      }
      range = Range{lead, second.end, second.kind, low, second.value, second.iso,
                    second.points};
      first.used = true;
    }
    if (!range && second.number < numbers.size() && second.number > 0) {
      // The number right before this amount's own.
      for (std::size_t k = second.number - 1; k < second.number; ++k) {
        const NumberSpan& bare = numbers[k];
        if (taken[k] || bare.end > second.begin || bare.weak || bare.glued) continue;
        // "le 1 janvier 1990 à 1015 francs": a year does not start a range.
        if (!bare.words && !bare.grouped && bare.value >= 1900 && bare.value <= 2099 &&
            bare.end - bare.begin == 4 && !(second.value >= 1900 && second.value <= 2099)) {
          continue;
        }
        bool needs_lead = false;
        if (!connector(bare.end, second.prefix ? second.begin : second_number_begin,
                       &needs_lead)) {
          continue;
        }
        const std::size_t lead = lead_before(bare.begin);
        if ((needs_lead && lead == bare.begin) || (lead == bare.begin && after_from(bare.begin))) {
          continue;
        }
        double low = bare.value;
        const double high = second.value;
        if (bare.scale == 1 && second.scale > 1 && low * second.scale <= high) low *= second.scale;
        range = Range{lead, second.end, second.kind, low, high, second.iso, second.points};
        taken[k] = true;
        break;
      }
    }
    if (!range && second.kind == MentionKind::kMoney && second.prefix) {
      // "$10-12 billion": the second number is bare, the currency the first's.
      for (std::size_t k = second.number + 1; k < numbers.size() && k <= second.number + 1;
           ++k) {
        const NumberSpan& bare = numbers[k];
        if (taken[k] || bare.begin < second.end || bare.weak || bare.glued) continue;
        bool needs_lead = false;
        if (!connector(second.end, bare.begin, &needs_lead)) break;
        const std::size_t lead = lead_before(second.begin);
        if ((needs_lead && lead == second.begin) ||
            (lead == second.begin && after_from(second.begin))) {
          break;
        }
        double low = second.value;
        const double high = bare.value;
        if (second.scale == 1 && bare.scale > 1 && low * bare.scale <= high) low *= bare.scale;
        range = Range{lead, bare.end, MentionKind::kMoney, low, high, second.iso, false};
        taken[k] = true;
        break;
      }
    }
    if (range) {
      second.used = true;
      ranges.push_back(*range);
    }
  }

  // Qualifiers, then the mentions.
  const std::vector<Cue> cues = FindCues(text);
  auto qualify = [&](FoundMention* mention) -> Qualifier {
    // Cues are in order and apart: the one ending right before is found by
    // its end.
    auto first = std::lower_bound(cues.begin(), cues.end(), mention->begin,
                                  [](const Cue& cue, std::size_t at) { return cue.end + 1 < at; });
    for (auto cue_it = first; cue_it != cues.end() && cue_it->end <= mention->begin; ++cue_it) {
      const Cue& cue = *cue_it;
      const bool apostrophe = text[cue.end - 1] == '\'';
      if ((apostrophe && cue.end == mention->begin) ||
          (!apostrophe && cue.end + 1 == mention->begin && IsSpace(text[cue.end]))) {
        mention->cue_length = mention->begin - cue.begin;
        mention->begin = cue.begin;
        return cue.qualifier;
      }
    }
    return Qualifier::kExact;
  };
  for (const Range& range : ranges) {
    FoundMention mention{range.kind, range.begin, range.end, {}};
    const Qualifier qualifier = qualify(&mention);
    if (range.kind == MentionKind::kMoney) {
      Money money;
      money.is_range = true;
      // Bounds in order whatever order the text gives them ("$12 to $10",
      // "-5% to -10%"): min <= max is what a range's JSON promises.
      money.min = std::min(range.min, range.max);
      money.max = std::max(range.min, range.max);
      money.currency = range.iso;
      money.qualifier = qualifier;
      mention.value = std::move(money);
    } else {
      Percent percent;
      percent.is_range = true;
      percent.min = std::min(range.min, range.max);
      percent.max = std::max(range.min, range.max);
      percent.points = range.points;
      percent.qualifier = qualifier;
      mention.value = percent;
    }
    out->push_back(std::move(mention));
  }
  for (const Amount& amount : amounts) {
    if (amount.used) continue;
    FoundMention mention{amount.kind, amount.begin, amount.end, {}};
    const Qualifier qualifier = qualify(&mention);
    if (amount.kind == MentionKind::kMoney) {
      Money money;
      money.amount = amount.value;
      money.currency = amount.iso;
      money.qualifier = qualifier;
      mention.value = std::move(money);
    } else {
      Percent percent;
      percent.value = amount.value;
      percent.points = amount.points;
      percent.qualifier = qualifier;
      mention.value = percent;
    }
    out->push_back(std::move(mention));
  }

  // Quantities and bare years.
  for (std::size_t k = 0; k < numbers.size(); ++k) {
    const NumberSpan& n = numbers[k];
    if (taken[k] || n.weak || n.glued) continue;
    if (n.words && n.fraction) {
      // "a third consecutive quarter" is no count; "two thirds of" is.
      if (text.substr(n.end, 3) != " of" && text.substr(n.end, 3) != " de") continue;
    }
    const std::string_view written = text.substr(n.begin, n.end - n.begin);
    if (!n.words && !n.grouped && !n.decimal && !n.fraction && !n.signed_ && n.scale == 1 &&
        written.size() == 4 && n.value >= 1900 && n.value <= 2099) {
      Date date;
      date.iso = std::string(written);
      date.grain = "year";
      out->push_back({MentionKind::kDate, n.begin, n.end, std::move(date)});
      continue;
    }
    FoundMention mention{MentionKind::kQuantity, n.begin, n.end, {}};
    Quantity quantity;
    quantity.value = n.value;
    quantity.qualifier = qualify(&mention);
    mention.value = quantity;
    out->push_back(std::move(mention));
  }
}

std::vector<std::string> MentionRecognizer::CueLiterals() const {
  std::vector<std::string> literals = percent_cue_literals_;
  literals.insert(literals.end(), currencies_->literals().begin(), currencies_->literals().end());
  return literals;
}

KindSet MentionRecognizer::PossibleKinds(std::string_view text) const {
  std::vector<LiteralMatcher::Hit> hits = percent_cues_->FindAll(text);
  const int first_currency = static_cast<int>(percent_cue_literals_.size());
  for (LiteralMatcher::Hit hit : currencies_->FindLiterals(text)) {
    hit.literal += first_currency;
    hits.push_back(hit);
  }
  return PossibleKinds(text, hits);
}

KindSet MentionRecognizer::PossibleKinds(std::string_view text,
                                         const std::vector<LiteralMatcher::Hit>& cue_hits) const {
  // percent_unit_'s \b (ASCII): "pct" then a space, not "pp" in "support".
  auto word_byte = [&](std::size_t at) {
    return absl::ascii_isalnum(static_cast<unsigned char>(text[at])) || text[at] == '_';
  };
  const int first_currency = static_cast<int>(percent_cue_literals_.size());
  bool percent = proportions_ != nullptr;  // only proportions need no unit
  bool money = false;
  for (const LiteralMatcher::Hit& hit : cue_hits) {
    if (hit.literal >= first_currency) {
      money = money ||
              currencies_->MayStandAt(text, {hit.literal - first_currency, hit.begin, hit.end});
    } else {
      percent = percent || !word_byte(hit.end - 1) || hit.end == text.size() || !word_byte(hit.end);
    }
  }
  KindSet kinds = kEveryKind;
  if (!money) kinds &= ~KindBit(MentionKind::kMoney);
  if (!percent) kinds &= ~KindBit(MentionKind::kPercent);
  return kinds;
}

KindSet MentionRecognizer::KindsBeginningAt(std::string_view text, std::size_t at) const {
  auto percent_may_begin = [&] {
    if (numbers_->MayBeginAt(text, at)) return true;
    if (proportions_ && proportions_->MayBeginAt(text, at)) return true;
    // Else only the first word of a qualifier, a range's lead or "percent
    // of" (Create keeps those that are ASCII; any other word may be one).
    if (!WordCharAt(text, at)) return false;
    const std::string_view word = text.substr(at, WordEnd(text, at) - at);
    if (word.size() > kPackedBytes) return false;
    const PackedWord key = PackLowered(word);
    return !key.ascii() || percent_lead_words_.Find(key) != nullptr;
  };
  static_assert(kKindsToldApartByBeginning == KindBit(MentionKind::kPercent),
                "KindsBeginningAt tells apart the kinds it says it does");
  return percent_may_begin() ? kEveryKind : kEveryKind & ~KindBit(MentionKind::kPercent);
}

std::vector<FoundMention> MentionRecognizer::Find(std::string_view text) const {
  std::vector<FoundMention> candidates;
  FindAmounts(text, &candidates);
  dates_->Find(text, &candidates);
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
    if (candidates[i].end <= candidates[i].begin) continue;
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
  for (std::size_t i : kept) mentions.push_back(std::move(candidates[i]));
  return mentions;
}

}  // namespace newsevents::internal
