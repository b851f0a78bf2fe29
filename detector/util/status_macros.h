// Small helpers for absl::Status plumbing (Debian's Abseil 20220623 has no status_macros.h).
//
//   absl::Status Load() {
//     UNSPIN_RETURN_IF_ERROR(Parse());
//     UNSPIN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
//     ...
//   }
#ifndef UNSPIN_DETECTOR_UTIL_STATUS_MACROS_H_
#define UNSPIN_DETECTOR_UTIL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define UNSPIN_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    const ::absl::Status unspin_status_ = (expr);    \
    if (!unspin_status_.ok()) return unspin_status_; \
  } while (0)

#define UNSPIN_STATUS_CONCAT_INNER_(a, b) a##b
#define UNSPIN_STATUS_CONCAT_(a, b) UNSPIN_STATUS_CONCAT_INNER_(a, b)

#define UNSPIN_ASSIGN_OR_RETURN(lhs, expr) \
  UNSPIN_ASSIGN_OR_RETURN_IMPL_(UNSPIN_STATUS_CONCAT_(unspin_statusor_, __LINE__), lhs, expr)

#define UNSPIN_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return statusor.status();            \
  lhs = std::move(statusor).value()

#endif  // UNSPIN_DETECTOR_UTIL_STATUS_MACROS_H_
