#include "extract/engine.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_map.h"
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

// A file an engine is compiled from.
struct SourceFile {
  std::string path;      // for error messages
  std::string contents;
  bool built_in = false;  // compiled into the library
};

// Everything an engine is compiled from: the types kept, and the bytes of
// every rules file and entity list, built-in ones first.
struct EngineSources {
  std::vector<std::string> types;
  std::vector<SourceFile> rule_files;
  std::vector<SourceFile> entity_lists;

  // Equal keys compile to equal engines.
  std::string Key() const {
    std::string key;
    auto add = [&key](std::string_view field) {
      absl::StrAppend(&key, field.size(), ":", ToAbsl(field));
    };
    add(std::to_string(types.size()));
    for (const std::string& type : types) add(type);
    for (const auto* files : {&rule_files, &entity_lists}) {
      add(std::to_string(files->size()));
      for (const SourceFile& file : *files) {
        add(file.built_in ? "built-in" : "given");
        add(file.path);
        add(file.contents);
      }
    }
    return key;
  }
};

// The bytes of the file at `path`, or nullopt when it cannot be opened or read.
std::optional<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream contents;
  contents << in.rdbuf();
  if (!in.good() && !in.eof()) return std::nullopt;
  return contents.str();
}

// Reads the rule files under `directory`: every <lang>/<type>.rules.
Status ReadRuleDirectory(const std::string& directory, std::vector<SourceFile>* files) {
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
    std::optional<std::string> contents = ReadWholeFile(path);
    if (!contents) return Status::IoError(absl::StrCat("cannot read rules file ", path.string()));
    files->push_back({path.generic_string(), std::move(*contents)});
  }
  return Status::OK();
}

StatusOr<EngineSources> ReadEngineSources(const Options& options) {
  if (!options.lang.empty() &&
      std::find(std::begin(kLanguages), std::end(kLanguages), options.lang) ==
          std::end(kLanguages)) {
    return Status::InvalidArgument(
        absl::StrCat("lang '", options.lang, "' is not supported (use en or fr, or leave empty)"));
  }
  if (options.threads < 0) {
    return Status::InvalidArgument("threads must be 0 (one per core) or more");
  }
  EngineSources sources;
  sources.types = options.types;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    const std::string path = absl::StrCat("lib/", ToAbsl(file.path));
    if (absl::EndsWith(ToAbsl(file.path), ".rules")) {
      sources.rule_files.push_back({path, std::string(file.contents), /*built_in=*/true});
    } else if (file.path == "data/organizations.tsv") {
      sources.entity_lists.push_back({path, std::string(file.contents)});
    }
  }
  for (const std::string& directory : options.rules) {
    Status status = ReadRuleDirectory(directory, &sources.rule_files);
    if (!status.ok()) return status;
  }
  for (const std::string& path : options.entities) {
    std::optional<std::string> contents = ReadWholeFile(path);
    if (!contents) return Status::NotFound(absl::StrCat("entity list ", path, " cannot be read"));
    sources.entity_lists.push_back({path, std::move(*contents)});
  }
  return sources;
}

StatusOr<std::unique_ptr<Engine>> CompileEngine(const EngineSources& sources) {
  std::vector<std::string> errors;
  std::vector<RuleFile> files;
  files.reserve(sources.rule_files.size());
  for (const SourceFile& file : sources.rule_files) {
    files.push_back(ParseRuleFile(file.path, file.contents, &errors));
    files.back().built_in = file.built_in;
  }
  std::vector<OrganizationRecognizer::Source> entity_sources;
  for (const SourceFile& file : sources.entity_lists) {
    entity_sources.push_back({file.path, file.contents});
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
    auto rules = RuleSet::Compile(language.code, files, sources.types);
    if (!rules.ok()) {
      statuses[i] = rules.status();
      return;
    }
    language.rules = std::move(rules).value();
    std::vector<std::string> literals = language.rules->literals();
    for (std::string& cue : language.mentions->CueLiterals()) {
      literals.push_back(std::move(cue));
      ++language.cue_count;
    }
    const std::vector<std::string>& followed = language.rules->followed_parts();
    literals.insert(literals.end(), followed.begin(), followed.end());
    language.gate = std::make_unique<LiteralMatcher>(literals, LiteralMatcher::Case::kFolded);
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

// The engines SharedEngine has built, by their sources' key.
class EngineCache {
 public:
  static EngineCache& Get() {
    static EngineCache* cache = new EngineCache();  // never destroyed: used until exit
    return *cache;
  }

  std::shared_ptr<const Engine> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = engines_.find(key);
    if (found == engines_.end()) return nullptr;
    std::shared_ptr<const Engine> engine = found->second.lock();
    if (engine == nullptr) engines_.erase(found);
    return engine;
  }

  // Keeps `engine` for `key`, or returns the one another thread built first.
  std::shared_ptr<const Engine> Add(const std::string& key, std::shared_ptr<const Engine> engine) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = engines_.begin(); it != engines_.end();) {
      if (it->second.expired()) {
        engines_.erase(it++);  // erasing leaves the other iterators valid
      } else {
        ++it;
      }
    }
    auto [found, inserted] = engines_.try_emplace(key, engine);
    if (!inserted) {
      if (std::shared_ptr<const Engine> other = found->second.lock()) {
        engine = std::move(other);
      } else {
        found->second = engine;
      }
    }
    latest_ = engine;
    return engine;
  }

 private:
  std::mutex mutex_;
  absl::flat_hash_map<std::string, std::weak_ptr<const Engine>> engines_;
  std::shared_ptr<const Engine> latest_;
};

}  // namespace

void Engine::Language::GateSentences(std::string_view text, const std::vector<Span>& sentences,
                                     std::vector<bool>* may_hold_events) const {
  const std::size_t first_cue = rules->literals().size();
  // Sentences are scanned together while they fit a window of this many
  // bytes: the hits of a whole text at once would take memory in
  // proportion to it (a 100 MB line).
  constexpr std::size_t kWindow = 64 * 1024;
  thread_local std::vector<LiteralMatcher::Hit> hits;  // every literal's in a window, by end
  thread_local std::vector<int> found;
  thread_local std::vector<LiteralMatcher::Hit> cue_hits;
  // A bit per rule literal, all zero between sentences.
  thread_local std::vector<std::uint64_t> seen;
  if (seen.size() < (first_cue + 63) / 64) seen.resize((first_cue + 63) / 64, 0);
  may_hold_events->assign(sentences.size(), false);
  for (std::size_t first = 0; first < sentences.size();) {
    std::size_t window_begin = sentences[first].begin;
    std::size_t window_end = sentences[first].end;
    std::size_t last = first + 1;
    for (; last < sentences.size(); ++last) {
      const std::size_t begin = std::min(window_begin, sentences[last].begin);
      const std::size_t end = std::max(window_end, sentences[last].end);
      if (end - begin > kWindow) break;
      window_begin = begin;
      window_end = end;
    }
    hits.clear();
    std::vector<int> none;  // no literal is below a split of 0
    gate->FindSplit(text.substr(window_begin, window_end - window_begin), 0, &none, &hits);
    for (std::size_t i = first; i < last; ++i) {
      // In the window's offsets.
      const std::size_t begin = sentences[i].begin - window_begin;
      const std::size_t end = sentences[i].end - window_begin;
      found.clear();
      cue_hits.clear();
      // Cleared even when a list cannot grow (bad_alloc): a bit left set
      // would hide its literal from every later sentence on this thread.
      const absl::Cleanup clear_seen = [&] {
        for (int literal : found) seen[static_cast<std::size_t>(literal) / 64] = 0;
      };
      // A sentence holds the hits that begin and end inside it: what a scan
      // of it alone finds, in the same order.
      auto hit = std::partition_point(hits.begin(), hits.end(),
                                      [&](const LiteralMatcher::Hit& h) { return h.end <= begin; });
      for (; hit != hits.end() && hit->end <= end; ++hit) {
        if (hit->begin < begin) continue;
        const auto literal = static_cast<std::size_t>(hit->literal);
        if (literal >= first_cue) {
          cue_hits.push_back({hit->literal, hit->begin - begin, hit->end - begin});
          continue;
        }
        const std::uint64_t bit = std::uint64_t{1} << (literal % 64);
        if ((seen[literal / 64] & bit) == 0) found.push_back(hit->literal);
        seen[literal / 64] |= bit;
      }
      (*may_hold_events)[i] = MayHoldEvents(
          text.substr(sentences[i].begin, sentences[i].size()), found, &cue_hits);
    }
    first = last;
  }
}

bool Engine::Language::MayHoldEvents(std::string_view sentence, const std::vector<int>& found,
                                     std::vector<LiteralMatcher::Hit>* cue_hits) const {
  const int first_cue = static_cast<int>(rules->literals().size());
  const int first_followed = first_cue + static_cast<int>(cue_count);
  // All zero between calls: a sentence sets a few of a thousand parts.
  thread_local std::vector<KindSet> kinds_after_followed;
  thread_local std::vector<std::size_t> followed_found;
  thread_local std::vector<LiteralMatcher::Hit> followed_hits;
  if (kinds_after_followed.size() < rules->followed_parts().size()) {
    kinds_after_followed.resize(rules->followed_parts().size(), 0);
  }
  // The hits past the rules' literals: the mentions' cues, then the parts
  // that placeholders follow, whose ends tell what mention may come next.
  followed_hits.clear();
  std::size_t cues = 0;
  for (const LiteralMatcher::Hit& hit : *cue_hits) {
    if (hit.literal < first_followed) {
      (*cue_hits)[cues++] = {hit.literal - first_cue, hit.begin, hit.end};
    } else {
      followed_hits.push_back(hit);
    }
  }
  cue_hits->resize(cues);
  const KindSet possible_kinds = mentions->PossibleKinds(sentence, *cue_hits);
  // What may begin after a part matters only to a placeholder of a kind told
  // apart by its beginning, which counts only when that kind is possible:
  // most sentences hold no percentage cue and skip this.
  if ((possible_kinds & kKindsToldApartByBeginning) != 0) {
    std::size_t last_end = 0;  // parts that end together ("rose ", " rose ") are asked once
    KindSet beginning_at_last_end = 0;
    for (const LiteralMatcher::Hit& hit : followed_hits) {
      const auto part = static_cast<std::size_t>(hit.literal - first_followed);
      if (kinds_after_followed[part] == 0) followed_found.push_back(part);
      if (hit.end != last_end) {
        last_end = hit.end;
        beginning_at_last_end = mentions->KindsBeginningAt(sentence, hit.end);
      }
      kinds_after_followed[part] |= beginning_at_last_end;
    }
  }
  const bool may_hold = rules->MayMatch(found, possible_kinds, kinds_after_followed.data());
  for (std::size_t part : followed_found) kinds_after_followed[part] = 0;
  followed_found.clear();
  return may_hold;
}

std::vector<Candidate> Engine::Language::MatchRules(std::string_view rule_text,
                                                    MatchTrace* trace) const {
  std::vector<int> found;
  std::vector<LiteralMatcher::Hit> cue_and_followed_hits;  // not the rules'
  gate->FindSplit(rule_text, rules->literals().size(), &found, &cue_and_followed_hits);
  return rules->Match(rule_text, found, trace);
}

const Engine::Language* Engine::Find(std::string_view code) const {
  for (const Language& language : languages) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

bool Engine::CompileEveryRule() const {
  bool compiled = true;
  for (const Language& language : languages) {
    for (const auto& rule : language.rules->rules()) {
      compiled = rule->program() != nullptr && compiled;
    }
  }
  return compiled;
}

StatusOr<std::unique_ptr<Engine>> BuildEngine(const Options& options) {
  auto sources = ReadEngineSources(options);
  if (!sources.ok()) return sources.status();
  return CompileEngine(sources.value());
}

StatusOr<std::shared_ptr<const Engine>> SharedEngine(const Options& options) {
  auto sources = ReadEngineSources(options);
  if (!sources.ok()) return sources.status();
  const std::string key = sources.value().Key();
  EngineCache& cache = EngineCache::Get();
  if (std::shared_ptr<const Engine> engine = cache.Find(key)) return engine;
  // Compiled outside the lock: other creations need not wait for this one.
  auto compiled = CompileEngine(sources.value());
  if (!compiled.ok()) return compiled.status();
  return cache.Add(key, std::shared_ptr<const Engine>(std::move(compiled).value()));
}

}  // namespace newsevents::internal
