// Runs fn(i, worker) for i in [0, n) on `jobs` threads. Each index runs exactly once; `worker`
// (0..jobs-1) lets callers keep per-thread state such as a Fingerprinter. Results written by
// index make the output independent of the thread count.
#ifndef UNSPIN_DETECTOR_DEDUP_PARALLEL_H_
#define UNSPIN_DETECTOR_DEDUP_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace unspin {
namespace dedup {

// Number of threads to use for `jobs` <= 0: every core.
inline int ResolveJobs(int jobs) {
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

template <typename Fn>
void ParallelFor(size_t n, int jobs, Fn&& fn) {
  const int threads = static_cast<int>(std::min<size_t>(std::max(jobs, 1), std::max<size_t>(n, 1)));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  constexpr size_t kChunk = 16;
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (int w = 0; w < threads; ++w) {
    pool.emplace_back([&, w] {
      while (true) {
        const size_t begin = next.fetch_add(kChunk);
        if (begin >= n) break;
        const size_t end = std::min(n, begin + kChunk);
        for (size_t i = begin; i < end; ++i) fn(i, w);
      }
    });
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_PARALLEL_H_
