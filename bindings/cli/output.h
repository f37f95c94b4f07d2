// How the CLI prints events: JSON Lines (the contract), CSV, or a table.
#ifndef NEWSEVENTS_CLI_OUTPUT_H_
#define NEWSEVENTS_CLI_OUTPUT_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "newsevents/event.h"

namespace newsevents_cli {

enum class OutputFormat { kJsonl, kCsv, kPretty };

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  // False once the reader has gone (a closed pipe): stop quietly.
  virtual bool Write(const newsevents::Event& event) = 0;
  bool Flush() { return std::fflush(out_) == 0; }

  // `color` adds ANSI colors (pretty only; when stdout is a terminal).
  static std::unique_ptr<EventWriter> Make(OutputFormat format, std::FILE* out, bool color);

 protected:
  explicit EventWriter(std::FILE* out) : out_(out) {}
  bool Put(const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), out_) == text.size();
  }
  std::FILE* out_;
};

// The roles that get a CSV column, in order: those of the four core types.
const std::vector<std::string>& CsvRoles();

// An argument's value for people: the norm in short ("down", "3.8%",
// "118.25 USD", "more than 1e+09 USD") or the text when it has none.
std::string ShortValue(const newsevents::Argument& argument);

}  // namespace newsevents_cli

#endif  // NEWSEVENTS_CLI_OUTPUT_H_
