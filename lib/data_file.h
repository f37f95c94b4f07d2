// The data files (lib/data/*.tsv, and users' lists of the same forms): one
// record per line, fields separated by tabs; blank lines and lines starting
// with '#' are skipped.
#ifndef NEWSEVENTS_LIB_DATA_FILE_H_
#define NEWSEVENTS_LIB_DATA_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "string_views.h"

namespace newsevents::internal {

struct DataSource {
  std::string path;       // for error messages: "path:line: ..."
  std::string_view text;  // the file's contents
};

// Calls `visit(line_number, fields)` for every record of `text`, in order.
template <typename Visit>
void ForEachRecord(std::string_view text, Visit visit) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(ToAbsl(text), '\n')) {
    ++line_number;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    const std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    visit(line_number, fields);
  }
}

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_DATA_FILE_H_
