#include "mentions/organizations.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "string_views.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace newsevents::internal {
namespace {

bool IsWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// An alias as a pattern that matches it as whole words.
std::string AliasPattern(std::string_view alias) {
  std::string pattern = RE2::QuoteMeta(re2::StringPiece(alias.data(), alias.size()));
  if (IsWordChar(alias.front())) pattern = absl::StrCat("\\b", pattern);
  if (IsWordChar(alias.back())) absl::StrAppend(&pattern, "\\b");
  return pattern;
}

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

// Corporate suffixes; those that are abbreviations may take their period.
constexpr std::string_view kSuffixedPattern =
    R"(\b((?:[A-Z][\w&'-]*)(?: (?:[A-Z][\w&'-]*|&|of|and))*),? )"
    R"(((?:Inc|Corp|Co|Ltd|Cos|Bhd)\b\.?|(?:Corporation|Company|Limited|plc|PLC|SA|S\.A\.|SE|AG|NV|N\.V\.|LLC|Holdings|Group)\b))";

}  // namespace

StatusOr<std::unique_ptr<OrganizationRecognizer>> OrganizationRecognizer::Create(
    const std::vector<Source>& sources) {
  std::unique_ptr<OrganizationRecognizer> recognizer(new OrganizationRecognizer());
  std::vector<std::string> errors;
  for (const Source& source : sources) {
    int line_number = 0;
    for (absl::string_view line : absl::StrSplit(ToAbsl(source.text), '\n')) {
      ++line_number;
      line = absl::StripTrailingAsciiWhitespace(line);
      if (line.empty() || line.front() == '#') continue;
      std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
      if (fields.size() != 4 || fields[0].empty()) {
        errors.push_back(absl::StrCat(source.path, ":", line_number,
                                      ": expected 4 tab-separated fields "
                                      "(name, id, kind, aliases), found ",
                                      fields.size()));
        continue;
      }
      const std::size_t index = recognizer->entities_.size();
      recognizer->entities_.push_back(
          {std::string(fields[0]), std::string(fields[1]), std::string(fields[2])});
      // A later entry with the same alias wins, so user lists can override.
      recognizer->by_alias_[std::string(fields[0])] = index;
      for (absl::string_view alias : absl::StrSplit(fields[3], '|', absl::SkipEmpty())) {
        recognizer->by_alias_[std::string(absl::StripAsciiWhitespace(alias))] = index;
      }
    }
  }
  if (!errors.empty()) return Status::InvalidArgument(absl::StrJoin(errors, "\n"));

  std::vector<std::string> aliases;
  aliases.reserve(recognizer->by_alias_.size());
  for (const auto& [alias, index] : recognizer->by_alias_) aliases.push_back(alias);
  // Longest first, so "Dell Technologies" wins over "Dell" at the same place.
  std::sort(aliases.begin(), aliases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::vector<std::string> patterns;
  patterns.reserve(aliases.size());
  for (const std::string& alias : aliases) patterns.push_back(AliasPattern(alias));
  if (patterns.empty()) patterns.push_back("[^\\x00-\\x{10FFFF}]");  // matches nothing
  recognizer->aliases_ = std::make_unique<RE2>(
      absl::StrCat("(", absl::StrJoin(patterns, "|"), ")"), PatternOptions());
  recognizer->suffixed_ = std::make_unique<RE2>(kSuffixedPattern, PatternOptions());
  if (!recognizer->aliases_->ok() || !recognizer->suffixed_->ok()) {
    return Status::Internal(absl::StrCat("entity list pattern: ",
                                         recognizer->aliases_->error(),
                                         recognizer->suffixed_->error()));
  }
  return recognizer;
}

const Entity* OrganizationRecognizer::Lookup(std::string_view alias) const {
  auto found = by_alias_.find(ToAbsl(alias));
  return found == by_alias_.end() ? nullptr : &entities_[found->second];
}

void OrganizationRecognizer::Find(std::string_view text,
                                  std::vector<FoundMention>* out) const {
  auto add = [&](std::string_view match, const Entity* entity, std::string_view name) {
    const std::size_t begin = static_cast<std::size_t>(match.data() - text.data());
    Organization organization;
    organization.name = entity ? entity->name : std::string(name);
    if (entity) organization.id = entity->id;
    out->push_back({MentionKind::kOrganization, begin, begin + match.size(),
                    std::move(organization)});
  };

  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, *aliases_, &match)) {
    add(std::string_view(match.data(), match.size()),
        Lookup(std::string_view(match.data(), match.size())), {});
  }

  input = re2::StringPiece(text.data(), text.size());
  re2::StringPiece name, suffix;
  while (RE2::FindAndConsume(&input, *suffixed_, &name, &suffix)) {
    const char* end = suffix.data() + suffix.size();
    std::string_view bare(name.data(), name.size());
    const Entity* entity = Lookup(std::string_view(bare.data(), end - bare.data()));
    // A capitalized word before a known name is not part of it
    // ("Rivals Dell Technologies Inc."): try the name without leading words.
    for (std::string_view rest = bare; entity == nullptr;) {
      entity = Lookup(rest);
      if (entity != nullptr) {
        bare = rest;
        break;
      }
      const std::size_t space = rest.find(' ');
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    add(std::string_view(bare.data(), end - bare.data()), entity, bare);
  }
}

}  // namespace newsevents::internal
