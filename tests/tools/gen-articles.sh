#!/bin/sh
# SPDX-License-Identifier: ISC
# gen-articles.sh N DIR: writes N articles, DIR/a00001.txt on, made from
# the bundled articles (data/articles/*.txt under $top_srcdir): each takes
# one's title with a line of its own, so that none is a duplicate, and
# its paragraphs in another order. Used by the import and readers
# benchmarks and by crash.test and readers.test.
set -eu
[ $# -eq 2 ] || { echo "usage: gen-articles.sh N DIR" >&2; exit 2; }
awk -v n="$1" -v out="$2" '
FNR == 1 { f++; title[f] = $0; np[f] = 0; next }
/^$/ { next }
{ np[f]++; para[f, np[f]] = $0 }
END {
	for (i = 1; i <= n; i++) {
		k = 1 + i % f;
		file = sprintf("%s/a%05d.txt", out, i);
		printf "%s (report %d)\n\nReport %d of the generated corpus.\n\n", title[k], i, i > file;
		for (j = 0; j < np[k]; j++)
			printf "%s\n\n", para[k, 1 + (j + i) % np[k]] > file;
		close(file);
	}
}' "${top_srcdir:-.}"/data/articles/*.txt
