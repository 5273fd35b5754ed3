/* SPDX-License-Identifier: ISC */
/* Turning what people save from news sites into article text: sanitising
 * (controls, C1, bidi and invisible characters out, line ends made
 * plain, paragraphs kept), saved HTML pages reduced to their text, and
 * the optional header block of a text file. */
#ifndef SCOTL_TEXT_H
#define SCOTL_TEXT_H

#include <stddef.h>

#include "scotl/util.h"

/* Appends S without C0 controls (but tab and newline), DEL, C1, bidi and
 * invisible characters; CR LF and lone CR become LF. Input must be valid
 * UTF-8. Returns how many characters were removed. */
long text_sanitise(const char *s, size_t len, struct buf *out);

/* The charset a saved page declares (its XML declaration, else a parsed
 * <meta charset=...> or http-equiv Content-Type, never the word anywhere
 * else), read from the raw bytes; "" when none. */
void text_html_charset(const char *s, size_t len, char *out, size_t size);

/* 1 when the bytes look like an HTML page. */
int text_is_html(const char *s, size_t len);

/* What a saved page says of itself, each NULL when it does not say:
 * its title (og:title, JSON-LD, twitter:title, the <title> without the
 * site's name, the <h1>), the day it was published (YYYY-MM-DD, as the
 * page writes it, not converted to UTC), its canonical address, its
 * source (JSON-LD's publisher, og:site_name, else the address's host),
 * its author, and the article's text as its JSON-LD gives it
 * (articleBody). Not yet sanitised. */
struct text_page {
	char *title, *published, *url, *source, *author, *ld_body;
};
void text_page_free(struct text_page *p);

/* The visible text of a UTF-8 HTML page, read by libxml2's HTML parser:
 * script and style dropped, entities decoded, block elements as
 * paragraphs, <br> as a line break. PAGE (may be NULL) gets what the
 * page says of itself (free it with text_page_free). */
void text_html_reduce(const char *s, size_t len, struct buf *out,
    struct text_page *page);

/* The header block of a text file: "Title:", "Date:", "Source:", "URL:",
 * "Author:", "Charset:" lines before the first blank line. Fills what it finds and
 * returns the offset of the body after the block (0 when there is no
 * block). Values are copies (free them); missing ones are NULL. */
struct text_header {
	char *title, *date, *source, *url, *author, *charset;
};
size_t text_header(const char *s, size_t len, struct text_header *h);
void text_header_free(struct text_header *h);

#endif
