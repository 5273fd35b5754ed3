#!/bin/sh
# SPDX-License-Identifier: ISC
# firstrun-trials.sh N: the first run of scotl (no user database yet), N
# times killed with SIGKILL at moments spread over the time a first
# 'scotl import' takes, and N times started four at once. Prints, for
# each, how many trials left a bad user database (empty, not scotl's, or
# without the bundled gazetteer) and how many runs failed; then
# "firstrun: killed K/N bad, concurrent F/N failed B/N bad". A bad file
# is told by the sqlite3 shell, not by scotl, so that any version can be
# measured. Used by tests/robust/firstrun.test (a short count) and by
# 'make firstrun-trials' (150, the figure).
set -u
N=${1:-150}
: "${top_srcdir:=.}" "${top_builddir:=.}"
SCOTL=${SCOTL:-$top_builddir/scotl}
ART="$top_srcdir/tests/data/import/plain.txt"
# Four runs at once import four different articles: the same one four
# times would race on its content hash, a matter of the importer.
set -- "$top_srcdir"/tests/data/import-events/*.txt
ARTS="$ART $*"
W=$(mktemp -d "${TMPDIR:-/tmp}/scotl-firstrun-XXXXXX")
trap 'rm -rf "$W"' EXIT
export TZ=UTC LC_ALL=C.UTF-8
unset SCOTL_DB XDG_CONFIG_HOME XDG_CACHE_HOME

# bad DB: 0 when DB is missing or a whole scotl database with the
# bundled gazetteer; else 1, with what is wrong on stdout.
bad() {
	[ -e "$1" ] || return 1
	if [ ! -s "$1" ]; then
		echo "0 bytes"
		return 0
	fi
	# Read-write: a log left by the killed run is recovered first, as
	# the next run of scotl would.
	n=$(sqlite3 "$1" "SELECT count(*) FROM entity" 2>&1)
	[ "$n" -gt 0 ] 2>/dev/null && return 1
	echo "no gazetteer: $n"
	return 0
}

# home I: a fresh HOME for trial I.
home() {
	rm -rf "$W/h"
	mkdir -p "$W/h"
	HOME="$W/h" XDG_DATA_HOME="$W/h/share"
	export HOME XDG_DATA_HOME
	DB="$W/h/share/scotl/scotl.db"
}

now_us() {
	echo $(($(date +%s%N) / 1000))
}

# How long a first import takes, to spread the kills over it.
home
t0=$(now_us)
"$SCOTL" import --date 2021-01-01 "$ART" >/dev/null 2>&1
T=$(($(now_us) - t0))
echo "# a first import takes $T us"

killed_bad=0 leftover=0 next_failed=0 i=0
while [ $i -lt "$N" ]; do
	i=$((i + 1))
	home
	# From 0 to 1.2 T: the start of the process to after its end.
	us=$((i * T * 6 / 5 / N))
	"$SCOTL" import --date 2021-01-01 "$ART" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	if why=$(bad "$DB"); then
		killed_bad=$((killed_bad + 1))
		echo "# killed after $us us: bad database ($why)"
	fi
	ls "$W/h/share/scotl/" 2>/dev/null | grep -q '\.tmp-' &&
		leftover=$((leftover + 1))
	# The next run makes, or uses, a whole database.
	if ! "$SCOTL" stats >"$W/out" 2>&1; then
		next_failed=$((next_failed + 1))
		sed 's/^/# the next run: /' "$W/out" | head -3
	fi
done
echo "# killed: $leftover/$N left a temporary file, the next run failed in $next_failed/$N"

conc_failed=0 conc_bad=0 i=0
while [ $i -lt "$N" ]; do
	i=$((i + 1))
	home
	k=0
	for a in $ARTS; do
		k=$((k + 1))
		"$SCOTL" import --date 2021-01-01 "$a" >"$W/out$k" 2>"$W/err$k" &
		eval "p$k=\$!"
	done
	failed=0
	for k in 1 2 3 4; do
		eval "wait \$p$k" || { failed=1; sed "s/^/# run $k: /" "$W/err$k"; }
	done
	conc_failed=$((conc_failed + failed))
	if why=$(bad "$DB"); then
		conc_bad=$((conc_bad + 1))
		echo "# four at once: bad database ($why)"
	fi
done
echo "firstrun: killed $killed_bad/$N bad, concurrent $conc_failed/$N failed $conc_bad/$N bad"
