#!/usr/bin/env bash
# A rank that dies mid-run loses only the work not yet committed, and `--resume` recomputes exactly
# the missing points (ensemble_mpi.hpp, docs/usersguide.md "Across machines"): a 3-rank sweep of
# 199 x 199 = 39,601 points of us-ru-2026-11 (exact draw-down, about 10 s on one core; batches of
# 1,000; 100 x 100 under the sanitizers) into a store; as soon as the first points are committed (rank 0 commits once a second),
# rank 1 gets SIGKILL, with most of the grid still to go. Then: mpirun
# fails, the store passes `PRAGMA integrity_check`, holds fewer points than planned; a 2-rank
# `--resume` computes exactly the missing ones, and the store then equals an uninterrupted
# single-process run row for row and value for value (SQL EXCEPT both ways: REALs compare exactly).
# Usage: rank_death_resume.sh STRATSTAB MPIEXEC
set -euo pipefail
exe=$1
mpiexec=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mpi_flags=(--oversubscribe)
if [ "$(id -u)" -eq 0 ]; then mpi_flags+=(--allow-run-as-root); fi
mpi_env=()
if [ -n "${ASAN_OPTIONS:-}" ]; then mpi_env=(-x "ASAN_OPTIONS=${ASAN_OPTIONS}:detect_leaks=0"); fi
grid=(sweep us-ru-2026-11 --param sides.US.withheld=0:0.99:0.005 --param sides.RU.withheld=0:0.99:0.005
      --yes --quiet)
planned=39601
if [ -n "${ASAN_OPTIONS:-}" ]; then
  # Under the sanitizers every point is about ten times slower: 100 x 100 points keep the run
  # (and the kill's place in it, after the first second's commit) as long as the full grid's.
  grid=(sweep us-ru-2026-11 --param sides.US.withheld=0:0.99:0.01 --param sides.RU.withheld=0:0.99:0.01
        --yes --quiet)
  planned=10000
fi
count() { sqlite3 "$1" "SELECT count(*) FROM points WHERE run_id = 1" 2>/dev/null || echo 0; }

"$exe" "${grid[@]}" --threads 1 --out "$work/ref.sqlite" 2>"$work/ref.err"
[ "$(count "$work/ref.sqlite")" -eq "$planned" ] || { echo "reference run: $(count "$work/ref.sqlite") points"; exit 1; }

"$mpiexec" -n 3 "${mpi_flags[@]}" "${mpi_env[@]}" "$exe" "${grid[@]}" --out "$work/mpi.sqlite" \
  >"$work/mpi.out" 2>"$work/mpi.err" &
launcher=$!
victim=""
for _ in $(seq 1 600); do  # up to 60 s for the first commit
  if [ "$(count "$work/mpi.sqlite")" -gt 0 ]; then
    for pid in $(pgrep -f "sweep us-ru-2026-11" || true); do
      if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "OMPI_COMM_WORLD_RANK=1"; then victim=$pid; fi
    done
    break
  fi
  sleep 0.1
done
if [ -z "$victim" ]; then
  echo "no rank 1 found while the run was going (stored: $(count "$work/mpi.sqlite"))"
  cat "$work/mpi.err"
  exit 1
fi
kill -KILL "$victim"
if wait "$launcher"; then
  echo "mpirun exited 0 although rank 1 was killed"
  exit 1
fi
integrity=$(sqlite3 "$work/mpi.sqlite" "PRAGMA integrity_check")
[ "$integrity" = ok ] || { echo "integrity_check after the rank's death: $integrity"; exit 1; }
kept=$(count "$work/mpi.sqlite")
if [ "$kept" -ge "$planned" ]; then
  echo "the run finished ($kept points) before rank 1 was killed: the test proves nothing"
  exit 1
fi
missing=$((planned - kept))
echo "rank 1 killed: $kept of $planned points committed, $missing to recompute"

"$mpiexec" -n 2 "${mpi_flags[@]}" "${mpi_env[@]}" "$exe" "${grid[@]}" --out "$work/mpi.sqlite" --resume \
  >"$work/resume.out" 2>"$work/resume.err"
if ! grep -q "run 1 of .*: $missing points computed" "$work/resume.err"; then
  echo "--resume did not compute exactly the $missing missing points:"
  cat "$work/resume.err"
  exit 1
fi
[ "$(count "$work/mpi.sqlite")" -eq "$planned" ] || { echo "after --resume: $(count "$work/mpi.sqlite") points"; exit 1; }
differ=$(sqlite3 "$work/mpi.sqlite" "ATTACH '$work/ref.sqlite' AS ref;
  SELECT (SELECT count(*) FROM (SELECT * FROM main.points EXCEPT SELECT * FROM ref.points))
       + (SELECT count(*) FROM (SELECT * FROM ref.points EXCEPT SELECT * FROM main.points))")
[ "$differ" -eq 0 ] || { echo "$differ rows differ from the uninterrupted run"; exit 1; }
echo "ok: after --resume the store equals the uninterrupted run ($planned rows, 0 lost, 0 duplicated)"
