// Options: how an Extractor is built. A plain struct; every field has a default.
//
// The CLI's flags and Python's keyword arguments carry the same names as these
// fields (--rules, --threads, --types, --lang; Extractor(rules=..., threads=...)).
#ifndef NEWSEVENTS_OPTIONS_H_
#define NEWSEVENTS_OPTIONS_H_

#include <string>
#include <vector>

namespace newsevents {
inline namespace v1 {

struct Options {
  // Directories of extra rule files, read in order after the built-in rules.
  // A file `<dir>/<lang>/<type>.rules` adds rules to that language and type; a
  // rule whose id (`<lang>/<type>/<name>`) already exists replaces it.
  // Default: empty (built-in rules only).
  std::vector<std::string> rules;

  // Event types to return, by name ("share_move", "deal", ...). Types not
  // listed are neither matched nor returned.
  // Default: empty (every type).
  std::vector<std::string> types;

  // Language forced on every document ("en" or "fr"), overriding both a
  // Document's hint and detection.
  // Default: empty (use the document's hint, else detect).
  std::string lang;

  // Extra entity lists: paths of TSV files in the format of the built-in
  // list (lib/data/organizations.tsv: name, id, kind, aliases), read in
  // order after it. An alias a later file also lists names that file's
  // entity, so a user list can add organizations or override built-in ones.
  // Default: empty (the built-in list only).
  std::vector<std::string> entities;

  // Worker threads used by Extractor::ExtractBatch. 0 means one per hardware
  // thread.
  // Default: 0.
  int threads = 0;
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_OPTIONS_H_
