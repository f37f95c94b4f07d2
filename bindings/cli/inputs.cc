#include "inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>

#include "newsevents/text.h"
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

namespace {

// Where a piece of at most `bytes.size()` bytes of plain text ends (see
// DocumentReader): > 0, and never inside a UTF-8 sequence.
std::size_t PieceEnd(std::string_view bytes) {
  const std::size_t half = bytes.size() / 2;
  auto line_start = [&](std::size_t newline) {  // the line that ends at `newline`
    const std::size_t previous = bytes.rfind('\n', newline == 0 ? 0 : newline - 1);
    return previous == std::string_view::npos || newline == 0 ? 0 : previous + 1;
  };
  // After a blank line (only white space on it).
  for (std::size_t at = bytes.rfind('\n'); at != std::string_view::npos && at >= half;
       at = at == 0 ? std::string_view::npos : bytes.rfind('\n', at - 1)) {
    const std::size_t start = line_start(at);
    if (start > 0 && bytes.substr(start, at - start).find_first_not_of(" \t\r") ==
                         std::string_view::npos) {
      return at + 1;
    }
  }
  // After a line that ends a sentence.
  for (std::size_t at = bytes.rfind('\n'); at != std::string_view::npos && at >= half;
       at = at == 0 ? std::string_view::npos : bytes.rfind('\n', at - 1)) {
    std::size_t last = at;
    while (last > 0 && (bytes[last - 1] == '\r' || bytes[last - 1] == ' ')) --last;
    if (last > 0 && std::string_view(".!?\"").find(bytes[last - 1]) != std::string_view::npos) {
      return at + 1;
    }
  }
  for (char separator : {'\n', ' '}) {
    const std::size_t at = bytes.rfind(separator);
    if (at != std::string_view::npos && at > 0) return at + 1;
  }
  // No break at all: at a character boundary (never inside a UTF-8 sequence).
  std::size_t end = bytes.size();
  while (end > 1 && (static_cast<unsigned char>(bytes[end - 1]) & 0xC0) == 0x80 &&
         bytes.size() - end < 3) {
    --end;
  }
  if ((static_cast<unsigned char>(bytes[end - 1]) & 0xC0) == 0xC0) --end;  // a lead byte
  return end > 0 ? end : bytes.size();
}

}  // namespace

DocumentReader::DocumentReader(const Source& source, InputFormat format, std::string lang,
                               std::size_t window_bytes)
    : source_(source), format_(format), lang_(std::move(lang)), window_bytes_(window_bytes) {
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

  if (!jsonl_) return NextText(document, error);

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

void DocumentReader::ReadUpTo(std::string* bytes, std::size_t size) {
  // In pieces: a string sized to the window up front would zero a whole
  // window for each small file, and keep it while the file's document waits
  // in a batch (256 small files held 256 MiB).
  char chunk[64 << 10];
  while (bytes->size() < size) {
    in_->read(chunk, static_cast<std::streamsize>(std::min(sizeof(chunk), size - bytes->size())));
    const auto read = static_cast<std::size_t>(in_->gcount());
    if (read == 0) break;
    bytes->append(chunk, read);
  }
}

bool DocumentReader::Windowable(const newsevents::Document& first) const {
  if (newsevents::ReadsAsHtml(first)) return false;
  // UTF-16 and UTF-32 (with a byte-order mark, or Latin text with a zero
  // byte in every other one) cannot be cut at a newline byte.
  const std::string_view head = std::string_view(first.bytes).substr(0, 4096);
  return head.substr(0, 2) != "\xFF\xFE" && head.substr(0, 2) != "\xFE\xFF" &&
         head.find('\0') == std::string_view::npos;
}

bool DocumentReader::NextText(newsevents::Document* document, std::string* error) {
  document->id = source_.name;
  std::string bytes = std::move(carried_);
  carried_.clear();
  if (window_bytes_ == 0) {
    std::ostringstream whole;
    whole << in_->rdbuf();
    bytes += whole.str();
  } else {
    ReadUpTo(&bytes, window_bytes_);
  }
  if (in_->bad()) {
    done_ = true;
    *error = source_.name + ": read error";
    return true;
  }
  const bool at_end = window_bytes_ == 0 || in_->peek() == std::char_traits<char>::eof();
  offset_ = next_offset_;
  if (!windowed_ && !at_end) {
    document->bytes = std::move(bytes);
    windowed_ = Windowable(*document);
    bytes = std::move(document->bytes);
    if (!windowed_) {  // read whole
      std::ostringstream rest;
      rest << in_->rdbuf();
      bytes += rest.str();
    }
  }
  if (windowed_ && !at_end) {
    const std::size_t end = PieceEnd(bytes);
    carried_ = bytes.substr(end);
    bytes.resize(end);
  } else {
    done_ = true;
  }
  if (in_->bad()) {
    *error = source_.name + ": read error";
    return true;
  }
  next_offset_ += bytes.size();
  document->bytes = std::move(bytes);
  return true;
}

}  // namespace newsevents_cli
