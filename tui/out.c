#include "config.h"

#include <string.h>
#include <wchar.h>

#include "scotl/out.h"
#include "scotl/util.h"

/* The length of the UTF-8 sequence at s and its code point, or 1 and -1
 * for a byte that does not start a valid sequence. */
static int
out_decode(const unsigned char *s, long *cp)
{
	int n, i;

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
	else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	return n;
}

/* C0 (but tab and newline), DEL and C1 may act on a terminal; bidi
 * controls reorder what follows them and invisible characters hide text:
 * none of them reaches the terminal from the data. */
static int
out_is_control(long cp)
{
	return cp < 0 || (cp < 0x20 && cp != '\t' && cp != '\n') ||
	    (cp >= 0x7f && cp <= 0x9f) || cp == 0xad || cp == 0x61c ||
	    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff;
}

/* The one path text from the data takes to standard output. */
static void
out_clean(struct buf *b, const char *s, int keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	long cp;
	int n;

	while (*p) {
		n = out_decode(p, &cp);
		if (out_is_control(cp))
			buf_adds(b, "\xef\xbf\xbd");
		else if ((cp == '\n' || cp == '\t') && keep_newlines < 0)
			buf_addc(b, ' ');
		else if (cp == '\n' && !keep_newlines)
			buf_addc(b, ' ');
		else
			buf_add(b, (const char *)p, (size_t)n);
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
	const unsigned char *p = (const unsigned char *)s;
	int width = 0, w;
	long cp;

	while (*p) {
		p += out_decode(p, &cp);
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
