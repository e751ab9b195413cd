/* gen-schema.c: the schema objects our migrations make, per file format,
 * as a C table for bal-project.c (built and run at build time)
 *
 *   gen-schema OUT.c 001-project.sql 002-handbook.sql …
 *
 * Each step runs in a database in memory, as bal-project.c runs it on a
 * file; after step N the table holds every object with its SQL. Opening a
 * project compares the file's schema with this table, so that the
 * comparison costs no migration at run time.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static char *
read_file (const char *path)
{
  FILE *in = fopen (path, "rb");
  char *data;
  long size;

  if (in == NULL || fseek (in, 0, SEEK_END) != 0 || (size = ftell (in)) < 0 || fseek (in, 0, SEEK_SET) != 0)
    {
      fprintf (stderr, "gen-schema: cannot read %s\n", path);
      exit (1);
    }
  data = malloc (size + 1);
  if (data == NULL || fread (data, 1, size, in) != (size_t)size)
    {
      fprintf (stderr, "gen-schema: cannot read %s\n", path);
      exit (1);
    }
  data[size] = '\0';
  fclose (in);

  return data;
}

static void
put_literal (FILE       *out,
             const char *text)
{
  fputc ('"', out);
  for (const unsigned char *p = (const unsigned char *)text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        fprintf (out, "\\%c", *p);
      else if (*p == '\n')
        fputs ("\\n\"\n    \"", out);
      else if (*p < 0x20 || *p >= 0x7f)
        fprintf (out, "\\%03o", *p);
      else
        fputc (*p, out);
    }
  fputc ('"', out);
}

int
main (int    argc,
      char **argv)
{
  sqlite3 *db = NULL;
  FILE *out;

  if (argc < 3 || (out = fopen (argv[1], "w")) == NULL)
    {
      fprintf (stderr, "usage: gen-schema OUT.c STEP.sql...\n");
      return 2;
    }

  fputs ("/* Written by resources/schema/gen-schema.c at build time. */\n\n"
         "#include \"bal-schema-objects.h\"\n\n"
         "const BalSchemaObject bal_schema_objects[] = {\n", out);

  sqlite3_open (":memory:", &db);
  for (int step = 2; step < argc; step++)
    {
      char *sql = read_file (argv[step]);
      char *message = NULL;
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        {
          fprintf (stderr, "gen-schema: %s: %s\n", argv[step], message);
          return 1;
        }
      free (sql);

      sqlite3_prepare_v2 (db, "SELECT type, name, coalesce (sql, '') FROM sqlite_schema ORDER BY rowid", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          fprintf (out, "  { %d, ", step - 1);
          put_literal (out, (const char *)sqlite3_column_text (stmt, 0));
          fputs (", ", out);
          put_literal (out, (const char *)sqlite3_column_text (stmt, 1));
          fputs (",\n    ", out);
          put_literal (out, (const char *)sqlite3_column_text (stmt, 2));
          fputs (" },\n", out);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  fputs ("  { 0, 0, 0, 0 }\n};\n", out);

  return fclose (out) == 0 ? 0 : 1;
}
