/* SPDX-License-Identifier: ISC */
/* SHA-256, for the content hash that makes re-importing an article a no-op. */
#ifndef SCOTL_SHA256_H
#define SCOTL_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t total;
	unsigned char block[64];
	size_t used;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, unsigned char out[32]);
/* Hex digest of a buffer into out (65 bytes with the NUL). */
void sha256_hex(const void *data, size_t n, char out[65]);

#endif
