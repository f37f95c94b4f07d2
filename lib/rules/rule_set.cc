#include "rules/rule_set.h"

#include <algorithm>
#include <iterator>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "normalize/normalizer.h"
#include "string_views.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mentions/mention.h"
#include "rules/prefilter.h"
#include "utf8proc.h"

namespace newsevents::internal {
namespace {


// A rule's RE2 memory: its programs and the DFA caches it fills lazily
// while reading. With about 130 rules, this bounds the extractor's memory
// over any input; a full cache is cleared, and RE2 falls back to its NFA
// rather than grow. A rule too large for it is reported, never hidden.
constexpr int64_t kRuleMemory = 2 << 20;

// Literals shorter than this do not filter. Two letters still do ("up" is in
// few sentences), and one more would leave rules with a lexicon holding a
// two-letter form ("up", "en") with no atom at all, read on every sentence.
constexpr int kMinAtomLength = 2;

RE2::Options RuleOptions(bool case_sensitive) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  options.set_max_mem(kRuleMemory);
  return options;
}

// Rules match case-insensitively. Most do so by reading a lowered copy of
// the rule text with their pattern lowered alike, compiled case-sensitive:
// RE2 makes every letter of a case-insensitive pattern a class of its cases,
// which doubles the time to compile the rules, most of an Extractor's
// creation. A letter is lowered only where its lower case takes as many
// bytes (so offsets hold in the copy); the rarer case pairs RE2 folds (the
// Kelvin sign and k) are not matched, as the gate already misses them.
int32_t LowerKeepingLength(int32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  const int32_t lower = utf8proc_tolower(c);
  utf8proc_uint8_t bytes[4];
  return utf8proc_encode_char(lower, bytes) == utf8proc_encode_char(c, bytes) ? lower : c;
}

// Reads the code point at `*at` (a byte that is no UTF-8 reads as itself)
// and appends it lowered.
int32_t AppendLowered(std::string_view text, std::size_t* at, std::string* out) {
  const auto byte = static_cast<unsigned char>(text[*at]);
  if (byte < 0x80) {
    ++*at;
    out->push_back(static_cast<char>(LowerKeepingLength(byte)));
    return byte;
  }
  utf8proc_int32_t c = -1;
  const utf8proc_ssize_t length =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + *at),
                       static_cast<utf8proc_ssize_t>(text.size() - *at), &c);
  if (length <= 0) {
    out->push_back(text[(*at)++]);
    return -1;
  }
  utf8proc_uint8_t bytes[4];
  const utf8proc_ssize_t written = utf8proc_encode_char(LowerKeepingLength(c), bytes);
  out->append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(written));
  *at += static_cast<std::size_t>(length);
  return c;
}

void LowerKeepingOffsets(std::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size());
  for (std::size_t at = 0; at < text.size();) AppendLowered(text, &at, out);
}

// Whether case-insensitive [low-high] reads lowered text as the same range
// lowered does: a range of capitals or of small ASCII letters, or one with
// no cased character at all.
bool RangeLowersAlike(int32_t low, int32_t high) {
  if ((low >= 'A' && high <= 'Z') || (low >= 'a' && high <= 'z')) return low <= high;
  if (high - low > 0x1000) return false;
  for (int32_t c = low; c <= high; ++c) {
    if (utf8proc_tolower(c) != c || utf8proc_toupper(c) != c) return false;
  }
  return true;
}

// One character of a class, appended lowered; an escape (\x41) is copied
// and reported, since its case is not seen.
bool ReadClassCharacter(std::string_view pattern, std::size_t* at, std::string* out,
                        int32_t* c, bool* escaped) {
  *escaped = pattern[*at] == '\\';
  if (!*escaped) {
    *c = AppendLowered(pattern, at, out);
    return *c >= 0 && (*c < 0x80 || LowerKeepingLength(*c) == utf8proc_tolower(*c));
  }
  if (*at + 1 >= pattern.size()) return false;
  const char kind = pattern[*at + 1];
  if (kind == 'p' || kind == 'P') return false;  // a Unicode class: its case is its meaning
  std::size_t end = *at + 2;
  if (kind == 'x') {
    if (end < pattern.size() && pattern[end] == '{') {
      end = pattern.find('}', end);
      if (end == std::string_view::npos) return false;
      ++end;
    } else {
      end = std::min(end + 2, pattern.size());
    }
  }
  out->append(pattern.substr(*at, end - *at));
  *at = end;
  return true;
}

// A class from its '[' at `*at` to past its ']', lowered.
bool LowerClass(std::string_view pattern, std::size_t* at, std::string* out) {
  out->push_back('[');
  ++*at;
  if (*at < pattern.size() && pattern[*at] == '^') {
    out->push_back('^');
    ++*at;
  }
  bool first = true;  // a ']' first is a literal
  while (*at < pattern.size() && (first || pattern[*at] != ']')) {
    first = false;
    if (pattern.compare(*at, 2, "[:") == 0) return false;  // [:upper:] and the like
    int32_t low = 0, high = 0;
    bool low_escaped = false, high_escaped = false;
    if (!ReadClassCharacter(pattern, at, out, &low, &low_escaped)) return false;
    if (*at + 1 < pattern.size() && pattern[*at] == '-' && pattern[*at + 1] != ']') {
      out->push_back('-');
      ++*at;
      if (!ReadClassCharacter(pattern, at, out, &high, &high_escaped)) return false;
      if (low_escaped || high_escaped || !RangeLowersAlike(low, high)) return false;
    }
  }
  if (*at >= pattern.size()) return false;  // unclosed: RE2 says so of the pattern as written
  out->push_back(']');
  ++*at;
  return true;
}

// `pattern` lowered for a lowered text, or false when lowering would change
// what it matches: a case flag, a Unicode or [:upper:] class, a class range
// across cases, a letter whose cases differ in length.
bool LowerPattern(std::string_view pattern, std::string* out) {
  out->clear();
  out->reserve(pattern.size());
  std::size_t at = 0;
  while (at < pattern.size()) {
    const char c = pattern[at];
    if (c == '[') {
      if (!LowerClass(pattern, &at, out)) return false;
    } else if (c == '\\') {
      if (pattern.compare(at, 2, "\\Q") == 0) {  // literal text up to \E
        const std::size_t close = pattern.find("\\E", at + 2);
        const std::size_t end = close == std::string_view::npos ? pattern.size() : close;
        out->append("\\Q");
        for (at += 2; at < end;) AppendLowered(pattern, &at, out);
        if (close != std::string_view::npos) out->append("\\E");
        at = close == std::string_view::npos ? pattern.size() : close + 2;
        continue;
      }
      int32_t ignored = 0;
      bool escaped = false;
      if (!ReadClassCharacter(pattern, &at, out, &ignored, &escaped)) return false;
    } else if (pattern.compare(at, 2, "(?") == 0 && pattern.compare(at, 3, "(?:") != 0) {
      // A group's name or flags, copied as written.
      const bool named = pattern.compare(at, 4, "(?P<") == 0 || pattern.compare(at, 3, "(?<") == 0;
      const std::size_t end = named ? pattern.find('>', at) : pattern.find_first_of(":)", at);
      if (end == std::string_view::npos) return false;
      const std::string_view head = pattern.substr(at, end + 1 - at);
      if (!named && head.find('i') != std::string_view::npos) return false;
      out->append(head);
      at = end + 1;
    } else {
      const int32_t read = AppendLowered(pattern, &at, out);
      if (read >= 0x80 && LowerKeepingLength(read) != utf8proc_tolower(read)) return false;
    }
  }
  return true;
}

bool IsAsciiWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// "change_2" is the role "change" in another branch of the same rule.
std::string RoleOf(std::string_view group) {
  std::size_t cut = group.size();
  while (cut > 0 && absl::ascii_isdigit(static_cast<unsigned char>(group[cut - 1]))) --cut;
  if (cut < group.size() && cut > 1 && group[cut - 1] == '_') return std::string(group.substr(0, cut - 1));
  return std::string(group);
}

using RoleSpec = CompiledRule::RoleName;  // what a {NAME:role} says of its capture

// A definition as Expand expands it, with what expanding it collects.
struct Expansion {
  std::string pattern;
  std::vector<RoleSpec> roles;
  bool reads_given = false;
};

struct Scope {
  absl::flat_hash_map<std::string, const Definition*> definitions;
  absl::flat_hash_map<std::string, const CompiledLexicon*> lexicons;
  // The definitions that come from a caller's file, not a built-in one.
  absl::flat_hash_set<const Definition*> given;
  // By "name" or "lexicon.entry", as first expanded: the rules of a
  // language read the same fragments and lexicons many times over.
  mutable absl::flat_hash_map<std::string, Expansion> expanded;
};

// The alternation of a lexicon's forms, or of one entry's when `canonical`
// is given ({phase.close}).
std::string LexiconPattern(const Definition& lexicon, std::string_view canonical) {
  std::vector<std::string> forms;
  for (const LexiconEntry& entry : lexicon.entries) {
    if (!canonical.empty() && entry.canonical != canonical) continue;
    for (const std::string& form : entry.forms) forms.push_back(form);
  }
  // Leftmost-first matching must take "shot up" over "shot": a form comes
  // after every form it is a prefix of. Sorting by the folded form with a
  // terminator above every UTF-8 byte does that and keeps forms that share a
  // prefix adjacent, so RE2 factors the alternation into a trie (a program
  // several times smaller than the forms sorted by length).
  if (forms.empty()) return "(?:)";
  std::vector<std::pair<std::string, std::string>> keyed;  // (sort key, form)
  keyed.reserve(forms.size());
  for (std::string& form : forms) {
    keyed.emplace_back(LowerCase(form) + '\xFF', std::move(form));
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::lexicographical_compare(
        a.first.begin(), a.first.end(), b.first.begin(), b.first.end(),
        [](char x, char y) { return static_cast<unsigned char>(x) < static_cast<unsigned char>(y); });
  });
  keyed.erase(std::unique(keyed.begin(), keyed.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              keyed.end());
  // One leading word boundary for all the forms when each starts with a word
  // character (the usual case) lets RE2 factor the alternation.
  const bool all_start_word = std::all_of(keyed.begin(), keyed.end(), [](const auto& entry) {
    return IsAsciiWordChar(entry.second.front());
  });
  std::vector<std::string> patterns;
  for (const auto& [key, form] : keyed) {
    std::string pattern = RE2::QuoteMeta(form);
    if (!all_start_word && IsAsciiWordChar(form.front())) pattern = "\\b" + pattern;
    if (IsAsciiWordChar(form.back())) pattern += "\\b";
    patterns.push_back(std::move(pattern));
  }
  return absl::StrCat(all_start_word ? "\\b" : "", "(?:", absl::StrJoin(patterns, "|"), ")");
}

// Expands {NAME} and {NAME:role} in `pattern`. `roles` collects the capture
// group names with the lexicon each one reads, `stack` catches cycles;
// `reads_given` is set when a definition from a caller's file is read.
bool Expand(std::string_view pattern, const Scope& scope, std::vector<std::string>* stack,
            std::string* out, std::vector<RoleSpec>* roles, bool* reads_given,
            std::string* error) {
  std::size_t at = 0;
  while (at < pattern.size()) {
    const char c = pattern[at];
    if (c == '\\' && at + 1 < pattern.size()) {
      out->append(pattern.substr(at, 2));
      at += 2;
      continue;
    }
    if (c != '{' || at + 1 >= pattern.size() ||
        !(absl::ascii_isalpha(static_cast<unsigned char>(pattern[at + 1])) ||
          pattern[at + 1] == '_')) {
      out->push_back(c);  // a literal, or a repetition like {1,3}
      ++at;
      continue;
    }
    const std::size_t close = pattern.find('}', at);
    if (close == std::string_view::npos) {
      *error = absl::StrCat("'{' at column ", at + 1, " is never closed");
      return false;
    }
    std::string_view reference = pattern.substr(at + 1, close - at - 1);
    std::string_view role;
    if (const std::size_t colon = reference.find(':'); colon != std::string_view::npos) {
      role = reference.substr(colon + 1);
      reference = reference.substr(0, colon);
    }
    std::string name(reference);
    std::string entry;  // {lexicon.entry}: one entry of a lexicon
    if (const std::size_t dot = name.find('.'); dot != std::string::npos) {
      entry = name.substr(dot + 1);
      name.resize(dot);
    }
    std::string expansion;
    const CompiledLexicon* lexicon = nullptr;
    if (const MentionKindInfo* kind = KindNamed(name)) {
      expansion = absl::StrCat("\\x01", std::string(1, kind->letter), "\\d+\\x02");
    } else if (auto found = scope.definitions.find(name); found != scope.definitions.end()) {
      if (std::find(stack->begin(), stack->end(), name) != stack->end()) {
        *error = absl::StrCat("fragment {", name, "} refers to itself through {",
                              absl::StrJoin(*stack, "} -> {"), "}");
        return false;
      }
      const Definition& definition = *found->second;
      const std::string key = entry.empty() ? name : absl::StrCat(name, ".", entry);
      auto known = scope.expanded.find(key);
      if (known == scope.expanded.end()) {
        Expansion fresh;
        fresh.reads_given = scope.given.contains(&definition);
        if (definition.kind == Definition::Kind::kLexicon) {
          fresh.pattern = LexiconPattern(definition, entry);
          if (fresh.pattern == "(?:)") {
            *error = absl::StrCat("lexicon ", name, " has no entry '", entry, "'");
            return false;
          }
        } else if (!entry.empty()) {
          *error = absl::StrCat("{", name, ".", entry, "}: only a lexicon has entries");
          return false;
        } else {
          stack->push_back(name);
          std::string inner;
          if (!Expand(definition.pattern, scope, stack, &inner, &fresh.roles, &fresh.reads_given,
                      error)) {
            return false;
          }
          stack->pop_back();
          fresh.pattern = absl::StrCat("(?:", inner, ")");
        }
        known = scope.expanded.emplace(key, std::move(fresh)).first;
      }
      expansion = known->second.pattern;
      roles->insert(roles->end(), known->second.roles.begin(), known->second.roles.end());
      if (known->second.reads_given) *reads_given = true;
      if (definition.kind == Definition::Kind::kLexicon) lexicon = scope.lexicons.at(name);
    } else {
      *error = absl::StrCat("{", name, "} is not defined (no define or lexicon of that "
                            "name, and not ORG, MONEY, PERCENT, QUANTITY or DATE)");
      return false;
    }
    bool peak = false;
    if (const std::size_t at = role.find('@'); at != std::string_view::npos) {
      if (role.substr(at + 1) != "peak") {
        *error = absl::StrCat("unknown reading '@", ToAbsl(role.substr(at + 1)),
                              "' (the one reading is @peak)");
        return false;
      }
      peak = true;
      role = role.substr(0, at);
    }
    if (!role.empty()) {
      bool valid = absl::ascii_isalpha(static_cast<unsigned char>(role[0]));
      for (char r : role) valid = valid && (IsAsciiWordChar(r));
      if (!valid) {
        *error = absl::StrCat("role '", ToAbsl(role), "' must be letters, digits and _");
        return false;
      }
      roles->push_back({std::string(role), lexicon, peak});
      expansion = absl::StrCat("(?P<", ToAbsl(role), ">", expansion, ")");
    }
    out->append(expansion);
    at = close + 1;
  }
  return true;
}

// The longest part of a rule-text atom that lies outside every placeholder
// (\x01<letter><index>\x02): "\x02 shares" -> " shares", "to \x01o" -> "to ".
std::string_view SentencePartOf(std::string_view atom) {
  std::string_view longest;
  std::size_t begin = 0;
  char before = '\0';  // the delimiter to the part's left, if any
  for (std::size_t at = 0; at <= atom.size(); ++at) {
    const char delimiter = at < atom.size() ? atom[at] : '\0';
    if (at < atom.size() && delimiter != '\x01' && delimiter != '\x02') continue;
    // A part opened by \x01 or closed by \x02 is a placeholder's inside.
    const bool inside = before == '\x01' || delimiter == '\x02';
    if (!inside && at - begin > longest.size()) longest = atom.substr(begin, at - begin);
    before = delimiter;
    begin = at + 1;
  }
  return longest;
}

bool Overlaps(std::size_t begin_a, std::size_t end_a, std::size_t begin_b, std::size_t end_b) {
  return begin_a < end_b && begin_b < end_a;
}

// True when every capture of `a` is a capture of `b` (same role and span).
bool Subsumed(const Candidate& a, const Candidate& b) {
  for (const Candidate::Capture& capture : a.captures) {
    const bool found = std::any_of(b.captures.begin(), b.captures.end(), [&](const auto& other) {
      return other.role == capture.role && other.begin == capture.begin &&
             other.end == capture.end;
    });
    if (!found) return false;
  }
  return true;
}

// `rule`'s RE2 and roles, or null with `error` set.
std::unique_ptr<CompiledRule::Program> CompileProgram(const CompiledRule& rule,
                                                      std::string* error) {
  auto program = std::make_unique<CompiledRule::Program>();
  std::string lowered;
  program->reads_lowered = LowerPattern(rule.pattern, &lowered);
  program->regex = std::make_unique<RE2>(program->reads_lowered ? lowered : rule.pattern,
                                         RuleOptions(/*case_sensitive=*/program->reads_lowered));
  const RE2& regex = *program->regex;
  if (!regex.ok()) {
    // Told of the pattern as written, as long as RE2 has something to say of it.
    const RE2 as_written(rule.pattern, RuleOptions(/*case_sensitive=*/false));
    *error = as_written.ok() ? regex.error() : as_written.error();
    return nullptr;
  }
  // RE2 compiles the reverse program (which finds where a match starts)
  // on the first match; compiled here, with the rule.
  if (regex.ReverseProgramSize() < 0) {
    *error = "too large to search backwards (RE2 memory)";
    return nullptr;
  }
  if (regex.Match("", 0, 0, RE2::UNANCHORED, nullptr, 0)) {
    *error = "matches empty text";
    return nullptr;
  }
  for (const auto& [group, index] : regex.NamedCapturingGroups()) {
    CompiledRule::Role role{index, RoleOf(group), nullptr, false};
    for (const CompiledRule::RoleName& name : rule.role_names) {
      if (name.group == group) {
        role.lexicon = name.lexicon;
        role.peak = name.peak;
      }
    }
    program->roles.push_back(std::move(role));
  }
  std::sort(program->roles.begin(), program->roles.end(),
            [](const CompiledRule::Role& a, const CompiledRule::Role& b) {
              return a.group < b.group;
            });
  return program;
}

}  // namespace

const CompiledRule::Program* CompiledRule::program() const {
  std::call_once(compiled, [this] {
    if (compiled_program != nullptr) return;  // compiled with the rule set
    std::string error;
    compiled_program = CompileProgram(*this, &error);
  });
  return compiled_program.get();
}

StatusOr<std::unique_ptr<RuleSet>> RuleSet::Compile(const std::string& lang,
                                                    const std::vector<RuleFile>& files,
                                                    const std::vector<std::string>& types,
                                                    bool compile_all_now) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  std::vector<std::string> errors;

  // Definitions of a language share one namespace. A user's file may
  // redefine a name on purpose; two built-in ones doing so is a mistake.
  Scope scope;
  for (const RuleFile& file : files) {
    if (file.lang != lang) continue;
    for (const Definition& definition : file.definitions) {
      auto [found, inserted] = scope.definitions.try_emplace(definition.name, &definition);
      if (!inserted) {
        if (file.built_in && !scope.given.contains(found->second)) {
          errors.push_back(absl::StrCat(definition.where, ": ", definition.name,
                                        " is already defined at ", found->second->where));
        }
        found->second = &definition;
      }
      if (!file.built_in) scope.given.insert(&definition);
    }
  }
  for (const auto& [name, definition] : scope.definitions) {
    if (definition->kind != Definition::Kind::kLexicon) continue;
    auto lexicon = std::make_unique<CompiledLexicon>();
    for (const LexiconEntry& entry : definition->entries) {
      for (const std::string& form : entry.forms) {
        lexicon->canonical_of[CaseFold(form)] = entry.canonical;
      }
    }
    if (definition->entries.empty()) {
      errors.push_back(absl::StrCat(definition->where, ": lexicon ", name, " has no entries"));
    }
    scope.lexicons[name] = lexicon.get();
    set->lexicons_.push_back(std::move(lexicon));
  }

  // Later rules with an id already seen replace the earlier one in place.
  std::vector<const RuleSpec*> specs;
  std::vector<const RuleFile*> spec_files;
  absl::flat_hash_map<std::string, std::size_t> position_of;
  for (const RuleFile& file : files) {
    if (file.lang != lang) continue;
    if (!types.empty() && std::find(types.begin(), types.end(), file.type) == types.end()) {
      continue;
    }
    for (const RuleSpec& spec : file.rules) {
      const std::string id = absl::StrCat(lang, "/", file.type, "/", spec.name);
      if (auto found = position_of.find(id); found != position_of.end()) {
        specs[found->second] = &spec;
        spec_files[found->second] = &file;
      } else {
        position_of[id] = specs.size();
        specs.push_back(&spec);
        spec_files.push_back(&file);
      }
    }
  }

  std::vector<Requirement> requirements;  // per rule kept
  GroupMemo memo;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const RuleSpec& spec = *specs[i];
    auto rule = std::make_unique<CompiledRule>();
    rule->type = spec_files[i]->type;
    rule->id = absl::StrCat(lang, "/", rule->type, "/", spec.name);
    rule->where = spec.where;
    rule->guard = spec.kind == RuleSpec::Kind::kGuard;
    rule->confidence = spec.confidence;

    std::string expanded;
    std::string error;
    std::vector<std::string> stack;
    std::vector<RoleSpec> roles;
    bool reads_given = false;
    if (spec.pattern.empty()) {
      errors.push_back(absl::StrCat(spec.where, ": ", spec.name, ": empty pattern"));
      continue;
    }
    if (!Expand(spec.pattern, scope, &stack, &expanded, &roles, &reads_given, &error)) {
      errors.push_back(absl::StrCat(spec.where, ": ", spec.name, ": ", error));
      continue;
    }
    rule->pattern = std::move(expanded);
    rule->role_names = std::move(roles);
    if (compile_all_now || !spec_files[i]->built_in || reads_given) {
      rule->compiled_program = CompileProgram(*rule, &error);
      if (rule->compiled_program == nullptr) {
        errors.push_back(absl::StrCat(spec.where, ": ", spec.name, ": ", error));
        continue;
      }
    }
    const std::vector<RoleSpec>& names = rule->role_names;
    std::string duplicate;
    for (std::size_t a = 0; a < names.size() && duplicate.empty(); ++a) {
      for (std::size_t b = a + 1; b < names.size(); ++b) {
        if (names[a].group == names[b].group) duplicate = names[a].group;
      }
    }
    if (!duplicate.empty()) {
      errors.push_back(absl::StrCat(spec.where, ": ", spec.name, ": the role '", duplicate,
                                    "' is captured twice (a fragment used twice?); name the "
                                    "second one ", duplicate, "_2"));
      continue;
    }
    requirements.push_back(RequiredLiterals(rule->pattern, kMinAtomLength, &memo));
    set->rules_.push_back(std::move(rule));
  }
  if (!errors.empty()) return Status::InvalidArgument(absl::StrJoin(errors, "\n"));
  if (set->rules_.empty()) return set;

  std::vector<std::string> atoms;
  absl::flat_hash_map<std::string, int> atom_id;
  for (const Requirement& requirement : requirements) {
    set->filters_.push_back(set->ToFilter(requirement, &atoms, &atom_id));
  }
  // The atoms: literals every match must contain, lower case. An atom that
  // holds a placeholder's bytes ("\x02 shares") is read before the mentions
  // are found by its longest literal part (" shares"): the part of the rule
  // text that is the sentence's own.
  absl::flat_hash_map<std::string, int> index_of;
  std::vector<std::string> literals;  // the atoms (ToFilter made them distinct), then parts
  auto add_literal = [&](const std::string& literal) {
    auto [found, inserted] = index_of.try_emplace(literal, static_cast<int>(literals.size()));
    if (inserted) literals.push_back(literal);
    return found->second;
  };
  for (const std::string& atom : atoms) add_literal(atom);
  set->atom_count_ = atoms.size();
  absl::flat_hash_map<int, int> followed_index_of;  // sentence part -> in followed_parts_
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    if (atoms[i].find_first_of("\x01\x02") == std::string::npos) continue;
    PlaceholderAtom placeholder{static_cast<int>(i), -1, 0, 0, -1};
    const std::string_view part = SentencePartOf(atoms[i]);
    if (part.size() >= static_cast<std::size_t>(kMinAtomLength)) {
      placeholder.sentence_part = add_literal(std::string(part));
      // "\x02 rose \x01p": a percentage begins where " rose " ends.
      const std::size_t after =
          static_cast<std::size_t>(part.data() - atoms[i].data()) + part.size();
      const MentionKindInfo* next = after + 1 < atoms[i].size() && atoms[i][after] == '\x01'
                                        ? KindOfLetter(atoms[i][after + 1])
                                        : nullptr;
      if (next != nullptr && (KindBit(next->kind) & kKindsToldApartByBeginning) != 0) {
        placeholder.next_kind = KindBit(next->kind);
        auto [found, inserted] = followed_index_of.try_emplace(
            placeholder.sentence_part, static_cast<int>(set->followed_parts_.size()));
        if (inserted) set->followed_parts_.emplace_back(part);
        placeholder.followed_part = found->second;
      }
    }
    for (std::size_t at = atoms[i].find('\x01'); at != std::string::npos && at + 1 < atoms[i].size();
         at = atoms[i].find('\x01', at + 1)) {
      if (const MentionKindInfo* kind = KindOfLetter(atoms[i][at + 1])) {
        placeholder.kinds |= KindBit(kind->kind);
      }
    }
    set->placeholder_atoms_.push_back(placeholder);
  }
  set->placeholders_by_part_.resize(literals.size());
  set->part_kind_sets_.assign(literals.size(), 0);
  static_assert(kKindSets <= 32, "part_kind_sets_: a bit per set of kinds");
  for (std::size_t i = 0; i < set->placeholder_atoms_.size(); ++i) {
    const PlaceholderAtom& placeholder = set->placeholder_atoms_[i];
    if (placeholder.sentence_part < 0) continue;
    const auto part = static_cast<std::size_t>(placeholder.sentence_part);
    set->placeholders_by_part_[part].push_back(static_cast<int>(i));
    for (std::size_t kinds = 0; kinds < kKindSets; ++kinds) {
      if ((placeholder.kinds & ~KindSet(kinds)) == 0) set->part_kind_sets_[part] |= 1u << kinds;
    }
  }
  set->literals_ = std::move(literals);
  set->rule_words_ = (set->rules_.size() + 63) / 64;
  set->rules_keyed_by_atom_.assign(set->atom_count_ * set->rule_words_, 0);
  for (std::size_t rule = 0; rule < set->filters_.size(); ++rule) {
    set->Compact(&set->filters_[rule]);
    const std::vector<int> key = set->KeyAtoms(set->filters_[rule]);
    if (key.empty()) set->unfiltered_rules_.push_back(static_cast<int>(rule));
    for (int atom : key) {
      set->rules_keyed_by_atom_[static_cast<std::size_t>(atom) * set->rule_words_ + rule / 64] |=
          std::uint64_t{1} << (rule % 64);
    }
  }
  static_assert(KindBit(MentionKind::kDate) < kKindSets, "kKindSets: a bit per kind of mention");
  Presence empty;
  empty.atoms.assign((set->atom_count_ + 63) / 64, 0);
  empty.rules.assign((set->rules_.size() + 63) / 64, 0);
  for (int rule : set->unfiltered_rules_) empty.rules[rule / 64] |= std::uint64_t{1} << (rule % 64);
  set->picking_rules_.assign(empty.rules.size(), 0);
  for (std::size_t rule = 0; rule < set->rules_.size(); ++rule) {
    if (!set->rules_[rule]->guard) {
      set->picking_rules_[rule / 64] |= std::uint64_t{1} << (rule % 64);
    }
  }
  set->start_.assign(kKindSets + 1, empty);
  for (std::size_t kinds = 0; kinds < kKindSets; ++kinds) {
    for (const PlaceholderAtom& placeholder : set->placeholder_atoms_) {
      if (placeholder.sentence_part < 0 && (placeholder.kinds & ~KindSet(kinds)) == 0) {
        set->Mark(placeholder.atom, &set->start_[kinds]);
      }
    }
  }
  return set;
}

RuleSet::Filter RuleSet::ToFilter(const Requirement& requirement, std::vector<std::string>* atoms,
                                  absl::flat_hash_map<std::string, int>* atom_ids) {
  Filter filter;
  switch (requirement.kind) {
    case Requirement::Kind::kNothing:
      break;
    case Requirement::Kind::kAtom: {
      filter.kind = Filter::Kind::kAtom;
      auto [found, inserted] = atom_ids->try_emplace(requirement.atom, atoms->size());
      if (inserted) atoms->push_back(requirement.atom);
      filter.atom = found->second;
      break;
    }
    case Requirement::Kind::kAnd:
    case Requirement::Kind::kOr:
      filter.kind =
          requirement.kind == Requirement::Kind::kAnd ? Filter::Kind::kAnd : Filter::Kind::kOr;
      for (const Requirement& part : requirement.of) {
        filter.of.push_back(ToFilter(part, atoms, atom_ids));
      }
      break;
  }
  return filter;
}

bool RuleSet::Filter::HeldBy(const std::uint64_t* present) const {
  // The parts of an AND or OR are mostly atoms and ORs of atoms: tested
  // here without a call each (the gate asks this of most sentences).
  auto held = [present](const Filter& filter) {
    switch (filter.kind) {
      case Kind::kNothing:
        return true;
      case Kind::kAtom:
        return ((present[filter.atom / 64] >> (filter.atom % 64)) & 1) != 0;
      case Kind::kAnyOf:
        for (const auto& [word, bits] : filter.any_of) {
          if ((present[word] & bits) != 0) return true;
        }
        return false;
      case Kind::kAnd:
      case Kind::kOr:
        return filter.HeldBy(present);
    }
    return true;
  };
  switch (kind) {
    case Kind::kAnd:
      for (const Filter& part : of) {
        if (!held(part)) return false;
      }
      return true;
    case Kind::kOr:
      for (const Filter& part : of) {
        if (held(part)) return true;
      }
      return false;
    default:
      return held(*this);
  }
}

bool RuleSet::AlwaysThereBeforeMentions(int atom) const {
  return std::any_of(placeholder_atoms_.begin(), placeholder_atoms_.end(),
                     [atom](const PlaceholderAtom& p) { return p.atom == atom && p.sentence_part < 0; });
}

void RuleSet::Compact(Filter* filter) const {
  for (Filter& part : filter->of) Compact(&part);
  if (filter->kind == Filter::Kind::kOr) {
    Filter any;
    any.kind = Filter::Kind::kAnyOf;
    std::vector<Filter> others;
    for (Filter& part : filter->of) {
      if (part.kind == Filter::Kind::kAtom) {
        const auto word = static_cast<std::uint32_t>(part.atom / 64);
        const std::uint64_t bit = std::uint64_t{1} << (part.atom % 64);
        auto found = std::find_if(any.any_of.begin(), any.any_of.end(),
                                  [word](const auto& entry) { return entry.first == word; });
        if (found == any.any_of.end()) {
          any.any_of.emplace_back(word, bit);
        } else {
          found->second |= bit;
        }
      } else {
        others.push_back(std::move(part));
      }
    }
    if (others.empty()) {
      *filter = std::move(any);
      return;
    }
    if (!any.any_of.empty()) others.insert(others.begin(), std::move(any));
    filter->of = std::move(others);
  }
  if (filter->kind == Filter::Kind::kAnd) {
    // A part with an atom that is all placeholder holds on most sentences
    // before the mentions; one with many atoms holds more often than one
    // with few; nested parts cost most to test.
    auto cost = [this](const Filter& part) -> std::size_t {
      switch (part.kind) {
        case Filter::Kind::kAtom:
          return AlwaysThereBeforeMentions(part.atom) ? 1000 : 1;
        case Filter::Kind::kAnyOf:
          return 10 + part.any_of.size();
        default:
          return 100;
      }
    };
    std::stable_sort(filter->of.begin(), filter->of.end(),
                     [&](const Filter& a, const Filter& b) { return cost(a) < cost(b); });
  }
}

std::vector<int> RuleSet::KeyAtoms(const Filter& filter) const {
  // Every atom under a part: if none is present, the part fails.
  std::vector<int> atoms;
  auto collect = [&atoms](const Filter& part, auto& self) -> void {
    if (part.kind == Filter::Kind::kAtom) atoms.push_back(part.atom);
    for (const auto& [word, bits] : part.any_of) {
      for (std::uint64_t rest = bits; rest != 0; rest &= rest - 1) {
        atoms.push_back(static_cast<int>(word * 64 + static_cast<std::uint32_t>(__builtin_ctzll(rest))));
      }
    }
    for (const Filter& inner : part.of) self(inner, self);
  };
  if (filter.kind != Filter::Kind::kAnd) {
    if (filter.kind != Filter::Kind::kNothing) collect(filter, collect);
    return atoms;
  }
  // Of an AND's parts, the one least often present before the mentions,
  // since every sentence holding a key atom has its rule checked. An atom
  // that is all placeholder ("\x01o") is there whenever its kind may be;
  // otherwise the guess goes by the letters it holds (spaces and punctuation
  // are in every sentence): "of" is in most sentences, "orders" in few.
  auto commonness = [this](int atom) -> std::size_t {
    if (AlwaysThereBeforeMentions(atom)) return 100000;
    const std::string& literal = literals_[static_cast<std::size_t>(atom)];
    const std::string_view sentence_part = literal.find_first_of("\x01\x02") == std::string::npos
                                               ? std::string_view(literal)
                                               : SentencePartOf(literal);
    const auto letters = static_cast<std::size_t>(
        std::count_if(sentence_part.begin(), sentence_part.end(), [](char c) {
          return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                 static_cast<unsigned char>(c) >= 0x80;
        }));
    static constexpr std::size_t kByLetters[] = {512, 512, 512, 128, 16, 4};
    return letters < std::size(kByLetters) ? kByLetters[letters] : 1;
  };
  std::vector<int> best;
  std::size_t best_cost = SIZE_MAX;
  for (const Filter& part : filter.of) {
    atoms.clear();
    collect(part, collect);
    std::size_t cost = 0;
    for (int atom : atoms) cost += commonness(atom);
    if (cost < best_cost) {
      best_cost = cost;
      best = atoms;
    }
  }
  std::sort(best.begin(), best.end());
  best.erase(std::unique(best.begin(), best.end()), best.end());
  return best;
}

void RuleSet::Mark(int atom, Presence* presence) const {
  presence->atoms[atom / 64] |= std::uint64_t{1} << (atom % 64);
  const std::uint64_t* keyed = &rules_keyed_by_atom_[static_cast<std::size_t>(atom) * rule_words_];
  std::uint64_t* rules = presence->rules.data();
  for (std::size_t word = 0; word < rule_words_; ++word) rules[word] |= keyed[word];
}

RuleSet::Presence RuleSet::Present(const std::vector<int>& found, bool before_mentions,
                                   KindSet possible_kinds,
                                   const KindSet* kinds_after_followed_parts) const {
  Presence presence = start_[before_mentions ? possible_kinds % kKindSets : kKindSets];
  for (int index : found) {
    if (index < static_cast<int>(atom_count_)) Mark(index, &presence);
  }
  if (before_mentions) {
    for (int index : found) {
      const auto part = static_cast<std::size_t>(index);
      if (part >= placeholders_by_part_.size() ||
          ((part_kind_sets_[part] >> (possible_kinds % kKindSets)) & 1) == 0) {
        continue;
      }
      for (int i : placeholders_by_part_[part]) {
        const PlaceholderAtom& placeholder = placeholder_atoms_[static_cast<std::size_t>(i)];
        if ((placeholder.kinds & ~possible_kinds) != 0) continue;
        if (placeholder.followed_part >= 0 && kinds_after_followed_parts != nullptr &&
            (kinds_after_followed_parts[placeholder.followed_part] & placeholder.next_kind) == 0) {
          continue;  // no mention of its kind can begin where the part ends
        }
        Mark(placeholder.atom, &presence);
      }
    }
  }
  return presence;
}

namespace {

// Calls `on_rule(index)` for each rule worth checking, in order, until it
// returns false.
template <typename OnRule>
void ForEachRule(const absl::InlinedVector<std::uint64_t, 4>& rules, OnRule on_rule) {
  for (std::size_t word = 0; word < rules.size(); ++word) {
    for (std::uint64_t bits = rules[word]; bits != 0; bits &= bits - 1) {
      if (!on_rule(static_cast<int>(word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))))) {
        return;
      }
    }
  }
}

}  // namespace

std::vector<int> RuleSet::Pick(const std::vector<int>& found, bool before_mentions,
                               KindSet possible_kinds) const {
  const Presence presence = Present(found, before_mentions, possible_kinds, nullptr);
  std::vector<int> picked;
  ForEachRule(presence.rules, [&](int rule) {
    if (filters_[rule].HeldBy(presence.atoms.data())) picked.push_back(rule);
    return true;
  });
  return picked;
}

bool RuleSet::MayMatch(std::string_view sentence, KindSet possible_kinds) const {
  if (rules_.empty()) return false;
  return MayMatch(AtomMatcher().FindDistinct(sentence), possible_kinds, nullptr);
}

bool RuleSet::MayMatch(const std::vector<int>& found, KindSet possible_kinds,
                       const KindSet* kinds_after_followed_parts) const {
  if (rules_.empty()) return false;
  Presence presence = Present(found, true, possible_kinds, kinds_after_followed_parts);
  // A guard only vetoes; a sentence no rule picks has nothing to veto.
  for (std::size_t word = 0; word < presence.rules.size(); ++word) {
    presence.rules[word] &= picking_rules_[word];
  }
  bool any = false;
  ForEachRule(presence.rules, [&](int rule) {
    any = filters_[rule].HeldBy(presence.atoms.data());
    return !any;
  });
  return any;
}

const LiteralMatcher& RuleSet::AtomMatcher() const {
  std::call_once(atom_matcher_built_, [this] {
    atom_matcher_ = std::make_unique<LiteralMatcher>(literals_, LiteralMatcher::Case::kFolded);
  });
  return *atom_matcher_;
}

std::vector<Candidate> RuleSet::Match(std::string_view rule_text, MatchTrace* trace) const {
  if (rules_.empty()) return {};
  return Match(rule_text, AtomMatcher().FindDistinct(rule_text), trace);
}

std::vector<Candidate> RuleSet::Match(std::string_view rule_text, const std::vector<int>& found,
                                      MatchTrace* trace) const {
  std::vector<Candidate> candidates;
  if (rules_.empty()) return candidates;
  const std::vector<int> hits = Pick(found, false, kEveryKind);
  std::string lowered;  // made once, for the first rule that reads it

  std::vector<std::pair<std::size_t, std::size_t>> guard_spans;
  std::vector<const CompiledRule*> guard_rules;
  for (int hit : hits) {
    const CompiledRule& rule = *rules_[hit];
    if (trace) trace->picked.push_back(&rule);
    const CompiledRule::Program* program = rule.program();
    if (program == nullptr) continue;
    if (program->reads_lowered && lowered.empty()) LowerKeepingOffsets(rule_text, &lowered);
    // Offsets in either are offsets in the rule text.
    const re2::StringPiece text = program->reads_lowered
                                      ? re2::StringPiece(lowered)
                                      : re2::StringPiece(rule_text.data(), rule_text.size());
    const RE2& regex = *program->regex;
    const int groups = regex.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> pieces(groups);
    std::size_t at = 0;
    bool matched = false;
    while (at <= rule_text.size() &&
           regex.Match(text, at, rule_text.size(), RE2::UNANCHORED, pieces.data(), groups)) {
      matched = true;
      const std::size_t begin = static_cast<std::size_t>(pieces[0].data() - text.data());
      const std::size_t end = begin + pieces[0].size();
      if (rule.guard) {
        guard_spans.emplace_back(begin, end);
        guard_rules.push_back(&rule);
      } else {
        Candidate candidate{&rule, begin, end, {}};
        for (const CompiledRule::Role& role : program->roles) {
          const re2::StringPiece& piece = pieces[role.group];
          if (piece.data() == nullptr) continue;
          const std::size_t capture = static_cast<std::size_t>(piece.data() - text.data());
          candidate.captures.push_back(
              {role.role, capture, capture + piece.size(), role.lexicon, role.peak});
        }
        candidates.push_back(std::move(candidate));
      }
      at = end > begin ? end : end + 1;
    }
    if (trace && matched) trace->matched.push_back(&rule);
  }

  // Guards veto the candidates of their type they overlap.
  std::vector<Candidate> allowed;
  for (Candidate& candidate : candidates) {
    const CompiledRule* veto = nullptr;
    for (std::size_t g = 0; g < guard_spans.size() && veto == nullptr; ++g) {
      if (guard_rules[g]->type == candidate.rule->type &&
          Overlaps(candidate.begin, candidate.end, guard_spans[g].first, guard_spans[g].second)) {
        veto = guard_rules[g];
      }
    }
    if (veto) {
      if (trace) trace->vetoed.emplace_back(candidate.rule, veto);
    } else {
      allowed.push_back(std::move(candidate));
    }
  }

  // Precedence (see the header): drop candidates another one subsumes.
  auto rank = [this](const Candidate& c) {
    return std::find_if(rules_.begin(), rules_.end(),
                        [&](const auto& rule) { return rule.get() == c.rule; }) -
           rules_.begin();
  };
  // Every verdict is reached before any candidate is moved out.
  std::vector<bool> dropped_flags(allowed.size(), false);
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    bool dropped = false;
    for (std::size_t j = 0; j < allowed.size() && !dropped; ++j) {
      if (i == j || allowed[i].rule->type != allowed[j].rule->type) continue;
      if (!Subsumed(allowed[i], allowed[j])) continue;
      if (!Subsumed(allowed[j], allowed[i])) {
        dropped = true;  // j sees strictly more
      } else if (allowed[j].rule->confidence != allowed[i].rule->confidence) {
        dropped = allowed[j].rule->confidence > allowed[i].rule->confidence;
      } else {
        const auto rank_i = rank(allowed[i]), rank_j = rank(allowed[j]);
        dropped = rank_j < rank_i || (rank_j == rank_i && j < i);
      }
    }
    dropped_flags[i] = dropped;
  }
  std::vector<Candidate> kept;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (dropped_flags[i]) {
      if (trace) trace->outranked.push_back(allowed[i].rule);
    } else {
      kept.push_back(std::move(allowed[i]));
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  return kept;
}

}  // namespace newsevents::internal
