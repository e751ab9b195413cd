/* fuzz-importer.c: libFuzzer harness for the handbook document importer
 *
 * Built with -Dfuzzing=true (clang, sanitizers on). Every input must parse
 * without a crash, a leak or undefined behaviour, and give either reference
 * functions or errors, never both:
 *
 *   build-asan/tests/fuzz/fuzz-importer NEW-UNITS-DIR tests/fuzz/corpus
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <stdlib.h>

#include "bal-importer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char * const grades[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", NULL };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  BalImportResult *result;

  if (size > BAL_IMPORTER_MAX_SIZE)
    return -1;  /* refused before parsing: nothing to learn from it */

  result = bal_importer_parse ("fuzz.txt", (const char *)data, size, grades);

  /* Whole or nothing, never both. */
  if ((result->references->len > 0) == (result->errors->len > 0))
    abort ();

  for (guint i = 0; i < result->references->len; i++)
    {
      BalReferenceDoc *doc = g_ptr_array_index (result->references, i);

      if (doc->code == NULL || doc->grade == NULL || doc->title == NULL ||
          !g_utf8_validate (doc->title, -1, NULL))
        abort ();
      for (guint j = 0; j < BAL_N_RULES; j++)
        if (doc->rules[j].grade == NULL)
          abort ();
    }

  bal_import_result_free (result);

  return 0;
}
