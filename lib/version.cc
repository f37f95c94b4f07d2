#include "newsevents/version.h"

namespace newsevents {
inline namespace v1 {

const char* Version() { return NEWSEVENTS_VERSION; }

}  // namespace v1
}  // namespace newsevents
