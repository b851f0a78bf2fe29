// Fixed-point decimal text for a double, exactly as printf's "%.<precision>f" writes it, without
// printf's cost (format parsing, locale, a stream per call): reports and finding messages write
// a few numbers for each of hundreds of thousands of findings.
//
//   std::string s;
//   unspin::AppendFixed(0.8333, 2, &s);  // "0.83"
//   absl::StrCat("gain ", unspin::Fixed(-1.005, 2));
#ifndef UNSPIN_DETECTOR_UTIL_FIXED_H_
#define UNSPIN_DETECTOR_UTIL_FIXED_H_

#include <string>

namespace unspin {

// Appends `value` with `precision` (0..17) digits after the point, rounded as printf rounds
// (the exact binary value, ties to even). Non-finite values are written "nan", "inf", "-inf".
void AppendFixed(double value, int precision, std::string* out);

// The same, as a string.
std::string Fixed(double value, int precision);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_UTIL_FIXED_H_
