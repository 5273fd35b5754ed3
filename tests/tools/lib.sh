# SPDX-License-Identifier: ISC
# Shell helpers for the command-line tests: TAP output, a pinned
# environment, and running scotl with its output and status captured.

: "${top_srcdir:=.}" "${top_builddir:=.}"
SCOTL="$top_builddir/scotl"
EXPECTED="$top_srcdir/tests/expected"

TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm-256color
export TZ LC_ALL LANG TERM
unset NO_COLOR SCOTL_DB

# Each test file gets its own HOME: no user database unless a test makes
# one, and nothing of the developer's leaks in.
TESTDIR=$(mktemp -d "${TMPDIR:-/tmp}/scotl-cli-XXXXXX")
HOME="$TESTDIR/home" XDG_DATA_HOME="$TESTDIR/home/.local/share"
XDG_CONFIG_HOME="$TESTDIR/home/.config"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
trap 'chmod -R u+w "$TESTDIR" 2>/dev/null; rm -rf "$TESTDIR"' EXIT

tap_n=0
tap_failed=0

ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=1
	fi
}

diag() {
	sed 's/^/# /'
}

# run ARGS...: runs scotl; sets $status, and $TESTDIR/out and err.
run() {
	"$SCOTL" "$@" >"$TESTDIR/out" 2>"$TESTDIR/err"
	status=$?
}

# expect_status N WHAT
expect_status() {
	[ "$status" -eq "$1" ]
	ok $? "$2 (exit $1)"
	[ "$status" -eq "$1" ] || { echo "got exit $status" | diag; diag <"$TESTDIR/err"; }
}

# expect_out FILE WHAT: stdout is the expected file, byte for byte.
expect_out() {
	if cmp -s "$EXPECTED/$1" "$TESTDIR/out"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		diff -u "$EXPECTED/$1" "$TESTDIR/out" | head -40 | diag
	fi
}

# expect_grep FILE PATTERN WHAT (FILE is out or err; PATTERN fixed text)
expect_grep() {
	grep -qF -- "$2" "$TESTDIR/$1"
	ok $? "$3"
	grep -qF -- "$2" "$TESTDIR/$1" || { echo "no '$2' in $1:" | diag; head -20 "$TESTDIR/$1" | diag; }
}

done_testing() {
	echo "1..$tap_n"
	exit $tap_failed
}
