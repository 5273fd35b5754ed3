/* SPDX-License-Identifier: ISC */
/* A small TAP producer for the unit tests: automake's tap-driver.sh reads
 * "ok N - what" lines and the "1..N" plan printed at the end. */
#ifndef SCOTL_TESTS_TAP_H
#define SCOTL_TESTS_TAP_H

void tap_ok(int pass, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void tap_is_int(long long got, long long want, const char *file, int line,
    const char *what);
void tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *what);
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the plan; the exit status of the test program. */
int tap_done(void);

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, what) tap_is_int((got), (want), __FILE__, __LINE__, what)
#define is_str(got, want, what) tap_is_str((got), (want), __FILE__, __LINE__, what)

#endif
