#include "detector/util/huge_page_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"

namespace unspin {
namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;

uintptr_t ProgramBreak() { return reinterpret_cast<uintptr_t>(sbrk(0)); }

}  // namespace

absl::Status BackHeapWithHugePages(size_t step_bytes) {
  step_bytes = (step_bytes + kHugePage - 1) & ~(kHugePage - 1);
  if (step_bytes == 0 || step_bytes > (size_t{32} << 20)) {
    return absl::InvalidArgumentError("step_bytes must be from 1 byte to 32 MiB");
  }
  // The mmap threshold goes up with the pad: setting the pad turns off glibc's adaptive
  // threshold, which would otherwise have moved freed large blocks to the heap over time.
  if (mallopt(M_MMAP_THRESHOLD, static_cast<int>(step_bytes)) != 1 ||
      mallopt(M_TOP_PAD, static_cast<int>(step_bytes)) != 1) {
    return absl::InternalError("mallopt refused the heap settings");
  }
  // Allocate until the break moves: the heap grows by the new pad, and all of that growth is
  // past the last block allocated here. (The top of the heap holds at most the old pad, 128 KiB
  // by default, so this takes a few blocks.)
  constexpr size_t kBlock = 64 << 10;
  constexpr size_t kMaxBlocks = 64;
  const uintptr_t old_break = ProgramBreak();
  std::vector<void*> blocks;
  blocks.reserve(kMaxBlocks);
  while (ProgramBreak() == old_break && blocks.size() < kMaxBlocks) {
    void* block = std::malloc(kBlock);
    if (block == nullptr) break;
    blocks.push_back(block);
  }
  const uintptr_t last = blocks.empty() ? old_break : reinterpret_cast<uintptr_t>(blocks.back());
  const uintptr_t begin = (last + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = ProgramBreak() & ~(kHugePage - 1);
  // Advised before the blocks are freed: freeing may trim the heap's top.
  const int result =
      end > begin ? madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) : 0;
  const int err = errno;
  for (void* block : blocks) std::free(block);
  if (end <= begin) return absl::InternalError("the heap did not grow");
  if (result != 0) {
    return absl::UnavailableError(absl::StrCat("madvise(MADV_HUGEPAGE): ", std::strerror(err)));
  }
  return absl::OkStatus();
}

}  // namespace unspin
