// The mention recognizers of one language, compiled once.
#ifndef NEWSEVENTS_LIB_MENTIONS_RECOGNIZER_H_
#define NEWSEVENTS_LIB_MENTIONS_RECOGNIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mentions/mention.h"
#include "mentions/organizations.h"
#include "newsevents/status.h"
#include "re2/re2.h"

namespace newsevents::internal {

// Finds money, percentages, quantities, years and organizations in a
// sentence of normalized text.
//
// Overlaps: the longest mention wins; at equal length, money before
// percent before organization before date before quantity. A qualifier
// ("more than", "près de") is part of the mention it qualifies.
//
// Thread safety: immutable after Create; Find may run on many threads.
class MentionRecognizer {
 public:
  // `organizations` is shared by the recognizers of every language.
  static StatusOr<std::unique_ptr<MentionRecognizer>> Create(
      std::string lang, std::shared_ptr<const OrganizationRecognizer> organizations);

  // The mentions of `text`, ordered by position and never overlapping.
  std::vector<FoundMention> Find(std::string_view text) const;

  const std::string& lang() const { return lang_; }

 private:
  MentionRecognizer() = default;

  void FindMoney(std::string_view text, std::vector<FoundMention>* out) const;
  void FindPercents(std::string_view text, std::vector<FoundMention>* out) const;
  void FindNumbers(std::string_view text, std::vector<FoundMention>* out) const;
  Qualifier QualifierOf(std::string_view cue) const;

  std::string lang_;
  std::shared_ptr<const OrganizationRecognizer> organizations_;
  std::unique_ptr<RE2> money_before_;  // $1 billion, US$5, EUR 2bn
  std::unique_ptr<RE2> money_after_;   // 114,77 $, 40 000 euros, 15 mln dlrs
  std::unique_ptr<RE2> percent_;       // 4.3%, 10-20%, de 10 à 20 %
  std::unique_ptr<RE2> number_;        // 12,000; 2024
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_RECOGNIZER_H_
