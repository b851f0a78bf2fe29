#include "detector/util/fixed.h"

#include <charconv>
#include <cmath>

namespace unspin {

void AppendFixed(double value, int precision, std::string* out) {
  if (std::isnan(value)) {
    out->append(std::signbit(value) ? "-nan" : "nan");
    return;
  }
  // std::to_chars with a precision is specified to write what printf would. 309 digits before
  // the point at most (DBL_MAX), a sign, a point and up to 17 after.
  char buf[352];
  const std::to_chars_result r =
      std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::fixed, precision);
  out->append(buf, r.ptr - buf);
}

std::string Fixed(double value, int precision) {
  std::string out;
  AppendFixed(value, precision, &out);
  return out;
}

}  // namespace unspin
