#!/bin/sh
# SPDX-License-Identifier: ISC
# Many readers, one writer: SESSIONS browsers, each in its own pty, scroll
# and filter while scotl import writes ARTICLES generated articles into
# the same database. Each session types its keys again and again, a new
# scotl each round, until the import has finished. Run it with
# 'make bench-readers'; it prints per session the slowest press of each
# key, the slowest of all, the import's wall time and rate next to the
# same import with no one reading, and whether the two databases hold
# the same. Not a test: tests/robust/readers.test checks what does not depend
# on timing.
#
# A press "settles" when the program has written nothing for the settle
# window (-w, 300 ms here), so a stall up to that long is measured as it
# is; a longer one would leave a press with no answer ("silent"), counted
# beside it. Typed filter text (and C-u, which clears it) waits for the
# typing pause (120 ms) before the filter runs: its figure is given
# without that pause. Enter runs the filter at once.
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SCOTL="$top_builddir/scotl"
PTYRUN="$top_builddir/tests/tools/ptyrun"
N=${SCOTL_READERS_ARTICLES:-10000}
S=${SCOTL_READERS_SESSIONS:-20}
SETTLE=300
work=$(mktemp -d "${TMPDIR:-/tmp}/scotl-bench-readers-XXXXXX")
loops=""
cleanup() {
	mkdir -p "$work/s" && touch "$work/s/done"
	for p in $loops; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
mkdir "$work/articles"

# Generated articles, none a duplicate of another.
top_srcdir="$top_srcdir" sh "$top_srcdir/tests/tools/gen-articles.sh" "$N" "$work/articles"

for d in shared alone; do
	cp "$top_builddir/data/scotl.db" "$work/$d.db"
	chmod u+w "$work/$d.db"
done

# digest DB: what an import writes, table by table (not the import time).
digest() {
	for q in "article:id, name, title, source, url, published, charset, hash" \
		"event:*" "participant:*" "evidence:*" "claim:*" "mention:*" \
		"entity:*" "alias:*" "role:*" "membership:*"; do
		t=${q%%:*}
		printf '%s %s\n' "$t" "$(sqlite3 "$1" "SELECT ${q#*:} FROM $t ORDER BY 1, 2, 3" | cksum)"
	done
}

now() { date +%s.%N; }
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# The reference: the same import with no one reading.
t0=$(now)
"$SCOTL" import --db "$work/alone.db" --date 2022-01-01 "$work/articles" >"$work/alone.out" || true
t1=$(now)

export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export HOME="$work/s" XDG_DATA_HOME="$work/s" XDG_CONFIG_HOME="$work/s"
# Every press changes the screen (a press that cannot, G at the end, would
# count as silent).
KEYS="j*10,PgDn,G,k*5,PgUp,g,f,s,t,a,t,e,:,i,n,d,i,a,Enter,j*3,G,g,f,C-u,Enter,j*5,PgDn,g"

# sessions DIR ROUNDS: the sessions type the keys ROUNDS times each, or
# with 0, round after round until DIR/done exists.
sessions() {
	mkdir -p "$1"
	i=1
	while [ "$i" -le "$S" ]; do
		(
			r=0
			while [ ! -f "$1/done" ] && { [ "$2" -eq 0 ] || [ "$r" -lt "$2" ]; }; do
				r=$((r + 1))
				"$PTYRUN" -m -w "$SETTLE" -x 30000 -o "$1/raw" "$KEYS" -- \
					"$SCOTL" --db "$work/shared.db" >>"$1/out.$i" 2>&1 || true
				cat "$1/raw" >>"$1/raw.$i"
			done
			echo "rounds $r" >>"$1/out.$i"
		) &
		loops="$loops $!"
		i=$((i + 1))
	done
}

sessions_wait() {
	for p in $loops; do wait "$p" || true; done
	loops=""
}

# table DIR [summary]: the slowest press of each kind per session.
table() {
	awk -v only="${2:-}" '
function max(a, b) { return a > b ? a : b }
FNR == 1 { if (file) out(); file = FILENAME; n = split(FILENAME, p, "."); s = p[n];
	nav = pg = gg = fe = fl = fs = qt = sl = pr = rounds = 0; bad = 0 }
$1 == "start" { sub("first_screen_ms=", "", $3); fs = max(fs, $3 + 0) }
$2 ~ /^n=/ { pr += substr($2, 3) }
$1 == "max" { k = $2; ms = substr($3, 11) + 0; sl += substr($4, 8);
	if (k == "j" || k == "k") nav = max(nav, ms);
	else if (k == "PgDn" || k == "PgUp") pg = max(pg, ms);
	else if (k == "G" || k == "g") gg = max(gg, ms);
	else if (k == "f" || k == "Enter") fe = max(fe, ms);
	else fl = max(fl, ms - 120) }
$1 == "quit" { qt = max(qt, substr($2, 9) + 0) }
$1 == "exit" && $2 != "status=0" { bad++ }
$1 == "rounds" { rounds = $2 }
function out() {
	if (only == "")
		printf "%-8s %6d %7d %7.1f %7.1f %7.1f %7.1f %7.1f %9.1f %7.1f %6d %6s\n",
		    s, rounds, pr, nav, pg, gg, fe, fl, fs, qt, sl, bad ? bad " bad" : "ok";
	all = max(all, max(max(nav, pg), max(max(gg, fe), fl)));
	allq = max(allq, qt); allfs = max(allfs, fs); allp += pr; allsl += sl; allbad += bad
}
END { out();
	printf "%s: slowest press %.1f ms (goal: under 100 ms), first screen %.1f ms, quit to exit %.1f ms;", only ? only : "all sessions", all, allfs, allq;
	printf " %d presses, %d silent, %d bad exits\n", allp, allsl, allbad }
' $(ls "$1"/out.* | sort -t. -k2 -n)
}

# First the sessions alone, one round each: what sharing two cores costs
# with no writer.
sessions "$work/quiet" 1
sessions_wait

# Then with the import: it starts when every session shows its first
# screen, and they type until it has finished.
sessions "$work/s" 0
i=0
while [ "$(cat "$work"/s/out.* 2>/dev/null | grep -c '^start')" -lt "$S" ] && [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
t2=$(now)
status=0
"$SCOTL" import --db "$work/shared.db" --date 2022-01-01 "$work/articles" >"$work/shared.out" || status=$?
t3=$(now)
touch "$work/s/done"
sessions_wait

echo "load average at the start: $load (2 cores here; the figures include sharing them)"
echo "$S sessions at 80x24 while scotl import writes $N articles; slowest press of each kind, ms:"
printf '%-8s %6s %7s %7s %7s %7s %7s %7s %9s %7s %6s %6s\n' session rounds \
	presses j/k PgDn/Up G/g f/Enter filter first-scr quit silent exits
table "$work/s"
table "$work/quiet" "the same sessions, no import (1 round)"
errors=0
for f in "$work"/quiet/raw.* "$work"/s/raw.*; do
	if LC_ALL=C grep -Eiwq 'locked|locking|busy|malformed|error|i/o|scotl:' "$f"; then
		errors=$((errors + 1))
		echo "error text in $f:"
		LC_ALL=C grep -Eiwo '.{0,60}(locked|locking|busy|malformed|error|i/o|scotl:).{0,60}' "$f" | head -3
	fi
done
echo "sessions whose terminal showed an error: $errors of $((S * 2)) (both runs)"

awk -v n="$N" -v a0="$t0" -v a1="$t1" -v b0="$t2" -v b1="$t3" 'BEGIN {
	printf "%-34s %9s %9s\n", "import of " n " articles", "seconds", "art/s";
	printf "%-34s %9.2f %9.0f\n", "  alone", a1 - a0, n / (a1 - a0);
	printf "%-34s %9.2f %9.0f\n", "  with the sessions reading", b1 - b0, n / (b1 - b0);
}'
echo "import exit status: $status"
head -n 1 "$work/shared.out"
digest "$work/alone.db" >"$work/alone.digest"
digest "$work/shared.db" >"$work/shared.digest"
if cmp -s "$work/alone.digest" "$work/shared.digest"; then
	echo "counts and contents match the import with no one reading: yes" \
	    "($(sqlite3 "$work/shared.db" 'SELECT count(*) FROM article') articles," \
	    "$(sqlite3 "$work/shared.db" 'SELECT count(*) FROM event') events," \
	    "$(sqlite3 "$work/shared.db" 'SELECT count(*) FROM mention') mentions)"
else
	echo "counts and contents match the import with no one reading: NO"
	diff "$work/alone.digest" "$work/shared.digest" || true
fi
echo "integrity_check: $(sqlite3 "$work/shared.db" 'PRAGMA integrity_check')"
