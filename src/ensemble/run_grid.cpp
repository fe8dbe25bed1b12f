// The points of a grid on threads, written in point order (ensemble.hpp). Workers take chunks of
// consecutive point indices from a counter; a finished chunk waits in a ring of `window` slots
// until every earlier chunk has been written; a worker may not start a chunk `window` or more ahead
// of the next to be written. So at most window * chunk points are held whatever the grid's size,
// the sink sees the points in order, and since each point is computed from the scenario alone the
// output does not depend on the thread count or on which worker took which chunk.
#include <algorithm>
#include <condition_variable>
#include <exception>
#include <optional>
#include <thread>

#include "stratstab/ensemble.hpp"

namespace stratstab {

GridRunStats run_grid(const GridEvaluator& evaluator, PointSink& sink, const GridRunOptions& options) {
  const Grid& grid = evaluator.grid();
  const std::size_t total = grid.size();
  const unsigned threads = std::max(1U, options.threads);
  // Chunks small enough that rows stream and threads stay busy to the end, large enough that the
  // lock is taken rarely: about 16 chunks per thread, of 1 to 64 points.
  const std::size_t chunk =
      options.chunk > 0 ? options.chunk : std::clamp<std::size_t>(total / (std::size_t{threads} * 16), 1, 64);
  const std::size_t chunks = (total + chunk - 1) / chunk;
  const std::size_t window = options.window > 0 ? options.window : std::size_t{4} * threads;

  std::vector<std::optional<std::vector<GridPoint>>> ring(window);
  std::mutex lock;
  std::condition_variable can_start;  // a worker waits for the window to move
  std::condition_variable can_write;  // the writer waits for the next chunk
  std::size_t next = 0;               // the next chunk to start
  std::size_t written = 0;            // chunks handed to the sink
  bool stop = false;
  std::exception_ptr failure;
  GridRunStats stats;
  stats.chunk = chunk;
  stats.window = window;
  std::size_t held = 0;  // evaluated points waiting in the ring
  const auto fail = [&](std::exception_ptr e) {
    const std::lock_guard<std::mutex> guard(lock);
    if (!failure) failure = std::move(e);
    stop = true;
    can_start.notify_all();
    can_write.notify_all();
  };

  const auto work = [&] {
    const auto workspace = evaluator.workspace();
    std::vector<std::size_t> at(grid.axes().size());
    for (;;) {
      std::size_t c = 0;
      {
        std::unique_lock<std::mutex> guard(lock);
        can_start.wait(guard, [&] { return stop || next >= chunks || next < written + window; });
        if (stop || next >= chunks) return;
        c = next++;
      }
      std::vector<GridPoint> points;
      try {
        const std::size_t end = std::min(total, (c + 1) * chunk);
        for (std::size_t i = c * chunk; i < end; ++i) {
          if (sink.skip(i)) continue;
          grid.indices(i, at);
          points.push_back(GridPoint{i, at, evaluator.evaluate(i, at, *workspace)});
        }
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      {
        const std::lock_guard<std::mutex> guard(lock);
        held += points.size();
        stats.peak_held = std::max(stats.peak_held, held);
        stats.skipped += std::min(total, (c + 1) * chunk) - c * chunk - points.size();
        ring[c % window] = std::move(points);
      }
      can_write.notify_all();
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  for (std::size_t c = 0; c < chunks; ++c) {
    std::vector<GridPoint> points;
    {
      std::unique_lock<std::mutex> guard(lock);
      can_write.wait(guard, [&] { return stop || ring[c % window].has_value(); });
      if (stop) break;
      points = std::move(*ring[c % window]);
      ring[c % window].reset();
      written = c + 1;
      held -= points.size();
    }
    can_start.notify_all();
    try {
      for (const GridPoint& p : points) sink.write(p);
      stats.written += points.size();
      if (options.on_progress) options.on_progress(std::min(total, (c + 1) * chunk), total);
    } catch (...) {
      fail(std::current_exception());
      break;
    }
  }
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  sink.finish();
  return stats;
}

}  // namespace stratstab
