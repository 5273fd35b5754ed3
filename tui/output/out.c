/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "output/out.h"
#include "scotl/util.h"

#define OUT_REPLACEMENT "\xef\xbf\xbd"      /* U+FFFD */

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

/* The one path text from the data takes to standard output. A character
 * that is not valid UTF-8 or would act on the terminal (a control, a bidi
 * or invisible character) shows as U+FFFD; LINES says what becomes of
 * newlines and tabs (out.h). */
void
out_clean(struct buf *b, const char *s, int lines)
{
	const char *p = s, *end = s + strlen(s);
	long cp;
	int n;

	while (p < end) {
		n = out_decode(p, (size_t)(end - p), &cp);
		if (out_is_control(cp))
			buf_adds(b, OUT_REPLACEMENT);
		else if ((cp == '\n' || cp == '\t') && lines == OUT_NAME)
			buf_adds(b, OUT_REPLACEMENT);
		else if ((cp == '\n' || cp == '\t') && lines == OUT_NO_TABS)
			buf_addc(b, ' ');
		else if (cp == '\n' && lines == OUT_ONE_LINE)
			buf_addc(b, ' ');
		else
			buf_add(b, p, (size_t)n);
		p += n;
	}
	if (b->data == NULL)
		buf_add(b, "", 0);
}

void
out_text(FILE *fp, const char *s, int lines)
{
	struct buf b;

	buf_init(&b);
	out_clean(&b, s, lines);
	fwrite(b.data, 1, b.len, fp);
	buf_free(&b);
}

void
out_name(FILE *fp, const char *s)
{
	out_text(fp, s, OUT_NAME);
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

	out_text(fp, s, OUT_ONE_LINE);
	for (; w < width; w++)
		fputc(' ', fp);
}

/* Always valid UTF-8: a byte that is not shows as U+FFFD. Controls,
 * bidi and invisible characters and the line separators U+2028 and
 * U+2029 (which end a line in older JavaScript) are written as \uXXXX
 * escapes, so the text is kept and a terminal showing the JSON is not
 * driven by it. */
void
out_json_string(FILE *fp, const char *s)
{
	const char *p = s, *end = s + strlen(s);
	long cp;
	int n;

	fputc('"', fp);
	while (p < end) {
		n = out_decode(p, (size_t)(end - p), &cp);
		if (cp < 0)
			fputs(OUT_REPLACEMENT, fp);
		else if (cp == '"' || cp == '\\')
			fprintf(fp, "\\%c", (int)cp);
		else if (cp == '\n')
			fputs("\\n", fp);
		else if (cp == '\t')
			fputs("\\t", fp);
		else if (cp < 0x20 || out_is_control(cp) || cp == 0x2028 ||
		    cp == 0x2029)
			fprintf(fp, "\\u%04lx", (unsigned long)cp);
		else
			fwrite(p, 1, (size_t)n, fp);
		p += n;
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

/* A plain decimal number, "-5" or "+2.5": a spreadsheet reads it as the
 * number it is, never as a formula, so it is left alone. */
static int
out_csv_is_number(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');
	int digits = 0;

	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (*p == '.' && digits > 0)
		for (p++, digits = 0; *p >= '0' && *p <= '9'; p++)
			digits++;
	return digits > 0 && *p == '\0';
}

/* A cell LibreOffice and Excel would take for a formula (OWASP, "CSV
 * injection"): one that starts with =, +, -, @, a tab or a CR. */
static int
out_csv_is_formula(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL &&
	    !out_csv_is_number(s);
}

/* RFC 4180: quoted when it holds a comma, a quote or a line break. A
 * cell a spreadsheet would run as a formula is quoted and starts with a
 * single quote, which spreadsheets read as "this is text". */
void
out_csv_field(FILE *fp, const char *s)
{
	struct buf b;
	const char *p;
	int formula;

	buf_init(&b);
	out_clean(&b, s, OUT_KEEP_LINES);
	formula = out_csv_is_formula(b.data);
	if (!formula && strpbrk(b.data, ",\"\n\r") == NULL) {
		fputs(b.data, fp);
	} else {
		fputs(formula ? "\"'" : "\"", fp);
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
	out_clean(&b, s, OUT_NO_TABS);
	fputs(b.data, fp);
	buf_free(&b);
}
