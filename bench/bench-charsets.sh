#!/bin/sh
# SPDX-License-Identifier: ISC
# How often scotl reads undeclared text in the right charset: run it with
# 'make bench-charsets CHARSETS=DIR' (BENCH_CHARSETS_FLAGS=-v for a line
# per file). DIR holds files named NAME.CHARSET, CHARSET being the truth
# as iconv names it (big5, koi8-r, shift_jis...). bench/bench-charsets
# guesses each file with scotl's detector alone and as scotl import does
# (uchardet first); a guess is right when iconv decodes the file with it
# to the same text as with the truth. Not a test: nothing is checked.
set -eu
top_builddir=${top_builddir:-.}
PROG=${BENCH_CHARSETS:-$top_builddir/bench/bench-charsets}
verbose=""
if [ "${1:-}" = "-v" ]; then
	verbose=-v
	shift
fi
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: bench-charsets.sh [-v] DIR" >&2
	exit 2
fi
# shellcheck disable=SC2086
find "$1" -maxdepth 1 -type f -name '*.*' | LC_ALL=C sort |
    tr '\n' '\0' | xargs -0 "$PROG" $verbose
