#!/bin/sh
# SPDX-License-Identifier: ISC
# The names of the gazetteer's states in other languages, from Debian's
# iso-codes, written at build time as data/iso-names.rec (data/FORMAT.md,
# "iso-names.rec"): for each state of gazetteer.rec that an ISO 3166-1
# entry names (its name, official_name or common_name is the state's name
# or one of its aliases), every translation of those three names in the
# languages given. Nothing here is typed by hand: the languages are the
# build's choice (Makefile.am, ISO_NAMES_LANGS), the names iso-codes'.
#
# usage: iso-names.sh GAZETTEER ISO_3166-1.json LOCALEDIR LANG...
# Reads LOCALEDIR/LANG/LC_MESSAGES/iso_3166-1.mo with msgunfmt (gettext);
# a language iso-codes does not translate is left out and said so in a
# comment. Inverted index forms ("Iran, Islamic Republic of") are left
# out: running text never writes them.
set -eu
gaz=$1 json=$2 localedir=$3
shift 3
pairs=$(mktemp "${TMPDIR:-/tmp}/scotl-iso-names-XXXXXX")
trap 'rm -f "$pairs"' EXIT

missing=
for lang; do
	mo=$localedir/$lang/LC_MESSAGES/iso_3166-1.mo
	if [ ! -f "$mo" ]; then
		missing="$missing $lang"
		continue
	fi
	# msgid/msgstr pairs, one per line: LANG TAB MSGID TAB MSGSTR.
	"${MSGUNFMT:-msgunfmt}" --no-wrap "$mo" | awk -v lang="$lang" '
		function unq(s) {
			s = substr(s, 2, length(s) - 2)
			gsub(/\\"/, "\"", s)
			gsub(/\\\\/, "\\", s)
			return s
		}
		/^msgid "/ { id = unq(substr($0, 7)); next }
		/^msgstr "/ {
			str = unq(substr($0, 8))
			if (id != "" && str != "" && index(str, "\t") == 0)
				print lang "\t" id "\t" str
		}' >>"$pairs"
done

awk -v missing="$missing" -v langs="$*" '
	BEGIN { first = 1 }
	function lc(s) { return tolower(s) }
	function keep(s) { return s != "" && index(s, ",") == 0 && index(s, "，") == 0 }
	# gazetteer.rec: the name and aliases of each record that starts
	# with "state:" (a "state:" line in another record is its state).
	part == "gaz" && /^#/ { next }
	part == "gaz" && /^$/ { cur = ""; first = 1; next }
	part == "gaz" && first && /^state: / { cur = substr($0, 8); nstates++
		order[nstates] = cur; known[lc(cur)] = cur; first = 0; next }
	part == "gaz" && cur != "" && /^alias: / { known[lc(substr($0, 8))] = cur; next }
	part == "gaz" { first = 0; next }
	# iso_3166-1.json, pretty-printed one key a line.
	part == "json" && /^ *\{/ { n = 0; split("", names); next }
	part == "json" && /"(name|official_name|common_name)": "/ {
		v = $0; sub(/^[^:]*: "/, "", v); sub(/",?[ \r]*$/, "", v)
		names[++n] = v; next }
	part == "json" && /^ *\}/ {
		st = ""
		for (i = 1; i <= n; i++)
			if (lc(names[i]) in known)
				st = known[lc(names[i])]
		if (st == "")
			next
		matched[st] = 1
		for (i = 1; i <= n; i++) {
			english[names[i]] = st
			add(st, names[i])
		}
		next }
	part == "pairs" {
		split($0, f, "\t")
		if (f[2] in english)
			add(english[f[2]], f[3])
	}
	function add(st, s) {
		if (!keep(s) || ((st, s) in seen) || lc(s) in known && known[lc(s)] == st)
			return
		seen[st, s] = 1
		out[st] = out[st] "alias: " s "\n"
	}
	END {
		print "# The gazetteer states\x27 names in other languages, generated at build"
		print "# time by data/iso-names.sh from iso-codes: not edited, not committed."
		print "# Languages: " langs
		if (missing != "")
			print "# Not translated by this iso-codes:" missing
		for (i = 1; i <= nstates; i++) {
			st = order[i]
			if (!(st in matched)) {
				print "\n# " st ": no ISO 3166-1 entry of this name"
				continue
			}
			printf "\nnames: %s\n%s", st, out[st]
		}
	}' part=gaz "$gaz" part=json "$json" part=pairs "$pairs"
