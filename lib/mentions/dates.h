// Dates and periods in English and French news, normalized to ISO 8601 with
// a grain (newsevents::Date): "December 5, 2024" and "5 décembre 2024" ->
// 2024-12-05 (day); "late 2024", "fin 2024" -> 2024 (year, modifier late);
// "the fourth quarter" -> XXXX-Q4; "sept. 2024" -> 2024-09; "last week",
// "l'an dernier" -> relative, offset -1.
//
// A year after a preposition ("in 2025", "en 2025") is a date whose span is
// the year alone; the preposition stays in the sentence for the rules.
//
// Thread safety: immutable after Create; Find may run on many threads.
#ifndef NEWSEVENTS_LIB_MENTIONS_DATES_H_
#define NEWSEVENTS_LIB_MENTIONS_DATES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mentions/mention.h"
#include "newsevents/status.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace newsevents::internal {

class DateRecognizer {
 public:
  static StatusOr<std::unique_ptr<DateRecognizer>> Create(std::string lang);
  ~DateRecognizer();

  // The dates of `text` (kind kDate), possibly overlapping each other: the
  // caller keeps the longest.
  void Find(std::string_view text, std::vector<FoundMention>* out) const;

 private:
  struct Pattern;
  DateRecognizer() = default;

  std::string lang_;
  std::vector<std::unique_ptr<Pattern>> patterns_;
  // One pass over a sentence tells which patterns can match at all.
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_DATES_H_
