# A script without "#!": the kernel refuses it and a shell runs it
# with /bin/sh, so valgrind does the same.
echo "sh ran $0 with $# argument(s): $*"
