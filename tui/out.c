#include "config.h"

#include <string.h>
#include <wchar.h>

#include "scotl/out.h"
#include "scotl/util.h"

/* The length of the character at s and its code point; an invalid byte
 * is one byte long and has no code point (-1). */
static int
out_decode(const char *s, size_t left, long *cp)
{
	unsigned long c;
	size_t n = util_utf8_decode(s, left, &c);

	*cp = n ? (long)c : -1;
	return n ? (int)n : 1;
}

static int
out_is_control(long cp)
{
	return cp < 0 || util_is_control((unsigned long)cp) ||
	    util_is_hidden((unsigned long)cp);
}

/* The one path text from the data takes to standard output. */
static void
out_clean(struct buf *b, const char *s, int keep_newlines)
{
	const char *p = s, *end = s + strlen(s);
	long cp;
	int n;

	while (p < end) {
		n = out_decode(p, (size_t)(end - p), &cp);
		if (out_is_control(cp))
			buf_adds(b, "\xef\xbf\xbd");
		else if ((cp == '\n' || cp == '\t') && keep_newlines < 0)
			buf_addc(b, ' ');
		else if (cp == '\n' && !keep_newlines)
			buf_addc(b, ' ');
		else
			buf_add(b, p, (size_t)n);
		p += n;
	}
	if (b->data == NULL)
		buf_add(b, "", 0);
}

void
out_text(FILE *fp, const char *s, int keep_newlines)
{
	struct buf b;

	buf_init(&b);
	out_clean(&b, s, keep_newlines);
	fwrite(b.data, 1, b.len, fp);
	buf_free(&b);
}

int
out_width(const char *s)
{
	const char *p = s, *end = s + strlen(s);
	int width = 0, w;
	long cp;

	while (p < end) {
		p += out_decode(p, (size_t)(end - p), &cp);
		if (out_is_control(cp)) {
			width++;
			continue;
		}
		w = wcwidth((wchar_t)cp);
		width += w < 0 ? 1 : w;
	}
	return width;
}

void
out_padded(FILE *fp, const char *s, int width)
{
	int w = out_width(s);

	out_text(fp, s, 0);
	for (; w < width; w++)
		fputc(' ', fp);
}

void
out_json_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', fp);
	for (; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\r': fputs("\\r", fp); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

void
out_json_string_or_null(FILE *fp, const char *s)
{
	if (s == NULL || *s == '\0')
		fputs("null", fp);
	else
		out_json_string(fp, s);
}

/* RFC 4180: quoted when it holds a comma, a quote or a line break. */
void
out_csv_field(FILE *fp, const char *s)
{
	struct buf b;
	const char *p;

	buf_init(&b);
	out_clean(&b, s, 1);
	if (strpbrk(b.data, ",\"\n") == NULL) {
		fputs(b.data, fp);
	} else {
		fputc('"', fp);
		for (p = b.data; *p; p++) {
			if (*p == '"')
				fputc('"', fp);
			fputc(*p, fp);
		}
		fputc('"', fp);
	}
	buf_free(&b);
}

/* A TSV field cannot hold tabs or line breaks: they become spaces. */
void
out_tsv_field(FILE *fp, const char *s)
{
	struct buf b;

	buf_init(&b);
	out_clean(&b, s, -1);
	fputs(b.data, fp);
	buf_free(&b);
}
