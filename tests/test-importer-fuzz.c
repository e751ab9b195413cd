/* test-importer-fuzz.c: thousands of damaged and random documents: no crash, no leak
 *
 * Run it under valgrind or with -Db_sanitize=address,undefined for the leak
 * and memory checks; BAL_FUZZ_ITERATIONS sets the number of inputs.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "bal-importer.h"

static const char * const grades[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", NULL };

static const char * const fixtures[] = {
  "table-row.txt", "heading-value.txt", "several.md", "crlf-bom.txt", "no-empty-lines.txt",
  "page-footers.txt", "mojibake.txt", "latin1.txt", "vacancy.txt", "damaged-no-grade.txt",
};

static GBytes *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
insert_bytes (GByteArray   *array,
              guint         at,
              const guint8 *bytes,
              guint         n)
{
  guint old = array->len;

  g_byte_array_set_size (array, old + n);
  memmove (array->data + at + n, array->data + at, old - at);
  memcpy (array->data + at, bytes, n);
}

static GByteArray *
mutate (GRand  *rand,
        GBytes *seed)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (seed, &length);
  GByteArray *out = g_byte_array_sized_new (length + 64);
  guint n_mutations = g_rand_int_range (rand, 1, 24);

  g_byte_array_append (out, data, length);

  for (guint i = 0; i < n_mutations && out->len > 0; i++)
    {
      guint at = g_rand_int_range (rand, 0, out->len);

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0: /* flip a bit */
          out->data[at] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;

        case 1: /* delete a run */
          {
            guint n = g_rand_int_range (rand, 1, 200);

            g_byte_array_remove_range (out, at, MIN (n, out->len - at));
          }
          break;

        case 2: /* insert bytes, control and high bytes included */
          {
            guint8 bytes[8];
            guint n = g_rand_int_range (rand, 1, 8);

            for (guint j = 0; j < n; j++)
              bytes[j] = g_rand_int_range (rand, 0, 256);
            insert_bytes (out, at, bytes, n);
          }
          break;

        case 3: /* truncate */
          g_byte_array_set_size (out, at);
          break;

        case 4: /* duplicate a run elsewhere */
          {
            guint n = g_rand_int_range (rand, 1, 400);
            guint to = g_rand_int_range (rand, 0, out->len);
            g_autofree guint8 *copy = NULL;

            n = MIN (n, out->len - at);
            copy = g_memdup2 (out->data + at, n);
            insert_bytes (out, to, copy, n);
          }
          break;

        case 5: /* swap two lines */
          {
            guint8 *nl = memchr (out->data + at, '\n', out->len - at);

            if (nl != NULL && nl + 1 < out->data + out->len)
              *nl = '\t';
          }
          break;

        default: /* a heading word, a tab or a hyphen where it hurts */
          {
            static const char * const words[] = { "\nInschaling\n", "\nLichter", "\t", "-\n", "\nReferentiefunctie\n", "\n#", "Ã", "**", "<b>", "\nA. ", "\n1. ", "\r" };
            const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

            insert_bytes (out, at, (const guint8 *)word, strlen (word));
          }
          break;
        }
    }

  return out;
}

static void
check (const guint8 *data,
       gsize         length)
{
  BalImportResult *result = bal_importer_parse ("fuzz.txt", (const char *)data, length, grades);

  /* Whole or nothing, never both. */
  g_assert_true (result->references->len == 0 || result->errors->len == 0);
  g_assert_true (result->references->len > 0 || result->errors->len > 0);

  for (guint i = 0; i < result->references->len; i++)
    {
      BalReferenceDoc *doc = g_ptr_array_index (result->references, i);

      g_assert_true (g_utf8_validate (doc->title, -1, NULL));
      g_assert_nonnull (doc->code);
      g_assert_nonnull (doc->grade);
      for (guint j = 0; j < BAL_N_RULES; j++)
        g_assert_nonnull (doc->rules[j].grade);
    }

  bal_import_result_free (result);
}

static void
test_fuzz (void)
{
  const char *env = g_getenv ("BAL_FUZZ_ITERATIONS");
  guint iterations = env ? (guint)atoi (env) : 5000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    g_ptr_array_add (seeds, load (fixtures[i]));

  for (guint i = 0; i < iterations; i++)
    {
      GByteArray *input;

      if (i % 10 == 9)
        {
          /* Pure noise. */
          guint n = g_rand_int_range (rand, 0, 4096);

          input = g_byte_array_sized_new (n);
          for (guint j = 0; j < n; j++)
            {
              guint8 b = g_rand_int_range (rand, 0, 256);
              g_byte_array_append (input, &b, 1);
            }
        }
      else
        input = mutate (rand, g_ptr_array_index (seeds, i % seeds->len));

      check (input->data, input->len);
      g_byte_array_unref (input);
    }

  g_test_message ("%u inputs parsed", iterations);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/fuzz", test_fuzz);

  return g_test_run ();
}
