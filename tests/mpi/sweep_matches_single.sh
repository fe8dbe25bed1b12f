#!/usr/bin/env bash
# The MPI runner's rows are the single-process run's, byte for byte (ensemble_mpi.hpp): a grid of
# 101 x 51 = 5,151 points of the abstract Kent-Thaler example (batches of 321 and 214 points, 8 per
# rank, so that every rank takes several and rank 0 writes them as they come), run with 2 and 3 ranks (3 > the cores here: --oversubscribe) against
# `--threads 1`, as CSV and as JSON lines. A lost, duplicated or reordered row, or a number that
# moved in its last bit, changes the bytes.
# Usage: sweep_matches_single.sh STRATSTAB MPIEXEC
set -euo pipefail
exe=$1
mpiexec=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mpi_flags=(--oversubscribe)
if [ "$(id -u)" -eq 0 ]; then mpi_flags+=(--allow-run-as-root); fi
# Under the sanitizer build (scripts/test.sh's asan stage) OpenMPI's plugins, unloaded at
# MPI_Finalize, leave allocations LeakSanitizer reports from unknown modules (so no suppression can
# name them): leak detection is off for the ranks only; address and undefined-behaviour checks stay.
mpi_env=()
if [ -n "${ASAN_OPTIONS:-}" ]; then mpi_env=(-x "ASAN_OPTIONS=${ASAN_OPTIONS}:detect_leaks=0"); fi
grid=(sweep kent-thaler-example --param sides.A.abstract.alert=0:1:0.01 --param sides.B.abstract.alert=0:1:0.02
      --quiet --max-points 6000)
for format in --csv --jsonl; do
  "$exe" "${grid[@]}" "$format" --threads 1 >"$work/single"
  rows=$(wc -l <"$work/single")
  if [ "$format" = --csv ]; then expected=5152; else expected=5151; fi
  if [ "$rows" -ne "$expected" ]; then
    echo "single-process $format: $rows lines, expected $expected"
    exit 1
  fi
  for ranks in 2 3; do
    "$mpiexec" -n "$ranks" "${mpi_flags[@]}" "${mpi_env[@]}" "$exe" "${grid[@]}" "$format" >"$work/mpi"
    if ! cmp "$work/single" "$work/mpi"; then
      echo "mpirun -n $ranks $format differs from the single-process run:"
      diff "$work/single" "$work/mpi" | head -20
      exit 1
    fi
    echo "ok: mpirun -n $ranks $format: $rows lines, identical to the single-process run"
  done
done
