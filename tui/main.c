/* SPDX-License-Identifier: ISC */
/* scotl: a terminal browser for the dated security events of the Shanghai
 * Cooperation Organisation. */
#include "config.h"

#include <locale.h>

#include "cli/cli.h"
#include "scotl/fault.h"
#include "scotl/paths.h"

int
main(int argc, char **argv)
{
	fault_init();
	setlocale(LC_ALL, "");
	paths_init(argv[0]);
	return cli_main(argc, argv);
}
