/* Writing data to standard output for people and scripts: text that never
 * carries a control sequence, padded by display width, and escaped JSON,
 * CSV and TSV fields. */
#ifndef SCOTL_OUT_H
#define SCOTL_OUT_H

#include <stdio.h>

/* Text from the data, with controls, bidi and invisible characters shown
 * as U+FFFD; newline kept when keep_newlines is set, else a space. CSV
 * and TSV fields go the same way. */
void out_text(FILE *fp, const char *s, int keep_newlines);

/* Text padded with spaces to WIDTH terminal columns (never cut). */
void out_padded(FILE *fp, const char *s, int width);
int out_width(const char *s);

void out_json_string(FILE *fp, const char *s);
void out_json_string_or_null(FILE *fp, const char *s);
void out_csv_field(FILE *fp, const char *s);
void out_tsv_field(FILE *fp, const char *s);

#endif
