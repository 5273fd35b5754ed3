/* SPDX-License-Identifier: ISC */
/* model/query/article.c: articles by number and by file name. */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/article.h"
#include "scotl/sha256.h"

int
main(void)
{
	struct db *db = fixture_db();
	struct article a;
	char hash[65];
	long long id = 0;
	struct err e;

	ok(article_find(db, "2", &id, &e) == 0 && id == 2, "an article by number");
	ok(article_find(db, "b.txt", &id, &e) == 0 && id == 2, "and by file name");
	ok(article_find(db, "c.txt", &id, &e) != 0 && strstr(e.msg, "c.txt"),
	    "an unknown article is an error naming it");
	ok(article_get(db, 2, &a, &e) == 0, "its text is read");
	is_str(a.title, "Talks in Delhi", "title");
	is_str(a.published, "2021-09-08", "publication date");
	is_str(a.source, "Test Wire", "source");
	is_str(a.url, "https://example.org/b", "address");
	is_str(a.charset, "UTF-8", "charset");
	is_str(a.author, "", "no author: empty");
	is_int(a.title_made, 0, "a title found, not made");
	is_str(a.body, "Russian Security Council Secretary Nikolay Patrushev met "
	    "Ajit Doval in New Delhi.", "the body, without 'Back to top button'");
	is_int((long long)a.body_len, (long long)strlen(a.body), "its length in bytes");
	sha256_hex(a.body, a.body_len, hash);
	is_str(a.hash, hash, "the content hash is the SHA-256 of the body");
	article_free(&a);
	{
		/* A hand-edited body with a NUL inside: the text ends there. */
		db_exec(db, "UPDATE article SET body = CAST(x'4142430a00' ||"
		    " CAST(body AS BLOB) AS TEXT) WHERE id = 2", &e);
		ok(article_get(db, 2, &a, &e) == 0 && a.body_len == 4 &&
		    strlen(a.body) == 4, "a NUL inside a body ends it, length and all");
		article_free(&a);
	}
	{
		/* Migration 5's columns: the author and a made title. */
		ok(db_exec(db, "UPDATE article SET author = 'Anna Petrova',"
		    " title_made = 1 WHERE id = 2", &e) == 0, "the columns exist");
		ok(article_get(db, 2, &a, &e) == 0, "read again");
		is_str(a.author, "Anna Petrova", "the author is read");
		is_int(a.title_made, 1, "and that its title was made");
		article_free(&a);
	}
	ok(article_get(db, 42, &a, &e) != 0 && strstr(e.msg, "no article 42"),
	    "a missing article is an error");
	db_close(db);
	return tap_done();
}
