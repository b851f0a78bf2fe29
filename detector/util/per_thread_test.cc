#include "detector/util/per_thread.h"

#include <memory>
#include <thread>

#include "gtest/gtest.h"

namespace unspin {
namespace {

struct Counter {
  int value = 0;
};

std::unique_ptr<Counter> MakeCounter() { return std::make_unique<Counter>(); }

TEST(PerThreadTest, OneStatePerThreadKeptAcrossCalls) {
  const PerThread<Counter> counters;
  ++counters.Get(MakeCounter).value;
  ++counters.Get(MakeCounter).value;
  EXPECT_EQ(counters.Get(MakeCounter).value, 2);
  int other_thread = -1;
  std::thread([&] { other_thread = ++counters.Get(MakeCounter).value; }).join();
  EXPECT_EQ(other_thread, 1);  // its own state, made anew
  EXPECT_EQ(counters.Get(MakeCounter).value, 2);
}

TEST(PerThreadTest, AnotherOwnerOrACopyNeverSeesTheState) {
  auto first = std::make_unique<PerThread<Counter>>();
  first->Get(MakeCounter).value = 7;
  const PerThread<Counter> copy(*first);
  EXPECT_EQ(copy.Get(MakeCounter).value, 0);
  // An owner made where a destroyed one lived (same address, perhaps) starts empty too.
  first.reset();
  first = std::make_unique<PerThread<Counter>>();
  EXPECT_EQ(first->Get(MakeCounter).value, 0);
}

TEST(PerThreadTest, EveryCallSiteSharesTheThreadsState) {
  const PerThread<Counter> counters;
  counters.Get([] { return std::make_unique<Counter>(); }).value = 3;
  EXPECT_EQ(counters.Get(MakeCounter).value, 3);  // another factory, the same slot
}

}  // namespace
}  // namespace unspin
