// The JSON form of an event: one object per line in the CLI's output, and the
// dict Python's Event.to_dict() returns. Defined once, here, so all faces of
// the library print the same thing (shared/spec/events.md).
//
//   std::cout << newsevents::ToJson(event) << "\n";
//   // {"doc":"a.txt","lang":"en","type":"share_move","span":[0,24],...}
#ifndef NEWSEVENTS_JSON_H_
#define NEWSEVENTS_JSON_H_

#include <string>

#include "newsevents/event.h"
#include "newsevents/export.h"
#include "newsevents/mention.h"

namespace newsevents {
inline namespace v1 {

// One line of JSON (no trailing newline). Strings are escaped so that the
// output is valid UTF-8 JSON even when the input held invalid bytes.
NEWSEVENTS_EXPORT std::string ToJson(const Event& event);

// {"kind":"money","text":"$1 billion","span":[4,14],"norm":{...}}
NEWSEVENTS_EXPORT std::string ToJson(const Mention& mention);

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_JSON_H_
