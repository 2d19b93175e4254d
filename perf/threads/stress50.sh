#!/bin/bash
# Runs the code-generation stress test (none/tests/thr_codegen_stress.c,
# with the arguments of thr_codegen_stress.vgtest) N times in a row
# (default 50) under the build tree's --tool=none in parallel mode, and
# counts the runs whose output and exit status are those of the native
# run.  A run that takes longer than $STRESS_TIMEOUT seconds (default 120)
# is killed and fails: the test's own watchdog cannot end a run whose core
# is deadlocked.  Keeps the first few failing outputs.  Run by hand from a
# built tree:
#   perf/threads/stress50.sh [N] [EXTRA VALGRIND OPTIONS...]
# Exits with 0 if every run passed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-50}
shift || true
read -ra args <<< "$(sed -n 's/^args: *//p' "$top/none/tests/thr_codegen_stress.vgtest")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O1 -pthread -o "$work/stress" "$top/none/tests/thr_codegen_stress.c" || exit 2
"$work/stress" "${args[@]}" > "$work/native.out" 2>&1
echo "status $?" >> "$work/native.out"

passed=0
kept=0
for i in $(seq 1 "$runs"); do
   timeout -k 5 "${STRESS_TIMEOUT:-120}" "$top/vg-in-place" -q --tool=none \
      --parallel=yes "$@" "$work/stress" "${args[@]}" > "$work/run.out" 2>&1
   status=$?
   echo "status $status" >> "$work/run.out"
   if cmp -s "$work/native.out" "$work/run.out"; then
      passed=$((passed + 1))
   else
      if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
         echo "run $i: FAILED (timeout: killed after ${STRESS_TIMEOUT:-120} s)"
      else
         echo "run $i: FAILED"
      fi
      if [ "$kept" -lt 3 ]; then
         kept=$((kept + 1))
         cp "$work/run.out" "stress50-failure-$i.out"
         echo "   output kept as stress50-failure-$i.out; diff with native:"
         diff "$work/native.out" "$work/run.out" | head -10 | sed 's/^/   /'
      fi
   fi
done
echo "$passed of $runs runs passed"
[ "$passed" -eq "$runs" ]
