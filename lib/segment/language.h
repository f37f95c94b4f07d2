// Language identification: English, French, or undetermined.
#ifndef NEWSEVENTS_LIB_SEGMENT_LANGUAGE_H_
#define NEWSEVENTS_LIB_SEGMENT_LANGUAGE_H_

#include <string_view>

namespace newsevents::internal {

// "en", "fr", or "und" when the text shows neither (too little text, another
// language, binary). Reads at most the first 64 KiB.
//
// Method: each word scores for the language whose list of function words
// and frequent endings it is in ("the", "shares", "-ed" for English; "le",
// "des", "a", "-é" for French); accented letters that English does not use
// score for French. The higher total wins when it is clearly higher and the
// scored words make up a fair share of the text.
std::string_view DetectLanguage(std::string_view normalized_text);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_SEGMENT_LANGUAGE_H_
