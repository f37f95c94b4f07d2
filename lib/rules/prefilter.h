// What any match of a rule must contain: the literals ("atoms") read from
// its RE2 pattern, joined by AND and OR. A sentence that lacks them cannot
// match, so its rule is never run on it (RuleSet's first pass).
//
// The analysis follows RE2's own prefilter: a piece that matches one of a
// few known strings keeps them exact ("shares (rose|fell)" is one of two
// strings); a longer choice, or a piece around a class or a repetition,
// becomes a requirement (an AND of ORs of atoms). Literals are lower case
// and matched with LiteralMatcher's folding, so a letter whose case that
// folding does not know (beyond ASCII, the Latin-1 letters of French and Œ)
// counts as any character. Anything the reader does not know requires
// nothing: the requirement is always necessary, never too strict.
#ifndef NEWSEVENTS_LIB_RULES_PREFILTER_H_
#define NEWSEVENTS_LIB_RULES_PREFILTER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsevents::internal {

struct Requirement {
  enum class Kind { kNothing, kAtom, kAnd, kOr };
  Kind kind = Kind::kNothing;  // kNothing: every text may match
  std::string atom;            // kAtom
  std::vector<Requirement> of; // kAnd, kOr: two or more

  // True when a text holding exactly the atoms `holds` says it holds may
  // match.
  template <typename Holds>
  bool SatisfiedBy(const Holds& holds) const {
    switch (kind) {
      case Kind::kNothing: return true;
      case Kind::kAtom: return holds(atom);
      case Kind::kAnd:
        for (const Requirement& part : of) {
          if (!part.SatisfiedBy(holds)) return false;
        }
        return true;
      case Kind::kOr:
        for (const Requirement& part : of) {
          if (part.SatisfiedBy(holds)) return true;
        }
        return false;
    }
    return true;
  }
};

// What long groups of patterns were read to say, kept from one
// RequiredLiterals call to the next: the rules of a language repeat the
// expansions of their lexicons and fragments ({direction} is 54 KB), and
// reading each once is most of the cost of reading them all.
class GroupMemo {
 public:
  GroupMemo();
  ~GroupMemo();
  GroupMemo(const GroupMemo&) = delete;
  GroupMemo& operator=(const GroupMemo&) = delete;

  struct Groups;  // prefilter.cc's
  Groups& groups() { return *groups_; }

 private:
  std::unique_ptr<Groups> groups_;
};

// The requirement of RE2 `pattern` (matched case-insensitively). Atoms
// shorter than `min_atom_length` bytes require nothing: they are in almost
// every text. With a `memo`, a group read before, by a call with the same
// `min_atom_length`, is not read again: the requirement is the same.
Requirement RequiredLiterals(std::string_view pattern, std::size_t min_atom_length,
                             GroupMemo* memo = nullptr);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_RULES_PREFILTER_H_
