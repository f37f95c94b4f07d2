#include "inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace newsevents_bench {
namespace fs = std::filesystem;
namespace {

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The text between <tag> and </tag> inside [from, to), or empty.
std::string Element(const std::string& sgml, std::size_t from, std::size_t to,
                    const std::string& tag) {
  const std::size_t open = sgml.find("<" + tag + ">", from);
  if (open == std::string::npos || open >= to) return {};
  const std::size_t begin = open + tag.size() + 2;
  const std::size_t close = sgml.find("</" + tag + ">", begin);
  if (close == std::string::npos || close > to) return {};
  return sgml.substr(begin, close - begin);
}

std::vector<newsevents::Document> LoadDirectory(const fs::path& directory) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".txt" || extension == ".text" ||
                                    extension == ".html" || extension == ".htm")) {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<newsevents::Document> documents;
  for (const fs::path& path : paths) {
    newsevents::Document document;
    document.id = path.string();
    document.bytes = ReadFile(path);
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace

std::vector<newsevents::Document> ParseReutersSgml(const std::string& sgml,
                                                   const std::string& name) {
  std::vector<newsevents::Document> documents;
  std::size_t at = 0;
  while ((at = sgml.find("<REUTERS", at)) != std::string::npos) {
    const std::size_t end = sgml.find("</REUTERS>", at);
    if (end == std::string::npos) break;
    const std::string body = Element(sgml, at, end, "BODY");
    if (!body.empty()) {
      newsevents::Document document;
      const std::size_t id = sgml.find("NEWID=\"", at);
      document.id = name + "#" +
                    (id != std::string::npos && id < end
                         ? sgml.substr(id + 7, sgml.find('"', id + 7) - id - 7)
                         : std::to_string(documents.size()));
      const std::string title = Element(sgml, at, end, "TITLE");
      document.bytes = title.empty() ? body : title + "\n\n" + body;
      document.content_type = newsevents::ContentType::kText;
      documents.push_back(std::move(document));
    }
    at = end;
  }
  return documents;
}

std::vector<newsevents::Document> LoadInput(const std::string& input, std::string* error) {
  const fs::path shared = fs::path(NEWSEVENTS_SOURCE_DIR) / ".." / "shared";
  fs::path directory;
  if (input == "reuters") {
    std::vector<newsevents::Document> documents;
    std::vector<fs::path> files;
    const fs::path reuters = shared / "corpora" / "reuters21578";
    if (!fs::is_directory(reuters)) {
      *error = reuters.string() + " is absent";
      return {};
    }
    for (const auto& entry : fs::directory_iterator(reuters)) {
      if (entry.path().extension() == ".sgm") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      for (auto& document : ParseReutersSgml(ReadFile(file), file.filename().string())) {
        documents.push_back(std::move(document));
      }
    }
    return documents;
  }
  if (input == "corpus") {
    directory = fs::path(NEWSEVENTS_SOURCE_DIR) / "corpus";
  } else if (input == "seeds") {
    directory = shared / "seeds";
  } else {
    directory = input;
  }
  if (!fs::is_directory(directory)) {
    *error = directory.string() + " is not a directory";
    return {};
  }
  return LoadDirectory(directory);
}

}  // namespace newsevents_bench
