// The rule files and entity lists compiled into the library (lib/rules,
// lib/data), generated at build time by lib/cmake/embed.cmake.
#ifndef NEWSEVENTS_LIB_EMBEDDED_H_
#define NEWSEVENTS_LIB_EMBEDDED_H_

#include <string_view>
#include <vector>

namespace newsevents::internal {

struct EmbeddedFile {
  std::string_view path;      // relative to lib/: "rules/en/share_move.rules"
  std::string_view contents;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

// The contents of the embedded file at `path`, or an empty view.
std::string_view FindEmbedded(std::string_view path);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_EMBEDDED_H_
