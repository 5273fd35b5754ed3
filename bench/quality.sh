#!/bin/sh
# SPDX-License-Identifier: ISC
# How well scotl import finds SCO security events in real news: run it
# with 'make quality SET=DIR' (add QUALITY_FLAGS=-v for a line per
# article). DIR holds pos/, saved articles on SCO security events, and
# neg/, articles on other subjects that must give no event, each a text
# file with a header block (Title:, Date:, Source:, URL:). The labels are
# in tests/quality/labels.tsv (one line per file of pos/, labelled by
# hand) and tests/quality/negatives.tsv; the texts stay out of the
# repository (tests/quality/queries.txt says how they were found).
#
# Both folders are imported in one run into a fresh database (the
# bundled corpus and its curated events), then every event is read back
# (scotl list and show --format json, with jq) with the articles that are
# its evidence. For each labelled article the event that agrees best with
# the label is scored (kind first, then the dates, the place and the
# participants):
#   events found    articles that are evidence of any event
#   participants    people and states (not organisations) against the
#                   label: recall over the labelled ones, precision over
#                   the event's; a person matches by the full name, by the
#                   surname with the same first initial ("N. Nazarbayev"),
#                   or by a spelling the label gives after '/', each
#                   tried against every spelling the gazetteer has of
#                   the person found (its aliases: "Komilov"/"Kamilov")
#   exact dates     the event's first day is the label's, or the day the
#                   text itself gives (text_day), over the articles whose
#                   text gives a day
#   places, kinds   the place is one of the label's ('-' for none), the
#                   kind is scotl's closest kind or the new kind proposed
#                   (a curated event's participants are curated facts:
#                   only those the label names count, for recall)
#   wrong matches   the article is evidence of a curated event whose kind,
#                   dates or place disagree with the label, unless the
#                   label names it (its slug, column 12) as also reported
#   negatives       articles of neg/ that are evidence of any event, and
#                   the events they are evidence of
# overall and per language (en, ru, zh, the rest). Needs jq and sqlite3.
# Not a test:
# nothing is checked.
set -eu
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SCOTL=${SCOTL:-$top_builddir/scotl}
verbose=0
if [ "${1:-}" = "-v" ]; then
	verbose=1
	shift
fi
if [ $# -lt 1 ] || [ $# -gt 3 ] || [ ! -d "$1/pos" ] || [ ! -d "$1/neg" ]; then
	echo "usage: quality.sh [-v] DIR [LABELS [NEGATIVES]]  (DIR/pos, DIR/neg)" >&2
	exit 2
fi
set_dir=$1
labels=${2:-$top_srcdir/tests/quality/labels.tsv}
negatives=${3:-$top_srcdir/tests/quality/negatives.tsv}
for f in "$labels" "$negatives"; do
	[ -r "$f" ] || { echo "quality: cannot read $f" >&2; exit 1; }
done
command -v jq >/dev/null || { echo "quality: jq is needed (./install-deps)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "quality: sqlite3 is needed (./install-deps)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/scotl-quality-XXXXXX")
trap 'rm -rf "$work"' EXIT
db="$work/q.db"

# One import of both folders, as a user would run it; a rejected file is
# reported and counted as giving no event.
if ! "$SCOTL" import --db "$db" "$set_dir/pos" "$set_dir/neg" \
    >"$work/import" 2>&1; then
	echo "quality: scotl import reported errors:" >&2
	grep -v 'did not exist' "$work/import" >&2 || true
fi
[ -f "$db" ] || { echo "quality: no database was made" >&2; exit 1; }

# The article id of each file: "pos|neg<TAB>file<TAB>id" (no id when the
# file was rejected or was a duplicate).
: >"$work/articles"
for side in pos neg; do
	for f in "$set_dir/$side"/*; do
		[ -f "$f" ] || continue
		name=$(basename "$f")
		id=$("$SCOTL" article --db "$db" --format json "$name" 2>/dev/null |
		    jq -r '.id // empty' 2>/dev/null || true)
		printf '%s\t%s\t%s\n' "$side" "$name" "$id" >>"$work/articles"
	done
done

# Every event: id, origin ("curated:slug" for a curated one), kind, first day, last day, place, its people
# and states ("p:Name;s:State"), the ids of the articles that are its
# evidence.
: >"$work/events"
"$SCOTL" list --db "$db" --format json | jq -r '.[].id' >"$work/ids"
while read -r id; do
	"$SCOTL" show --db "$db" --format json "$id" | jq -r '[.id,
	    (if .origin == "curated" then "curated:" + (.slug // "") else .origin end),
	    (.kind // ""), (.first_day // ""), (.last_day // ""), (.place // ""),
	    ([.participants[] | select(.kind == "person" or .kind == "state") |
	      .kind[0:1] + ":" + .name] | join(";")),
	    ([.articles[].id | tostring] | join(","))] | @tsv' >>"$work/events"
done <"$work/ids"

# Every spelling of every person, "name<TAB>alias": a person found is
# right when any of the gazetteer's spellings of it is the label's.
sqlite3 -separator "$(printf '\t')" "$db" "SELECT e.name, a.name FROM alias a
    JOIN entity e ON e.id = a.entity_id WHERE e.kind = 'person'" >"$work/aliases"

awk -F'\t' -v verbose="$verbose" -v aliases="$work/aliases" -v labelfile="$labels" '
function norm(s) {
	s = tolower(s)
	gsub(/[.,\047’-]/, " ", s)
	gsub(/  +/, " ", s)
	sub(/^ /, "", s)
	sub(/ $/, "", s)
	return s
}
function lastword(s,   n, w) { n = split(s, w, " "); return n ? w[n] : "" }
# Does the event name e match the label person l ("Name/Alt/Surname")?
function person_match(l, e,   n, a, i, x) {
	e = norm(e)
	n = split(l, a, "/")
	for (i = 1; i <= n; i++) {
		x = norm(a[i])
		if (x == "")
			continue
		if (x == e)
			return 1
		if (index(x, " ") == 0) {
			if (x == lastword(e))
				return 1
		} else if (lastword(x) == lastword(e) &&
		    substr(x, 1, 1) == substr(e, 1, 1))
			return 1
	}
	return 0
}
# person_match for the event person E or any of its spellings.
function person_known(l, e,   n, i) {
	if (person_match(l, e))
		return 1
	n = nspell[e]
	for (i = 1; i <= n; i++)
		if (person_match(l, spell[e, i]))
			return 1
	return 0
}
BEGIN {
	while ((getline line < aliases) > 0) {
		split(line, f, "\t")
		spell[f[1], ++nspell[f[1]]] = f[2]
	}
	close(aliases)
	# The labelled participants of every article, for those found by an
	# event that several articles report.
	while ((getline line < labelfile) > 0) {
		if (line ~ /^#/)
			continue
		split(line, f, "\t")
		labparts[f[1]] = f[10]
	}
	close(labelfile)
}
# Whether another labelled article of pos/ that is evidence of event E
# names the participant NM (TYP "p" or "s").
function other_label(e, self, typ, nm,   f, id, n, a, i, x) {
	for (f in labparts) {
		if (f == self || labparts[f] == "-" || labparts[f] == "")
			continue
		id = aid["pos", f]
		if (id == "" || index(" " evs[id] " ", " " e " ") == 0)
			continue
		n = split(labparts[f], a, "; ")
		for (i = 1; i <= n; i++) {
			x = a[i]
			if (match(x, / \([^)]*\)$/)) {
				if (typ == "p" && person_known(substr(x, 1, RSTART - 1), nm))
					return 1
			} else if (typ == "s" && tolower(x) == tolower(nm))
				return 1
		}
	}
	return 0
}
function dayfrom(d) { return length(d) == 7 ? d "-01" : (length(d) == 4 ? d "-01-01" : d) }
function dayto(d) { return length(d) == 7 ? d "-31" : (length(d) == 4 ? d "-12-31" : d) }
function place_ok(alts, p,   n, a, i) {
	n = split(alts, a, "/")
	for (i = 1; i <= n; i++) {
		if (a[i] == "-" && p == "")
			return 1
		if (a[i] != "-" && tolower(a[i]) == tolower(p))
			return 1
	}
	return 0
}
function group(lang) { return (lang == "en" || lang == "ru" || lang == "zh") ? lang : "other" }
function add(g, k, v) { S[g, k] += v; S["all", k] += v }
function cell(a, b) { return b ? sprintf("%d/%d %.2f", a, b, a / b) : sprintf("%d/%d  -", a, b) }
FILENAME == ARGV[1] {		# the article ids
	present[$1, $2] = 1
	if ($3 != "") { aid[$1, $2] = $3; side[$3] = $1 }
	next
}
FILENAME == ARGV[2] {		# the events
	ev_origin[$1] = $2; ev_kind[$1] = $3; ev_first[$1] = $4
	ev_last[$1] = $5; ev_place[$1] = $6; ev_parts[$1] = $7
	n = split($8, a, ",")
	for (i = 1; i <= n; i++)
		evs[a[i]] = evs[a[i]] " " $1
	next
}
FILENAME == ARGV[3] {		# the negatives
	if ($1 ~ /^#/ || NF < 3)
		next
	if (!(("neg", $1) in present)) {
		missing++
		next
	}
	labelled["neg", $1] = 1
	g = group($3)
	add(g, "neg", 1)
	id = aid["neg", $1]
	if (id != "" && evs[id] != "") {
		add(g, "neg_found", 1)
		n = split(evs[id], a, " ")
		for (i = 1; i <= n; i++) {
			if (!((g, a[i]) in negev)) { negev[g, a[i]] = 1; S[g, "neg_events"]++ }
			if (!(("all", a[i]) in negev)) { negev["all", a[i]] = 1; S["all", "neg_events"]++ }
		}
		if (verbose)
			printf "neg %s: events%s\n", $1, evs[id]
	}
	next
}
$1 ~ /^#/ || NF < 10 { next }
{				# a labelled article
	file = $1; g = group($3); lkind = $4; lnew = $5
	if (!(("pos", file) in present)) {
		missing++
		next
	}
	labelled["pos", file] = 1
	lfirst = dayfrom($6); llast = dayto($7); tday = $8; lplace = $9
	add(g, "pos", 1)
	# the label participants
	np = 0; ns = 0
	delete lp; delete ls
	if ($10 != "-") {
		n = split($10, a, "; ")
		for (i = 1; i <= n; i++) {
			x = a[i]
			if (match(x, / \([^)]*\)$/)) {
				lp[++np] = substr(x, 1, RSTART - 1)
			} else if (x != "")
				ls[++ns] = x
		}
	}
	add(g, "lab_people", np); add(g, "lab_states", ns)
	if (tday != "-")
		add(g, "dated", 1)
	id = aid["pos", file]
	best = ""; bestscore = -1
	n = (id != "") ? split(evs[id], cand, " ") : 0
	for (i = 1; i <= n; i++) {
		e = cand[i]
		k = (ev_kind[e] == lkind || (lnew != "-" && ev_kind[e] == lnew))
		d = (ev_first[e] <= llast && ev_last[e] >= lfirst)
		p = place_ok(lplace, ev_place[e])
		sc = 4 * k + 2 * d + p
		if (sc > bestscore) { bestscore = sc; best = e }
	}
	if (best == "") {
		if (verbose)
			printf "%-40s no event\n", file
		next
	}
	add(g, "found", 1)
	e = best
	k = (ev_kind[e] == lkind || (lnew != "-" && ev_kind[e] == lnew))
	d = (ev_first[e] <= llast && ev_last[e] >= lfirst)
	p = place_ok(lplace, ev_place[e])
	add(g, "kind_ok", k); add(g, "place_ok", p)
	exact = (tday != "-" && (ev_first[e] == lfirst || ev_first[e] == tday))
	add(g, "date_ok", exact)
	# Any curated event the article is evidence of that disagrees with
	# the label is a wrong match, unless the label names it as also
	# reported (its slug in column 12).
	wrong = 0
	for (i = 1; i <= n; i++) {
		c = cand[i]
		if (substr(ev_origin[c], 1, 8) != "curated:")
			continue
		if ($12 != "" && $12 != "-" && index("," $12 ",", "," substr(ev_origin[c], 9) ","))
			continue
		if (!((ev_kind[c] == lkind || (lnew != "-" && ev_kind[c] == lnew)) &&
		    ev_first[c] <= llast && ev_last[c] >= lfirst &&
		    place_ok(lplace, ev_place[c])))
			wrong = 1
	}
	curated = (substr(ev_origin[e], 1, 8) == "curated:")
	add(g, "wrong", wrong)
	# participants of the event against those of the label
	delete usedp; delete useds
	ep = 0; es = 0; tp = 0; ts = 0; other = 0
	# The participants of a curated event are curated facts, not what the
	# import made of the article: only those the label names are counted.
	m = split(ev_parts[e], a, ";")
	for (i = 1; i <= m; i++) {
		typ = substr(a[i], 1, 1); nm = substr(a[i], 3)
		hit = 0
		if (typ == "p") {
			ep++
			for (j = 1; j <= np; j++)
				if (!(j in usedp) && person_known(lp[j], nm)) { usedp[j] = 1; tp++; hit = 1; break }
		} else if (typ == "s") {
			es++
			for (j = 1; j <= ns; j++)
				if (!(j in useds) && tolower(ls[j]) == tolower(nm)) { useds[j] = 1; ts++; hit = 1; break }
		}
		# Not in the label of this article but in that of another article
		# that reports the same event: right for the event, counted for
		# precision, not recall.
		if (!hit && (typ == "p" || typ == "s") && other_label(e, file, typ, nm))
			other++
	}
	if (curated) { ep = tp; es = ts; other = 0 }
	add(g, "ev_parts", ep + es); add(g, "tp_people", tp); add(g, "tp_states", ts)
	add(g, "prec_ok", tp + ts + other)
	if (verbose)
		printf "%-40s event %s %s %s %s..%s %s  people %d/%d/%d states %d/%d/%d%s%s%s%s\n",
		    file, e, (curated ? "curated" : ev_origin[e]), ev_kind[e], ev_first[e], ev_last[e],
		    (ev_place[e] == "" ? "-" : ev_place[e]), tp, ep, np, ts, es, ns,
		    (k ? "" : " KIND"), (tday != "-" && !exact ? " DATE" : ""),
		    (p ? "" : " PLACE"), (wrong ? " WRONG-CURATED" : "")
}
END {
	for (k in present)
		if (!(k in labelled)) {
			split(k, a, SUBSEP)
			printf "quality: %s/%s has no label: not counted\n", a[1], a[2] >"/dev/stderr"
		}
	if (missing)
		printf "quality: %d labelled files are not in the set: not counted\n", missing >"/dev/stderr"
	ng = split("all en ru zh other", G, " ")
	printf "%-28s", ""
	for (i = 1; i <= ng; i++) printf " %14s", G[i]
	printf "\n"
	printf "%-28s", "articles: SCO events, other"
	for (i = 1; i <= ng; i++) printf " %14s", (S[G[i], "pos"] + 0) ", " (S[G[i], "neg"] + 0)
	printf "\n"
	row("events found", "found", "pos")
	row("participants recall", "tp", "lab")
	row("participants precision", "prec_ok", "ev_parts")
	row("  people recall", "tp_people", "lab_people")
	row("  states recall", "tp_states", "lab_states")
	row("exact dates", "date_ok", "dated")
	row("places right", "place_ok", "pos")
	row("kinds right", "kind_ok", "pos")
	row("wrong curated matches", "wrong", "pos")
	row("negatives giving an event", "neg_found", "neg")
	printf "%-28s", "events made from negatives"
	for (i = 1; i <= ng; i++) printf " %14d", S[G[i], "neg_events"]
	printf "\n"
}
function row(label, a, b,   i, x, y) {
	printf "%-28s", label
	for (i = 1; i <= ng; i++) {
		x = (a == "tp") ? S[G[i], "tp_people"] + S[G[i], "tp_states"] : S[G[i], a]
		y = (b == "lab") ? S[G[i], "lab_people"] + S[G[i], "lab_states"] : S[G[i], b]
		printf " %14s", cell(x, y)
	}
	printf "\n"
}
' "$work/articles" "$work/events" "$negatives" "$labels"
