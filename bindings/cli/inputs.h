// Where the CLI's documents come from: files, directories, standard input,
// and JSON Lines records, read one document at a time.
#ifndef NEWSEVENTS_CLI_INPUTS_H_
#define NEWSEVENTS_CLI_INPUTS_H_

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "newsevents/document.h"

namespace newsevents_cli {

enum class InputFormat { kAuto, kText, kHtml, kJsonl };

// One path to read: a file, or standard input ("-"). Only a string each: a
// directory of a million files is listed before it is read.
struct Source {
  std::string name;         // as the user wrote it, or joined under a directory
  std::uintmax_t size = 0;  // bytes, 0 when unknown (standard input)

  bool standard_input() const { return name == "-"; }
};

struct Listing {
  std::vector<Source> sources;
  std::vector<std::string> errors;  // "path: reason" for paths that cannot be listed
};

// Expands the arguments: directories recursively (files whose name matches
// one of `globs`, in path order), files as given, "-" as standard input. A
// path or subdirectory that cannot be listed goes to `errors`, and the
// others are still listed.
Listing ListSources(const std::vector<std::string>& arguments,
                    const std::vector<std::string>& globs);

// Reads the documents of one source in turn. For JSON Lines, each line is
// a record {"id", "text" | "html", "lang"?, "url"?, "published"?}; a broken
// line is an error for that line only.
//
// A plain-text file longer than `window_bytes` (0: no limit) is read in
// pieces of about that size, so a file of any size is read in bounded
// memory. A piece ends after a blank line when its last half has one (a
// blank line always ends a sentence), else after the last line that ends in
// . ! ? or a quote, else at the last line break or space. A piece is a
// document of its own whose spans start at offset() in the file. HTML,
// UTF-16 and UTF-32 files are read whole.
class DocumentReader {
 public:
  DocumentReader(const Source& source, InputFormat format, std::string lang,
                 std::size_t window_bytes = 0);

  // The next document; false at the end. `error` is set (and the document
  // skipped) for an unreadable file or a broken record: "path:line: reason".
  bool Next(newsevents::Document* document, std::string* error);

  // Where the last document's bytes start in the source: 0, except for the
  // second and later pieces of a plain-text file read in pieces.
  std::uintmax_t offset() const { return offset_; }

 private:
  bool NextText(newsevents::Document* document, std::string* error);
  // Reads until `bytes` holds `size` bytes or the input ends.
  void ReadUpTo(std::string* bytes, std::size_t size);
  // Whether a plain-text source is read in pieces, from its first window.
  bool Windowable(const newsevents::Document& first) const;

  Source source_;
  InputFormat format_;
  std::string lang_;
  std::size_t window_bytes_;
  bool jsonl_ = false;
  bool done_ = false;
  std::unique_ptr<std::ifstream> file_;
  std::istream* in_ = nullptr;
  std::size_t line_ = 0;
  bool windowed_ = false;
  std::string carried_;           // read, not yet in a document
  std::uintmax_t offset_ = 0;
  std::uintmax_t next_offset_ = 0;
};


// True when `name` matches the shell pattern `glob` (*, ?).
bool GlobMatch(std::string_view glob, std::string_view name);

}  // namespace newsevents_cli

#endif  // NEWSEVENTS_CLI_INPUTS_H_
