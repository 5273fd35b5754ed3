/* SPDX-License-Identifier: ISC */
/* model/base/rec.c: records, comments, splitting, and malformed lines named by
 * file and line. */
#include "config.h"

#include <stdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/rec.h"

static char path[4200];

static void
test_records(void)
{
	struct rec_reader rd;
	struct rec r;
	struct err e;

	fixture_write(path, "# comment\n\nstate: India\nalias:  Bharat  \n"
	    "\n\n# between\nperson: A\r\nrole: x | y\n");
	ok(rec_open(&rd, path, &e) == 0, "a record file opens");
	ok(rec_next(&rd, &r, &e) == 1, "the first record is read");
	is_int(r.n, 2, "it has two fields");
	is_str(r.fields[0].name, "state", "the first field names the record");
	is_str(r.fields[1].value, "Bharat", "values are trimmed");
	is_int(r.line, 3, "the record starts on line 3");
	rec_free(&r);
	ok(rec_next(&rd, &r, &e) == 1, "the second record is read");
	is_str(r.fields[0].value, "A", "a CR before the newline is dropped");
	is_int(r.fields[1].line, 9, "a field knows its line");
	rec_free(&r);
	ok(rec_next(&rd, &r, &e) == 0, "then the file ends");
	rec_close(&rd);
}

static void
bad(const char *text, const char *want)
{
	struct rec_reader rd;
	struct rec r;
	struct err e;
	int got = 0;

	fixture_write(path, text);
	rec_open(&rd, path, &e);
	while ((got = rec_next(&rd, &r, &e)) == 1)
		rec_free(&r);
	ok(got == -1 && strstr(e.msg, want) != NULL, "malformed: %s", want);
	if (got != -1 || strstr(e.msg, want) == NULL)
		tap_diag("message: %s", e.msg);
	rec_close(&rd);
}

static void
test_split(void)
{
	char v1[] = "observer |  | 2023-07-03", v2[] = "a.txt | one | two",
	    v3[] = "solo", v4[] = "x | | y";
	char *p[3];

	ok(rec_split(v1, p, 3) == 3 && strcmp(p[0], "observer") == 0 &&
	    strcmp(p[1], "") == 0 && strcmp(p[2], "2023-07-03") == 0,
	    "an empty middle part with spaces stays empty");
	ok(rec_split(v4, p, 3) == 3 && strcmp(p[1], "") == 0,
	    "'| |' is an empty part too");
	ok(rec_split(v2, p, 2) == 2 && strcmp(p[1], "one | two") == 0,
	    "the last part keeps further bars");
	ok(rec_split(v3, p, 3) == 1 && strcmp(p[0], "solo") == 0,
	    "one part without a bar");
}

int
main(void)
{
	char *dir = fixture_tmpdir();
	char want[4300];

	snprintf(path, sizeof path, "%s/t.rec", dir);
	test_records();
	test_split();
	snprintf(want, sizeof want, "%s:2: expected 'field: value'", path);
	bad("state: A\nno colon here\n", want);
	snprintf(want, sizeof want, "%s:3: a line may not start", path);
	bad("state: A\n\n  indented: x\n", want);
	snprintf(want, sizeof want, "%s:1: a field name", path);
	bad("Bad Name: x\n", want);
	bad("state: A\n: empty name\n", ":2: expected");
	{
		struct rec_reader rd;
		struct err e;

		fixture_write(path, "state: A\n");
		{
			FILE *fp = fopen(path, "ab");

			fputc('\0', fp);
			fclose(fp);
		}
		ok(rec_open(&rd, path, &e) != 0 && strstr(e.msg, "NUL") != NULL,
		    "a file with a NUL byte is refused");
		ok(rec_open(&rd, "/nonexistent/x.rec", &e) != 0 &&
		    strstr(e.msg, "/nonexistent/x.rec") != NULL,
		    "a missing file is named");
	}
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
