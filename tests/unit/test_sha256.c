/* SPDX-License-Identifier: ISC */
/* model/base/sha256.c against the FIPS 180-4 examples. */
#include "config.h"

#include <string.h>

#include "fixture.h"
#include "scotl/sha256.h"

int
main(void)
{
	char hex[65];
	struct sha256 s;
	unsigned char out[32];
	static char million[1000000];

	sha256_hex("", 0, hex);
	is_str(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "SHA-256 of the empty string");
	sha256_hex("abc", 3, hex);
	is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "SHA-256 of 'abc'");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	is_str(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "SHA-256 of the two-block example");
	memset(million, 'a', sizeof million);
	sha256_hex(million, sizeof million, hex);
	is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    "SHA-256 of a million 'a'");
	/* The same bytes fed in odd pieces give the same digest. */
	sha256_init(&s);
	sha256_update(&s, "ab", 2);
	sha256_update(&s, "c", 1);
	sha256_final(&s, out);
	ok(out[0] == 0xba && out[31] == 0xad, "incremental updates agree");
	return tap_done();
}
