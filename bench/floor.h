// The floor beneath the rules (issue: "one pass of the compiled RE2::Set
// alone over the normalized text"): each language's rule literals compiled
// into one RE2::Set here, in the bench, so that the library does not build a
// Set it never reads at every creation.
#ifndef NEWSEVENTS_BENCH_FLOOR_H_
#define NEWSEVENTS_BENCH_FLOOR_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "extract/engine.h"
#include "re2/set.h"

namespace newsevents_bench {

class AtomSetFloor {
 public:
  // Compiles the literals of every language of `engine` (the atoms, with the
  // sentence parts of those that hold placeholders), as the gate reads them.
  explicit AtomSetFloor(const newsevents::internal::Engine& engine);

  // How many of `language`'s literals its Set finds in `normalized_text`,
  // lowered as rule text is.
  std::size_t Scan(const newsevents::internal::Engine::Language& language,
                   std::string_view normalized_text) const;

 private:
  std::vector<const newsevents::internal::Engine::Language*> languages_;
  std::vector<std::unique_ptr<RE2::Set>> sets_;  // one per language, null when it has no literal
};

}  // namespace newsevents_bench

#endif  // NEWSEVENTS_BENCH_FLOOR_H_
