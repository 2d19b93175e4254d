#!/nonexistent/interpreter
echo this must not run
