# SPDX-License-Identifier: ISC
# Helpers for the screen tests: run the real scotl in a private tmux server
# at a fixed size, send keys one at a time, wait for the screen to settle
# and compare it with an expected screen (tests/screens/NAME.txt).

. "${top_srcdir:-.}/tests/tools/lib.sh"

SCREENS="$top_srcdir/tests/screens"
TMUX_SOCKET="scotl-test-$$"
# Set SCOTL_UPDATE_SCREENS=1 to write the expected screens anew (then read
# them before committing).
: "${SCOTL_UPDATE_SCREENS:=0}"

tmx() {
	tmux -L "$TMUX_SOCKET" -f /dev/null "$@"
}

screen_cleanup() {
	tmx kill-server >/dev/null 2>&1
	chmod -R u+w "$TESTDIR" 2>/dev/null
	rm -rf "$TESTDIR"
}
trap screen_cleanup EXIT

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed (./install-deps installs it)"
	exit 0
fi

# A writable copy of the bundled corpus for each test file.
DB="$TESTDIR/scotl.db"
cp "$top_builddir/data/scotl.db" "$DB"
chmod u+w "$DB"

# start W H [ENV=VALUE...] -- [scotl args]: a new session running scotl.
start() {
	w=$1 h=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	old=${SESSION:-}
	session_n=$((${session_n:-0} + 1))
	SESSION="s$session_n"
	# The new session first: killing the last one would stop the server
	# while the next one starts.
	tmx new-session -d -s "$SESSION" -x "$w" -y "$h" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color HOME='$HOME' \
XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' $envs \
'$SCOTL' --db '$DB' $*; echo scotl-exited-\$?; sleep 30"
	tmx set-option -t "$SESSION" -g status off >/dev/null
	[ -n "$old" ] && tmx kill-session -t "$old" >/dev/null 2>&1
	settle
}

capture() {
	tmx capture-pane -p -t "$SESSION"
}

# Waits until the screen stops changing (two equal captures 100 ms apart).
settle() {
	prev="" i=0
	while [ $i -lt 50 ]; do
		sleep 0.1
		cur=$(capture)
		[ "$cur" = "$prev" ] && [ -n "$cur" ] && return 0
		prev=$cur
		i=$((i + 1))
	done
	return 1
}

# keys KEY...: one at a time, as a user types them.
keys() {
	for k in "$@"; do
		tmx send-keys -t "$SESSION" "$k"
		sleep 0.05
	done
	settle
}

# type TEXT: literal text, one character at a time.
type_text() {
	tmx send-keys -t "$SESSION" -l "$1"
	settle
}

# expect_screen NAME WHAT: the screen is tests/screens/NAME.txt.
expect_screen() {
	capture >"$TESTDIR/screen"
	if [ "$SCOTL_UPDATE_SCREENS" = 1 ]; then
		cp "$TESTDIR/screen" "$SCREENS/$1.txt"
	fi
	if cmp -s "$SCREENS/$1.txt" "$TESTDIR/screen"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		diff -u "$SCREENS/$1.txt" "$TESTDIR/screen" | head -60 | diag
	fi
}

# expect_on_screen TEXT WHAT
expect_on_screen() {
	capture >"$TESTDIR/screen"
	grep -qF -- "$1" "$TESTDIR/screen"
	ok $? "$2"
	grep -qF -- "$1" "$TESTDIR/screen" || diag <"$TESTDIR/screen"
}

# The pid of scotl in the pane: the child of the pane's shell.
scotl_pid() {
	pgrep -P "$(tmx display-message -p -t "$SESSION" '#{pane_pid}')" | head -n 1
}

resize() {
	tmx resize-window -t "$SESSION" -x "$1" -y "$2"
	settle
}
