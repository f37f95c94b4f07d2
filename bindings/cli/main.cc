// newsevents: prints the events of news articles as JSON Lines.
//
//   newsevents corpus/                 every article under a directory
//   newsevents a.txt b.html            given files
//   cat a.txt | newsevents -           standard input
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "newsevents/extractor.h"

ABSL_FLAG(std::vector<std::string>, rules, {},
          "Directories of extra rule files (<dir>/<lang>/<type>.rules), comma-separated");
ABSL_FLAG(std::vector<std::string>, types, {},
          "Event types to return, comma-separated (default: all)");
ABSL_FLAG(std::string, lang, "", "Force the language of every document: en or fr");
ABSL_FLAG(int, threads, 0, "Worker threads (0: one per core)");
ABSL_FLAG(bool, explain, false,
          "Instead of JSON Lines, show per sentence the mentions, the rule text, "
          "the rules picked and matched, guards that vetoed, and the events");

namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitSomeInputsFailed = 1;
constexpr int kExitUsage = 2;

// Extensions read when walking a directory; other files are left alone.
bool IsArticle(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".txt" || extension == ".text" || extension == ".html" ||
         extension == ".htm";
}

struct Input {
  std::string id;   // the path as the user wrote it (or joined under a directory)
  fs::path path;    // empty for standard input
};

// Expands the arguments into inputs; a missing path is reported and counted.
std::vector<Input> ListInputs(const std::vector<char*>& arguments, int* failures) {
  std::vector<Input> inputs;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string argument = arguments[i];
    if (argument == "-") {
      inputs.push_back({"-", {}});
      continue;
    }
    std::error_code error;
    const fs::path path(argument);
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
           it.increment(error)) {
        if (it->is_regular_file() && IsArticle(it->path())) found.push_back(it->path());
      }
      if (error) {
        std::cerr << "newsevents: " << argument << ": " << error.message() << "\n";
        ++*failures;
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& file : found) inputs.push_back({file.generic_string(), file});
    } else if (fs::exists(path, error)) {
      inputs.push_back({argument, path});
    } else {
      std::cerr << "newsevents: " << argument << ": no such file or directory\n";
      ++*failures;
    }
  }
  return inputs;
}

bool ReadInput(const Input& input, std::string* bytes, std::string* error) {
  std::ostringstream contents;
  if (input.path.empty()) {
    contents << std::cin.rdbuf();
    *bytes = contents.str();
    return true;
  }
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return false;
  }
  contents << in.rdbuf();
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  *bytes = contents.str();
  return true;
}

// The --explain report of one document, for people.
std::string ExplainDocument(const newsevents::Extractor& extractor,
                            const newsevents::Document& document) {
  std::string out = "== " + document.id + "\n";
  auto list = [&out](const char* label, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out += std::string("  ") + label + ": " + absl::StrJoin(ids, ", ") + "\n";
  };
  for (const newsevents::SentenceExplanation& sentence : extractor.Explain(document)) {
    out += "sentence [" + std::to_string(sentence.span.begin) + "," +
           std::to_string(sentence.span.end) + ") " + sentence.lang + ": " + sentence.text + "\n";
    out += "  rule text: " + sentence.rule_text + "\n";
    for (const newsevents::Mention& mention : sentence.mentions) {
      out += "  mention: " + newsevents::ToJson(mention) + "\n";
    }
    list("picked", sentence.picked);
    list("matched", sentence.matched);
    for (const auto& [rule, guard] : sentence.vetoed) {
      out += "  vetoed: " + rule + " by guard " + guard + "\n";
    }
    list("outranked", sentence.outranked);
    for (const newsevents::Event& event : sentence.events) {
      out += "  event: " + newsevents::ToJson(event) + "\n";
    }
  }
  return out;
}

// Writes a line; false when the reader has gone (a closed pipe).
bool WriteLine(const std::string& line) {
  if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size() ||
      std::fputc('\n', stdout) == EOF) {
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe ("newsevents dir/ | head -1") is a write error, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  absl::SetProgramUsageMessage(
      "prints the events of news articles as JSON Lines.\n\n"
      "usage: newsevents [flags] PATH...\n"
      "  PATH is a file, a directory (read recursively: .txt, .text, .html, .htm)\n"
      "  or - for standard input.\n\n"
      "examples:\n"
      "  newsevents corpus/\n"
      "  newsevents --types=share_move article.txt\n"
      "  echo 'Dell shares fell 3%.' | newsevents --explain -\n"
      "  cat article.txt | newsevents --lang=fr -");
  std::vector<char*> arguments = absl::ParseCommandLine(argc, argv);
  if (arguments.size() < 2) {
    std::cerr << "newsevents: no input given\n" << absl::ProgramUsageMessage() << "\n";
    return kExitUsage;
  }

  newsevents::Options options;
  options.rules = absl::GetFlag(FLAGS_rules);
  options.types = absl::GetFlag(FLAGS_types);
  options.lang = absl::GetFlag(FLAGS_lang);
  options.threads = absl::GetFlag(FLAGS_threads);
  auto made = newsevents::Extractor::Create(options);
  if (!made.ok()) {
    std::cerr << "newsevents: " << made.status().ToString() << "\n";
    return made.status().code() == newsevents::Status::Code::kInvalidArgument ? kExitUsage
                                                                             : kExitSomeInputsFailed;
  }
  const std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();

  int failures = 0;
  for (const Input& input : ListInputs(arguments, &failures)) {
    newsevents::Document document;
    document.id = input.id;
    std::string error;
    if (!ReadInput(input, &document.bytes, &error)) {
      std::cerr << "newsevents: " << input.id << ": " << error << "\n";
      ++failures;
      continue;
    }
    if (absl::GetFlag(FLAGS_explain)) {
      if (!WriteLine(ExplainDocument(*extractor, document))) {
        return failures ? kExitSomeInputsFailed : kExitOk;
      }
      continue;
    }
    for (const newsevents::Event& event : extractor->Extract(document)) {
      if (!WriteLine(newsevents::ToJson(event))) return failures ? kExitSomeInputsFailed : kExitOk;
    }
  }
  if (std::fflush(stdout) != 0 && errno != EPIPE) {
    std::cerr << "newsevents: cannot write output: " << std::strerror(errno) << "\n";
    return kExitSomeInputsFailed;
  }
  return failures ? kExitSomeInputsFailed : kExitOk;
}
