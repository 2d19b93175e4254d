#!/bin/sh
# A #! script (shebang_sh.vgtest): the shell (the interpreter the kernel
# would start) runs under the tool; everything here is a shell builtin.
square() {
   squared=$(($1 * $1))
}
echo "\$0 is $0, $# arguments:"
for a in "$@"; do
   printf '  [%s]\n' "$a"
done
i=0 sum=0
while [ $i -lt 3000 ]; do
   square $((i % 10))
   sum=$((sum + squared + i % 7))
   i=$((i + 1))
done
echo "sum $sum, in a subshell: $(square 12; echo $squared)"
word=interpreter
echo "${#word} letters, ${word%preter}, ${word#inter}, ${word%%e*}"
while read -r key value; do
   case $key in
      [0-9]*) echo "number $key: $value" ;;
      x*) echo "x-word $key: $value" ;;
      *) echo "other $key: $value" ;;
   esac
done <<END
42 the answer
xylophone music
zebra stripes
END
set -- c b a
echo "after set: $*"
exit 3
