// Errors travel as values: Result<T> holds either a T or an Error naming where input went wrong.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace jixiao {

// What callers branch on, beside the text for people: kNotFound marks a lookup by an id that is
// not stored (the server answers it with 404). Everything else is kOther.
enum class ErrorKind { kOther, kNotFound };

// Where and why an input could not be used. `line` is 1-based, 0 when the error concerns the
// whole file; `field` names the form field or JSON key concerned, empty when none applies.
struct Error {
  std::string file;
  int line = 0;
  std::string field;
  std::string message;
  ErrorKind kind = ErrorKind::kOther;  // not part of describe()

  // One line for people: "FILE:LINE: field: message" (parts that are empty are left out).
  std::string describe() const;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}        // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result for operations that produce nothing but may fail.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace jixiao
