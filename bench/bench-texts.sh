#!/bin/sh
# SPDX-License-Identifier: ISC
# What scotl import makes of plain-text articles saved the way analysts
# save them, some with their headline on the first line and some starting
# with the lead paragraph: run it with 'make bench-texts TEXTS=DIR' (add
# BENCH_TEXTS_FLAGS=-v for a line per file). DIR holds the .txt files and
# a labels file written by hand, DIR/.labels (hidden, so that importing
# the folder leaves it out), a line per file, tab-separated:
#
#   file  headline  published  event_day  place
#
# headline is 1 when the file's first line is a headline, 0 when it is
# the lead; published is the day the article came out (given as --date,
# as an analyst would), event_day a day of the event it reports and place
# the event's place as the gazetteer names it; '-' for what is unknown or
# not in the text. Lines starting with '#' are comments.
#
# Each file is imported into a copy of a fresh database, and the script
# counts: the titles made from the first sentence, how many of those
# agree with the labels (made where line 1 is not a headline, kept where
# it is), the events the articles give, how many hold the labelled day,
# and how many have a place, the labelled one. Needs sqlite3. Not a test:
# nothing is checked.
set -eu
top_builddir=${top_builddir:-.}
SCOTL=${SCOTL:-$top_builddir/scotl}
verbose=0
if [ "${1:-}" = "-v" ]; then
	verbose=1
	shift
fi
if [ $# -ne 1 ] || [ ! -d "$1" ] || [ ! -f "$1/.labels" ]; then
	echo "usage: bench-texts.sh [-v] DIR (with DIR/.labels)" >&2
	exit 2
fi
texts=$1
command -v sqlite3 >/dev/null ||
    { echo "bench-texts: sqlite3 is needed (./install-deps)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/scotl-bench-texts-XXXXXX")
trap 'rm -rf "$work"' EXIT
printf 'Warm up\n\nA line of text to make the database.\n' >"$work/warm.txt"
"$SCOTL" import --db "$work/t.db" --date 2000-01-01 "$work/warm.txt" \
    >/dev/null 2>&1

q() { sqlite3 -separator ' ' "$work/a.db" "$1"; }

: >"$work/rows"
grep -v '^#' "$texts/.labels" | while IFS='	' read -r file headline published day place; do
	[ -n "$file" ] && [ -f "$texts/$file" ] || continue
	cp "$work/t.db" "$work/a.db"
	if [ "$published" = "-" ]; then
		"$SCOTL" import --db "$work/a.db" "$texts/$file" >/dev/null 2>&1 || true
	else
		"$SCOTL" import --db "$work/a.db" --date "$published" \
		    "$texts/$file" >/dev/null 2>&1 || true
	fi
	name=$(printf '%s' "$file" | sed "s/'/''/g")
	id=$(q "SELECT id FROM article WHERE name = '$name'")
	if [ -z "$id" ]; then
		printf '%s\t%s\t-\t0\t%s\t%s\t-\t-\n' "$file" "$headline" \
		    "$([ "$day" = - ] && echo - || echo 0)" \
		    "$([ "$place" = - ] && echo - || echo 0)" >>"$work/rows"
		continue
	fi
	made=$(q "SELECT title_made FROM article WHERE id = $id" 2>/dev/null ||
	    echo 0)
	# The event the article reports, if any: its days and place.
	ev=$(q "SELECT e.first_day, e.last_day, coalesce(replace(p.name, ' ', '_'), '-')
	    FROM evidence v JOIN event e ON e.id = v.event_id
	    LEFT JOIN entity p ON p.id = e.place_id
	    WHERE v.article_id = $id LIMIT 1")
	events=0 day_ok=- place_got=- place_ok=-
	[ "$day" = "-" ] || day_ok=0
	if [ -n "$ev" ]; then
		events=1
		set -- $ev
		place_got=$3
		[ "$day" = "-" ] || [ "$1" \> "$day" ] || [ "$2" \< "$day" ] ||
		    day_ok=1
	fi
	[ "$place" = "-" ] || { place_ok=0;
	    [ "$place_got" = "$(printf '%s' "$place" | tr ' ' _)" ] && place_ok=1; }
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$headline" "$made" \
	    "$events" "$day_ok" "$place_ok" "$place_got" \
	    "$(q "SELECT replace(title, '	', ' ') FROM article WHERE id = $id")" \
	    >>"$work/rows"
done

awk -F'\t' -v verbose="$verbose" '
$3 == "-" { rejected++ }
{
	n++
	made += $3 == 1
	agree += ($3 == 1) == ($2 == 0) && $3 != "-"
	events += $4
	if ($5 != "-") { days_labelled++ }
	days += $5 == 1
	if ($6 != "-") { places_labelled++ }
	places += $6 == 1
	placed += $7 != "-"
	if (verbose)
		printf "%-28s headline %s made %s event %s day %s place %s (%s)  %s\n",
		    $1, $2, $3, $4, $5, $6, $7, $8
}
END {
	printf "%d files, %d rejected\n", n, rejected
	printf "titles made from the first sentence: %d (%d of %d files agree with the labels)\n",
	    made, agree, n
	printf "events: %d; with the labelled day: %d of %d; with a place: %d, the labelled one: %d of %d\n",
	    events, days, days_labelled, placed, places, places_labelled
}' "$work/rows"
