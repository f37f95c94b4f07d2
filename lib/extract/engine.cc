#include "extract/engine.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embedded.h"
#include "mentions/organizations.h"
#include "rules/rule_file.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

constexpr std::string_view kLanguages[] = {"en", "fr"};

// Reads the rule files under `directory`: every <lang>/<type>.rules.
Status ReadRuleDirectory(const std::string& directory, std::vector<RuleFile>* files,
                         std::vector<std::string>* errors) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return Status::NotFound(absl::StrCat("rules directory ", directory, " does not exist"));
  }
  std::vector<fs::path> paths;
  for (fs::recursive_directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    if (it->path().extension() != ".rules") continue;
    // The error_code form: a rules file whose type cannot be read (a link
    // into a directory we may not enter, a link loop, a dangling link) is an
    // IoError; the throwing form let the exception escape Create.
    std::error_code type_error;
    const bool regular = it->is_regular_file(type_error);
    if (type_error) {
      return Status::IoError(absl::StrCat("cannot read rules file ", it->path().string(), ": ",
                                          type_error.message()));
    }
    if (regular) paths.push_back(it->path());
  }
  if (error) {
    return Status::IoError(absl::StrCat("cannot list rules directory ", directory, ": ",
                                        error.message()));
  }
  std::sort(paths.begin(), paths.end());  // a stable precedence among files
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream contents;
    contents << in.rdbuf();
    if (!in.good() && !in.eof()) {
      return Status::IoError(absl::StrCat("cannot read rules file ", path.string()));
    }
    files->push_back(ParseRuleFile(path.generic_string(), contents.str(), errors));
  }
  return Status::OK();
}

}  // namespace

const Engine::Language* Engine::Find(std::string_view code) const {
  for (const Language& language : languages) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

StatusOr<std::unique_ptr<Engine>> BuildEngine(const Options& options) {
  if (!options.lang.empty() &&
      std::find(std::begin(kLanguages), std::end(kLanguages), options.lang) ==
          std::end(kLanguages)) {
    return Status::InvalidArgument(
        absl::StrCat("lang '", options.lang, "' is not supported (use en or fr, or leave empty)"));
  }
  if (options.threads < 0) {
    return Status::InvalidArgument("threads must be 0 (one per core) or more");
  }

  std::vector<std::string> errors;
  std::vector<RuleFile> files;
  std::vector<OrganizationRecognizer::Source> entity_sources;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    const std::string path = absl::StrCat("lib/", ToAbsl(file.path));
    if (absl::EndsWith(ToAbsl(file.path), ".rules")) {
      files.push_back(ParseRuleFile(path, file.contents, &errors));
    } else if (file.path == "data/organizations.tsv") {
      entity_sources.push_back({path, file.contents});
    }
  }
  for (const std::string& directory : options.rules) {
    Status status = ReadRuleDirectory(directory, &files, &errors);
    if (!status.ok()) return status;
  }

  std::vector<std::string> entity_texts;  // owns what entity_sources views
  entity_texts.reserve(options.entities.size());
  for (const std::string& path : options.entities) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound(absl::StrCat("entity list ", path, " cannot be read"));
    std::stringstream contents;
    contents << in.rdbuf();
    entity_texts.push_back(contents.str());
    entity_sources.push_back({path, entity_texts.back()});
  }
  auto organizations = OrganizationRecognizer::Create(entity_sources);
  if (!organizations.ok()) return organizations.status();
  std::shared_ptr<const OrganizationRecognizer> shared_organizations =
      std::move(organizations).value();

  // Compiling a language's rules is most of the creation time, and the
  // languages are independent: one thread each.
  auto engine = std::make_unique<Engine>();
  engine->languages.resize(std::size(kLanguages));
  std::vector<Status> statuses(std::size(kLanguages));
  auto compile = [&](std::size_t i) {
    Engine::Language& language = engine->languages[i];
    language.code = std::string(kLanguages[i]);
    auto mentions = MentionRecognizer::Create(language.code, shared_organizations);
    if (!mentions.ok()) {
      statuses[i] = mentions.status();
      return;
    }
    language.mentions = std::move(mentions).value();
    auto rules = RuleSet::Compile(language.code, files, options.types);
    if (!rules.ok()) {
      statuses[i] = rules.status();
      return;
    }
    language.rules = std::move(rules).value();
  };
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < std::size(kLanguages); ++i) workers.emplace_back(compile, i);
  compile(0);
  for (std::thread& worker : workers) worker.join();

  for (const Status& status : statuses) {
    if (status.ok()) continue;
    if (status.code() != Status::Code::kInvalidArgument) return status;
    errors.push_back(status.message());
  }
  if (!errors.empty()) {
    return Status::InvalidArgument(absl::StrCat("malformed rules:\n", absl::StrJoin(errors, "\n")));
  }
  return engine;
}

}  // namespace newsevents::internal
