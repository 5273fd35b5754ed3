/* SPDX-License-Identifier: ISC */
/* Shared by the fuzz targets of tests/fuzz/: each target is one
 * LLVMFuzzerTestOneInput that checks a property and aborts when it does
 * not hold, so that libFuzzer (or the replay driver, replay.c) reports
 * the input. */
#ifndef SCOTL_TESTS_FUZZ_H
#define SCOTL_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "scotl/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input being replayed (replay.c sets it), for the message. */
extern const char *fuzz_input_name;

/* Prints what failed and aborts. */
void fuzz_fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#define FUZZ_CHECK(cond, ...) \
	do { if (!(cond)) fuzz_fail(__VA_ARGS__); } while (0)

/* Fails unless S is valid UTF-8 without controls (but tab and newline
 * when ALLOW_LINES), bidi controls or invisible characters. */
void fuzz_check_clean(const char *s, size_t len, int allow_lines,
    const char *what);

/* The same, for an error message: one line, no controls at all. */
void fuzz_check_message(const char *msg, const char *what);

/* A :memory: database with a small fixed gazetteer, six events and two
 * articles (a copy of tests/data/mini-data, with a few names of other
 * scripts), made once and kept. */
struct db *fuzz_db(void);

#endif
