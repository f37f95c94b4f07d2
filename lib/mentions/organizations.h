// The entity list: organizations, governments and places by canonical name,
// with their aliases, and a recognizer of their names in text.
//
// List format (lib/data/organizations.tsv, and user files of the same form):
// one entity per line, tab-separated: canonical name, id (ticker or stable
// identifier, may be empty), kind (company, government, country, agency),
// aliases separated by '|'. '#' starts a comment line.
//
//   Hewlett Packard Enterprise	HPE	company	HPE|Hewlett Packard Enterprise Co.
#ifndef NEWSEVENTS_LIB_MENTIONS_ORGANIZATIONS_H_
#define NEWSEVENTS_LIB_MENTIONS_ORGANIZATIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
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
  struct Source {
    std::string path;      // for error messages
    std::string_view text; // TSV as above
  };

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

  std::vector<Entity> entities_;
  absl::flat_hash_map<std::string, std::size_t> by_alias_;
  std::unique_ptr<RE2> aliases_;    // every alias, longest first
  std::unique_ptr<RE2> suffixed_;   // Capitalized Words + corporate suffix
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_ORGANIZATIONS_H_
