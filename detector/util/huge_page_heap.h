// Backs the process's main heap with transparent huge pages, for a faster start-up.
//
//   int main(int argc, char** argv) {
//     unspin::BackHeapWithHugePages();  // first thing: it shapes how the heap grows
//     ...
//
// Start-up builds several megabytes of rule tables with many small allocations, and on the
// virtual machines this runs on the first touch of each 4 KiB page costs a fault of about ten
// microseconds: a third of the time `unspin check` takes on a small file. The kernel backs memory
// advised with MADV_HUGEPAGE by 2 MiB pages (when transparent huge pages are in "madvise" or
// "always" mode), so the same heap takes a handful of faults. This is glibc's
// `glibc.malloc.hugetlb=1` tunable, which cannot be set from inside a running process.
#ifndef UNSPIN_DETECTOR_UTIL_HUGE_PAGE_HEAP_H_
#define UNSPIN_DETECTOR_UTIL_HUGE_PAGE_HEAP_H_

#include <cstddef>

#include "absl/status/status.h"

namespace unspin {

// Makes the main heap grow in steps of `step_bytes` (rounded up to 2 MiB; at most 32 MiB, glibc's
// largest mmap threshold), grows it once, and
// advises the new part for huge pages; allocations below `step_bytes` come from the heap rather
// than separate mappings. Memory is committed only when touched, so an idle step costs address
// space, not memory. An error (mallopt refused, or madvise failed: a kernel without transparent
// huge pages) leaves the heap working as before; callers may ignore it.
absl::Status BackHeapWithHugePages(size_t step_bytes = size_t{32} << 20);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_UTIL_HUGE_PAGE_HEAP_H_
