// State one object keeps per thread: caches that must not be shared (no locks on a hot path) and
// must not leak between objects. Each thread that asks gets its own T, made on first use.
//
//   class Matcher {
//     struct Caches { ... };
//     unspin::PerThread<Caches> caches_;
//     void Match() const {
//       Caches& c = caches_.Get([] { return std::make_unique<Caches>(); });
//
// A thread keeps one T per type: when it turns to another owner of the same type, the T is
// made anew for that owner. Owners are told apart by a serial number, not by address, so an
// owner created where a destroyed one lived never reads the old one's state. A copy is another
// owner. Get is thread-safe.
#ifndef UNSPIN_DETECTOR_UTIL_PER_THREAD_H_
#define UNSPIN_DETECTOR_UTIL_PER_THREAD_H_

#include <atomic>
#include <cstdint>
#include <memory>

namespace unspin {

template <typename T>
class PerThread {
 public:
  PerThread() : owner_(NextOwner()) {}
  PerThread(const PerThread&) : PerThread() {}
  PerThread& operator=(const PerThread&) = delete;

  // This thread's T for this owner; `make()` returns a std::unique_ptr<T> when there is none.
  template <typename Make>
  T& Get(const Make& make) const {
    std::unique_ptr<T>& state = State();
    uint64_t& owner = Owner();
    if (state == nullptr || owner != owner_) {
      state = make();
      owner = owner_;
    }
    return *state;
  }

 private:
  // Per type T, not per call site: every Get of a PerThread<T> shares the thread's slot.
  static std::unique_ptr<T>& State() {
    thread_local std::unique_ptr<T> state;
    return state;
  }
  static uint64_t& Owner() {
    thread_local uint64_t owner = 0;
    return owner;
  }
  static uint64_t NextOwner() {
    static std::atomic<uint64_t> next{0};
    return next.fetch_add(1) + 1;
  }

  uint64_t owner_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_UTIL_PER_THREAD_H_
