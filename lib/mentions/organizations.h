// The entity list: organizations, governments and places by canonical name,
// with their aliases, and a recognizer of their names in text.
//
// List format (lib/data/organizations.tsv, and user files of the same form):
// one entity per line, tab-separated: canonical name, id (ticker or stable
// identifier, may be empty), kind (company, government, country, agency),
// aliases separated by '|'. '#' starts a comment line. Aliases are matched
// as whole words, case-sensitively; the canonical name is an alias too.
//
//   Hewlett Packard Enterprise	HPE	company	HPE|Hewlett Packard Enterprise Co.
//
// An alias written with a leading '?' is also a common word or letter (X,
// Free): it names the entity only where the context says so (below). One
// written with '~' is a capitalized common word (Apple, Orange, Target):
// it counts in that context too, and wherever it stands capitalized inside
// a sentence, since only a sentence's first word is capitalized anyway.
// Listing the canonical name that way ("?X") makes the name ambiguous too.
//
//   X		company	?X|Elon Musk's X|social network X|X Corp.
//
// Context that makes an ambiguous alias an organization: before it, a
// company noun ("the social network X", "platform", "operator", "la
// société", "l'opérateur", "chez") or a possessive name ("Musk's X");
// after it, "'s", "shares", "stock", a statement verb ("X said", "X did not
// respond", "X a annoncé") or an apposition (", the social network").
//
// Organizations not in the list are found by their form: capitalized words
// with a corporate suffix ("Acme Widgets Corp.", "Foo Holdings plc",
// "Bar SA"), and a capitalized name after a company noun ("the chipmaker
// Cerebras", "startup Groq", "la société Exail", "le groupe français
// Forvia"): the noun stays out of the span.
#ifndef NEWSEVENTS_LIB_MENTIONS_ORGANIZATIONS_H_
#define NEWSEVENTS_LIB_MENTIONS_ORGANIZATIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "data_file.h"
#include "literal_matcher.h"
#include "mentions/mention.h"
#include "newsevents/status.h"
#include "re2/re2.h"

namespace newsevents::internal {

struct Entity {
  std::string name;
  std::string id;
  std::string kind;
};

class OrganizationRecognizer {
 public:
  using Source = DataSource;  // TSV as above

  // Reads every source; a malformed line is an error naming path:line, and
  // all of them are reported at once.
  static StatusOr<std::unique_ptr<OrganizationRecognizer>> Create(
      const std::vector<Source>& sources);

  // Appends the organizations named in `text`: entities of the list by any
  // alias, and unlisted names with a corporate suffix ("Acme Widgets Corp.").
  // Overlaps are resolved by the caller.
  void Find(std::string_view text, std::vector<FoundMention>* out) const;

  // The entity with this alias or canonical name, or nullptr.
  const Entity* Lookup(std::string_view alias) const;

  std::size_t size() const { return entities_.size(); }

 private:
  OrganizationRecognizer() = default;

  // How much context an alias needs.
  enum class Ambiguity { kNone, kCapitalized, kStrict };  // "", "~", "?"
  struct Alias {
    std::size_t entity;
    Ambiguity ambiguity;
  };
  // Whether the context around [begin, end) makes an ambiguous alias an
  // organization.
  bool AmbiguousContext(std::string_view text, std::size_t begin, std::size_t end) const;

  std::vector<Entity> entities_;
  absl::flat_hash_map<std::string, Alias> by_alias_;
  std::unique_ptr<LiteralMatcher> aliases_;  // every alias, case and all
  std::vector<std::string> alias_texts_;     // by the matcher's index
  std::unique_ptr<RE2> suffixed_;      // Capitalized Words + corporate suffix
  std::unique_ptr<RE2> introduced_;    // company noun + Capitalized Name
  std::unique_ptr<RE2> cue_before_;    // company noun or possessive, at the end
  std::unique_ptr<RE2> cue_after_;     // 's, shares, said..., anchored
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_ORGANIZATIONS_H_
