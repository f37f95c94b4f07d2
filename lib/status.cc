#include "newsevents/status.h"

namespace newsevents {
inline namespace v1 {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return name;
    case Code::kInvalidArgument: name = "Invalid argument"; break;
    case Code::kNotFound: name = "Not found"; break;
    case Code::kIoError: name = "I/O error"; break;
    case Code::kInternal: name = "Internal"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace v1
}  // namespace newsevents
