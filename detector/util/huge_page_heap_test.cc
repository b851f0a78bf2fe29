#include "detector/util/huge_page_heap.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace unspin {
namespace {

// The VmFlags line of the mapping holding `address` in /proc/self/smaps ("" if none holds it).
std::string VmFlagsOf(const void* address) {
  const uintptr_t a = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0;
    uintptr_t end = 0;
    char dash = 0;
    std::istringstream header(line);
    if (header >> std::hex >> begin >> dash >> end && dash == '-' &&
        line.find(':') > line.find(' ')) {
      inside = begin <= a && a < end;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

// One test: the call shapes the whole process's heap, so it is made once.
TEST(HugePageHeapTest, LaterHeapBlocksLieInMemoryAdvisedForHugePages) {
#ifdef __SANITIZE_ADDRESS__
  GTEST_SKIP() << "ASan's allocator replaces glibc's heap";
#endif
  ASSERT_TRUE(BackHeapWithHugePages(size_t{8} << 20).ok());
  // Small blocks fill the heap's grown part: the last of a few megabytes of them lies in it.
  void* blocks[64];
  for (void*& b : blocks) b = std::malloc(64 << 10);
  // One megabyte is above glibc's default mmap threshold: now it is a heap block too.
  void* large = std::malloc(1 << 20);
  const std::string small_flags = VmFlagsOf(blocks[63]);
  const std::string large_flags = VmFlagsOf(large);
  std::free(large);
  for (void* b : blocks) std::free(b);
  EXPECT_NE(small_flags.find(" hg"), std::string::npos) << small_flags;
  EXPECT_NE(large_flags.find(" hg"), std::string::npos) << large_flags;
}

TEST(HugePageHeapTest, RejectsStepsOutsideGlibcsRange) {
  EXPECT_EQ(BackHeapWithHugePages(0).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BackHeapWithHugePages(size_t{64} << 20).code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace unspin
