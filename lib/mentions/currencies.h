// The currency table (lib/data/currencies.tsv, format documented there) and
// a finder of currency symbols, codes and names in text.
//
//   auto table = CurrencyTable::Create("fr", {{"data/currencies.tsv", tsv}});
//   table.value()->MatchAt("5 Md€", 2)   // "Md€": EUR, factor 1e9
//
// Thread safety: immutable after Create; every method may run on many
// threads at once.
#ifndef NEWSEVENTS_LIB_MENTIONS_CURRENCIES_H_
#define NEWSEVENTS_LIB_MENTIONS_CURRENCIES_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data_file.h"
#include "literal_matcher.h"
#include "absl/container/flat_hash_map.h"
#include "newsevents/status.h"
#include "re2/re2.h"

namespace newsevents::internal {

// A currency form found in text.
struct CurrencyMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string iso;          // "USD"
  double factor = 1;        // amount multiplier: 0.01 for "cents", 1e6 for "M€"
  bool name = false;        // a word ("dollars"), written after the amount only
  bool minor = false;       // a subunit ("cents", "pence")
  bool ambiguous = false;   // also a common word ("livres")
  bool glued_only = false;  // a one-letter symbol ("p"): glued to the amount only
};

class CurrencyTable {
 public:
  using Source = DataSource;  // TSV as in lib/data/currencies.tsv

  // The forms of `lang` ("en" or "fr"): symbols and codes, and the names of
  // that language. A malformed line is an error naming path:line.
  static StatusOr<std::unique_ptr<CurrencyTable>> Create(std::string lang,
                                                         const std::vector<Source>& sources);

  // Every currency form of `text`, left to right, not overlapping (the
  // longest form wins at a place).
  std::vector<CurrencyMatch> Find(std::string_view text) const;
  // False when Find surely finds nothing in `text`: no form is in it, read
  // as for Find's first pass (below). Cheaper than Find.
  bool MayHold(std::string_view text) const;
  // Whether one hit of literals() in `text` (a caller's own pass, literal
  // index as in literals()) may be a form: false for a hit of a form read as
  // written whose bytes differ ("try").
  bool IsCandidate(std::string_view text, const LiteralMatcher::Hit& hit) const;
  // Whether Find may find a form at that hit: a candidate that also stands
  // apart from the letters around it as Find requires ("rs" is no rupee in
  // "years"). MayHold is true when one hit is.
  bool MayStandAt(std::string_view text, const LiteralMatcher::Hit& hit) const;
  // The literals of Find's first pass (folded, as LiteralMatcher::kFolded),
  // and their hits in `text`.
  const std::vector<std::string>& literals() const { return literals_; }
  std::vector<LiteralMatcher::Hit> FindLiterals(std::string_view text) const {
    return forms_->FindAll(text);
  }

  // The longest currency form starting exactly at `at`, if any.
  std::optional<CurrencyMatch> MatchAt(std::string_view text, std::size_t at) const;

 private:
  struct Form {
    std::string iso;
    double factor = 1;
    bool name = false;
    bool minor = false;
    bool ambiguous = false;
    bool glued_only = false;
  };

  CurrencyTable() = default;
  // Every place a form may stand in `text`, leftmost first, longest first at
  // a place, from one literal pass. The pattern has the last word on each.
  std::vector<LiteralMatcher::Hit> Candidates(std::string_view text) const;
  std::optional<CurrencyMatch> Resolve(std::string_view text, std::size_t begin,
                                       std::size_t end) const;

  absl::flat_hash_map<std::string, Form> exact_;    // codes and scaled forms: case matters
  absl::flat_hash_map<std::string, Form> caseless_; // symbols and names, folded
  // The forms as literals of one folded matcher: those read in any case in
  // lower case, and again with the capital of each letter LiteralMatcher
  // does not fold ("kč" and "kČ"; RE2's rarer case pairs, such as the Kelvin
  // sign for k, are not covered); then those read as written ("USD",
  // "TRY"), whose hits must show the very bytes of `exact_forms_`.
  std::vector<std::string> literals_;
  std::unique_ptr<LiteralMatcher> forms_;
  std::vector<std::string> exact_forms_;  // by literal index - first_exact_
  std::size_t first_exact_ = 0;
  std::unique_ptr<RE2> pattern_;  // every form, longest match
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_CURRENCIES_H_
