#include "config.h"

#include <string.h>
#include <wchar.h>

#include "scotl/out.h"

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

/* C0 (but tab and newline), DEL and C1 may act on a terminal. */
static int
out_is_control(long cp)
{
	return cp < 0 || (cp < 0x20 && cp != '\t' && cp != '\n') ||
	    (cp >= 0x7f && cp <= 0x9f);
}

void
out_text(FILE *fp, const char *s, int keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	long cp;
	int n;

	while (*p) {
		n = out_decode(p, &cp);
		if (out_is_control(cp))
			fputs("\xef\xbf\xbd", fp);
		else if (cp == '\n' && !keep_newlines)
			fputc(' ', fp);
		else
			fwrite(p, 1, (size_t)n, fp);
		p += n;
	}
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
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/* A TSV field cannot hold tabs or line breaks: they become spaces. */
void
out_tsv_field(FILE *fp, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}
