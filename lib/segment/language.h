// Language identification: English, French, or undetermined.
#ifndef NEWSEVENTS_LIB_SEGMENT_LANGUAGE_H_
#define NEWSEVENTS_LIB_SEGMENT_LANGUAGE_H_

#include <string_view>

namespace newsevents::internal {

// "en", "fr", or "und" when the text shows neither (too little text, another
// language, binary). Reads at most the first 64 KiB.
//
// Method: each word scores for the language whose list of function words
// and frequent news words it is in ("the", "shares", "vs" for English; "le",
// "des", "titre" for French), half a point for a telling ending ("-ed",
// "-ing", "-ly"; "-é", "-ment", "-eux"), a quarter for letters French uses
// only in borrowed words (th, wh, w, k), half for accented letters English
// does not use (é, è, à, ç...) and one for an elision (l', d', qu'). The
// higher total wins when it leads by half a point, is at least 1, and is at
// least a fifth of the number of words that are not capitalized (names
// count for neither language), and German, Dutch, Spanish and Italian
// function words do not score as much. Accuracy is reported in the README.
std::string_view DetectLanguage(std::string_view normalized_text);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_SEGMENT_LANGUAGE_H_
