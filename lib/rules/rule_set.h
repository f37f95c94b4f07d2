// The compiled rules of one language, and the matching of a sentence.
//
// Rules match the sentence's "rule text": the normalized sentence in which
// every mention is replaced by a placeholder "\x01" letter index "\x02"
// (mentions/mention.h), so {ORG} in a rule matches any organization.
//
// Matching: a first pass picks the rules that can match: each rule's
// pattern gives the literals ("atoms") any match must contain, joined by AND
// and OR (prefilter.h), and one Aho-Corasick pass (literal_matcher.h) finds
// those present in the sentence. Before the mentions are found, MayMatch tells whether any rule
// can match at all, so most sentences are never read further. Only the
// picked rules run their own RE2 to find captures. Each match is a candidate;
// a guard match vetoes the candidates of its type it overlaps. Then the
// precedence: a candidate whose every argument (role and span) is also an
// argument of another candidate of the same type is dropped, so a rule that
// sees more of a sentence wins over one that sees less of the same event;
// between candidates with identical arguments the higher confidence wins,
// then the rule that comes first (built-in files in path order, then the
// user's). Candidates with different arguments all stand: one sentence can
// hold several events.
//
// Thread safety: immutable after Compile; Match may run on many threads.
#ifndef NEWSEVENTS_LIB_RULES_RULE_SET_H_
#define NEWSEVENTS_LIB_RULES_RULE_SET_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "mentions/mention.h"
#include "literal_matcher.h"
#include "newsevents/status.h"
#include "re2/re2.h"
#include "rules/rule_file.h"

namespace newsevents::internal {

struct Requirement;

struct CompiledLexicon {
  absl::flat_hash_map<std::string, std::string> canonical_of;  // CaseFold(form)
};

struct CompiledRule {
  std::string id;    // "<lang>/<type>/<name>"
  std::string type;
  std::string where; // "path:line" of its definition
  bool guard = false;
  double confidence = 0.9;
  struct Role {
    int group;                         // capture group index
    std::string role;                  // argument name
    const CompiledLexicon* lexicon;    // for the canonical form, or nullptr
    bool peak = false;                 // {X:role@peak}: the amount is a peak
  };
  // A role as Expand names it, before RE2 numbers its group.
  struct RoleName {
    std::string group;
    const CompiledLexicon* lexicon;
    bool peak;
  };
  // The rule's RE2 and its roles by group.
  struct Program {
    std::unique_ptr<RE2> regex;
    bool reads_lowered = false;  // regex is lowered, for the lowered rule text
    std::vector<Role> roles;
  };

  // Compiling the rules' RE2 is most of an extractor's creation. A rule from
  // a caller's file is compiled by RuleSet::Compile, which reports its
  // errors; a built-in one that no caller's definition changes, which the
  // tests compile in full, is compiled the first time a sentence may match
  // it (safe from many threads), so a document compiles only the rules it
  // asks for. Null only if that compiling fails, which the tests rule out:
  // the rule then matches nothing.
  const Program* program() const;

  std::string pattern;                // expanded, as written
  std::vector<RoleName> role_names;
  mutable std::once_flag compiled;  // not absl::once_flag, whose waits ThreadSanitizer cannot see
  mutable std::unique_ptr<Program> compiled_program;
};

// A rule's match in a rule text, before it becomes an Event.
struct Candidate {
  const CompiledRule* rule;
  std::size_t begin;  // in the rule text
  std::size_t end;
  struct Capture {
    std::string role;
    std::size_t begin;
    std::size_t end;
    const CompiledLexicon* lexicon;
    bool peak;
  };
  std::vector<Capture> captures;
};

// What happened to a sentence, for --explain.
struct MatchTrace {
  std::vector<const CompiledRule*> picked;   // by the atoms
  std::vector<const CompiledRule*> matched;  // their own RE2 matched
  std::vector<std::pair<const CompiledRule*, const CompiledRule*>> vetoed;  // rule, guard
  std::vector<const CompiledRule*> outranked;  // dropped by precedence
};

class RuleSet {
 public:
  // Compiles the rules of `lang` from `files` (in precedence order: later
  // definitions and rules with the same id replace earlier ones). Only rules
  // of `types` are kept, or all when empty. Every error is reported, each as
  // "path:line: message". Rules of built-in files (RuleFile::built_in) that
  // no other file's definition changes are compiled on first use
  // (CompiledRule::program) unless `compile_all_now`.
  static StatusOr<std::unique_ptr<RuleSet>> Compile(
      const std::string& lang, const std::vector<RuleFile>& files,
      const std::vector<std::string>& types, bool compile_all_now = false);

  // The surviving candidates in `rule_text`, by position.
  std::vector<Candidate> Match(std::string_view rule_text, MatchTrace* trace) const;
  // The same, given which of literals() `rule_text` holds (each once, in any
  // order), for a caller that finds them in its own pass.
  std::vector<Candidate> Match(std::string_view rule_text, const std::vector<int>& found,
                               MatchTrace* trace) const;

  // False when no rule can match `sentence` once its mentions are
  // placeholders: such a sentence needs neither mentions nor rules. Most
  // sentences of the news are such. `possible_kinds`: the kinds of mention
  // the sentence may hold (MentionRecognizer::PossibleKinds).
  bool MayMatch(std::string_view sentence, KindSet possible_kinds) const;
  // The same, given which of literals() the sentence holds (each once, in
  // any order), for a caller that finds them in its own pass, and where it
  // can, what kinds of mention may begin right after each of
  // followed_parts() (index as there): an atom such as "\x02 rose \x01p"
  // then holds only where " rose " ends where a percentage may begin. Null:
  // any kind may begin anywhere.
  bool MayMatch(const std::vector<int>& found, KindSet possible_kinds,
                const KindSet* kinds_after_followed_parts) const;
  // The sentence parts that placeholders of kKindsToldApartByBeginning
  // follow in atoms, lower case.
  const std::vector<std::string>& followed_parts() const { return followed_parts_; }
  // The first pass's literals, lower case (LiteralMatcher::kFolded).
  const std::vector<std::string>& literals() const { return literals_; }

  const std::vector<std::unique_ptr<CompiledRule>>& rules() const { return rules_; }

 private:
  RuleSet() = default;

  // The rules worth running on a text whose atom matcher found `found`, by
  // index, in order. Before the mentions are placeholders
  // (`before_mentions`), an atom that holds a placeholder's bytes counts as
  // present when its sentence part is and the kinds it names are possible,
  // so the pick is a superset of the one on the rewritten text.
  std::vector<int> Pick(const std::vector<int>& found, bool before_mentions,
                        KindSet possible_kinds) const;

  // The atoms present (bits by atom id) and the rules worth checking (bits
  // by rule index) for Pick's arguments.
  struct Presence {
    absl::InlinedVector<std::uint64_t, 64> atoms;
    absl::InlinedVector<std::uint64_t, 4> rules;
  };
  Presence Present(const std::vector<int>& found, bool before_mentions, KindSet possible_kinds,
                   const KindSet* kinds_after_followed_parts) const;
  void Mark(int atom, Presence* presence) const;

  // A rule's requirement (prefilter.h) over atom ids.
  struct Filter {
    enum class Kind : std::uint8_t { kNothing, kAtom, kAnyOf, kAnd, kOr };
    Kind kind = Kind::kNothing;
    int atom = -1;                      // kAtom
    // kAnyOf: its atoms as bits, only the words that hold some: (word, bits).
    std::vector<std::pair<std::uint32_t, std::uint64_t>> any_of;
    std::vector<Filter> of;             // kAnd, kOr
    bool HeldBy(const std::uint64_t* present) const;
  };
  // Turns ORs of atoms into one bit test each and puts an AND's cheap,
  // rarely held parts first.
  void Compact(Filter* filter) const;
  bool AlwaysThereBeforeMentions(int atom) const;
  // `requirement` with its atoms numbered in `atoms` (new ones appended).
  static Filter ToFilter(const Requirement& requirement, std::vector<std::string>* atoms,
                         absl::flat_hash_map<std::string, int>* atom_ids);
  // The atoms of the OR that `filter` needs and a text before its
  // mentions holds least often: one of them is in every text it may match.
  std::vector<int> KeyAtoms(const Filter& filter) const;

  std::vector<std::unique_ptr<CompiledRule>> rules_;  // in precedence order
  std::vector<std::unique_ptr<CompiledLexicon>> lexicons_;
  std::vector<Filter> filters_;  // per rule
  // Per atom, the rules that need it or another atom of one OR, as bits
  // (rule_words_ words an atom, as in Presence::rules): a rule is checked
  // only when an atom of that OR is present. Rules that need nothing are
  // always checked.
  std::vector<std::uint64_t> rules_keyed_by_atom_;
  std::size_t rule_words_ = 0;
  std::vector<int> unfiltered_rules_;
  // The atoms (indices below atom_count_), then the sentence parts of those
  // that hold placeholders, matched in one pass.
  std::vector<std::string> literals_;
  // Built on first use: an extractor finds these literals with its gate
  // (Engine::Language), so only a caller of the rule set alone needs it.
  const LiteralMatcher& AtomMatcher() const;
  mutable std::once_flag atom_matcher_built_;
  mutable std::unique_ptr<LiteralMatcher> atom_matcher_;
  std::size_t atom_count_ = 0;
  // An atom that holds placeholder bytes, as read before the mentions.
  struct PlaceholderAtom {
    int atom;              // its id
    int sentence_part;     // the matcher's index of its sentence part, or -1
    KindSet kinds;         // the kinds its placeholders name ("\x01p")
    // The kind of the placeholder right after the part when it is one of
    // kKindsToldApartByBeginning, and the part's index in followed_parts_;
    // else 0 and -1.
    KindSet next_kind;
    int followed_part;
  };
  std::vector<PlaceholderAtom> placeholder_atoms_;
  std::vector<std::string> followed_parts_;
  // By the matcher's index of a sentence part: the placeholder atoms
  // (indices into placeholder_atoms_) that part stands for. A sentence finds
  // a few parts among many placeholder atoms.
  std::vector<std::vector<int>> placeholders_by_part_;
  // By the same index: bit k is set when one of the part's placeholder
  // atoms names only kinds in the set k, so that a sentence skips the
  // parts whose atoms all need a kind it cannot hold (most of them).
  std::vector<std::uint32_t> part_kind_sets_;
  // Where Present starts: before the mentions, for each set of possible
  // kinds (index: its bits), the atoms that are all placeholder and the
  // rules they key, with the unfiltered rules; after them (the last
  // entry), the unfiltered rules alone.
  static constexpr std::size_t kKindSets = std::size_t{1} << 5;
  std::vector<Presence> start_;
  // The rules that are not guards, as bits: those that may pick a sentence.
  absl::InlinedVector<std::uint64_t, 4> picking_rules_;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_RULES_RULE_SET_H_
