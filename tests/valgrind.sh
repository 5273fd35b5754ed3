#!/bin/sh
# valgrind memcheck on scotl (make valgrind): an import of a few articles
# that takes every path of the importer, the commands that print, and a
# scripted browse session in a pty (tests/ptyrun). Each run must have no
# memory error and no leak: definite, indirect, possible, and memory
# still reachable at exit, but for what tests/valgrind.supp lets through
# (with the reason there). TAP output; exit 1 on any error. Slow (a few
# minutes), so not part of make check. VALGRIND_KEEP=DIR keeps the logs.
. "${top_srcdir:-.}/tests/lib.sh"

PTYRUN="$top_builddir/tests/ptyrun"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind is not installed"
	exit 0
fi
LOGS="${VALGRIND_KEEP:-$TESTDIR/logs}"
mkdir -p "$LOGS"
VG="valgrind --quiet --tool=memcheck --leak-check=full --show-leak-kinds=all
 --errors-for-leak-kinds=all --track-origins=yes --error-exitcode=99
 --suppressions=$top_srcdir/tests/valgrind.supp --gen-suppressions=all"

DB="$TESTDIR/scotl.db"
cp "$top_builddir/data/scotl.db" "$DB"
chmod u+w "$DB"
A="$TESTDIR/articles"
mkdir "$A"
for f in plain.txt page.html header-cp1251.txt utf16.txt undeclared-koi8r.txt; do
	cp "$top_srcdir/tests/import/$f" "$A/"
done
cp "$top_srcdir/tests/import-events/bishkek-defence.txt" \
	"$top_srcdir/tests/import-events/dushanbe-thursday.txt" "$A/"

# vg NAME EXPECTED-STATUS ARGS...: scotl ARGS under valgrind.
vg() {
	name=$1 want=$2
	shift 2
	# shellcheck disable=SC2086
	$VG --log-file="$LOGS/$name.log" "$SCOTL" "$@" >"$TESTDIR/out" 2>"$TESTDIR/err"
	status=$?
	[ "$status" -eq "$want" ] && [ ! -s "$LOGS/$name.log" ]
	ok $? "$name: exit $want, no errors, no leaks"
	[ "$status" -eq "$want" ] || { echo "exit $status"; head -5 "$TESTDIR/err"; } | diag
	head -60 "$LOGS/$name.log" | diag
}

vg import 0 import --db "$DB" --date 2021-09-08 "$A"
vg import-again 0 import --db "$DB" --date 2021-09-08 "$A"
vg import-rejects 1 import --db "$DB" --date 2021-09-08 "$top_srcdir/tests/import"
vg list 0 --db "$DB" list --limit 20
vg show 0 --db "$DB" show nsa-2021-dushanbe
vg entity 0 --db "$DB" entity patrushev
vg article 0 --db "$DB" article page.html
vg stats 0 --db "$DB" stats
vg export 0 --db "$DB" export --format json
vg filter 0 --db "$DB" list --filter "state:india since:2020 | person:doval"
vg bad-filter 2 --db "$DB" list --filter "since:("
vg not-a-db 1 --db "$top_srcdir/tests/import/plain.txt" list

# The browser, slowed down by valgrind: ptyrun waits for 1.5 s of quiet
# after each key, and up to two minutes for the exit (the leak check).
KEYS="j*3,k,Tab,j,Tab,Enter,BSpace,Tab,/,s,u,m,m,i,t,Enter,n,C-g"
KEYS="$KEYS,f,i,n,d,i,a,Enter,j*2,PgDn,G,g,f,C-u,Enter,?,j,C-g,v,C-g,o"
KEYS="$KEYS,:,C-g,x,x,C-l"
# shellcheck disable=SC2086
"$PTYRUN" -s 100x30 -w 1500 -x 120000 -o "$TESTDIR/raw" "$KEYS" -- \
	$VG --log-file="$LOGS/browse.log" "$SCOTL" --db "$DB" >"$TESTDIR/out" 2>&1
grep -q "^exit *status=0 " "$TESTDIR/out" && [ ! -s "$LOGS/browse.log" ]
ok $? "browse: exit 0, no errors, no leaks"
grep "^exit" "$TESTDIR/out" | diag
head -60 "$LOGS/browse.log" | diag
LC_ALL=C grep -q "Timeline" "$TESTDIR/raw"
ok $? "browse: the session drew the timeline"

done_testing
