#!/bin/sh
# SPDX-License-Identifier: ISC
# Bytes written to the terminal per key, and the time until the screen
# settles, for scotl and for less on the same article text, at 80x24 and
# 200x50. Run it with 'make bench-keys'; it prints a table. Nothing here
# is a test: the figures depend on the machine and are for reading.
#
# The corpus: the bundled gazetteer, the five seed articles and one long
# article made of their bodies three times over, and 2,000 generated
# events that all cite the long article, so that 100 presses of j move
# through events and 100 presses in the article pane scroll through text.
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SCOTL="$top_builddir/scotl"
PTYRUN="$top_builddir/tests/tools/ptyrun"
work=$(mktemp -d "${TMPDIR:-/tmp}/scotl-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

data="$work/data"
mkdir -p "$data/articles"
cp "$top_srcdir/data/gazetteer.rec" "$data/"
cp "$top_srcdir"/data/articles/*.txt "$data/articles/"
cp "$top_srcdir/data/articles.rec" "$data/"
{
	echo "A long article for the benchmarks"
	for round in 1 2 3; do
		for f in "$top_srcdir"/data/articles/*.txt; do
			tail -n +2 "$f"
		done
	done
} >"$data/articles/long.txt"
tail -n +2 "$data/articles/long.txt" >"$work/long-body.txt"
printf '\narticle: long.txt\ntitle: A long article for the benchmarks\npublished: 2022-05-15\n' \
	>>"$data/articles.rec"
awk 'BEGIN {
	split("Dushanbe Tashkent New Delhi|Beijing Qingdao Astana Moscow Kabul", p, " ");
	np = 0; n = split("Dushanbe,Tashkent,New Delhi,Beijing,Qingdao,Astana,Moscow,Kabul", places, ",");
	m = split("Ajit Doval,Moeed Yusuf,Nikolai Patrushev,Wang Xiaohong,Rajnath Singh,Khawaja Asif", people, ",");
	for (i = 1; i <= 2000; i++) {
		y = 2001 + int((i - 1) / 80); mo = 1 + (i % 12); d = 1 + (i % 28);
		printf "event: gen-%d\ndate: %04d-%02d-%02d\n", i, y, mo, d;
		printf "title: Generated meeting %d of security officials\n", i;
		printf "kind: nsa-meeting\nplace: %s\n", places[1 + i % n];
		printf "participant: %s | participant\n", people[1 + i % m];
		printf "evidence: long.txt | During the meeting, special attention was given to the state of affairs in Afghanistan.\n\n";
	}
}' >"$data/events.rec"
"$SCOTL" load --data "$data" --db "$work/bench.db" >/dev/null

# run SIZE NAME KEYS COMMAND...: one ptyrun, its lines labelled.
run() {
	size=$1 name=$2 keys=$3
	shift 3
	LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color LESSHISTFILE=- LESS= \
		HOME="$work" XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" \
		"$PTYRUN" -s "$size" -w 100 "$keys" -- "$@" |
		awk -v size="$size" -v name="$name" '
		$1 == "start" { sub("first_screen_ms=", "", $3);
			printf "%-7s %-16s %-5s %5s %8s %6s %8s %9s\n", size, name,
			    "start", "-", substr($2, 7), "-", "-", $3 }
		$2 ~ /^n=/ && $1 != "Tab" { n = substr($2, 3); med = substr($4, 8);
			p95 = substr($5, 5); tot = substr($6, 7); ms = substr($8, 8);
			printf "%-7s %-16s %-5s %5s %8s %6s %8s %9s\n", size, name, $1,
			    n, med, p95, tot, ms }'
}

printf "%-7s %-16s %-5s %5s %8s %6s %8s %9s\n" size program key presses \
	"bytes/key" p95 total "settle-ms"
for size in 80x24 200x50; do
	run "$size" "scotl timeline" "j*100,PgDn*20" "$SCOTL" --db "$work/bench.db" --fresh
	run "$size" "scotl article" "Tab,j*100,PgDn*20" "$SCOTL" --db "$work/bench.db" --fresh
	run "$size" "less (article)" "j*100,PgDn*20" less "$work/long-body.txt"
done
