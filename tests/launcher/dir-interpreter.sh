#!/
echo this must not run
