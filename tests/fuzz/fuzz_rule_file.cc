// Fuzz target: the rule file parser and compiler. The input is a rules file
// (the project's own .rules files are the seeds), read as <lang>/<type>.rules
// for both languages and a type the last byte picks, then compiled with the
// language's built-in common.rules, as a user's --rules directory is. Every
// error must name a file and a line that exists; a rule set that compiles
// must match sentences without trouble.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "embedded.h"
#include "fuzz_checks.h"
#include "rules/rule_file.h"
#include "rules/rule_set.h"

namespace newsevents::fuzz {
namespace {

constexpr std::string_view kTypes[] = {"share_move", "deal", "common", "tariff"};

// True when `message` starts with "<path>:<line>: " for a line of a file
// with `lines` lines.
bool NamesLine(std::string_view message, std::string_view path, std::size_t lines) {
  if (message.substr(0, path.size()) != path || message.size() <= path.size() ||
      message[path.size()] != ':') {
    return false;
  }
  std::size_t at = path.size() + 1;
  std::size_t line = 0;
  while (at < message.size() && message[at] >= '0' && message[at] <= '9') {
    line = line * 10 + static_cast<std::size_t>(message[at] - '0');
    if (line > lines) return false;
    ++at;
  }
  return line >= 1 && message.substr(at, 2) == ": ";
}

std::size_t LineCount(std::string_view text) {
  std::size_t lines = 1;
  for (char c : text) lines += c == '\n';
  return lines;
}

void CheckCandidates(const internal::RuleSet& rules, std::string_view text) {
  internal::MatchTrace trace;
  for (const internal::Candidate& candidate : rules.Match(text, &trace)) {
    FUZZ_CHECK(candidate.begin <= candidate.end && candidate.end <= text.size());
    FUZZ_CHECK(!candidate.rule->guard);
    for (const auto& capture : candidate.captures) {
      FUZZ_CHECK(candidate.begin <= capture.begin && capture.begin <= capture.end &&
                 capture.end <= candidate.end);
    }
  }
  for (const auto& [rule, guard] : trace.vetoed) {
    FUZZ_CHECK(guard->guard && rule->type == guard->type);
  }
}

void ParseAndCompile(std::string_view contents, std::string_view lang, std::string_view type,
                     bool deals_only) {
  const std::string path = "user/" + std::string(lang) + "/" + std::string(type) + ".rules";
  std::vector<std::string> errors;
  std::vector<internal::RuleFile> files;
  const std::string common_path = "rules/" + std::string(lang) + "/common.rules";
  files.push_back(internal::ParseRuleFile("lib/" + common_path,
                                          internal::FindEmbedded(common_path), &errors));
  FUZZ_CHECK(errors.empty());
  files.push_back(internal::ParseRuleFile(path, contents, &errors));
  const std::size_t lines = LineCount(contents);
  for (const std::string& error : errors) FUZZ_CHECK(NamesLine(error, path, lines));
  for (const internal::Definition& definition : files.back().definitions) {
    FUZZ_CHECK(NamesLine(definition.where + ": ", path, lines));
    FUZZ_CHECK(!definition.name.empty());
  }
  for (const internal::RuleSpec& rule : files.back().rules) {
    FUZZ_CHECK(NamesLine(rule.where + ": ", path, lines));
    FUZZ_CHECK(rule.confidence >= 0 && rule.confidence <= 1);
  }

  const std::vector<std::string> types =
      deals_only ? std::vector<std::string>{"deal"} : std::vector<std::string>{};
  auto compiled = internal::RuleSet::Compile(std::string(lang), files, types);
  if (!compiled.ok()) {
    const Status status = compiled.status();
    const std::string& message = status.message();
    FUZZ_CHECK(!message.empty());
    if (status.code() == Status::Code::kInvalidArgument) {
      // Every line of the message names where the problem is.
      std::size_t begin = 0;
      while (begin < message.size()) {
        std::size_t end = message.find('\n', begin);
        if (end == std::string::npos) end = message.size();
        const std::string_view line = std::string_view(message).substr(begin, end - begin);
        FUZZ_CHECK(line.substr(0, path.size()) == path ||
                   line.substr(0, 4 + common_path.size()) == "lib/" + common_path);
        begin = end + 1;
      }
    }
    return;
  }
  const internal::RuleSet& rules = *compiled.value();
  for (const auto& rule : rules.rules()) FUZZ_CHECK(rule->program() != nullptr);
  CheckCandidates(rules, "\x01O0\x02 shares fell \x01P1\x02 to \x01M2\x02 on \x01" "D3\x02.");
  CheckCandidates(rules, contents.substr(0, 2000));
}

}  // namespace
}  // namespace newsevents::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsevents::fuzz;
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  // A file ending in a newline (every seed) is read as share_move.rules.
  const std::string_view type = kTypes[(Selector(data, size) >> 4) % std::size(kTypes)];
  const bool deals_only = Selector(data, size) & 1;
  // The file is read as each language's, since its fragments and lexicons
  // may be those of either common.rules.
  for (std::string_view lang : {"en", "fr"}) ParseAndCompile(contents, lang, type, deals_only);
  return 0;
}
