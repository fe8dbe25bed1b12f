// The points of a grid over the ranks of an MPI job, written on rank 0 in point order
// (ensemble_mpi.hpp). Messages, all MPI_BYTE on MPI_COMM_WORLD:
//   worker -> 0, kTagRequest: the results of the batch it last took (none the first time);
//   0 -> worker, kTagAssign:  a batch (its number and point indices), or no indices: stop;
//   worker -> 0, kTagFailure: the message of an exception; the worker then stops.
// Rank 0 loops: it receives what has arrived, writes every batch that is next in order, answers
// waiting ranks, and evaluates a few points of its own batch, so that it is a worker too. A batch
// is handed out only while it is fewer than `window` batches ahead of the next to be written, which
// bounds the points rank 0 holds. Numbers travel as their bytes (the ranks of a job share one
// architecture, as OpenMPI's homogeneous build assumes), so a value is received bit for bit.
#include "stratstab/ensemble_mpi.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "stratstab/error.hpp"

#ifdef STRATSTAB_HAVE_MPI
// The C interface only: OpenMPI's and MPICH's C++ bindings (deprecated since MPI 2.2) are left out.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace stratstab {

bool mpi_built() {
#ifdef STRATSTAB_HAVE_MPI
  return true;
#else
  return false;
#endif
}

bool under_mpi_launcher() {
  // OpenMPI's mpirun sets OMPI_COMM_WORLD_SIZE; PMIx launchers (srun --mpi=pmix, prterun) PMIX_RANK;
  // MPICH-style and Slurm PMI launchers PMI_SIZE.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;  // NOLINT(concurrency-mt-unsafe): read at start, single thread
  }
  return false;
}

#ifndef STRATSTAB_HAVE_MPI

MpiSession::MpiSession() {
  if (under_mpi_launcher()) {
    throw InputError({key_error("mpirun",
                                "this build has no MPI (configure with -DSTRATSTAB_MPI=ON and OpenMPI installed: "
                                "libopenmpi-dev); run stratstab without mpirun",
                                "command line")});
  }
}
MpiSession::~MpiSession() = default;

GridRunStats run_grid_mpi(const GridEvaluator& /*evaluator*/, PointSink& /*sink*/, const GridRunOptions& /*options*/,
                          std::size_t /*batch*/) {
  throw InputError({key_error("mpirun", "this build has no MPI", "command line")});
}

#else

namespace {

constexpr int kTagRequest = 1;
constexpr int kTagAssign = 2;
constexpr int kTagFailure = 3;
constexpr std::uint64_t kNoBatch = UINT64_MAX;

/// Appends numbers and strings as bytes.
class Writer {
 public:
  template <typename T>
  void put(T value) {
    const std::size_t at = bytes_.size();
    bytes_.resize(at + sizeof(T));
    std::memcpy(bytes_.data() + at, &value, sizeof(T));
  }
  void put(const std::string& text) {
    put<std::uint64_t>(text.size());
    bytes_.insert(bytes_.end(), text.begin(), text.end());
  }
  [[nodiscard]] std::vector<char>& bytes() { return bytes_; }

 private:
  std::vector<char> bytes_;
};

/// Reads what Writer wrote; reading past the end is a broken message (a bug, not bad input).
class Reader {
 public:
  explicit Reader(const std::vector<char>& bytes) : bytes_(bytes) {}
  template <typename T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string text() {
    const auto n = static_cast<std::size_t>(get<std::uint64_t>());
    need(n);
    std::string s(bytes_.data() + at_, n);
    at_ += n;
    return s;
  }
  [[nodiscard]] bool done() const { return at_ == bytes_.size(); }

 private:
  void need(std::size_t n) const {
    if (bytes_.size() - at_ < n) throw std::logic_error("mpi_runner: a message ends early");
  }
  const std::vector<char>& bytes_;
  std::size_t at_ = 0;
};

void put_point(Writer& w, const GridPoint& p) {
  w.put<std::uint64_t>(p.index);
  w.put(p.result.value);
  w.put(p.result.index);
  for (const SweepSide& s : p.result.sides) {
    w.put(s.id);
    w.put(s.stability.c1);
    w.put(s.stability.c2);
    w.put(s.stability.ratio);
    w.put(s.stability.ratio_unclipped);
  }
  for (const SweepExchange& e : p.result.exchanges) {
    w.put(e.striker);
    w.put(e.victim);
    w.put(e.counterforce_spent);
    w.put(e.victim_surviving);
    w.put(e.retaliation_arriving);
  }
}

GridPoint get_point(Reader& r, const Grid& grid) {
  GridPoint p;
  p.index = static_cast<std::size_t>(r.get<std::uint64_t>());
  p.at = grid.indices(p.index);  // the point's value indices follow from its index (grid.hpp)
  p.result.value = r.text();
  p.result.index = r.get<double>();
  for (SweepSide& s : p.result.sides) {
    s.id = r.text();
    s.stability.c1 = r.get<double>();
    s.stability.c2 = r.get<double>();
    s.stability.ratio = r.get<double>();
    s.stability.ratio_unclipped = r.get<double>();
  }
  for (SweepExchange& e : p.result.exchanges) {
    e.striker = r.text();
    e.victim = r.text();
    e.counterforce_spent = r.get<double>();
    e.victim_surviving = r.get<double>();
    e.retaliation_arriving = r.get<double>();
  }
  return p;
}

// OpenMPI's blocking calls spin while they wait, taking a core from whichever rank shares it (a
// machine with more ranks than cores, or other jobs); these wait by polling with a short sleep
// instead, which costs at most a millisecond a message against a batch of seconds.
constexpr auto kPoll = std::chrono::microseconds(200);

void send(std::vector<char>& bytes, int to, int tag) {
  MPI_Request request = MPI_REQUEST_NULL;
  MPI_Isend(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, to, tag, MPI_COMM_WORLD, &request);
  for (int finished = 0;;) {
    MPI_Test(&request, &finished, MPI_STATUS_IGNORE);
    if (finished != 0) return;
    std::this_thread::sleep_for(kPoll);
  }
}

/// Waits for a message from `from` (or MPI_ANY_SOURCE) with any tag.
MPI_Status probe(int from) {
  MPI_Status status;
  for (int arrived = 0;;) {
    MPI_Iprobe(from, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
    if (arrived != 0) return status;
    std::this_thread::sleep_for(kPoll);
  }
}

/// Receives the message `status` announced (from MPI_Probe or MPI_Iprobe).
std::vector<char> receive(const MPI_Status& status) {
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  std::vector<char> bytes(static_cast<std::size_t>(count));
  MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return bytes;
}

/// A rank other than 0: asks for batches until told to stop.
void work(const GridEvaluator& evaluator) {
  const Grid& grid = evaluator.grid();
  const auto workspace = evaluator.workspace();
  std::vector<std::size_t> at(grid.axes().size());
  Writer results;
  results.put(kNoBatch);
  for (;;) {
    send(results.bytes(), 0, kTagRequest);
    const std::vector<char> bytes = receive(probe(0));  // rank 0 sends only assignments
    Reader assignment(bytes);
    const auto id = assignment.get<std::uint64_t>();
    const auto n = static_cast<std::size_t>(assignment.get<std::uint64_t>());
    if (n == 0) return;
    results = Writer();
    results.put(id);
    results.put<std::uint64_t>(n);
    try {
      for (std::size_t k = 0; k < n; ++k) {
        const auto i = static_cast<std::size_t>(assignment.get<std::uint64_t>());
        grid.indices(i, at);
        put_point(results, GridPoint{i, at, evaluator.evaluate(i, at, *workspace)});
      }
    } catch (...) {
      // Rank 0 must hear of any failure, or it would wait for this batch for ever.
      std::string what = "an exception that is not a std::exception";
      try {
        throw;
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {  // NOLINT(bugprone-empty-catch): `what` already says so
      }
      Writer failure;
      failure.put(what);
      send(failure.bytes(), 0, kTagFailure);
      throw;
    }
  }
}

/// One batch: consecutive points not skipped, and where the scan for it ended.
struct Batch {
  std::uint64_t id = 0;
  std::vector<std::size_t> indices;
  std::size_t scanned_to = 0;  ///< points before this index are in this batch, an earlier one, or skipped
};

/// Rank 0: hands out batches, evaluates its own, writes in order.
GridRunStats coordinate(const GridEvaluator& evaluator, PointSink& sink, const GridRunOptions& options,
                        std::size_t batch_points, int ranks) {
  const Grid& grid = evaluator.grid();
  const std::size_t total = grid.size();
  const std::uint64_t window = std::uint64_t{4} * static_cast<std::uint64_t>(ranks);
  GridRunStats stats;
  stats.chunk = batch_points;
  stats.window = static_cast<std::size_t>(window);

  std::size_t scan = 0;        // the next point index to consider for a batch
  std::uint64_t made = 0;      // batches made so far (the next batch's number)
  std::uint64_t next_out = 0;  // the next batch to write
  std::map<std::uint64_t, std::vector<GridPoint> > done;
  std::map<std::uint64_t, std::size_t> scanned_to;  // per batch made and not yet written
  std::size_t held = 0;
  int active = ranks - 1;      // workers not yet told to stop
  std::deque<int> waiting;     // workers that asked while the window was full
  bool stop = false;           // no more batches: a failure
  std::exception_ptr failure;  // rank 0's own
  std::string remote_failure;

  // The next batch, if the window allows one and points remain; skipped points are counted here.
  const auto take = [&]() -> std::optional<Batch> {
    if (stop || scan >= total || made >= next_out + window) return std::nullopt;
    Batch b;
    while (scan < total && b.indices.size() < batch_points) {
      if (sink.skip(scan)) {
        ++stats.skipped;
      } else {
        b.indices.push_back(scan);
      }
      ++scan;
    }
    if (b.indices.empty()) {  // only skipped points were left
      if (options.on_progress) options.on_progress(total, total);
      return std::nullopt;
    }
    b.id = made++;
    b.scanned_to = scan;
    scanned_to[b.id] = scan;
    return b;
  };
  const auto exhausted = [&] { return stop || scan >= total; };
  const auto assign = [&](int to, const Batch* b) {
    Writer w;
    w.put<std::uint64_t>(b != nullptr ? b->id : kNoBatch);
    w.put<std::uint64_t>(b != nullptr ? b->indices.size() : 0);
    if (b != nullptr) {
      for (std::size_t i : b->indices) w.put<std::uint64_t>(i);
    } else {
      --active;
    }
    send(w.bytes(), to, kTagAssign);
  };
  // Answers a worker: a batch, or stop when none remain; else it waits.
  const auto answer = [&](int to) {
    if (const std::optional<Batch> b = take()) {
      assign(to, &*b);
    } else if (exhausted()) {
      assign(to, nullptr);
    } else {
      waiting.push_back(to);
    }
  };
  const auto write_ready = [&] {
    for (auto it = done.find(next_out); it != done.end() && !stop; it = done.find(next_out)) {
      try {
        for (const GridPoint& p : it->second) sink.write(p);
      } catch (...) {
        failure = std::current_exception();
        stop = true;
        return;
      }
      stats.written += it->second.size();
      held -= it->second.size();
      if (options.on_progress) options.on_progress(scanned_to[next_out], total);
      scanned_to.erase(next_out);
      done.erase(it);
      ++next_out;
    }
  };

  const auto workspace = evaluator.workspace();
  std::vector<std::size_t> at(grid.axes().size());
  std::optional<Batch> own;
  std::vector<GridPoint> own_points;
  std::size_t own_next = 0;
  // Points rank 0 evaluates between looks at its messages: a point costs about a millisecond, so a
  // waiting worker waits at most tens of milliseconds for its next batch.
  constexpr std::size_t kPointsBetweenProbes = 16;

  for (;;) {
    write_ready();
    while (!waiting.empty() && (exhausted() || made < next_out + window)) {
      const int to = waiting.front();
      waiting.pop_front();
      answer(to);
    }
    if (!own && !stop) {
      own = take();
      own_points.clear();
      own_next = 0;
    }
    if (!own && active == 0 && (stop || (exhausted() && done.empty() && next_out == made))) break;

    // Messages: wait for one when there is nothing of our own to do, else only look.
    MPI_Status status;
    int arrived = 0;
    if (own) {
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
    } else if (active > 0) {
      status = probe(MPI_ANY_SOURCE);  // nothing of our own to do: wait, without spinning
      arrived = 1;
    }
    if (arrived != 0) {
      const std::vector<char> bytes = receive(status);
      Reader r(bytes);
      if (status.MPI_TAG == kTagFailure) {
        if (remote_failure.empty()) remote_failure = "rank " + std::to_string(status.MPI_SOURCE) + ": " + r.text();
        stop = true;
        --active;
      } else {
        const auto id = r.get<std::uint64_t>();
        if (id != kNoBatch) {
          const auto n = static_cast<std::size_t>(r.get<std::uint64_t>());
          std::vector<GridPoint> points;
          points.reserve(n);
          for (std::size_t k = 0; k < n; ++k) points.push_back(get_point(r, grid));
          held += points.size();
          done[id] = std::move(points);
          stats.peak_held = std::max(stats.peak_held, held);
        }
        answer(status.MPI_SOURCE);
      }
      continue;
    }
    if (!own) continue;
    if (stop) {  // a failure elsewhere: drop our batch
      own.reset();
      continue;
    }
    try {
      const std::size_t end = std::min(own->indices.size(), own_next + kPointsBetweenProbes);
      for (; own_next < end; ++own_next) {
        const std::size_t i = own->indices[own_next];
        grid.indices(i, at);
        own_points.push_back(GridPoint{i, at, evaluator.evaluate(i, at, *workspace)});
      }
    } catch (...) {
      failure = std::current_exception();
      stop = true;
      own.reset();
      continue;
    }
    if (own_next == own->indices.size()) {
      held += own_points.size();
      stats.peak_held = std::max(stats.peak_held, held);
      done[own->id] = std::move(own_points);
      own_points = {};
      own.reset();
    }
  }
  if (failure) std::rethrow_exception(failure);
  if (!remote_failure.empty()) throw std::runtime_error(remote_failure);
  sink.finish();
  return stats;
}

}  // namespace

MpiSession::MpiSession() {
  if (!under_mpi_launcher()) return;
  int provided = 0;
  // Funneled: only the main thread calls MPI (the sweep's own threads, e.g. --samples, do not).
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  initialized_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (initialized_) MPI_Finalize();
}

GridRunStats run_grid_mpi(const GridEvaluator& evaluator, PointSink& sink, const GridRunOptions& options,
                          std::size_t batch) {
  int rank = 0;
  int size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (batch == 0) {
    const std::size_t per_rank = 8;  // batches a rank takes at least, so that the last ones balance
    batch = std::clamp<std::size_t>(evaluator.grid().size() / (per_rank * static_cast<std::size_t>(size)), 1,
                                    kMpiBatchPoints);
  }
  if (rank != 0) {
    work(evaluator);
    return {};
  }
  return coordinate(evaluator, sink, options, batch, size);
}

#endif

GridRunStats MpiSession::run(const GridEvaluator& evaluator, PointSink& sink, const GridRunOptions& options,
                             std::size_t batch) const {
  if (size_ > 1) return run_grid_mpi(evaluator, sink, options, batch);
  return run_grid(evaluator, sink, options);
}

}  // namespace stratstab
