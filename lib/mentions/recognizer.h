// The mention recognizers of one language, compiled once.
#ifndef NEWSEVENTS_LIB_MENTIONS_RECOGNIZER_H_
#define NEWSEVENTS_LIB_MENTIONS_RECOGNIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mentions/currencies.h"
#include "mentions/dates.h"
#include "literal_matcher.h"
#include "packed_word.h"
#include "mentions/mention.h"
#include "mentions/numbers.h"
#include "mentions/organizations.h"
#include "newsevents/status.h"
#include "re2/re2.h"

namespace newsevents::internal {

// Finds money, percentages, quantities, dates and organizations in a
// sentence of normalized text.
//
// Numbers are read first (NumberReader); a number becomes money when a
// currency stands before or after it ("$5", "5 milliards de dollars",
// "USD 1.2bn", "2,3 Md€"), a percentage before a percent sign or word, a
// range when two amounts are joined ("between $10 and $12", "10-20%",
// "entre 12 euros et 15 euros"), and a quantity otherwise, except a lone
// "one"/"un"/"une" (an article or a pronoun as often as a count) and word
// fractions not followed by "of" ("a third consecutive quarter"). A bare
// year (1900-2099) is a date.
//
// Overlaps: the longest mention wins; at equal length, money before
// percent before organization before date before quantity. A qualifier
// ("more than", "près de") is part of the mention it qualifies.
//
// Thread safety: immutable after Create; Find may run on many threads.
class MentionRecognizer {
 public:
  struct Options {
    // Read a fraction before "of" ("1/4 of", "one quarter of") and "one out
    // of three" as percentages, as Recognizers-Text's PercentageMode does.
    // Off by default: news rarely means a percentage by them.
    bool fractions_as_percent = false;
  };

  // `organizations` is shared by the recognizers of every language (may be
  // null: no organizations). The currency table is the embedded
  // lib/data/currencies.tsv.
  static StatusOr<std::unique_ptr<MentionRecognizer>> Create(
      std::string lang, std::shared_ptr<const OrganizationRecognizer> organizations,
      Options options);
  static StatusOr<std::unique_ptr<MentionRecognizer>> Create(
      std::string lang, std::shared_ptr<const OrganizationRecognizer> organizations) {
    return Create(std::move(lang), std::move(organizations), Options());
  }

  // The mentions of `text`, ordered by position and never overlapping.
  std::vector<FoundMention> Find(std::string_view text) const;

  // The kinds `text` may hold: a superset of those Find would return, at a
  // fraction of its cost. Money needs a currency, a percentage its sign or
  // word; other kinds are always possible.
  KindSet PossibleKinds(std::string_view text) const;
  // The literals PossibleKinds looks for: its percent cues, then the
  // currency forms. A caller that finds them along with its own literals in
  // one pass gives their hits (FindAll's, indices as here) to:
  std::vector<std::string> CueLiterals() const;
  KindSet PossibleKinds(std::string_view text, const std::vector<LiteralMatcher::Hit>& cue_hits) const;

  // The kinds of mention that may begin at `at` of `text`: a superset of
  // the kinds of Find's mentions that begin there. Only percentages are
  // told apart (kKindsToldApartByBeginning): one begins with a number, a
  // qualifier ("more than"), a range's lead ("between") or "percent of".
  // Other kinds may begin anywhere.
  KindSet KindsBeginningAt(std::string_view text, std::size_t at) const;

  const std::string& lang() const { return lang_; }

 private:
  struct Cue;
  MentionRecognizer() = default;

  void FindAmounts(std::string_view text, std::vector<FoundMention>* out) const;
  std::vector<Cue> FindCues(std::string_view text) const;

  std::string lang_;
  Options options_;
  std::shared_ptr<const OrganizationRecognizer> organizations_;
  std::unique_ptr<NumberReader> numbers_;
  std::unique_ptr<NumberReader> proportions_;  // with prepositional fractions
  std::unique_ptr<CurrencyTable> currencies_;
  std::unique_ptr<DateRecognizer> dates_;
  // The qualifier cues of the language ("more than"), by literal index.
  std::unique_ptr<LiteralMatcher> qualifier_cues_;
  std::vector<std::string> qualifier_cue_texts_;

  std::vector<Qualifier> qualifier_of_cue_;
  std::unique_ptr<RE2> percent_unit_;    // %, percent, pour cent, ... (anchored)
  std::unique_ptr<RE2> percent_before_;  // "percent of", "pourcentage de"
  // The first words, lowered, of the qualifiers, range leads and
  // percent_before_ phrases: what a percentage may begin with but a number.
  PackedWordTable<bool> percent_lead_words_;
  std::unique_ptr<RE2> scale_word_;      // " million" after "75 USD" (anchored)
  // Literals one of which is in every text percent_unit_ matches.
  std::unique_ptr<LiteralMatcher> percent_cues_;
  std::vector<std::string> percent_cue_literals_;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_RECOGNIZER_H_
