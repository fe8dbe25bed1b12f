// A grid sweep spread over the processes of an MPI job (`mpirun -n N stratstab sweep ...`, OpenMPI).
// Rank 0 is the single writer: it owns the sink, so rows and any store are written by one process
// only, in point order, and it decides which points are skipped (sink.skip), so a resumed run
// assigns only the missing points. Every rank evaluates batches of points with the same
// GridEvaluator: a rank asks rank 0 for a batch, evaluates it and sends the results back with its
// next request (dynamic assignment, so a slow machine takes fewer batches). Each point is computed
// from the scenario alone, so the rows are the same, bit for bit, as a single-process run's.
//
// MPI is optional at build time (CMake STRATSTAB_MPI). MPI_Init is called only when the process was
// started by an MPI launcher (its environment says so); a plain `stratstab` never touches MPI.
#pragma once

#include <cstddef>

#include "stratstab/ensemble.hpp"

namespace stratstab {

/// Whether this build has the MPI runner (CMake STRATSTAB_MPI found OpenMPI).
[[nodiscard]] bool mpi_built();

/// Whether the process was started by an MPI launcher (mpirun/mpiexec/srun set OMPI_COMM_WORLD_SIZE,
/// PMIX_RANK or PMI_SIZE), whether or not this build has MPI.
[[nodiscard]] bool under_mpi_launcher();

/// Points a rank takes from rank 0 at a time, at most, by default: a point of a real-sides scenario
/// costs 5 to 20 ms, an abstract one tens of microseconds, so a batch is tens of milliseconds to tens
/// of seconds of work against one round trip of a message (about 150 bytes a point), and the
/// messaging is negligible. A grid with
/// fewer than 8 batches per rank takes smaller batches (at least 8 per rank), so that no rank idles
/// while another finishes a large last batch.
inline constexpr std::size_t kMpiBatchPoints = 1000;

/// The MPI job of this process, for the duration of a command. Constructed under an MPI launcher it
/// calls MPI_Init (and MPI_Finalize when destroyed); otherwise it does nothing and the process is
/// rank 0 of 1. Under a launcher in a build without MPI it throws InputError ("this build has no
/// MPI"), so that N copies of a sweep do not each write the whole output. At most one at a time.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  MpiSession(MpiSession&&) = delete;
  MpiSession& operator=(MpiSession&&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  /// Whether this is the writer (rank 0, or a plain process): only it prints.
  [[nodiscard]] bool writer() const { return rank_ == 0; }

  /// run_grid_mpi with `batch` points per batch when the job has more than one rank, else run_grid.
  GridRunStats run(const GridEvaluator& evaluator, PointSink& sink, const GridRunOptions& options,
                   std::size_t batch = 0) const;

 private:
  bool initialized_ = false;
  int rank_ = 0;
  int size_ = 1;
};

/// Evaluates every point of the evaluator's grid not skipped by rank 0's `sink` over the ranks of
/// the running MPI job (MpiSession) and writes each to rank 0's sink in point order; the other ranks'
/// sinks are not called. Batches are `batch` non-skipped points (0: kMpiBatchPoints, or fewer for
/// a grid too small for 8 batches a rank) in increasing order, at most
/// 4 per rank ahead of the last written, so rank 0 holds a bounded number of points whatever the
/// grid's size. Rank 0 evaluates batches too, between messages. A failure of a point on any rank, or
/// of the sink, stops every rank (no more batches are assigned) and is thrown on rank 0 (as
/// std::runtime_error with the failing rank's message) and on the rank where it happened; the
/// stats (written, skipped) are rank 0's. `options.threads` is not used: one evaluation per rank.
GridRunStats run_grid_mpi(const GridEvaluator& evaluator, PointSink& sink, const GridRunOptions& options,
                          std::size_t batch = 0);

}  // namespace stratstab
