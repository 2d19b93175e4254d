# Writes the SQL script of real_sqlite3.vgtest (fixed seed: the same
# script every time).
BEGIN {
   srand(2026)
   print "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT, city INTEGER, score REAL);"
   print "CREATE TABLE city(id INTEGER PRIMARY KEY, name TEXT);"
   print "BEGIN;"
   for (i = 0; i < 50; i++)
      printf "INSERT INTO city VALUES(%d, 'city%02d');\n", i, i
   for (i = 1; i <= 20000; i++)
      printf "INSERT INTO person(name, city, score) VALUES('n%05d', %d, %.3f);\n", \
             int(rand() * 100000), int(rand() * 50), rand() * 1000
   print "COMMIT;"
   print "CREATE INDEX person_city ON person(city);"
   print "SELECT count(*), count(DISTINCT name), printf('%.3f', avg(score)) FROM person;"
   print "SELECT c.name, count(*), printf('%.2f', sum(p.score)) FROM person p JOIN city c ON p.city = c.id GROUP BY c.id ORDER BY count(*) DESC, c.name LIMIT 5;"
   print "SELECT name, city FROM person WHERE name LIKE 'n000%' ORDER BY name, id LIMIT 5;"
   print "UPDATE person SET score = score * 2 WHERE city % 7 = 0;"
   print "DELETE FROM person WHERE id % 10 = 0;"
   print "SELECT count(*), printf('%.3f', max(score)), min(id), max(id) FROM person;"
   print "WITH RECURSIVE fib(i, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT i + 1, b, a + b FROM fib WHERE i < 60) SELECT group_concat(a, ',') FROM fib WHERE i > 50;"
   print "SELECT upper(substr(name, 2)) || '-' || length(name), hex(city), typeof(score) FROM person ORDER BY score DESC, id LIMIT 3;"
   print "SELECT city, rank FROM (SELECT city, rank() OVER (ORDER BY count(*) DESC, city) AS rank FROM person GROUP BY city) WHERE rank <= 3;"
   print "PRAGMA integrity_check;"
}
