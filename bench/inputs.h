// Benchmark inputs: the project's corpus, the seeds, and Reuters-21578 in
// its own SGML (read here, so the bench needs nothing converted beforehand).
#ifndef NEWSEVENTS_BENCH_INPUTS_H_
#define NEWSEVENTS_BENCH_INPUTS_H_

#include <string>
#include <vector>

#include "newsevents/document.h"

namespace newsevents_bench {

// The documents of `input`: "reuters" (../shared/corpora/reuters21578, one
// document per <REUTERS> with a <BODY>: title and body), "corpus", "seeds",
// or a directory (every .txt, .text, .html, .htm file under it). Empty, with
// `error` set, when the input cannot be read.
std::vector<newsevents::Document> LoadInput(const std::string& input, std::string* error);

// The documents of one Reuters SGML file's text.
std::vector<newsevents::Document> ParseReutersSgml(const std::string& sgml, const std::string& name);

}  // namespace newsevents_bench

#endif  // NEWSEVENTS_BENCH_INPUTS_H_
