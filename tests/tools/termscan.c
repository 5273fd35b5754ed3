/* SPDX-License-Identifier: ISC */
/* termscan: checks what a program wrote to a terminal (the raw bytes
 * tests/tools/ptyrun saves with -o) against what curses may send to that
 * terminal. Every escape sequence in the output must be one that the
 * terminal's terminfo entry describes, with the same parameters where the
 * entry's are fixed (ESC[18t is not ESC[22;0;0t); strings (OSC, DCS, APC,
 * PM, SOS) and the entry's queries, resets, printer and status-line
 * strings are never allowed. The text between the sequences must be valid
 * UTF-8 without C1 controls, DEL, bidi controls or invisible characters,
 * and the only C0 controls in it those the entry itself uses (CR, LF, BS,
 * TAB, BEL).
 *
 *   termscan [-l] [-t TERM] RAW
 *
 * Prints one line per finding ("OFFSET: what: bytes") and exits 1 when
 * there is any; -l lists the sequences found instead, with their counts.
 *
 * Two helpers for the tests that read the output so, which would
 * otherwise take a process per line:
 *
 *   termscan -f PATTERNS RAW      for each line of PATTERNS (bytes in
 *                                 printf's notation: \ooo, \n, \\), "1"
 *                                 when RAW holds them, else "0"
 *   termscan -w COLS[:COL] SCREEN a screen as text (tmux capture-pane):
 *                                 no line wider than COLS, and each pane
 *                                 border (U+2502) at column COL; exits 1
 *                                 and prints the lines that are not */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "browser/curses.h"
#if defined(HAVE_NCURSESW) && __has_include(<ncursesw/term.h>)
#include <ncursesw/term.h>
#else
#include <term.h>
#endif

#define TERMSCAN_MAX_SEQ 256
#define TERMSCAN_MAX_RULES 512

/* A kind of sequence the terminal's entry uses: CSI sequences are told
 * apart by their private marker, intermediates and final byte; their
 * parameters are free when the entry computes them, else one of those it
 * lists. Other escape sequences are matched whole. */
struct termscan_rule {
	char key[16];           /* "[" marker intermediates final, or "ESC" + bytes */
	int any_params;
	char params[8][64];
	int nparams;
};

static struct termscan_rule termscan_rules[TERMSCAN_MAX_RULES];
static int termscan_nrules;
static int termscan_c0_ok[32];
static long termscan_findings;

/* Capabilities curses does not send while it runs a program: queries the
 * terminal answers, resets, printer and status-line strings, colour
 * definitions, and the keys (sent by the terminal, not to it). */
static int
termscan_excluded(const char *name)
{
	static const char *const names[] = {
		"u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9",
		"rs1", "rs2", "rs3", "is1", "is2", "is3", "iprog", "rf", "if",
		"mc0", "mc4", "mc5", "mc5p", "tsl", "fsl", "dsl", "initc", "initp",
		"oc", "pfkey", "pfloc", "pfx", "pln", "acsc", "smxon", "rmxon",
		"xonc", "xoffc", "cmdch", "swidm", "rwidm",
	};
	size_t i;

	if (name[0] == 'k')
		return 1;
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* --- reading a capability ---------------------------------------------- */

/* The literal bytes of a capability, padding dropped, with '#' for each
 * parameter it prints and at each step of a conditional (whose branches
 * are flattened in order): a sequence with a '#' among its parameters
 * takes any. */
static void
termscan_flatten(const char *cap, char *out, size_t size)
{
	size_t o = 0;
	const char *p = cap;

	while (*p && o + 2 < size) {
		if (p[0] == '$' && p[1] == '<') {
			while (*p && *p != '>')
				p++;
			if (*p)
				p++;
			continue;
		}
		if (*p != '%') {
			out[o++] = *p++;
			continue;
		}
		p++;
		if (*p == '%') {
			out[o++] = *p++;
			continue;
		}
		/* Flags (after ':' for '-' and '+', the operators), width and
		 * precision, then the conversion. */
		if (*p == ':')
			while (*++p && strchr("-+# ", *p) != NULL)
				;
		while (*p && strchr("# .0123456789", *p) != NULL)
			p++;
		switch (*p) {
		case 'd': case 'o': case 'x': case 'X': case 's':
		case '?': case 't': case 'e': case ';':
			out[o++] = '#';
			break;
		case 'c':
			out[o++] = '*';
			break;
		case 'p': case 'P': case 'g':
			if (p[1])
				p++;
			break;
		case '{':
			while (*p && *p != '}')
				p++;
			break;
		case '\'':
			if (p[1] && p[2])
				p += 2;
			break;
		default:
			break;
		}
		if (*p)
			p++;
	}
	out[o] = '\0';
}

/* The length of the escape sequence at s (ESC first), 0 when it is cut
 * off by the end. *key gets its kind; *params (CSI only) its
 * parameters. A string (OSC, DCS...) gets the key "STRING". */
static size_t
termscan_sequence(const char *s, size_t len, char *key, size_t ksize,
    char *params, size_t psize)
{
	size_t i = 1, p0, n;

	params[0] = '\0';
	if (len < 2)
		return 0;
	if (strchr("]P_^X", s[1]) != NULL) {
		snprintf(key, ksize, "STRING");
		for (i = 2; i < len; i++)
			if (s[i] == '\a' || (s[i] == '\033' && i + 1 < len &&
			    s[i + 1] == '\\'))
				return s[i] == '\a' ? i + 1 : i + 2;
		return 0;
	}
	if (s[1] != '[') {
		while (i < len && s[i] >= 0x20 && s[i] <= 0x2f)
			i++;
		if (i >= len)
			return 0;
		snprintf(key, ksize, "ESC%.*s", (int)i, s + 1);
		return i + 1;
	}
	i = p0 = 2;
	while (i < len && ((s[i] >= 0x30 && s[i] <= 0x3f) || s[i] == '#'))
		i++;
	n = i - p0;
	while (i < len && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i >= len)
		return 0;
	/* A private marker opens the parameters: "?" in ESC[?25l. */
	if (n > 0 && strchr("<=>?", s[p0]) != NULL) {
		snprintf(key, ksize, "[%c%.*s", s[p0], (int)(i - p0 - n + 1),
		    s + p0 + n);
		p0++;
		n--;
	} else {
		snprintf(key, ksize, "[%.*s", (int)(i - p0 - n + 1), s + p0 + n);
	}
	snprintf(params, psize, "%.*s", (int)n, s + p0);
	return i + 1;
}

static struct termscan_rule *
termscan_rule(const char *key, int add)
{
	int i;

	for (i = 0; i < termscan_nrules; i++)
		if (strcmp(termscan_rules[i].key, key) == 0)
			return &termscan_rules[i];
	if (!add || termscan_nrules == TERMSCAN_MAX_RULES)
		return NULL;
	snprintf(termscan_rules[termscan_nrules].key, sizeof termscan_rules->key,
	    "%s", key);
	return &termscan_rules[termscan_nrules++];
}

static void
termscan_learn_params(struct termscan_rule *r, const char *params)
{
	int i;

	if (strchr(params, '#') != NULL) {
		r->any_params = 1;
		return;
	}
	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i], params) == 0)
			return;
	if (r->nparams < 8)
		snprintf(r->params[r->nparams++], sizeof r->params[0], "%s", params);
	else
		r->any_params = 1;
}

/* Learns the sequences and the lone C0 controls of one capability. */
static void
termscan_learn(const char *cap)
{
	char flat[1024], key[16], params[64];
	struct termscan_rule *r;
	size_t i = 0, len, n;

	termscan_flatten(cap, flat, sizeof flat);
	len = strlen(flat);
	while (i < len) {
		if (flat[i] != '\033') {
			if ((unsigned char)flat[i] < 0x20)
				termscan_c0_ok[(unsigned char)flat[i]] = 1;
			i++;
			continue;
		}
		n = termscan_sequence(flat + i, len - i, key, sizeof key, params,
		    sizeof params);
		if (n == 0)
			break;
		if (strcmp(key, "STRING") != 0 && (r = termscan_rule(key, 1)) != NULL)
			termscan_learn_params(r, params);
		i += n;
	}
}

static int
termscan_load_terminfo(const char *term)
{
	int err = 0, i;
	char *cap;

	if (setupterm(term, STDERR_FILENO, &err) != OK) {
		fprintf(stderr, "termscan: no terminfo entry for %s\n", term ? term :
		    "$TERM");
		return -1;
	}
	for (i = 0; strnames[i] != NULL; i++) {
		if (termscan_excluded(strnames[i]))
			continue;
		cap = tigetstr(strnames[i]);
		if (cap != NULL && cap != (char *)-1)
			termscan_learn(cap);
	}
	return 0;
}

/* --- scanning the output ----------------------------------------------- */

static void
termscan_report(size_t at, const char *what, const char *s, size_t n)
{
	size_t i;

	printf("%zu: %s: ", at, what);
	for (i = 0; i < n && i < 40; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\033')
			printf("ESC");
		else if (c < 0x20 || c >= 0x7f)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	printf("%s\n", n > 40 ? "..." : "");
	termscan_findings++;
}

static int
termscan_allowed(const char *key, const char *params)
{
	const struct termscan_rule *r = termscan_rule(key, 0);
	int i;

	if (r == NULL)
		return 0;
	if (r->any_params || key[0] != '[')
		return 1;
	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i], params) == 0)
			return 1;
	return 0;
}

/* The characters curses must never pass on: bidi controls, zero-width
 * and other invisible characters. */
static int
termscan_hidden(unsigned long cp)
{
	return cp == 0xad || cp == 0x61c || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

/* The length of the UTF-8 character at s, 0 when it is not one. */
static size_t
termscan_utf8(const unsigned char *s, size_t len, unsigned long *cp)
{
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, *cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, *cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (*cp < 0x800 || (*cp >= 0xd800 && *cp <= 0xdfff))) ||
	    (n == 4 && (*cp < 0x10000 || *cp > 0x10ffff)))
		return 0;
	return n;
}

/* One character of text at s: 0 when it is fine, else reported. */
static size_t
termscan_text(const char *s, size_t len, size_t at)
{
	unsigned long cp;
	size_t n = termscan_utf8((const unsigned char *)s, len, &cp);

	if (n == 0) {
		termscan_report(at, "not UTF-8", s, len < 4 ? len : 4);
		return 1;
	}
	if (cp < 0x20 && !termscan_c0_ok[cp])
		termscan_report(at, "C0 control", s, n);
	else if (cp >= 0x7f && cp <= 0x9f)
		termscan_report(at, "DEL or C1 control", s, n);
	else if (termscan_hidden(cp))
		termscan_report(at, "bidi or invisible character", s, n);
	return n;
}

struct termscan_seen {
	char seq[48];
	long count;
};

static void
termscan_list(struct termscan_seen *seen, int *nseen, const char *s, size_t n)
{
	char seq[48];
	int i;

	snprintf(seq, sizeof seq, "ESC%.*s", (int)(n - 1 < 44 ? n - 1 : 44), s + 1);
	for (i = 0; i < *nseen; i++)
		if (strcmp(seen[i].seq, seq) == 0) {
			seen[i].count++;
			return;
		}
	if (*nseen < TERMSCAN_MAX_SEQ) {
		snprintf(seen[*nseen].seq, sizeof seen->seq, "%s", seq);
		seen[(*nseen)++].count = 1;
	}
}

static void
termscan_scan(const char *s, size_t len, int list)
{
	static struct termscan_seen seen[TERMSCAN_MAX_SEQ];
	char key[16], params[64];
	size_t i = 0, n;
	int nseen = 0, k;

	while (i < len) {
		if (s[i] != '\033') {
			i += termscan_text(s + i, len - i, i);
			continue;
		}
		n = termscan_sequence(s + i, len - i, key, sizeof key, params,
		    sizeof params);
		if (n == 0) {
			termscan_report(i, "sequence cut off by the end", s + i, len - i);
			break;
		}
		if (list)
			termscan_list(seen, &nseen, s + i, n);
		else if (strcmp(key, "STRING") == 0)
			termscan_report(i, "string sequence", s + i, n);
		else if (!termscan_allowed(key, params))
			termscan_report(i, "not a sequence of the terminal's entry",
			    s + i, n);
		i += n;
	}
	for (k = 0; k < nseen; k++)
		printf("%6ld %s\n", seen[k].count, seen[k].seq);
}

static char *
termscan_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (fp == NULL) {
		perror(path);
		return NULL;
	}
	do {
		if (*len + 65536 > cap) {
			cap = cap ? cap * 2 : 1 << 20;
			if ((data = realloc(data, cap)) == NULL) {
				fclose(fp);
				return NULL;
			}
		}
		n = fread(data + *len, 1, cap - *len, fp);
		*len += n;
	} while (n > 0);
	fclose(fp);
	return data;
}

/* --- the helpers ------------------------------------------------------- */

/* Decodes a line in printf's notation into out; returns its length. */
static size_t
termscan_unescape(const char *s, char *out)
{
	size_t o = 0;
	int k, v;

	while (*s) {
		if (*s != '\\' || s[1] == '\0') {
			out[o++] = *s++;
			continue;
		}
		s++;
		if (*s >= '0' && *s <= '7') {
			for (k = 0, v = 0; k < 3 && *s >= '0' && *s <= '7'; k++)
				v = v * 8 + *s++ - '0';
			out[o++] = (char)v;
			continue;
		}
		out[o++] = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' :
		    *s == 'a' ? '\a' : *s;
		s++;
	}
	return o;
}

static int
termscan_find(const char *patterns, const char *data, size_t len)
{
	FILE *fp = fopen(patterns, "r");
	char line[4096], bytes[4096];
	size_t n;

	if (fp == NULL) {
		perror(patterns);
		return 2;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		n = termscan_unescape(line, bytes);
		printf("%d\n", n > 0 && memmem(data, len, bytes, n) != NULL);
	}
	fclose(fp);
	return 0;
}

/* The columns the UTF-8 text s takes; *border gets the column of the
 * first pane border, -1 when there is none. */
static int
termscan_columns(const char *s, size_t len, int *border)
{
	unsigned long cp;
	size_t i = 0, n;
	int cols = 0, w;

	*border = -1;
	while (i < len) {
		if ((n = termscan_utf8((const unsigned char *)s + i, len - i,
		    &cp)) == 0)
			n = 1, cp = '?';
		if (cp == 0x2502 && *border < 0)
			*border = cols;
		w = wcwidth((wchar_t)cp);
		cols += w < 0 ? 1 : w;
		i += n;
	}
	return cols;
}

static int
termscan_screen(const char *spec, const char *data, size_t len)
{
	const char *line = data, *nl, *end = data + len;
	int cols = atoi(spec), col = -1, border, w, bad = 0;

	if (strchr(spec, ':') != NULL)
		col = atoi(strchr(spec, ':') + 1);
	setlocale(LC_CTYPE, "C.UTF-8");
	for (; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		w = termscan_columns(line, (size_t)(nl - line), &border);
		if (w > cols || (border >= 0 && col >= 0 && border != col)) {
			printf("%d columns, border at %d: %.*s\n", w, border,
			    (int)(nl - line), line);
			bad = 1;
		}
	}
	return bad;
}

static int
termscan_usage(void)
{
	fprintf(stderr, "usage: termscan [-l] [-t TERM] RAW\n"
	    "       termscan -f PATTERNS RAW\n"
	    "       termscan -w COLS[:COL] SCREEN\n");
	return 2;
}

int
main(int argc, char **argv)
{
	const char *term = NULL, *patterns = NULL, *screen = NULL;
	int opt, list = 0, rc;
	size_t len;
	char *data;

	while ((opt = getopt(argc, argv, "f:lt:w:")) != -1) {
		switch (opt) {
		case 'f': patterns = optarg; break;
		case 'l': list = 1; break;
		case 't': term = optarg; break;
		case 'w': screen = optarg; break;
		default: return termscan_usage();
		}
	}
	if (optind + 1 != argc)
		return termscan_usage();
	if ((data = termscan_read(argv[optind], &len)) == NULL)
		return 2;
	if (patterns != NULL)
		rc = termscan_find(patterns, data, len);
	else if (screen != NULL)
		rc = termscan_screen(screen, data, len);
	else if (termscan_load_terminfo(term) != 0)
		rc = 2;
	else {
		termscan_scan(data, len, list);
		rc = termscan_findings > 0;
	}
	free(data);
	return rc;
}
