#include "embedded.h"

namespace newsevents::internal {

std::string_view FindEmbedded(std::string_view path) {
  for (const auto& file : EmbeddedFiles()) {
    if (file.path == path) return file.contents;
  }
  return {};
}

}  // namespace newsevents::internal
