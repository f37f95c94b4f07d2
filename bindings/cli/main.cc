// newsevents: prints the events of news articles.
//
//   newsevents corpus/                    every article under a directory
//   newsevents --format=pretty a.txt      a readable table
//   newsevents shards/*.jsonl             JSON Lines records {"id", "text"}
//   cat a.txt | newsevents -              standard input
//
// Exit status: 0 when every input was read, 1 when some could not be (each
// is named on stderr and the run goes on), 2 for a usage error.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "inputs.h"
#include "newsevents/extractor.h"
#include "output.h"

namespace {

using newsevents_cli::InputFormat;
using newsevents_cli::OutputFormat;

constexpr int kExitOk = 0;
constexpr int kExitSomeInputsFailed = 1;
constexpr int kExitUsage = 2;

// Documents are extracted in batches, on all threads, then printed in input
// order; a batch is bounded so memory stays bounded on any input.
constexpr std::size_t kBatchDocuments = 256;
constexpr std::size_t kBatchBytes = 4 << 20;
// A plain-text file longer than this is read in pieces (DocumentReader).
constexpr std::size_t kWindowBytes = 1 << 20;

struct Settings {
  std::vector<std::string> paths;
  newsevents::Options options;
  OutputFormat format = OutputFormat::kJsonl;
  InputFormat input_format = InputFormat::kAuto;
  std::vector<std::string> globs = {"*.txt", "*.text", "*.html", "*.htm", "*.jsonl"};
  bool explain = false;
  bool quiet = false;
};

// Spans of an event found in a piece of a file that starts at `offset`.
void ShiftSpans(newsevents::Event* event, std::uintmax_t offset) {
  if (offset == 0) return;
  for (newsevents::Span* span : {&event->span, &event->sentence}) {
    span->begin += offset;
    span->end += offset;
  }
  for (newsevents::Argument& argument : event->args) {
    argument.span.begin += offset;
    argument.span.end += offset;
  }
}

// The --explain report of one document, for people.
std::string ExplainDocument(const newsevents::Extractor& extractor,
                            const newsevents::Document& document) {
  std::string out = "== " + document.id + "\n";
  auto list = [&out](const char* label, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out += std::string("  ") + label + ":";
    for (const std::string& id : ids) out += " " + id;
    out += "\n";
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

// Progress on stderr for long runs, when stderr is a terminal.
class Progress {
 public:
  Progress(bool shown, std::uintmax_t total_bytes) : shown_(shown), total_(total_bytes) {}

  void Update(std::size_t documents, std::uintmax_t bytes) {
    if (!shown_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double seconds = Seconds();
    std::string line = "\r" + std::to_string(documents) + " documents, " +
                       Fixed(bytes / 1e6, 1) + " MB, " +
                       Fixed(seconds > 0 ? documents / seconds : 0, 0) + " docs/s";
    if (total_ > 0 && bytes > 0 && bytes < total_) {
      line += ", " + Fixed(seconds * (total_ - bytes) / bytes, 0) + " s left";
    }
    std::cerr << line << "   " << std::flush;
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  static std::string Fixed(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
  }
  bool shown_;
  std::uintmax_t total_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = start_;
};

int Run(const Settings& settings) {
  auto made = newsevents::Extractor::Create(settings.options);
  if (!made.ok()) {
    std::cerr << "newsevents: " << made.status().ToString() << "\n";
    return made.status().code() == newsevents::Status::Code::kInvalidArgument
               ? kExitUsage
               : kExitSomeInputsFailed;
  }
  const std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();
  auto writer = newsevents_cli::EventWriter::Make(settings.format, stdout,
                                                  isatty(STDOUT_FILENO) != 0);

  const newsevents_cli::Listing listing =
      newsevents_cli::ListSources(settings.paths, settings.globs);
  std::size_t failures = listing.errors.size();
  for (const std::string& error : listing.errors) std::cerr << "newsevents: " << error << "\n";
  std::uintmax_t total_bytes = 0;
  for (const auto& source : listing.sources) total_bytes += source.size;
  Progress progress(!settings.quiet && isatty(STDERR_FILENO) != 0, total_bytes);

  std::size_t documents_read = 0;
  std::uintmax_t bytes_read = 0;
  std::map<std::string, std::size_t> events_by_type;
  std::vector<newsevents::Document> batch;
  std::vector<std::uintmax_t> batch_offsets;  // of each document in its file
  std::size_t batch_bytes = 0;

  // Extracts and prints the batch; false when the output has gone.
  auto flush = [&]() -> bool {
    if (batch.empty()) return true;
    if (settings.explain) {
      for (const newsevents::Document& document : batch) {
        const std::string report = ExplainDocument(*extractor, document);
        if (std::fwrite(report.data(), 1, report.size(), stdout) != report.size()) return false;
      }
    } else {
      std::vector<std::vector<newsevents::Event>> results = extractor->ExtractBatch(batch);
      for (std::size_t i = 0; i < results.size(); ++i) {
        for (newsevents::Event& event : results[i]) {
          ShiftSpans(&event, batch_offsets[i]);
          ++events_by_type[event.type];
          if (!writer->Write(event)) return false;
        }
      }
    }
    batch.clear();
    batch_offsets.clear();
    batch_bytes = 0;
    progress.Update(documents_read, bytes_read);
    return true;
  };

  bool output_gone = false;
  for (const newsevents_cli::Source& source : listing.sources) {
    // --explain reads a file whole: its report has spans everywhere.
    newsevents_cli::DocumentReader reader(source, settings.input_format, settings.options.lang,
                                          settings.explain ? 0 : kWindowBytes);
    newsevents::Document document;
    std::string error;
    while (!output_gone && reader.Next(&document, &error)) {
      if (!error.empty()) {
        progress.Clear();
        std::cerr << "newsevents: " << error << "\n";
        ++failures;
        continue;
      }
      if (reader.offset() == 0) ++documents_read;  // a later piece is the same document
      bytes_read += document.bytes.size();
      batch_bytes += document.bytes.size();
      batch.push_back(std::move(document));
      batch_offsets.push_back(reader.offset());
      if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) output_gone = !flush();
    }
    if (output_gone) break;
  }
  if (!output_gone) output_gone = !flush();
  if (!output_gone) output_gone = !writer->Flush();
  progress.Clear();
  // A closed pipe ("newsevents dir/ | head -1") ends quietly.
  if (output_gone) return failures ? kExitSomeInputsFailed : kExitOk;

  if (!settings.quiet) {
    std::size_t events = 0;
    std::string by_type;
    for (const auto& [type, count] : events_by_type) {
      events += count;
      by_type += (by_type.empty() ? "" : ", ") + type + " " + std::to_string(count);
    }
    std::cerr << "newsevents: " << documents_read << " documents, " << events << " events"
              << (by_type.empty() ? "" : " (" + by_type + ")") << ", " << failures
              << " failed, " << static_cast<int>(progress.Seconds() * 1000) << " ms\n";
  }
  return failures ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe is a write error to handle, not a signal that kills.
  std::signal(SIGPIPE, SIG_IGN);

  Settings settings;
  CLI::App app{
      "newsevents " NEWSEVENTS_VERSION
      ": typed business events (share moves, order shifts, deals, tariffs) from English\n"
      "and French news, one JSON object per event (shared/spec/events.md).",
      "newsevents"};
  app.footer(
      "Examples:\n"
      "  newsevents corpus/                          every article under a directory\n"
      "  newsevents --format=pretty article.html     a readable table\n"
      "  newsevents --types=share_move,deal a.txt    only these event types\n"
      "  newsevents --input-format=jsonl - < docs    JSON Lines records {\"id\", \"text\"}\n"
      "  echo 'Dell shares fell 3%.' | newsevents --explain -\n\n"
      "Exit status: 0 all inputs read, 1 some inputs failed (named on stderr), 2 usage error.");
  app.add_option("paths", settings.paths,
                 "Files, directories (read recursively) or - for standard input");
  app.add_option("--rules", settings.options.rules,
                 "Directories of extra rule files (<dir>/<lang>/<type>.rules)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--types", settings.options.types,
                 "Event types to return (default: all), e.g. share_move,deal")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--entities", settings.options.entities,
                 "Extra entity lists (TSV in the format of lib/data/organizations.tsv)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--lang", settings.options.lang, "Force the language of every document")
      ->check(CLI::IsMember({"en", "fr"}));
  app.add_option("--threads", settings.options.threads, "Worker threads (0: one per core)")
      ->check(CLI::NonNegativeNumber);
  const std::map<std::string, OutputFormat> formats = {
      {"jsonl", OutputFormat::kJsonl}, {"pretty", OutputFormat::kPretty},
      {"csv", OutputFormat::kCsv}};
  app.add_option("--format", settings.format, "Output: jsonl (default), pretty or csv")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  const std::map<std::string, InputFormat> input_formats = {
      {"auto", InputFormat::kAuto}, {"text", InputFormat::kText},
      {"html", InputFormat::kHtml}, {"jsonl", InputFormat::kJsonl}};
  app.add_option("--input-format", settings.input_format,
                 "auto (default: .jsonl files are JSON Lines, HTML is sniffed), text, html, jsonl")
      ->transform(CLI::CheckedTransformer(input_formats, CLI::ignore_case));
  app.add_option("--glob", settings.globs,
                 "File name patterns read inside directories")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->capture_default_str();
  app.add_flag("--explain", settings.explain,
               "Show per sentence the mentions, rule text, rules picked and matched, "
               "guards that vetoed, and events");
  app.add_flag("-q,--quiet", settings.quiet, "No progress and no summary on stderr");
  app.set_version_flag("--version", std::string("newsevents ") + newsevents::Version());

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? kExitOk : kExitUsage;
  }
  if (settings.paths.empty()) {
    std::cerr << "newsevents: no input given (a file, a directory, or - for standard input)\n"
              << "Run with --help for more information.\n";
    return kExitUsage;
  }
  return Run(settings);
}
