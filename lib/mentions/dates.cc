#include "mentions/dates.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "mentions/scan.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

// Named groups the handler reads: year, yy (two digits), month, day, ord
// and qnum (quarter or half), half (a half-year pattern), mod, dir, unit,
// word, count, core (the span when it is not the whole match).
struct PatternSpec {
  std::string_view lang;
  bool caseless;
  std::string_view pattern;
};

constexpr std::string_view kEnMonths =
    R"((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec))";
constexpr std::string_view kFrMonths =
    R"((?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv\.|févr\.|fév\.|fevr\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.|dec\.))";

// {M} is the month alternation, {Y} a year.
constexpr PatternSpec kPatterns[] = {
    // English.
    {"en", false, R"((?P<month>{M}) (?P<day>\d{1,2})(?:st|nd|rd|th)?,? (?P<year>(?:19|20)\d\d)\b)"},
    {"en", false, R"(\b(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>{M}),? (?P<year>(?:19|20)\d\d)\b)"},
    {"en", false, R"((?P<month>{M}) (?P<day>\d{1,2})(?:st|nd|rd|th)?\b)"},
    {"en", false, R"(\b(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>{M}))"},
    {"en", false, R"((?P<month>{M}),? (?P<year>(?:19|20)\d\d)\b)"},
    {"en", true, R"(\b(?P<mod>early|mid|late|the end of|the start of|the beginning of|the middle of|end-|mid-)[ -]?(?P<year>(?:19|20)\d\d)\b)"},
    {"en", false, R"(\b(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd)[ -](?P<month>{M})(?:,? (?P<year>(?:19|20)\d\d)\b)?)"},
    {"en", true, R"(\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of (?P<year>(?:19|20)\d\d)| (?P<year2>(?:19|20)\d\d))?\b)"},
    {"en", false, R"(\bQ(?P<qnum>[1-4])(?: (?:of )?(?P<year>(?:19|20)\d\d)\b|'(?P<yy>\d\d)\b| ?FY(?P<yy2>\d\d)\b)?)"},
    {"en", false, R"(\b(?P<year>(?:19|20)\d\d) Q(?P<qnum>[1-4])\b)"},
    {"en", true, R"(\b(?P<half>first|second|1st|2nd)[ -]half(?: of (?P<year>(?:19|20)\d\d)| (?P<year2>(?:19|20)\d\d))?\b)"},
    {"en", false, R"(\bH(?P<hnum>[12])(?: (?P<year>(?:19|20)\d\d))?\b)"},
    {"en", true, R"(\b(?:in|since|by|until|till|through|from|during|before|after|for|fiscal|of) (?P<core>(?P<year>1\d\d\d|20\d\d))\b)"},
    {"en", false, R"(\b(?:in|since|by|until|till|through|from|during|before|after|In|Since|By|Until|Through|From|During|Before|After) (?P<core>(?P<month>January|February|March|April|May|June|July|August|September|October|November|December))\b)"},
    {"en", true, R"(\b(?P<dir>last|next|this|past|previous|coming) (?P<unit>week|month|year|quarter)\b)"},
    {"en", true, R"(\b(?P<dir>earlier|later) this (?P<unit>week|month|year)\b)"},
    {"en", true, R"(\b(?P<word>yesterday|today|tomorrow)\b)"},
    {"en", true, R"(\b(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?P<unit>days?|weeks?|months?|years?|quarters?) (?:ago|earlier)\b)"},
    // French.
    {"fr", true, R"(\b(?P<day>\d{1,2}|1er|premier) (?P<month>{M}) (?P<year>(?:19|20)\d\d)\b)"},
    {"fr", true, R"(\b(?P<day>\d{1,2}|1er|premier) (?P<month>{M}))"},
    {"fr", true, R"((?P<month>{M}) (?P<year>(?:19|20)\d\d)\b)"},
    {"fr", true, R"(\b(?P<mod>fin|début|debut|mi|courant|milieu|à la fin de|au début de)[ -](?:(?:de l'|d')ann[ée]e )?(?P<year>(?:19|20)\d\d)\b)"},
    {"fr", true, R"(\b(?P<mod>fin|début|debut|mi|courant)[ -](?P<month>{M})(?: (?P<year>(?:19|20)\d\d)\b)?)"},
    {"fr", true, R"(\b(?P<ord>premier|1er|deuxième|deuxieme|second|2e|2ème|troisième|troisieme|3e|3ème|quatrième|quatrieme|4e|4ème) trimestre(?: (?:de |d')?(?P<year>(?:19|20)\d\d)\b)?)"},
    {"fr", false, R"(\bT(?P<qnum>[1-4])(?: (?P<year>(?:19|20)\d\d)\b)?)"},
    {"fr", true, R"(\b(?P<half>premier|1er|second|deuxième|deuxieme|2e|2ème) semestre(?: (?:de |d')?(?P<year>(?:19|20)\d\d)\b)?)"},
    {"fr", false, R"(\bS(?P<hnum>[12]) (?P<year>(?:19|20)\d\d)\b)"},
    {"fr", true, R"(\b(?:en|depuis|dès|des|avant|après|apres|jusqu'en|d'ici|pour|courant) (?P<core>(?P<year>1\d\d\d|20\d\d))\b)"},
    {"fr", true, R"(\b(?:en|depuis|dès|jusqu'en|d'ici|fin|début) (?P<core>(?P<month>janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre))\b)"},
    {"fr", true, R"((?:\b(?:la |le |l')(?P<unit>semaine|mois|an|année|annee|trimestre) (?P<dir>dernier|dernière|derniere|passé|passée|passee|prochain|prochaine)\b))"},
    {"fr", true, R"(\b(?P<dir>cette|ce) (?P<unit>semaine|mois|année|annee|trimestre)(?:-ci)?\b)"},
    {"fr", true, R"(\b(?P<word>hier|aujourd'hui|demain)\b)"},
    {"fr", true, R"(\bil y a (?P<count>un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2}) (?P<unit>jours?|semaines?|mois|ans|années|annees|trimestres?)\b)"},
};

int MonthNumber(std::string_view text) {
  std::string month = FoldWord(text);
  if (!month.empty() && month.back() == '.') month.pop_back();
  static const std::map<std::string, int> kMonths = {
      {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
      {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7},
      {"jul", 7}, {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9},
      {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12},
      {"dec", 12}, {"janvier", 1}, {"janv", 1}, {"fevrier", 2}, {"fevr", 2}, {"fev", 2},
      {"mars", 3}, {"avril", 4}, {"avr", 4}, {"mai", 5}, {"juin", 6}, {"juillet", 7},
      {"juil", 7}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
      {"decembre", 12},
  };
  auto found = kMonths.find(month);
  return found == kMonths.end() ? 0 : found->second;
}

int OrdinalNumber(std::string_view text) {
  const std::string word = FoldWord(text);
  if (word == "first" || word == "1st" || word == "premier" || word == "1er") return 1;
  if (word == "second" || word == "2nd" || word == "deuxieme" || word == "2e" ||
      word == "2eme") {
    return 2;
  }
  if (word == "third" || word == "3rd" || word == "troisieme" || word == "3e" ||
      word == "3eme") {
    return 3;
  }
  if (word == "fourth" || word == "4th" || word == "quatrieme" || word == "4e" ||
      word == "4eme") {
    return 4;
  }
  return 0;
}

std::string Modifier(std::string_view text) {
  const std::string word = FoldWord(text);
  if (word == "early" || word == "the start of" || word == "the beginning of" ||
      word == "debut" || word == "au debut de") {
    return "early";
  }
  if (word == "mid" || word == "mid-" || word == "the middle of" || word == "mi" ||
      word == "milieu" || word == "courant") {
    return "mid";
  }
  return "late";  // late, end, the end of, fin, à la fin de
}

std::string Grain(std::string_view unit) {
  const std::string word = FoldWord(unit);
  if (word.rfind("day", 0) == 0 || word.rfind("jour", 0) == 0) return "day";
  if (word.rfind("week", 0) == 0 || word.rfind("semaine", 0) == 0) return "week";
  if (word.rfind("month", 0) == 0 || word == "mois") return "month";
  if (word.rfind("quarter", 0) == 0 || word.rfind("trimestre", 0) == 0) return "quarter";
  return "year";
}

int Count(std::string_view text) {
  static const std::map<std::string, int> kCounts = {
      {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
      {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"un", 1},
      {"une", 1}, {"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5}, {"sept", 7},
      {"huit", 8}, {"neuf", 9}, {"dix", 10},
  };
  const std::string word = FoldWord(text);
  auto found = kCounts.find(word);
  if (found != kCounts.end()) return found->second;
  return std::atoi(word.c_str());
}

std::string Pad(int value, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
  return buffer;
}

}  // namespace

struct DateRecognizer::Pattern {
  std::unique_ptr<RE2> re;
  std::map<std::string, int> groups;  // name -> index
};

DateRecognizer::~DateRecognizer() = default;

StatusOr<std::unique_ptr<DateRecognizer>> DateRecognizer::Create(std::string lang) {
  std::unique_ptr<DateRecognizer> recognizer(new DateRecognizer());
  recognizer->lang_ = std::move(lang);
  RE2::Options set_options;
  set_options.set_log_errors(false);
  recognizer->set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  for (const PatternSpec& spec : kPatterns) {
    if (spec.lang != recognizer->lang_) continue;
    std::string pattern = absl::StrReplaceAll(
        ToAbsl(spec.pattern), {{"{M}", ToAbsl(recognizer->lang_ == "fr" ? kFrMonths : kEnMonths)}});
    RE2::Options options;
    options.set_case_sensitive(!spec.caseless);
    options.set_log_errors(false);
    auto compiled = std::make_unique<Pattern>();
    compiled->re = std::make_unique<RE2>(pattern, options);
    if (!compiled->re->ok()) {
      return Status::Internal(absl::StrCat("date pattern ", pattern, ": ", compiled->re->error()));
    }
    for (const auto& [name, index] : compiled->re->NamedCapturingGroups()) {
      compiled->groups[name] = index;
    }
    std::string error;
    const std::string flags = spec.caseless ? "(?i)" : "";
    if (recognizer->set_->Add(flags + pattern, &error) < 0) {
      return Status::Internal(absl::StrCat("date pattern ", pattern, ": ", error));
    }
    recognizer->patterns_.push_back(std::move(compiled));
  }
  if (!recognizer->set_->Compile()) return Status::Internal("date patterns: out of memory");
  return recognizer;
}

void DateRecognizer::Find(std::string_view text, std::vector<FoundMention>* out) const {
  re2::StringPiece input(text.data(), text.size());
  std::vector<int> candidates;
  if (!set_->Match(input, &candidates)) return;
  std::sort(candidates.begin(), candidates.end());
  for (int index : candidates) {
    const auto& pattern = patterns_[static_cast<std::size_t>(index)];
    const int count = pattern->re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(count));
    std::size_t at = 0;
    while (at < text.size() &&
           pattern->re->Match(input, at, text.size(), RE2::UNANCHORED, groups.data(), count)) {
      const re2::StringPiece whole = groups[0];
      const std::size_t begin = static_cast<std::size_t>(whole.data() - text.data());
      at = begin + std::max<std::size_t>(whole.size(), 1);
      auto group = [&](const char* name) -> std::string_view {
        auto found = pattern->groups.find(name);
        if (found == pattern->groups.end()) return {};
        const re2::StringPiece piece = groups[static_cast<std::size_t>(found->second)];
        return piece.data() == nullptr ? std::string_view()
                                       : std::string_view(piece.data(), piece.size());
      };
      // Accented words end where RE2's ASCII \b cannot see: check by hand.
      if (WordCharBefore(text, begin) || WordCharAt(text, begin + whole.size())) {
        if (WordCharAt(text, begin) || WordCharBefore(text, begin + whole.size())) {
          at = begin + 1;
          continue;
        }
      }
      std::string_view year = group("year");
      if (year.empty()) year = group("year2");
      std::string year_text(year);
      std::string_view yy = group("yy");
      if (yy.empty()) yy = group("yy2");
      if (year_text.empty() && !yy.empty()) {
        year_text = absl::StrCat(std::atoi(std::string(yy).c_str()) < 70 ? "20" : "19", ToAbsl(yy));
      }
      const std::string shown_year = year_text.empty() ? "XXXX" : year_text;
      Date date;
      const std::string_view month_text = group("month");
      const std::string_view day_text = group("day");
      if (!group("word").empty()) {
        const std::string word = FoldWord(group("word"));
        date.grain = "day";
        date.relative = true;
        date.offset = (word == "yesterday" || word == "hier") ? -1
                      : (word == "tomorrow" || word == "demain") ? 1 : 0;
      } else if (!group("count").empty()) {
        date.grain = Grain(group("unit"));
        date.relative = true;
        date.offset = -Count(group("count"));
      } else if (!group("dir").empty()) {
        const std::string dir = FoldWord(group("dir"));
        date.grain = Grain(group("unit"));
        date.relative = true;
        if (dir == "last" || dir == "past" || dir == "previous" || dir.rfind("dernier", 0) == 0 ||
            dir == "derniere" || dir.rfind("pass", 0) == 0) {
          date.offset = -1;
        } else if (dir == "next" || dir == "coming" || dir.rfind("prochain", 0) == 0) {
          date.offset = 1;
        }
      } else if (!group("ord").empty() || !group("qnum").empty()) {
        const int quarter = group("ord").empty() ? group("qnum")[0] - '0' : OrdinalNumber(group("ord"));
        if (quarter == 0) continue;
        date.grain = "quarter";
        date.iso = absl::StrCat(shown_year, "-Q", quarter);
      } else if (!group("half").empty() || !group("hnum").empty()) {
        const int half = group("half").empty() ? group("hnum")[0] - '0' : OrdinalNumber(group("half"));
        if (half == 0) continue;
        date.grain = "half";
        date.iso = absl::StrCat(shown_year, "-H", half);
      } else if (!month_text.empty()) {
        const int month = MonthNumber(month_text);
        if (month == 0) continue;
        if (!day_text.empty()) {
          const int day = (day_text == "1er" || FoldWord(day_text) == "premier")
                              ? 1
                              : std::atoi(std::string(day_text).c_str());
          if (day < 1 || day > 31) continue;
          date.grain = "day";
          date.iso = absl::StrCat(shown_year, "-", Pad(month, 2), "-", Pad(day, 2));
        } else {
          date.grain = "month";
          date.iso = absl::StrCat(shown_year, "-", Pad(month, 2));
        }
      } else if (!year_text.empty()) {
        date.grain = "year";
        date.iso = year_text;
      } else {
        continue;
      }
      if (!group("mod").empty()) date.modifier = Modifier(group("mod"));
      std::size_t span_begin = begin, span_end = begin + whole.size();
      if (const std::string_view core = group("core"); !core.empty()) {
        span_begin = static_cast<std::size_t>(core.data() - text.data());
        span_end = span_begin + core.size();
      }
      out->push_back({MentionKind::kDate, span_begin, span_end, std::move(date)});
    }
  }
}

}  // namespace newsevents::internal
