#!./gen-arm64
echo this must not run
