#include "floor.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "normalize/normalizer.h"
#include "rules/rule_set.h"

namespace newsevents_bench {

AtomSetFloor::AtomSetFloor(const newsevents::internal::Engine& engine) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);  // one large literal automaton
  for (const auto& language : engine.languages) {
    languages_.push_back(&language);
    const std::vector<std::string>& literals = language.rules->literals();
    if (literals.empty()) {
      sets_.push_back(nullptr);
      continue;
    }
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const std::string& literal : literals) {
      if (set->Add(RE2::QuoteMeta(literal), nullptr) < 0) {
        std::fprintf(stderr, "floor: cannot add literal '%s'\n", literal.c_str());
        std::exit(1);
      }
    }
    if (!set->Compile()) {
      std::fprintf(stderr, "floor: the %s literals do not compile into an RE2::Set\n",
                   language.code.c_str());
      std::exit(1);
    }
    sets_.push_back(std::move(set));
  }
}

std::size_t AtomSetFloor::Scan(const newsevents::internal::Engine::Language& language,
                               std::string_view normalized_text) const {
  for (std::size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i] != &language || sets_[i] == nullptr) continue;
    std::vector<int> found;
    sets_[i]->Match(newsevents::internal::LowerCase(normalized_text), &found, nullptr);
    return found.size();
  }
  return 0;
}

}  // namespace newsevents_bench
