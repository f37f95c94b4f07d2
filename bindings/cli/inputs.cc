#include "inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>

#include "nlohmann/json.hpp"

namespace newsevents_cli {
namespace fs = std::filesystem;

bool GlobMatch(std::string_view glob, std::string_view name) {
  // Iterative matching with one backtrack point: linear in practice.
  std::size_t g = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (g < glob.size() && (glob[g] == '?' || glob[g] == name[n])) {
      ++g;
      ++n;
    } else if (g < glob.size() && glob[g] == '*') {
      star = g++;
      mark = n;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

namespace {

// Appends the files under `directory` whose name matches one of `globs`. A
// directory that cannot be read (no permission, gone meanwhile) is named in
// `errors` with its reason and the rest of the tree is still listed: a
// directory skipped in silence would be documents lost in silence.
void ListDirectory(const fs::path& directory, const std::vector<std::string>& globs,
                   std::vector<Source>* found, std::vector<std::string>* errors) {
  std::vector<fs::path> pending = {directory};
  while (!pending.empty()) {
    const fs::path current = std::move(pending.back());
    pending.pop_back();
    std::error_code error;
    fs::directory_iterator it(current, error);
    for (const fs::directory_iterator end; !error && it != end; it.increment(error)) {
      std::error_code entry_error;
      // Symbolic links to directories are not followed (no cycles).
      if (it->is_directory(entry_error) && !it->is_symlink(entry_error)) {
        pending.push_back(it->path());
        continue;
      }
      if (!it->is_regular_file(entry_error)) continue;
      const std::string name = it->path().filename().string();
      if (std::none_of(globs.begin(), globs.end(),
                       [&](const std::string& glob) { return GlobMatch(glob, name); })) {
        continue;
      }
      found->push_back({it->path().generic_string(), it->file_size(entry_error)});
    }
    if (error) errors->push_back(current.generic_string() + ": " + error.message());
  }
}

}  // namespace

Listing ListSources(const std::vector<std::string>& arguments,
                    const std::vector<std::string>& globs) {
  Listing listing;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      listing.sources.push_back({"-", 0});
      continue;
    }
    std::error_code error;
    const fs::path path(argument);
    if (fs::is_directory(path, error)) {
      std::vector<Source> found;
      ListDirectory(path, globs, &found, &listing.errors);
      std::sort(found.begin(), found.end(),
                [](const Source& a, const Source& b) { return a.name < b.name; });
      listing.sources.insert(listing.sources.end(), std::make_move_iterator(found.begin()),
                             std::make_move_iterator(found.end()));
    } else if (fs::exists(path, error)) {
      listing.sources.push_back({argument, fs::file_size(path, error)});
    } else {
      listing.errors.push_back(argument + ": no such file or directory");
    }
  }
  return listing;
}

DocumentReader::DocumentReader(const Source& source, InputFormat format, std::string lang)
    : source_(source), format_(format), lang_(std::move(lang)) {
  jsonl_ = format == InputFormat::kJsonl ||
           (format == InputFormat::kAuto && fs::path(source.name).extension() == ".jsonl");
}

bool DocumentReader::Next(newsevents::Document* document, std::string* error) {
  error->clear();
  if (done_) return false;
  if (in_ == nullptr) {
    if (source_.standard_input()) {
      in_ = &std::cin;
    } else {
      file_ = std::make_unique<std::ifstream>(source_.name, std::ios::binary);
      if (!*file_) {
        done_ = true;
        *error = source_.name + ": " + std::strerror(errno);
        return true;
      }
      in_ = file_.get();
    }
  }
  *document = newsevents::Document();
  document->lang = lang_;
  if (format_ == InputFormat::kHtml) document->content_type = newsevents::ContentType::kHtml;
  if (format_ == InputFormat::kText) document->content_type = newsevents::ContentType::kText;

  if (!jsonl_) {
    done_ = true;
    std::ostringstream bytes;
    bytes << in_->rdbuf();
    if (in_->bad()) {
      *error = source_.name + ": read error";
      return true;
    }
    document->bytes = bytes.str();
    document->id = source_.name;
    return true;
  }

  std::string line;
  while (std::getline(*in_, line)) {
    ++line_;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = source_.name + ":" + std::to_string(line_);
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object()) {
      *error = where + ": not a JSON object";
      return true;
    }
    auto text = record.find("text");
    auto html = record.find("html");
    if ((text == record.end() || !text->is_string()) && (html == record.end() || !html->is_string())) {
      *error = where + ": the record has no \"text\" or \"html\" string";
      return true;
    }
    const bool is_html = text == record.end() || !text->is_string();
    document->bytes = is_html ? html->get<std::string>() : text->get<std::string>();
    if (is_html) document->content_type = newsevents::ContentType::kHtml;
    auto id = record.find("id");
    document->id = id != record.end() && id->is_string()   ? id->get<std::string>()
                   : id != record.end() && id->is_number() ? id->dump()
                                                           : where;
    auto lang = record.find("lang");
    if (lang_.empty() && lang != record.end() && lang->is_string()) {
      document->lang = lang->get<std::string>();
    }
    return true;
  }
  done_ = true;
  if (in_->bad()) {
    *error = source_.name + ": read error";
    return true;
  }
  return false;
}

}  // namespace newsevents_cli
