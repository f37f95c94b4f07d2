#include "rules/rule_file.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "string_views.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace newsevents::internal {
namespace {

bool IsName(absl::string_view name) {
  if (name.empty() || !(absl::ascii_isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
    return false;
  }
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

}  // namespace

RuleFile ParseRuleFile(std::string_view path_view, std::string_view contents_view,
                       std::vector<std::string>* errors) {
  const absl::string_view path = ToAbsl(path_view);
  const absl::string_view contents = ToAbsl(contents_view);
  RuleFile file;
  file.path = std::string(path);
  // <lang>/<type>.rules
  std::vector<absl::string_view> parts = absl::StrSplit(path, '/');
  absl::string_view base = parts.back();
  if (parts.size() < 2 || !absl::ConsumeSuffix(&base, ".rules") || base.empty()) {
    errors->push_back(absl::StrCat(path, ": a rules file must be named <lang>/<type>.rules"));
    return file;
  }
  file.lang = std::string(parts[parts.size() - 2]);
  file.type = std::string(base);

  // What an indented line continues: a pattern, a lexicon, or nothing.
  std::string* continued_pattern = nullptr;
  Definition* open_lexicon = nullptr;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    const std::string where = absl::StrCat(path, ":", line_number);
    auto error = [&](absl::string_view message) {
      errors->push_back(absl::StrCat(where, ": ", message));
    };
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const absl::string_view stripped = absl::StripAsciiWhitespace(line);
    if (stripped.empty() || stripped.front() == '#') continue;

    if (absl::ascii_isspace(static_cast<unsigned char>(line.front()))) {
      if (open_lexicon != nullptr) {
        LexiconEntry entry;
        for (absl::string_view form : absl::StrSplit(stripped, '|')) {
          form = absl::StripAsciiWhitespace(form);
          if (form.empty()) {
            error("empty form in lexicon entry");
            continue;
          }
          entry.forms.emplace_back(std::string(form));
        }
        if (!entry.forms.empty()) {
          entry.canonical = entry.forms.front();
          open_lexicon->entries.push_back(std::move(entry));
        }
      } else if (continued_pattern != nullptr) {
        continued_pattern->append(stripped.data(), stripped.size());
      } else {
        error("indented line continues nothing (no rule, define or lexicon above)");
      }
      continue;
    }

    continued_pattern = nullptr;
    open_lexicon = nullptr;
    std::pair<absl::string_view, absl::string_view> head_rest =
        absl::StrSplit(stripped, absl::MaxSplits(' ', 1));
    const absl::string_view keyword = head_rest.first;
    absl::string_view rest = absl::StripLeadingAsciiWhitespace(head_rest.second);

    if (keyword == "lexicon") {
      if (!IsName(rest)) {
        error(absl::StrCat("lexicon needs a name of letters, digits and _, got '", rest, "'"));
        continue;
      }
      file.definitions.push_back({Definition::Kind::kLexicon, std::string(rest), "", {}, where});
      open_lexicon = &file.definitions.back();
      continue;
    }
    if (keyword != "define" && keyword != "rule" && keyword != "guard") {
      error(absl::StrCat("unknown keyword '", keyword,
                         "' (expected define, lexicon, rule or guard)"));
      continue;
    }
    const std::size_t equals = rest.find('=');
    if (equals == absl::string_view::npos) {
      error(absl::StrCat(keyword, " needs '= pattern'"));
      continue;
    }
    absl::string_view name = absl::StripAsciiWhitespace(rest.substr(0, equals));
    const absl::string_view pattern = absl::StripAsciiWhitespace(rest.substr(equals + 1));
    double confidence = 0.9;
    if (const std::size_t bracket = name.find('['); bracket != absl::string_view::npos) {
      absl::string_view attribute = name.substr(bracket + 1);
      name = absl::StripAsciiWhitespace(name.substr(0, bracket));
      if (!absl::ConsumeSuffix(&attribute, "]") ||
          !absl::SimpleAtod(absl::StripAsciiWhitespace(attribute), &confidence) ||
          confidence < 0 || confidence > 1 || keyword != "rule") {
        error("a rule's confidence is written [0.7], a number from 0 to 1");
        continue;
      }
    }
    if (!IsName(name)) {
      error(absl::StrCat(keyword, " needs a name of letters, digits and _, got '", name, "'"));
      continue;
    }
    if (keyword == "define") {
      file.definitions.push_back(
          {Definition::Kind::kFragment, std::string(name), std::string(pattern), {}, where});
      continued_pattern = &file.definitions.back().pattern;
    } else {
      if (file.type == "common") {
        error("common.rules holds definitions only; put rules in <type>.rules");
        continue;
      }
      file.rules.push_back({keyword == "rule" ? RuleSpec::Kind::kRule : RuleSpec::Kind::kGuard,
                            std::string(name), std::string(pattern), confidence, where});
      continued_pattern = &file.rules.back().pattern;
    }
  }
  return file;
}

}  // namespace newsevents::internal
