#!/bin/sh
# SPDX-License-Identifier: ISC
# Failure injection, as SQLite tests itself: make fault-sweep, in a build
# configured with --enable-fault-injection --enable-sanitizers. For an
# import of a few articles and for a scripted browse session, the Nth
# allocation of scotl's own (SCOTL_FAIL_ALLOC=N) and, separately, of
# SQLite's (SCOTL_FAIL_SQLITE=N) fails, and, separately, SQLite's Nth
# read, write, sync, truncate or file-size call fails with an I/O error
# (SCOTL_FAIL_IO=N), for N from 1 to the number of such calls a run makes.
# Every run must end cleanly:
#  - exit 0, or exit 1 with a "scotl: " message (in the browser, written
#    after the terminal was given back); never a signal or another status;
#  - no AddressSanitizer, LeakSanitizer or UBSan report;
#  - the database passes PRAGMA integrity_check;
#  - an import that exits 0 stored what an import without failures does.
# Prints a table and every failure; exits 1 when there was one.
#
# FAULT_RUNS (default 300) caps the runs of a sweep: N goes up in steps
# that cover the whole range in about that many (FAULT_STEP=1 sweeps every
# N). FAULT_PERSIST=1 makes the Nth and every later allocation fail.
# FAULT_SCENARIOS ("import browse"), FAULT_KINDS ("ALLOC SQLITE IO"),
# FAULT_FROM and FAULT_TO (N's range) narrow it. The browser's count depends a little on when keys arrive (idle
# counting), so its N are not exactly reproducible; the import's are.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SCOTL="$top_builddir/scotl"
PTYRUN="$top_builddir/tests/tools/ptyrun"
RUNS=${FAULT_RUNS:-300}
SCENARIOS=${FAULT_SCENARIOS:-import browse}
KINDS=${FAULT_KINDS:-ALLOC SQLITE IO}

TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm-256color
export TZ LC_ALL LANG TERM
unset NO_COLOR SCOTL_DB SCOTL_FAIL_ALLOC SCOTL_FAIL_SQLITE SCOTL_FAIL_IO \
	SCOTL_FAIL_COUNT
W=$(mktemp -d "${TMPDIR:-/tmp}/scotl-fault-XXXXXX")
trap 'rm -rf "$W"' EXIT
HOME="$W/home" XDG_DATA_HOME="$W/home/.local/share"
XDG_CONFIG_HOME="$W/home/.config"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
# Reports go to files, one per process, to be looked for after each run.
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$W/san"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$W/san"
export ASAN_OPTIONS UBSAN_OPTIONS
[ "${FAULT_PERSIST:-0}" = 1 ] && { SCOTL_FAIL_PERSIST=1; export SCOTL_FAIL_PERSIST; }

if ! "$SCOTL" --version >/dev/null 2>&1 ||
    ! SCOTL_FAIL_COUNT="$W/probe" "$SCOTL" --version >/dev/null 2>&1 ||
    [ ! -s "$W/probe" ]; then
	echo "fault-sweep: $SCOTL is not a build with --enable-fault-injection" >&2
	exit 2
fi

# A few articles that take every path of the importer: plain text, HTML,
# a header block in windows-1251, UTF-16, undeclared KOI8-R, a new person
# and a report that disputes a known event's date.
A="$W/articles"
mkdir "$A"
for f in plain.txt page.html header-cp1251.txt utf16.txt undeclared-koi8r.txt; do
	cp "$top_srcdir/tests/data/import/$f" "$A/"
done
cp "$top_srcdir/tests/data/import-events/bishkek-defence.txt" \
	"$top_srcdir/tests/data/import-events/dushanbe-thursday.txt" "$A/"

digest() {
	for t in article:"id, name, title, source, url, published, charset, hash" \
	    event:\* participant:\* evidence:\* claim:\* mention:\* entity:\* \
	    alias:\* role:\* event_month:\*; do
		printf '%s %s\n' "${t%%:*}" \
		    "$(sqlite3 "$1" "SELECT ${t#*:} FROM ${t%%:*} ORDER BY 1, 2, 3" | cksum)"
	done
}

fresh() {
	rm -f "$2" "$2-wal" "$2-shm"
	cp "$1" "$2"
	chmod u+w "$2"
}

# The import, without failures: what every successful one must store.
fresh "$top_builddir/data/scotl.db" "$W/imported.db"
if ! "$SCOTL" import --db "$W/imported.db" --date 2021-09-08 "$A" >"$W/out" 2>&1; then
	echo "fault-sweep: the import without failures fails:" >&2
	cat "$W/out" >&2
	exit 2
fi
digest "$W/imported.db" >"$W/imported.digest"

# The browse session: scroll, panes, an article, a search, a filter and
# its clearing, help, the view list, the order; C-g leaves any prompt a
# failure may have left open, and ptyrun types q at the end.
KEYS="j*3,k,Tab,j,Tab,Enter,BSpace,Tab,/,s,u,m,m,i,t,Enter,n,C-g"
KEYS="$KEYS,f,i,n,d,i,a,Enter,j*2,PgDn,G,g,f,C-u,Enter,?,j,C-g,v,C-g,o,C-g"

# run_import N DB: sets st.
run_import() {
	fresh "$top_builddir/data/scotl.db" "$2"
	"$SCOTL" import --db "$2" --date 2021-09-08 "$A" >"$W/out" 2>"$W/err"
	st=$?
}

# run_browse N DB: sets st; the terminal's bytes in $W/raw.
run_browse() {
	fresh "$W/imported.db" "$2"
	"$PTYRUN" -s 80x24 -w 30 -x 20000 -o "$W/raw" "$KEYS" -- \
	    "$SCOTL" --db "$2" >"$W/out" 2>"$W/err"
	st=$(sed -n 's/^exit *status=\([0-9]*\).*/\1/p' "$W/out")
	[ -n "$st" ] || st=255
	# What the program wrote to its terminal is its stderr too.
	cp "$W/raw" "$W/err"
}

# offset_of FILE TEXT: the byte offset of TEXT's last occurrence, or -1.
offset_of() {
	o=$(LC_ALL=C grep -boaF -- "$2" "$1" | tail -n 1 | cut -d: -f1)
	echo "${o:--1}"
}

# judge SCENARIO DB: empty when the run ended cleanly, else why not.
judge() {
	if ls "$W"/san.* >/dev/null 2>&1; then
		echo "sanitizer: $(grep -m1 -h 'ERROR\|runtime error' "$W"/san.* | cut -c1-120)"
		rm -f "$W"/san.*
		return
	fi
	case $st in
	0) ;;
	1)
		grep -q "scotl: " "$W/err" ||
		    { echo "exit 1 without a message"; return; }
		if [ "$1" = browse ] &&
		    [ "$(offset_of "$W/err" "scotl: ")" -lt \
		      "$(offset_of "$W/err" "$(printf '\033[?1049l')")" ]; then
			echo "the message came before the terminal was given back"
			return
		fi
		;;
	*) echo "exit status $st"; return ;;
	esac
	if [ "$1" = browse ] &&
	    [ "$(offset_of "$W/err" "$(printf '\033[?1049l')")" -lt \
	      "$(offset_of "$W/err" "$(printf '\033[?1049h')")" ]; then
		echo "the terminal was not given back"
		return
	fi
	ic=$(sqlite3 "$2" "PRAGMA integrity_check" 2>&1)
	[ "$ic" = ok ] || { echo "integrity_check: $ic"; return; }
	if [ "$1" = import ] && [ "$st" -eq 0 ]; then
		digest "$2" >"$W/digest"
		cmp -s "$W/digest" "$W/imported.digest" ||
		    echo "exit 0 but stored otherwise: $(diff "$W/imported.digest" "$W/digest" | grep '^>' | cut -c3- | tr '\n' ' ')"
	fi
}

failures=0
printf '%-7s %-7s %8s %6s %6s %9s %9s %9s\n' scenario fails total step runs \
	"exit 0" "exit 1" failed >"$W/table"
for sc in $SCENARIOS; do
	for kind in $KINDS; do
		# The count of a run without failures sizes the sweep.
		SCOTL_FAIL_COUNT="$W/count"
		export SCOTL_FAIL_COUNT
		"run_$sc" 0 "$W/sweep.db"
		unset SCOTL_FAIL_COUNT
		rm -f "$W"/san.*
		lc=$(echo "$kind" | tr 'A-Z' 'a-z')
		total=$(sed -n "s/^$lc //p" "$W/count")
		step=${FAULT_STEP:-$(((total + RUNS - 1) / RUNS))}
		[ "$step" -ge 1 ] || step=1
		n=${FAULT_FROM:-1} runs=0 ok0=0 ok1=0 bad=0
		while [ "$n" -le "${FAULT_TO:-$((total + 1))}" ]; do
			eval "SCOTL_FAIL_$kind=$n; export SCOTL_FAIL_$kind"
			"run_$sc" "$n" "$W/sweep.db"
			unset "SCOTL_FAIL_$kind"
			why=$(judge "$sc" "$W/sweep.db")
			runs=$((runs + 1))
			if [ -n "$why" ]; then
				bad=$((bad + 1))
				echo "FAIL $sc SCOTL_FAIL_$kind=$n: $why"
				head -c 300 "$W/err" | tr -c '[:print:]\n' '?' | sed 's/^/    /'
				echo
			elif [ "$st" -eq 0 ]; then
				ok0=$((ok0 + 1))
			else
				ok1=$((ok1 + 1))
			fi
			n=$((n + step))
		done
		failures=$((failures + bad))
		printf '%-7s %-7s %8s %6s %6s %9s %9s %9s\n' "$sc" "$kind" "$total" \
			"$step" "$runs" "$ok0" "$ok1" "$bad" >>"$W/table"
	done
done
cat "$W/table"
[ "$failures" -eq 0 ]
