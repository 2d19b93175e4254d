#!/bin/bash
# Host instructions and bytes per guest instruction, ours vs the system
# Valgrind, on the reference loops of loops.c (see README.md).
#
#   perf/insn-ratio/run.sh [--vg=/usr/bin/valgrind] [--keep]
#
# Run from anywhere in a configured and built tree (it makes libvex.a).
set -e
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
vg=/usr/bin/valgrind
keep=
for a in "$@"; do
   case $a in
      --vg=*) vg=${a#--vg=} ;;
      --keep) keep=1 ;;
      *) echo "usage: $0 [--vg=VALGRIND] [--keep]" >&2; exit 2 ;;
   esac
done
work=$(mktemp -d /tmp/insn-ratio.XXXXXX)
[ -n "$keep" ] && echo "work files in $work" || trap 'rm -rf "$work"' EXIT

make -s -C "$top" libvex.a
gcc -O2 -fno-tree-vectorize -fno-tree-loop-distribute-patterns -no-pie \
    -I"$top/VEX/pub" -o "$work/loops" "$here/loops.c" "$top/libvex.a"

# The functions' address ranges, as NAME=LO-HI.
funcs=$(nm -S "$work/loops" | awk '$4 == "csum8" || $4 == "copy8" || $4 == "copy64" {
   print $4 "=0x" $1 "-0x" $2 }' | while IFS='=-' read -r n lo sz; do
   printf '%s=%s-0x%x\n' "$n" "$lo" $((lo + sz)); done)

# Valgrind, pass 1: which superblocks start in the functions.
"$vg" --tool=none --trace-flags=10000000 "$work/loops" --run \
   2>"$work/vg1.txt" >/dev/null
sbs=$(python3 - "$work/vg1.txt" $funcs <<'PY'
import re, sys
rs = []
for a in sys.argv[2:]:
    lo, hi = a.split("=")[1].split("-")
    rs.append((int(lo, 0), int(hi, 0)))
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"==== SB (\d+) .*\] (0x[0-9a-fA-F]+)", line)
    if m and any(lo <= int(m.group(2), 16) < hi for lo, hi in rs):
        print(m.group(1), m.group(2))
PY
)
lo=$(echo "$sbs" | awk 'NR == 1 { print $1 }')
hi=$(echo "$sbs" | awk 'END { print $1 }')
addrs=$(echo "$sbs" | awk '{ print $2 }' | sort -u)

# Valgrind, pass 2: those superblocks' tree-built IR and assembly.
"$vg" --tool=none --trace-flags=00001001 --trace-notbelow="$lo" \
   --trace-notabove="$hi" "$work/loops" --run 2>"$work/vg2.txt" >/dev/null
# Ours: the same start addresses, this tree's VEX.
"$work/loops" --translate $addrs >"$work/ours.txt"

python3 "$here/count.py" "$work/vg2.txt" "$work/ours.txt" \
   "$("$vg" --version | sed 's/valgrind-//')" $funcs
