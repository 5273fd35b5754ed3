/* SPDX-License-Identifier: ISC */
/*
 * The words of a text, one a line, for bench/bench-pages.sh to score:
 * lower-cased runs of letters and digits, except that each Chinese or
 * Japanese character is a word of its own (those scripts put no spaces
 * between words). With --html the input is a page: its tags and
 * comments are taken out, with the text of script, style, noscript,
 * template and title, and its entities read; what is left is the text a
 * reader sees. The bench's own helper, not part of scotl (mawk, the
 * default awk here, knows no multibyte letters).
 *
 *   bench-words [--html] FILE
 */
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

struct buf {
	char *s;
	size_t n, cap;
};

static void buf_put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (b->s == NULL) {
			perror("bench-words");
			exit(1);
		}
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static char *file_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[65536];
	size_t got;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	buf_put(&b, "", 0);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, got);
	fclose(f);
	*len = b.n;
	return b.s;
}

static void utf8_put(struct buf *b, unsigned long c)
{
	char o[4];
	size_t n;

	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = ' ';
	if (c < 0x80) {
		o[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		o[0] = (char)(0xf0 | c >> 18);
		o[1] = (char)(0x80 | (c >> 12 & 0x3f));
		o[2] = (char)(0x80 | (c >> 6 & 0x3f));
		o[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	buf_put(b, o, n);
}

/* Named entities that stand for letters; any other is a separator. */
static const struct {
	const char *name;
	unsigned long c;
} entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", ' ' }, { "eacute", 0xe9 },
	{ "egrave", 0xe8 }, { "ecirc", 0xea }, { "agrave", 0xe0 },
	{ "aacute", 0xe1 }, { "acirc", 0xe2 }, { "ccedil", 0xe7 },
	{ "iacute", 0xed }, { "oacute", 0xf3 }, { "uacute", 0xfa },
	{ "ntilde", 0xf1 }, { "auml", 0xe4 }, { "ouml", 0xf6 },
	{ "uuml", 0xfc }, { "szlig", 0xdf }, { "rsquo", 0x2019 },
};

/* Reads the entity at s (just after '&'); returns the bytes used. */
static size_t entity_read(const char *s, struct buf *out)
{
	size_t i = 0;
	unsigned long c = 0;
	char name[16];

	if (s[0] == '#') {
		int hex = s[1] == 'x' || s[1] == 'X';

		i = hex ? 2 : 1;
		while (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i])) {
			c = c * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)s[i])
			    ? s[i] - '0' : tolower((unsigned char)s[i]) - 'a' + 10);
			if (c > 0x10ffff)
				c = 0x110000;
			i++;
		}
		if (i == (hex ? 2u : 1u))
			return 0;
		utf8_put(out, c);
		return i + (s[i] == ';');
	}
	while (i < sizeof name - 1 && isalnum((unsigned char)s[i])) {
		name[i] = s[i];
		i++;
	}
	name[i] = '\0';
	if (i == 0)
		return 0;
	for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++)
		if (strcmp(name, entities[k].name) == 0) {
			utf8_put(out, entities[k].c);
			return i + (s[i] == ';');
		}
	buf_put(out, " ", 1);
	return i + (s[i] == ';');
}

/* The tag's name at s (after '<' or '</'), lower-cased into name. */
static void tag_name(const char *s, char *name, size_t cap)
{
	size_t i = 0;

	while (i < cap - 1 && (isalnum((unsigned char)s[i]) || s[i] == '-')) {
		name[i] = (char)tolower((unsigned char)s[i]);
		i++;
	}
	name[i] = '\0';
}

/* The end of the tag at s ('<'), past quoted attribute values (a quote
 * opens one only just after '=', as in a browser): after its '>'. */
static const char *tag_end(const char *s)
{
	char q = 0;
	int value = 0;

	for (s++; *s; s++) {
		if (q) {
			if (*s == q)
				q = 0;
		} else if (*s == '=') {
			value = 1;
			continue;
		} else if (value && (*s == '"' || *s == '\'')) {
			q = *s;
		} else if (*s == '>') {
			return s + 1;
		}
		if (!q && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			value = 0;
	}
	return s;
}

static int tag_hidden(const char *name)
{
	static const char *const hidden[] = { "script", "style", "noscript",
		"template", "title" };

	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
		if (strcmp(name, hidden[i]) == 0)
			return 1;
	return 0;
}

static int tag_inline(const char *name)
{
	static const char *const inl[] = { "a", "b", "i", "em", "strong",
		"span", "u", "s", "small", "sub", "sup", "abbr", "code", "mark",
		"font", "q", "cite", "time", "wbr" };

	for (size_t i = 0; i < sizeof inl / sizeof inl[0]; i++)
		if (strcmp(name, inl[i]) == 0)
			return 1;
	return 0;
}

/* Past the end of the hidden element name whose content starts at s. */
static const char *hidden_skip(const char *s, const char *name)
{
	size_t n = strlen(name);

	for (; *s; s++)
		if (s[0] == '<' && s[1] == '/' && strncasecmp(s + 2, name, n) == 0
		    && !isalnum((unsigned char)s[2 + n]))
			return tag_end(s);
	return s;
}

/* One tag, comment or declaration at s ('<'); returns where text goes on. */
static const char *markup_skip(const char *s, struct buf *out)
{
	char name[16];
	const char *e;

	if (strncmp(s, "<!--", 4) == 0) {
		e = strstr(s + 4, "-->");
		return e ? e + 3 : s + strlen(s);
	}
	if (s[1] == '!' || s[1] == '?')
		return tag_end(s);
	tag_name(s + 1 + (s[1] == '/'), name, sizeof name);
	e = tag_end(s);
	if (!tag_inline(name))
		buf_put(out, " ", 1);
	if (s[1] != '/' && tag_hidden(name) && e[-1] == '>' && e[-2] != '/')
		e = hidden_skip(e, name);
	return e;
}

/* The visible text of a page. */
static char *html_text(const char *s)
{
	struct buf out = { 0 };

	buf_put(&out, "", 0);
	while (*s) {
		if (s[0] == '<' && (isalpha((unsigned char)s[1]) || s[1] == '/'
		    || s[1] == '!' || s[1] == '?')) {
			s = markup_skip(s, &out);
		} else if (s[0] == '&') {
			size_t used = entity_read(s + 1, &out);

			if (used == 0)
				buf_put(&out, "&", 1);
			s += 1 + used;
		} else {
			size_t n = strcspn(s, "<&");

			if (n == 0)
				n = 1;
			buf_put(&out, s, n);
			s += n;
		}
	}
	return out.s;
}

/* Chinese, Japanese kana: each character a word. */
static int char_alone(wchar_t c)
{
	return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf)
	    || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
	    || (c >= 0x20000 && c <= 0x3134f);
}

static void words_print(const char *s, size_t len)
{
	mbstate_t st;
	wchar_t c;
	int inword = 0;

	memset(&st, 0, sizeof st);
	while (len > 0) {
		size_t n = mbrtowc(&c, s, len, &st);

		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			n = 1;
			c = L' ';
		} else if (n == 0) {
			n = 1;
			c = L' ';
		}
		s += n;
		len -= n;
		if (char_alone(c)) {
			printf(inword ? "\n%lc\n" : "%lc\n", (wint_t)c);
			inword = 0;
		} else if (iswalnum((wint_t)c)) {
			printf("%lc", (wint_t)towlower((wint_t)c));
			inword = 1;
		} else if (inword) {
			putchar('\n');
			inword = 0;
		}
	}
	if (inword)
		putchar('\n');
}

int main(int argc, char **argv)
{
	int html = argc == 3 && strcmp(argv[1], "--html") == 0;
	size_t len;
	char *text;

	if (argc != 2 + html) {
		fprintf(stderr, "usage: bench-words [--html] FILE\n");
		return 2;
	}
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL
	    && setlocale(LC_CTYPE, "C.utf8") == NULL
	    && setlocale(LC_CTYPE, "en_US.UTF-8") == NULL) {
		fprintf(stderr, "bench-words: no UTF-8 locale\n");
		return 1;
	}
	text = file_read(argv[1 + html], &len);
	if (html) {
		char *t = html_text(text);

		free(text);
		text = t;
		len = strlen(t);
	}
	words_print(text, len);
	free(text);
	return ferror(stdout) || fclose(stdout) ? 1 : 0;
}
