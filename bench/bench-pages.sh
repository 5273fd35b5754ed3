#!/bin/sh
# SPDX-License-Identifier: ISC
# How well scotl import finds the article in saved pages: run it with
# 'make bench-pages PAGES=DIR' (add BENCH_PAGES_FLAGS=-v for a line per
# page). DIR holds a folder per page laid out like Mozilla Readability's
# test pages: source.html (the saved page), expected.html (the article;
# or expected.txt, its text) and expected-metadata.json (its "title",
# "publishedTime", "siteName" and "byline", any may be null or missing).
#
# Each source.html is imported with scotl import, without --date, into a
# database of its own run; the stored body is scored against the
# expected text as bags of words (bench/bench-words: lower-cased runs of
# letters and digits, each Chinese character a word; the overlap counts
# each word as often as it is in both): precision, recall and F1. Beside
# it the floor: all the visible text of source.html scored the same way.
# A page whose import is rejected scores 0. The title is right when it is
# the expected one after white space is made single spaces (counted over
# the pages whose metadata has a title); the date when it is the day of
# publishedTime; the source and the author (for information) when they
# are siteName and byline the same way. The speed is the bytes of the pages over
# the wall time of the imports. Needs jq. Not a test: nothing is checked.
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SCOTL=${SCOTL:-$top_builddir/scotl}
WORDS=${BENCH_WORDS:-$top_builddir/bench/bench-words}
verbose=0
if [ "${1:-}" = "-v" ]; then
	verbose=1
	shift
fi
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: bench-pages.sh [-v] DIR" >&2
	exit 2
fi
pages=$1
command -v jq >/dev/null || { echo "bench-pages: jq is needed (./install-deps)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/scotl-bench-pages-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
# The database is made (from the bundled corpus) before the clock runs.
printf 'Warm up\n\nA line of text to make the database.\n' >"$work/warm.txt"
"$SCOTL" import --db "$work/t.db" --date 2000-01-01 "$work/warm.txt" \
    >/dev/null 2>&1
# Each page goes into a copy of it, so that pages with the same text (some
# test pages differ only in their markup) are not duplicates.

now() { date +%s.%N; }

# Scores the words in $1 (got) against $2 (expected): "P R F1".
score() {
	awk 'FNR == NR { want[$0]++; nw++; next }
	    { ng++; if (want[$0] > 0) { want[$0]--; hit++ } }
	    END {
		p = ng ? hit / ng : 0; r = nw ? hit / nw : 0;
		printf "%.4f %.4f %.4f\n", p, r, p + r ? 2 * p * r / (p + r) : 0
	    }' "$2" "$1"
}

norm='if . == null then "" else tostring | gsub("\\s+"; " ") | ltrimstr(" ") | rtrimstr(" ") end'

: >"$work/rows"
for dir in "$pages"/*/; do
	dir=${dir%/}
	[ -f "$dir/source.html" ] || continue
	name=$(basename "$dir")
	file="$work/in/$name.html"
	if [ -f "$dir/expected.txt" ]; then
		"$WORDS" "$dir/expected.txt" >"$work/want"
	elif [ -f "$dir/expected.html" ]; then
		"$WORDS" --html "$dir/expected.html" >"$work/want"
	else
		continue
	fi
	cp "$dir/source.html" "$file"
	"$WORDS" --html "$dir/source.html" >"$work/floor"
	meta="$dir/expected-metadata.json"
	[ -f "$meta" ] || meta=/dev/null
	want_title=$(jq -r ".title | $norm" "$meta" 2>/dev/null || true)
	want_date=$(jq -r '.publishedTime // "" | tostring | .[0:10]' "$meta" 2>/dev/null || true)
	want_source=$(jq -r ".siteName | $norm" "$meta" 2>/dev/null || true)
	want_author=$(jq -r ".byline | $norm" "$meta" 2>/dev/null || true)

	cp "$work/t.db" "$work/p.db"
	t0=$(now)
	"$SCOTL" import --db "$work/p.db" "$file" >"$work/out" 2>"$work/err" || true
	t1=$(now)
	rejected=1 got_title="" got_date="" got_source="" got_author=""
	: >"$work/got"
	if "$SCOTL" article --db "$work/p.db" --format json "$name.html" \
	    >"$work/json" 2>/dev/null; then
		rejected=0
		jq -r '.body // ""' "$work/json" >"$work/body"
		"$WORDS" "$work/body" >"$work/got"
		got_title=$(jq -r ".title | $norm" "$work/json")
		got_date=$(jq -r '.published // "" | .[0:10]' "$work/json")
		got_source=$(jq -r ".source | $norm" "$work/json")
		got_author=$(jq -r ".author | $norm" "$work/json")
	fi
	title_ok=-
	if [ -n "$want_title" ]; then
		title_ok=0
		[ "$rejected" = 0 ] && [ "$got_title" = "$want_title" ] && title_ok=1
	fi
	source_ok=-
	if [ -n "$want_source" ]; then
		source_ok=0
		[ "$got_source" = "$want_source" ] && source_ok=1
	fi
	author_ok=-
	if [ -n "$want_author" ]; then
		author_ok=0
		[ "$got_author" = "$want_author" ] && author_ok=1
	fi
	date_ok=-
	if [ -n "$want_date" ]; then
		date_ok=0
		[ "$got_date" = "$want_date" ] && date_ok=1
	fi
	bytes=$(wc -c <"$dir/source.html")
	why=$(grep -m1 -i 'reject\|not an article' "$work/err" "$work/out" 2>/dev/null \
	    | sed 's/.*\.html: //' | tr '\t' ' ' || true)
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" \
	    "$(score "$work/got" "$work/want")" "$(score "$work/floor" "$work/want")" \
	    "$title_ok" "$date_ok" "$rejected" "$bytes" "$t0" "$t1" "$got_title" \
	    "${why:--}" "$source_ok" "$author_ok" >>"$work/rows"
done

# The speed again in one run over all the pages, without the start of a
# process and the opening of a database per page.
cp "$work/t.db" "$work/all.db"
t0=$(now)
"$SCOTL" import --db "$work/all.db" "$work/in" >/dev/null 2>&1 || true
t1=$(now)

awk -F"\t" -v verbose="$verbose" -v all="$(awk -v a="$t0" -v b="$t1" "BEGIN { print b - a }")" '
function f(x) { return sprintf("%.3f", x) }
function share(what, k, m) {
	if (m)
		printf "%-28s %d of %d (%.2f)\n", what, k, m, k / m;
	else
		printf "%-28s %d of %d\n", what, k, m;
}
{
	split($2, s, " "); split($3, fl, " ");
	n++; sp += s[1]; sr += s[2]; sf += s[3];
	fp += fl[1]; fr += fl[2]; ff += fl[3];
	if ($4 != "-") { titled++; titles += $4 }
	if ($5 != "-") { dates++; dok += $5 }
	if ($12 != "-") { sourced++; sok += $12 }
	if ($13 != "-") { authored++; aok += $13 }
	rej += $6; bytes += $7; secs += $9 - $8;
	if (verbose) {
		if (n == 1)
			printf "%-40s %6s %6s %6s %6s %5s %4s %s\n", "page", "P", "R",
			    "F1", "floor", "title", "date", "";
		printf "%-40s %6s %6s %6s %6s %5s %4s %s\n", substr($1, 1, 40),
		    f(s[1]), f(s[2]), f(s[3]), f(fl[3]), $4 == "-" ? "" : ($4 ? "ok" : "no"),
		    $5 == "-" ? "" : ($5 ? "ok" : "no"), $6 ? "REJECTED " $11 : "";
	}
}
END {
	if (n == 0) { print "bench-pages: no page folders" > "/dev/stderr"; exit 1 }
	if (verbose) print "";
	printf "%-28s %9s %9s %9s\n", "pages: " n, "precision", "recall", "F1";
	printf "%-28s %9s %9s %9s\n", "scotl import", f(sp / n), f(sr / n), f(sf / n);
	printf "%-28s %9s %9s %9s\n", "floor (all visible text)", f(fp / n), f(fr / n), f(ff / n);
	share("titles exact", titles, titled);
	share("dates right", dok, dates);
	share("sources right", sok, sourced);
	share("authors right", aok, authored);
	printf "%-28s %d of %d\n", "rejected", rej, n;
	printf "%-28s %.2f MB/s (%.1f MB in %.2f s)\n", "import speed, a run a page",
	    (secs > 0 ? bytes / 1e6 / secs : 0), bytes / 1e6, secs;
	printf "%-28s %.2f MB/s (%.1f MB in %.2f s)\n", "import speed, one run",
	    (all > 0 ? bytes / 1e6 / all : 0), bytes / 1e6, all;
}' "$work/rows"
