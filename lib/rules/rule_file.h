// The rule file format: how analysts write event rules as data.
//
// One file per language and event type, `<lang>/<type>.rules`; a file named
// `common.rules` holds definitions shared by the language's other files and
// no rules. Lines:
//
//   # a comment (whole lines only)
//   define NAME = fragment        a named regular-expression fragment
//   lexicon NAME                  a vocabulary; each following indented line
//     up|jumped|rose|climbed        is one entry, canonical form first
//   rule NAME = pattern           an event rule (confidence 0.9)
//   rule NAME [0.7] = pattern     ... with its own confidence
//   guard NAME = pattern          a match that vetoes this type's events
//                                 it overlaps ("share of the market")
//
// A line indented under `define`, `rule` or `guard` continues its pattern.
// Lines are joined with nothing between them (the indentation is dropped),
// so break where no space is needed: before a group like `(?: to {MONEY})`.
//
// Patterns are RE2 syntax, matched without regard to case against one
// normalized sentence. In them, `{NAME}` stands for a fragment, a lexicon
// (any of its forms; {lexicon.canonical} for the forms of one entry) or a
// mention: {ORG}, {MONEY}, {PERCENT}, {QUANTITY}, {DATE}. `{NAME:role}` also captures it as the event argument `role`; its
// normalized value is the mention's value, or the lexicon entry's canonical
// form. A role may appear in several branches as role, role_2, role_3.
// `{PERCENT:change@peak}` reads the amount as the peak of a move: an "up to"
// qualifier (French "jusqu'à") becomes as_much_as (events.md).
#ifndef NEWSEVENTS_LIB_RULES_RULE_FILE_H_
#define NEWSEVENTS_LIB_RULES_RULE_FILE_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsevents::internal {

struct LexiconEntry {
  std::string canonical;
  std::vector<std::string> forms;  // canonical first
};

struct Definition {
  enum class Kind { kFragment, kLexicon };
  Kind kind;
  std::string name;
  std::string pattern;                 // kFragment
  std::vector<LexiconEntry> entries;   // kLexicon
  std::string where;                   // "path:line"
};

struct RuleSpec {
  enum class Kind { kRule, kGuard };
  Kind kind;
  std::string name;
  std::string pattern;  // as written, before expansion
  double confidence = 0.9;
  std::string where;    // "path:line"
};

struct RuleFile {
  std::string path;  // as given, for messages
  std::string lang;  // from the path: <lang>/<type>.rules
  std::string type;  // "share_move", or "common"
  bool built_in = false;  // compiled into the library, not a caller's
  std::vector<Definition> definitions;
  std::vector<RuleSpec> rules;
};

// Parses one file. `path` must end in <lang>/<type>.rules. Syntax errors are
// appended to `errors` as "path:line: message"; the file is still returned
// with what could be read, so that all errors can be reported at once.
RuleFile ParseRuleFile(std::string_view path, std::string_view contents,
                       std::vector<std::string>* errors);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_RULES_RULE_FILE_H_
