// Evaluation of many samples on several threads (docs/methods.md §13.2). Each row's outputs land
// at the row's index, and each row is computed alone from its own values, so the results do not
// depend on the thread count or on which thread took which row.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "stratstab/uncertainty.hpp"

namespace stratstab {

std::vector<SampleOutputs> evaluate_rows(const SampleEvaluator& evaluator, std::span<const double> values,
                                         unsigned threads, const std::function<void(std::size_t)>& on_progress) {
  const std::size_t width = evaluator.inputs().size();
  const std::size_t rows = width == 0 ? (values.empty() ? 0 : 1) : values.size() / width;
  std::vector<SampleOutputs> out(rows);
  // Rows are handed out in small chunks so that threads stay busy to the end.
  constexpr std::size_t kChunk = 8;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  const auto work = [&](bool reports) {
    const auto workspace = evaluator.workspace();
    try {
      for (;;) {
        const std::size_t start = next.fetch_add(kChunk);
        if (start >= rows) break;
        const std::size_t end = std::min(rows, start + kChunk);
        for (std::size_t r = start; r < end; ++r)
          out[r] = evaluator.evaluate(values.subspan(r * width, width), *workspace);
        const std::size_t now = done.fetch_add(end - start) + (end - start);
        if (reports && on_progress) on_progress(now);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> guard(failure_lock);
      if (!failure) failure = std::current_exception();
      next.store(rows);
    }
  };
  const unsigned n =
      std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, rows / kChunk))));
  std::vector<std::thread> pool;
  pool.reserve(n - 1);
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, false);
  work(true);
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (on_progress) on_progress(rows);
  return out;
}

}  // namespace stratstab
