#include "detector/util/fixed.h"

#include <cstdio>
#include <limits>

#include "gtest/gtest.h"

namespace unspin {
namespace {

std::string Printf(double value, int precision) {
  char buf[512];
  const int n = std::snprintf(buf, sizeof(buf), "%.*f", precision, value);
  return std::string(buf, n);
}

TEST(FixedTest, WritesWhatPrintfWrites) {
  const double values[] = {0.0,
                           -0.0,
                           0.5,
                           1.0,
                           0.125,
                           0.375,
                           2.675,
                           1.005,
                           -1.005,
                           0.8333,
                           -0.004999,
                           0.0049999,
                           123456.78,
                           1e-300,
                           1e22,
                           -7.25e8,
                           3.14159,
                           0.1 + 0.2,
                           1.5,
                           2.5,
                           -2.5,
                           0.045,
                           99.995,
                           1e300,
                           std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity()};
  for (const double v : values) {
    for (const int precision : {0, 1, 2, 3, 6, 17}) {
      EXPECT_EQ(Fixed(v, precision), Printf(v, precision)) << v << " %." << precision << "f";
    }
  }
}

TEST(FixedTest, AppendsAndWritesNan) {
  std::string s = "x=";
  AppendFixed(0.8333, 2, &s);
  EXPECT_EQ(s, "x=0.83");
  EXPECT_EQ(Fixed(std::numeric_limits<double>::quiet_NaN(), 2), "nan");
}

}  // namespace
}  // namespace unspin
