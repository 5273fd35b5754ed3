#!/bin/sh
# SPDX-License-Identifier: ISC
# Import throughput: 10,000 generated articles (the seed texts, each with
# a line of its own so that none is a duplicate, and with their paragraphs
# in another order), imported with scotl import into a copy of the
# bundled database, against the floor of inserting the same files into an
# FTS5 table with the sqlite3 shell. Run it with 'make bench-import'; it
# prints articles/s and MB/s for both and the ratio. Not a test.
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SCOTL="$top_builddir/scotl"
N=${SCOTL_BENCH_ARTICLES:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/scotl-bench-import-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/articles"

top_srcdir="$top_srcdir" sh "$top_srcdir/tests/tools/gen-articles.sh" "$N" "$work/articles"

bytes=$(find "$work/articles" -type f -exec cat {} + | wc -c)
cp "$top_builddir/data/scotl.db" "$work/scotl.db"
chmod u+w "$work/scotl.db"

now() { date +%s.%N; }
# In three parts (the first 10%, up to 50%, up to 100%), each its own
# run into the same database, so that a rate that falls as the database
# grows shows.
ls "$work/articles" >"$work/list"
p1=$((N / 10)) p2=$((N / 2))
mkdir "$work/part1" "$work/part2" "$work/part3"
sed -n "1,${p1}p" "$work/list" | (cd "$work/articles" && xargs mv -t ../part1/)
sed -n "$((p1 + 1)),${p2}p" "$work/list" | (cd "$work/articles" && xargs mv -t ../part2/)
find "$work/articles" -type f -exec mv -t "$work/part3/" {} +
t0=$(now)
for part in 1 2 3; do
	"$SCOTL" import --db "$work/scotl.db" --date 2022-01-01 "$work/part$part" \
	    >"$work/summary$part" || true
	eval "tp$part=\$(now)"
done
t1=$tp3
cat "$work/summary1" "$work/summary2" "$work/summary3" >"$work/summary"
for part in 1 2 3; do
	find "$work/part$part" -type f -exec ln -t "$work/articles/" {} +
done
sqlite3 "$work/floor.db" "CREATE VIRTUAL TABLE f USING fts5(name, body,
  tokenize='unicode61 remove_diacritics 2');
  INSERT INTO f(name, body) SELECT name, data FROM fsdir('$work/articles')
  WHERE name LIKE '%.txt';"
t2=$(now)

awk -v n="$N" -v t0="$t0" -v a="$tp1" -v b="$tp2" -v c="$tp3" 'BEGIN {
	printf "%-34s %9s %9s\n", "import rate as the database grows", "articles", "art/s";
	printf "%-34s %9d %9.0f\n", "  first 10%", n / 10, (n / 10) / (a - t0);
	printf "%-34s %9d %9.0f\n", "  10% to 50%", n / 2 - n / 10, (n / 2 - n / 10) / (b - a);
	printf "%-34s %9d %9.0f\n", "  50% to 100%", n - n / 2, (n - n / 2) / (c - b);
}'
awk -v n="$N" -v b="$bytes" -v t0="$t0" -v t1="$t1" -v t2="$t2" 'BEGIN {
	s = t1 - t0; f = t2 - t1; mb = b / 1e6;
	printf "%-34s %9s %9s %9s\n", "", "seconds", "art/s", "MB/s";
	printf "%-34s %9.2f %9.0f %9.2f\n", "scotl import (" n " articles)", s, n / s, mb / s;
	printf "%-34s %9.2f %9.0f %9.2f\n", "floor: sqlite3 shell into FTS5", f, n / f, mb / f;
	printf "ratio scotl / floor: %.1fx (%.1f MB of text)\n", s / f, mb;
}'
for part in 1 2 3; do head -n 1 "$work/summary$part"; done
