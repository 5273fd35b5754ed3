#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench: every figure of the scale goals in one table, each with its
# median and 95th percentile, the reference measured in the same run and
# the ratio of the two 95th percentiles. Nothing here is a test: the
# figures depend on the machine and are for reading.
#
#   start-up, keys      scotl at BENCH_EVENTS events through a pty, next
#                       to less on the text of the article it shows first
#                       and on a 1 MiB article (tests/tools/ptyrun)
#   Enter on an entity, filters, histograms
#                       bench/bench-filter, next to the sqlite3 shell
#                       running the same SQL
#   a text search       every event holding a phrase, next to grep -c
#                       over the article files
#   a 1 MiB article     opened at start-up and scrolled, next to less
#   memory              peak resident size at 10^4, 10^5 and 10^6 events
#   readers             20 sessions browsing while 10,000 articles are
#                       imported (bench/bench-readers.sh), next to the
#                       same sessions with no import
#   a 16 MiB article    the seed paragraphs over and over, just under
#                       the import's size limit, imported into a copy of
#                       the bundled database (BENCH_BIG_RUNS times), next
#                       to reading it (wc -l)
#   import              articles/s at 10%, 50% and 100% of BENCH_IMPORT
#                       articles (bench/bench-import.sh), next to the
#                       sqlite3 shell inserting the same files into FTS5
#
# The corpora are generated once (bench/gen-corpus) and kept in bench/.
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SCOTL="$top_builddir/scotl"
PTYRUN="$top_builddir/tests/tools/ptyrun"
GEN="$top_builddir/bench/gen-corpus"
FILTER="$top_builddir/bench/bench-filter"
EVENTS=${BENCH_EVENTS:-1000000}
ARTICLES=${BENCH_ARTICLES:-100000}
CORPUS=${BENCH_CORPUS:-$top_builddir/bench/corpus-$EVENTS-$ARTICLES.db}
RUNS=${BENCH_RUNS:-20}
HIST_RUNS=${BENCH_COUNT_RUNS:-3}
START_RUNS=${BENCH_START_RUNS:-10}
IMPORT=${BENCH_IMPORT:-100000}
BIG_RUNS=${BENCH_BIG_RUNS:-3}
PHRASE="joint exercises"
work=$(mktemp -d "${TMPDIR:-/tmp}/scotl-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
rows="$work/rows"
: >"$rows"

log() { printf '%s\n' "$*" >&2; }

# corpus N M: the generated corpus of N events and M articles, made once.
corpus() {
	c="$top_builddir/bench/corpus-$1-$2.db"
	if [ ! -f "$c" ]; then
		log "generating $1 events and $2 articles (once)..."
		rm -f "$c.tmp"
		"$GEN" --from "$top_builddir/data/scotl.db" --db "$c.tmp" \
		    --events "$1" --articles "$2" >&2
		mv -f "$c.tmp" "$c"
	fi
	echo "$c"
}

# The user's cache, kept for the runs in a pty too: it holds the stamps of
# the files scotl has page-checked (model/store/dbcheck.c), so that a corpus is
# read through once per version of the file, before anything is timed,
# and never inside a timed start-up.
cache=${XDG_CACHE_HOME:-$HOME/.cache}

# pty SIZE SETTLE KEYS COMMAND...: one ptyrun in a pinned environment.
pty() {
	size=$1 settle=$2 keys=$3
	shift 3
	LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color LESSHISTFILE=- LESS= \
	    HOME="$work/home" XDG_DATA_HOME="$work/home" \
	    XDG_CONFIG_HOME="$work/home" XDG_CACHE_HOME="$cache" \
	    "$PTYRUN" -s "$size" -w "$settle" "$keys" -- "$@"
}

# row FIGURE GOAL MEDIAN P95 REFERENCE REF_MEDIAN REF_P95 [RATIO]: one
# line; the ratio is P95 / REF_P95 unless given.
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" \
	    "$6" "$7" "${8:-}" >>"$rows"
}

# stats [DECIMALS]: median and 95th percentile of the numbers on
# standard input, to DECIMALS places (1 unless given).
stats() {
	sort -n | awk -v d="${1:-1}" '{ v[NR] = $1 } END {
		if (NR == 0) { print "- -"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
		k = int(0.95 * NR + 0.999999); if (k < 1) k = 1;
		f = "%." d "f"; printf f " " f "\n", m, v[k] }'
}

# secs T0 T1: the seconds from T0 to T1 (date +%s%N).
secs() {
	echo "$1 $2" | awk '{ printf "%.3f\n", ($2 - $1) / 1e9 }'
}

# starts N COMMAND...: first_screen_ms of N start-ups, one a line.
starts() {
	n=$1
	shift
	pty 80x24 100 '' "$@" >/dev/null # warm the cache
	i=0
	while [ "$i" -lt "$n" ]; do
		pty 80x24 100 '' "$@" | sed -n 's/^start .*first_screen_ms=//p'
		i=$((i + 1))
	done
}

# keystats KEY: "median p95" settle of KEY, or bytes with a 2nd argument,
# from ptyrun's lines on standard input (a key typed one at a time many
# times gives one line each; they are pooled).
keystats() {
	awk -v k="$1" -v what="${2:-settle}" '$1 == k && $2 ~ /^n=/ {
		n = substr($2, 3);
		if (what == "bytes") { sub("median=", "", $4); print $4 }
		else if (n == 1) { sub("median=", "", $8); print $8 }
		else { sub("median=", "", $8); sub("p95=", "", $9);
			print $8; print $9 } }' | stats
}

main_corpus() {
	[ -f "$CORPUS" ] || CORPUS=$(corpus "$EVENTS" "$ARTICLES")
	db_args="--db $CORPUS --fresh"
	# The article scotl shows first: the first event's.
	article=$(sqlite3 -readonly "$CORPUS" "SELECT min(v.article_id) FROM
	    evidence v WHERE v.event_id = (SELECT id FROM event ORDER BY
	    first_day, id LIMIT 1)")
	"$SCOTL" --db "$CORPUS" article "$article" >"$work/first.txt"
}

bench_start() {
	log "start-up..."
	set -- $(starts "$START_RUNS" "$SCOTL" $db_args | stats)
	set -- "$@" $(starts "$START_RUNS" less "$work/first.txt" | stats)
	row "start-up to the first complete screen (ms)" "< 50" "$1" "$2" \
	    "less, its article" "$3" "$4"
}

# The 1 MiB article: the seed paragraphs over and over, imported into a
# copy of the bundled database, shown at start-up through a saved filter.
big_article() {
	mkdir -p "$work/big"
	{
		echo "A long article for the benchmarks"
		echo
		while [ "$(wc -c <"$work/body" 2>/dev/null || echo 0)" -lt 1048576 ]; do
			for f in "$top_srcdir"/data/articles/*.txt; do
				tail -n +2 "$f"
			done >>"$work/body"
		done
		cat "$work/body"
	} >"$work/big/big-article.txt"
	cp "$top_builddir/data/scotl.db" "$work/big.db"
	chmod u+w "$work/big.db"
	"$SCOTL" import --db "$work/big.db" --date 2022-05-15 "$work/big" >/dev/null
	pty 80x24 100 'f,s,o,u,r,c,e,:,b,i,g,-,a,r,t,i,c,l,e,Enter' \
	    "$SCOTL" --db "$work/big.db" --fresh >/dev/null
}

bench_keys() {
	log "keys..."
	keys='j*100,k*50,PgDn*20,PgUp*20'
	for i in 1 2 3 4 5 6 7 8 9 10; do keys="$keys,G,g"; done
	pty 80x24 100 "$keys" "$SCOTL" $db_args >"$work/keys.scotl"
	pty 80x24 100 "$keys" less "$work/big/big-article.txt" >"$work/keys.less"
	for k in j k PgDn PgUp G g; do
		set -- $(keystats "$k" <"$work/keys.scotl") \
		    $(keystats "$k" <"$work/keys.less")
		row "key $k: until the screen settles (ms)" "< 5" "$1" "$2" \
		    "less, 1 MiB text" "$3" "$4"
	done
	for k in j PgDn; do
		set -- $(keystats "$k" bytes <"$work/keys.scotl") \
		    $(keystats "$k" bytes <"$work/keys.less")
		row "key $k: bytes written" "" "$1" "$2" "less, 1 MiB text" "$3" "$4"
	done
}

bench_big() {
	log "a 1 MiB article..."
	set -- $(starts "$START_RUNS" "$SCOTL" --db "$work/big.db" | stats)
	set -- "$@" $(starts "$START_RUNS" less "$work/big/big-article.txt" | stats)
	row "1 MiB article: start-up showing it (ms)" "< 50" "$1" "$2" \
	    "less, the same text" "$3" "$4"
	pty 80x24 100 'Tab,PgDn*50,j*100' "$SCOTL" --db "$work/big.db" \
	    >"$work/big.scotl"
	pty 80x24 100 'PgDn*50,j*100' less "$work/big/big-article.txt" \
	    >"$work/big.less"
	for k in PgDn j; do
		set -- $(keystats "$k" <"$work/big.scotl") \
		    $(keystats "$k" <"$work/big.less")
		row "1 MiB article: $k (ms)" "< 5" "$1" "$2" "less, the same text" \
		    "$3" "$4"
	done
}

# The largest article scotl imports: every step of an import takes time
# in proportion to its size (tests/unit/test_linear), so this is about 16
# times the time of a 1 MiB one.
bench_big_import() {
	log "import of a 16 MiB article..."
	mkdir -p "$work/big16"
	for f in "$top_srcdir"/data/articles/*.txt; do
		tail -n +2 "$f"
	done >"$work/block"
	cp "$work/block" "$work/body16"
	while [ "$(wc -c <"$work/body16")" -lt 16777216 ]; do
		cat "$work/body16" "$work/body16" >"$work/body16.2"
		mv "$work/body16.2" "$work/body16"
	done
	# Whole lines only: a cut character would make it not UTF-8.
	{
		echo "A 16 MiB article for the benchmarks"
		echo
		head -c 16700000 "$work/body16" | sed '$d'
	} >"$work/big16/big16-article.txt"
	rm -f "$work/body16" "$work/block"
	: >"$work/big16.import"
	: >"$work/big16.read"
	i=0
	while [ "$i" -lt "$BIG_RUNS" ]; do
		cp "$top_builddir/data/scotl.db" "$work/big16.db"
		chmod u+w "$work/big16.db"
		t0=$(date +%s%N)
		"$SCOTL" import --db "$work/big16.db" --date 2022-05-15 \
		    "$work/big16" >"$work/big16.out" || true
		t1=$(date +%s%N)
		wc -l <"$work/big16/big16-article.txt" >/dev/null
		t2=$(date +%s%N)
		# A rejected article is quick: its time is no figure.
		if grep -q '^1 imported' "$work/big16.out"; then
			secs "$t0" "$t1" >>"$work/big16.import"
		else
			cat "$work/big16.out" >&2
		fi
		secs "$t1" "$t2" >>"$work/big16.read"
		i=$((i + 1))
	done
	rm -f "$work/big16.db"
	set -- $(stats 2 <"$work/big16.import") $(stats 2 <"$work/big16.read")
	row "a 16 MiB article: import (s)" "" "$1" "$2" "reading it (wc -l)" \
	    "$3" "$4"
}

bench_filters() {
	log "filters, the jump to India and histograms (sqlite3 alongside)..."
	"$FILTER" --db "$CORPUS" --runs "$RUNS" --count-runs "$HIST_RUNS" \
	    --entity India --tsv "$work/filters.tsv" >&2
	awk -F '\t' -v rows="$rows" '
	function line(fig, goal) {
		printf "%s\t%s\t%s\t%s\tsqlite3 (CPU), same SQL\t%s\t%s\t%.2fx\n",
		    fig, goal, $4, $5, $6, $7, $8 >> rows }
	$1 == "screen" && $2 ~ /^Enter on / {
		line($2 " (" $3 " events): first screen (ms)", "< 16"); next }
	$1 == "screen" { line("first screen: " $2 " (ms)", ""); next }
	$1 == "histogram" { line("histogram: " $2 " (ms)", "< 16") }' \
	    "$work/filters.tsv"
}

# Every event whose articles hold the phrase (the filter's histogram is
# all of them), next to grep -c over the article files.
bench_text() {
	log "a text search (grep alongside)..."
	dir="$top_builddir/bench/articles-$EVENTS-$ARTICLES"
	if [ ! -d "$dir" ]; then
		mkdir -p "$dir.tmp"
		sqlite3 -readonly "$CORPUS" "SELECT count(writefile(printf('%s/%06d.txt',
		    '$dir.tmp', id), body)) FROM article" >/dev/null
		mv "$dir.tmp" "$dir"
	fi
	(cd "$dir" && find . -name '*.txt' | xargs grep -c "$PHRASE" >/dev/null) || true
	i=0
	: >"$work/grep"
	while [ "$i" -lt "$HIST_RUNS" ]; do
		t0=$(date +%s%N)
		(cd "$dir" && find . -name '*.txt' | xargs grep -c "$PHRASE" >/dev/null) || true
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.1f\n", $1 / 1000 }' \
		    >>"$work/grep"
		i=$((i + 1))
	done
	printf '"%s"\n' "$PHRASE" >"$work/phrase"
	# bench-filter's list holds the phrase alone; its histogram row.
	set -- $(awk -F '\t' -v p="\"$PHRASE\"" '$1 == "histogram" && $2 == p {
	    print $4, $5 }' "$work/filters.tsv") $(stats <"$work/grep")
	row "text search \"$PHRASE\": every event (ms)" "" "$1" "$2" \
	    "grep -c, article files" "$3" "$4"
}

bench_memory() {
	log "memory at 10^4, 10^5 and 10^6 events..."
	keys='PgDn*500,G,PgUp*500,g,f,s,t,a,t,e,:,i,n,d,i,a,Enter,PgDn*300,G'
	for n in 10000 100000 "$EVENTS"; do
		c=$(corpus "$n" $((n / 10)))
		kb=$(pty 80x24 20 "$keys" "$SCOTL" --db "$c" --fresh |
		    sed -n 's/^exit .*maxrss_kb=//p')
		row "peak memory at $n events (MiB)" "< 32" \
		    "$(echo "$kb" | awk '{ printf "%.1f", $1 / 1024 }')" "" "" "" ""
	done
	kb=$(pty 80x24 20 'PgDn*500,G' less "$work/big/big-article.txt" |
	    sed -n 's/^exit .*maxrss_kb=//p')
	row "peak memory of less, 1 MiB text (MiB)" "" \
	    "$(echo "$kb" | awk '{ printf "%.1f", $1 / 1024 }')" "" "" "" ""
}

bench_import() {
	log "import of $IMPORT articles (a few minutes)..."
	SCOTL_BENCH_ARTICLES=$IMPORT top_srcdir=$top_srcdir \
	    top_builddir=$top_builddir $SHELL "$top_srcdir/bench/bench-import.sh" \
	    >"$work/import"
	floor=$(awk '/^floor:/ { print $(NF - 1) }' "$work/import")
	awk -v floor="$floor" -v rows="$rows" '
	/^  first 10%|^  10% to 50%|^  50% to 100%/ {
		name = $0; sub(/^  /, "", name); sub(/ +[0-9]+ +[0-9]+$/, "", name);
		printf "import, %s (articles/s)\tsteady\t%s\t\tsqlite3 into FTS5\t%s\t\n",
		    name, $NF, floor >> rows }' "$work/import"
}

# 20 sessions browsing while 10,000 articles are imported into the same
# database (bench/bench-readers.sh), next to the same sessions alone.
bench_readers() {
	log "20 sessions during an import of 10,000 articles..."
	top_srcdir=$top_srcdir top_builddir=$top_builddir \
	    $SHELL "$top_srcdir/bench/bench-readers.sh" >"$work/readers"
	cat "$work/readers" >&2
	set -- $(sed -n 's/^all sessions: slowest press \([0-9.]*\) ms.*/\1/p' \
	    "$work/readers") $(sed -n 's/^the same sessions, no import.*slowest press \([0-9.]*\) ms.*/\1/p' \
	    "$work/readers")
	row "20 sessions during an import: slowest key (ms)" "< 100" "${1:--}" "" \
	    "the sessions, no import" "${2:--}" ""
	set -- $(awk '/^  alone/ { a = $NF } /^  with the sessions/ { b = $NF }
	    END { print b, a }' "$work/readers")
	row "import of 10,000 articles under 20 readers (art/s)" "" "${1:--}" "" \
	    "the import alone" "${2:--}" ""
	grep -q '^counts and contents match the import with no one reading: yes' \
	    "$work/readers" && same=yes || same=NO
	row "after it: counts and contents as imported alone" "yes" "$same" "" \
	    "" "" "" "-"
}

print_table() {
	awk -F '\t' '
	BEGIN {
		printf "%-58s %-6s %8s %8s | %-24s %8s %8s | %6s\n", "figure", "goal",
		    "median", "p95", "reference", "median", "p95", "ratio" }
	{
		ratio = $8;
		if (ratio != "")
			;
		else if ($4 != "" && $4 != "-" && $7 != "" && $7 != "-" && $7 > 0)
			ratio = sprintf("%.2fx", $4 / $7);
		else if ($3 != "" && $3 != "-" && $6 != "" && $6 > 0)
			ratio = sprintf("%.2fx", $3 / $6);
		printf "%-58s %-6s %8s %8s | %-24s %8s %8s | %6s\n", $1, $2, $3, $4,
		    $5, $6, $7, ratio }' "$rows"
}

main_corpus
big_article
bench_start
bench_keys
bench_big
bench_filters
bench_text
bench_memory
bench_readers
bench_big_import
[ "$IMPORT" -gt 0 ] && bench_import
echo
echo "make bench on $(uname -m), $(nproc) cores; $EVENTS events, $ARTICLES articles"
echo "ratio: the p95 over the reference's p95 (the medians when there is no p95);"
echo "against sqlite3, CPU time over CPU time (the shell times real time in ms only)"
echo
print_table
