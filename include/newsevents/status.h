// Status and StatusOr: how newsevents reports what went wrong, without exceptions.
//
// A Status is either OK or carries a code and a message meant for a person
// ("rules/en/share_move.rules:12: missing ')'"). StatusOr<T> holds either a
// value or a non-OK Status; factories such as Extractor::Create return one.
//
//   newsevents::StatusOr<std::unique_ptr<newsevents::Extractor>> made =
//       newsevents::Extractor::Create(options);
//   if (!made.ok()) { std::cerr << made.status().ToString() << "\n"; return 1; }
//   std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();
//
// Both are plain values: copyable, and safe to read from several threads.
#ifndef NEWSEVENTS_STATUS_H_
#define NEWSEVENTS_STATUS_H_

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

#include "newsevents/export.h"

namespace newsevents {
inline namespace v1 {

class NEWSEVENTS_EXPORT Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument = 1,  // the caller's options or rules are malformed
    kNotFound = 2,         // a file or directory named by the caller is missing
    kIoError = 3,          // a file exists but could not be read
    kInternal = 4,         // a limit of an underlying engine was hit
  };

  // An OK status.
  Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string message) {
    return Status(Code::kInvalidArgument, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(Code::kNotFound, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(Code::kIoError, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(Code::kInternal, std::move(message));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or the code's name and the message: "Invalid argument: ...".
  std::string ToString() const;

 private:
  Status(Code code, std::string message)
      : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or the Status that says why there is none. Reading value() of a
// StatusOr that holds an error aborts: check ok() first.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : state_(std::move(status)) {  // NOLINT
    if (std::get<Status>(state_).ok()) {
      state_ = Status::Internal("StatusOr built from an OK status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(state_); }

  // OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(state_); }

  const T& value() const& { return std::get<T>(Checked()); }
  T& value() & { return std::get<T>(Checked()); }
  T&& value() && { return std::get<T>(std::move(Checked())); }

 private:
  std::variant<T, Status>& Checked() {
    if (!ok()) std::abort();
    return state_;
  }
  const std::variant<T, Status>& Checked() const {
    if (!ok()) std::abort();
    return state_;
  }

  std::variant<T, Status> state_;
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_STATUS_H_
