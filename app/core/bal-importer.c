/* bal-importer.c: reads reference functions from handbook documents
 *
 * Handbooks reach us as text: PDFs run through a converter, web pages copied,
 * Markdown. HANDBOOK-FORMAT.md lists the shapes and the damage; this file
 * reads all of them, guesses what it must with a warning, and refuses a
 * document it cannot read whole.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bal-importer.h"

typedef enum
{
  FIELD_NONE,
  FIELD_FAMILY,
  FIELD_TITLE,
  FIELD_GRADE,
  FIELD_RANGE,
  FIELD_POSITION,
  FIELD_PURPOSE,
  FIELD_ACTIVITIES,
  FIELD_COMPLEXITY,
  FIELD_AUTONOMY,
  FIELD_RISK,
  FIELD_PHYSICAL,
  FIELD_CONTEXT,
  FIELD_RULES,
  FIELD_PROFILE,
} Field;

static const struct
{
  const char *heading;
  Field       field;
} headings[] = {
  { "functiefamilie", FIELD_FAMILY },
  { "naam van de functie", FIELD_TITLE },
  { "referentiefunctie", FIELD_TITLE },
  { "functienaam", FIELD_TITLE },
  { "inschaling", FIELD_GRADE },
  { "functiegroep", FIELD_GRADE },
  { "functieschaal", FIELD_GRADE },
  { "bijbehorende functiecontext", FIELD_RANGE },
  { "positie van de functie in de organisatie", FIELD_POSITION },
  { "plaats in de organisatie", FIELD_POSITION },
  { "doel van de functie", FIELD_PURPOSE },
  { "doel", FIELD_PURPOSE },
  { "typering van de activiteiten", FIELD_ACTIVITIES },
  { "werkzaamheden", FIELD_ACTIVITIES },
  { "resultaatgebieden", FIELD_ACTIVITIES },
  { "complexiteit", FIELD_COMPLEXITY },
  { "zelfstandigheid", FIELD_AUTONOMY },
  { "afbreukrisico", FIELD_RISK },
  { "fysieke aspecten", FIELD_PHYSICAL },
  { "functiecontext van de referentiefunctie", FIELD_CONTEXT },
  { "functiecontext", FIELD_CONTEXT },
  { "toepassingsregels", FIELD_RULES },
  { "profiel", FIELD_PROFILE },
};

static const char * const rule_words[BAL_N_RULES] = { "lichter", "gelijk", "zwaarder" };
static const char * const rule_names[BAL_N_RULES] = { "Lichter", "Gelijk", "Zwaarder" };

/* The characters Windows-1252 puts at 0x80..0x9f. */
static const gunichar cp1252_high[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

void
bal_import_message_free (BalImportMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->file);
  g_free (message->message);
  g_free (message);
}

BalImportMessage *
bal_import_message_new (const char *file,
                        guint       line,
                        const char *message)
{
  BalImportMessage *m = g_new0 (BalImportMessage, 1);

  m->file = g_strdup (file);
  m->line = line;
  m->message = g_strdup (message);

  return m;
}

void
bal_activity_group_free (BalActivityGroup *group)
{
  if (group == NULL)
    return;

  g_free (group->label);
  g_free (group->title);
  g_ptr_array_unref (group->items);
  g_free (group);
}

BalActivityGroup *
bal_activity_group_new (const char *label,
                        const char *title)
{
  BalActivityGroup *group = g_new0 (BalActivityGroup, 1);

  group->label = g_strdup (label ? label : "");
  group->title = g_strdup (title ? title : "");
  group->items = g_ptr_array_new_with_free_func (g_free);

  return group;
}

static void
profile_level_free (BalProfileLevel *level)
{
  g_free (level->characteristic_name);
  g_free (level);
}

BalReferenceDoc *
bal_reference_doc_new (void)
{
  BalReferenceDoc *doc = g_new0 (BalReferenceDoc, 1);

  doc->activities = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_activity_group_free);
  doc->alternative_titles = g_ptr_array_new_with_free_func (g_free);
  doc->profile = g_ptr_array_new_with_free_func ((GDestroyNotify)profile_level_free);
  doc->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_message_free);

  return doc;
}

void
bal_reference_doc_free (BalReferenceDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->file);
  g_free (doc->code);
  g_free (doc->title);
  g_free (doc->family);
  g_free (doc->grade);
  g_free (doc->grade_range);
  g_free (doc->position);
  g_free (doc->purpose);
  g_free (doc->complexity);
  g_free (doc->autonomy);
  g_free (doc->risk);
  g_free (doc->physical);
  g_free (doc->context);
  g_free (doc->knowledge_level);
  for (guint i = 0; i < BAL_N_RULES; i++)
    {
      g_free (doc->rules[i].condition);
      g_free (doc->rules[i].grade);
    }
  g_ptr_array_unref (doc->activities);
  g_ptr_array_unref (doc->alternative_titles);
  g_ptr_array_unref (doc->profile);
  g_ptr_array_unref (doc->warnings);
  g_free (doc);
}

void
bal_import_result_free (BalImportResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->references);
  g_ptr_array_unref (result->errors);
  g_free (result);
}

/* Text repair *************************************************************/

/* The byte Windows-1252 writes for @c, or -1. */
static int
cp1252_byte (gunichar c)
{
  if (c >= 0xa0 && c <= 0xff)
    return (int)c;

  for (int i = 0; i < 32; i++)
    if (cp1252_high[i] != 0 && cp1252_high[i] == c)
      return 0x80 + i;

  return -1;
}

/* Undoes text that was UTF-8, read as Windows-1252 and written as UTF-8
 * again ("Ã«" for "ë", "â€”" for "—"): every run of characters that
 * Windows-1252 can hold is turned back into bytes, and kept as such when
 * those bytes are valid UTF-8 holding at least one non-ASCII character. */
static char *
repair_mojibake (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  GByteArray *run = g_byte_array_new ();
  const char *run_start = NULL;
  const char *p = text;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);
      int byte = c != 0 ? cp1252_byte (c) : -1;

      if (byte >= 0)
        {
          guint8 b = (guint8)byte;

          if (run_start == NULL)
            run_start = p;
          g_byte_array_append (run, &b, 1);
        }
      else if (run_start != NULL)
        {
          gboolean repaired = FALSE;

          /* A lead byte whose continuation is a plain ASCII character does
           * not repair; the run has to decode on its own. */
          if (run->len >= 2 && g_utf8_validate ((const char *)run->data, run->len, NULL))
            {
              g_string_append_len (out, (const char *)run->data, run->len);
              repaired = TRUE;
            }

          if (!repaired)
            g_string_append_len (out, run_start, p - run_start);

          g_byte_array_set_size (run, 0);
          run_start = NULL;
        }

      if (c == 0)
        break;

      if (byte < 0)
        g_string_append_unichar (out, c);

      p = g_utf8_next_char (p);
    }

  g_byte_array_unref (run);

  return g_string_free (out, FALSE);
}

/* Makes valid UTF-8 of whatever bytes came in: NULs become spaces, text that
 * is not UTF-8 is read as Windows-1252, and mojibake is undone. */
char *
bal_importer_repair_text (const char *data,
                          gsize       length)
{
  g_autofree char *copy = g_malloc (length + 1);
  g_autofree char *valid = NULL;
  const char *start;

  memcpy (copy, data, length);
  copy[length] = '\0';
  for (gsize i = 0; i < length; i++)
    if (copy[i] == '\0')
      copy[i] = ' ';

  start = copy;
  if (length >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
    start += 3;

  if (g_utf8_validate (start, -1, NULL))
    valid = g_strdup (start);
  else
    {
      valid = g_convert (start, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (valid == NULL)
        valid = g_utf8_make_valid (start, -1);
    }

  return repair_mojibake (valid);
}

/* Lines *******************************************************************/

typedef struct
{
  char  *text;
  guint  number;
} Line;

static void
line_clear (gpointer data)
{
  g_free (((Line *)data)->text);
}

static gboolean
is_page_footer (const char *line)
{
  g_autoptr(GRegex) regex = NULL;

  regex = g_regex_new ("^\\s*(pagina|page|blz\\.?|p\\.)\\s*\\d+(\\s*(van|of|/)\\s*\\d+)?\\s*$",
                       G_REGEX_CASELESS, 0, NULL);

  return g_regex_match (regex, line, 0, NULL);
}

static gboolean
is_table_rule (const char *line)
{
  gboolean dash = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (!strchr ("|: \t=", *p))
        return FALSE;
    }

  return dash;
}

/* Strips Markdown and HTML emphasis and heading marks from a line. */
static char *
strip_markup (const char *line)
{
  g_autoptr(GRegex) tags = g_regex_new ("</?(b|strong|i|em|u|h[1-6]|p|br)\\s*/?>", G_REGEX_CASELESS, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (tags, line, -1, 0, "", 0, NULL);
  GString *out = g_string_new (NULL);
  const char *p = plain;

  while (*p == ' ' || *p == '\t')
    p++;
  while (*p == '#')
    p++;

  for (; *p; p++)
    {
      if (*p == '*' || *p == '_')
        {
          if (p[1] == *p || p == plain || out->len == 0 || p[1] == '\0' || p[1] == ' ' ||
              (out->len > 0 && out->str[out->len - 1] == ' '))
            continue;
        }
      g_string_append_c (out, *p);
    }

  g_strstrip (out->str);

  return g_string_free (out, FALSE);
}

/* The field a heading line names, or FIELD_NONE; @rest gets what follows a
 * "Heading:" on the same line, if anything. */
static Field
match_heading (const char  *line,
               char       **rest)
{
  g_autofree char *plain = strip_markup (line);
  g_autofree char *folded = NULL;
  gsize len;

  *rest = NULL;

  if (*plain == '\0' || g_utf8_strlen (plain, -1) > 70)
    return FIELD_NONE;

  folded = g_utf8_casefold (plain, -1);
  len = strlen (folded);
  while (len > 0 && (folded[len - 1] == ':' || folded[len - 1] == ' ' || folded[len - 1] == '\t'))
    folded[--len] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      gsize hlen = strlen (headings[i].heading);

      if (strncmp (folded, headings[i].heading, hlen) != 0)
        continue;

      if (folded[hlen] == '\0')
        return headings[i].field;

      /* "Functiefamilie 1", "Inschaling: E" */
      if (headings[i].field == FIELD_FAMILY ||
          ((headings[i].field == FIELD_GRADE || headings[i].field == FIELD_RANGE ||
            headings[i].field == FIELD_TITLE) && folded[hlen] == ':'))
        {
          const char *value = plain + hlen;

          while (*value == ':' || *value == ' ' || *value == '\t')
            value++;
          if (headings[i].field == FIELD_FAMILY && folded[hlen] != ' ' && folded[hlen] != ':')
            continue;
          *rest = g_strdup (value);
          g_strstrip (*rest);
          return headings[i].field;
        }
    }

  return FIELD_NONE;
}

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) raw = NULL;
  g_autofree char *unified = NULL;
  GString *buf = g_string_new (NULL);
  gboolean previous_is_heading = FALSE;

  g_array_set_clear_func (lines, line_clear);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (buf, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (buf, *p);
    }
  unified = g_string_free (buf, FALSE);
  raw = g_strsplit (unified, "\n", -1);

  /* A short line that repeats on several pages is a running title. */
  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *key = g_strstrip (g_strdup (raw[i]));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (raw[i]));
      g_autofree char *rest = NULL;
      Line line;

      if (is_page_footer (stripped) || is_table_rule (stripped))
        continue;

      /* A value under its heading ("Inschaling" / "E") repeats by nature. */
      if (*stripped != '\0' && strlen (stripped) <= 60 &&
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, stripped)) >= 3 &&
          strchr (stripped, ':') == NULL && strchr (stripped, '\t') == NULL &&
          !previous_is_heading &&
          match_heading (stripped, &rest) == FIELD_NONE &&
          !g_regex_match_simple ("^([0-9]+|[A-Z])\\.", stripped, 0, 0))
        continue;

      if (*stripped != '\0')
        {
          g_autofree char *ignored = NULL;

          previous_is_heading = match_heading (stripped, &ignored) != FIELD_NONE;
        }

      line.text = g_strdup (raw[i]);
      line.number = i + 1;
      g_array_append_val (lines, line);
    }

  return lines;
}

/* Joins words that a converter broke over a line: "Ver- talen",
 * "moge-lijkheden". Real compounds ("aftersales- en serviceafdeling",
 * "e-mail", "MBO-3", "I-J") keep their hyphen. */
static char *
repair_hyphenation (const char *text)
{
  static const char * const keep_after[] = { "en", "of", "tot", "and", "or", NULL };
  static const char * const prefixes[] = { "niet", "oud", "anti", "non", "pre", "post", "co", "ex", "vice", "self", NULL };
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '-' && out->len > 0)
        {
          const char *after = next;
          gboolean spaced = FALSE;
          const char *word_end;
          g_autofree char *left = NULL;
          g_autofree char *right = NULL;
          gsize left_start = out->len;

          while (*after == ' ')
            {
              after++;
              spaced = TRUE;
            }

          while (left_start > 0 && (g_ascii_isalpha (out->str[left_start - 1]) || (guchar)out->str[left_start - 1] >= 0x80))
            left_start--;
          left = g_strndup (out->str + left_start, out->len - left_start);

          word_end = after;
          while (*word_end && *word_end != ' ' && *word_end != '\t' && *word_end != '\n' &&
                 (g_unichar_isalpha (g_utf8_get_char (word_end))))
            word_end = g_utf8_next_char (word_end);
          right = g_strndup (after, word_end - after);

          if (*left != '\0' && *right != '\0' &&
              g_unichar_islower (g_utf8_get_char (right)) &&
              g_unichar_islower (g_utf8_get_char (g_utf8_prev_char (left + strlen (left)))) &&
              !g_strv_contains (keep_after, right))
            {
              g_autofree char *left_folded = g_utf8_strdown (left, -1);
              gboolean join = spaced
                ? TRUE
                : (g_utf8_strlen (left, -1) >= 3 && g_utf8_strlen (right, -1) >= 4 &&
                   !g_strv_contains (prefixes, left_folded));

              if (join)
                {
                  p = after;
                  continue;
                }
            }
        }

      g_string_append_len (out, p, next - p);
      p = next;
    }

  return g_string_free (out, FALSE);
}

/* Parsing *****************************************************************/

typedef struct
{
  const char          *file;
  const char * const  *grades;
  GPtrArray           *references;
  GPtrArray           *errors;
  BalReferenceDoc     *current;
  Field                field;
  GString             *sections[FIELD_PROFILE + 1];
  GString             *rules[BAL_N_RULES];
  guint                rule_lines[BAL_N_RULES];
  int                  rule;
  gboolean             content_since_title;
  gboolean             family_is_number;
  guint                grade_line;
  BalActivityGroup    *group;
  GString             *item;
} Parser;

static void
add_warning (Parser     *parser,
             guint       line,
             const char *message)
{
  g_ptr_array_add (parser->current->warnings, bal_import_message_new (parser->file, line, message));
}

static void
add_error (Parser     *parser,
           guint       line,
           const char *message)
{
  g_ptr_array_add (parser->errors, bal_import_message_new (parser->file, line, message));
}

static void
flush_item (Parser *parser)
{
  if (parser->item != NULL && parser->item->len > 0 && parser->group != NULL)
    g_ptr_array_add (parser->group->items, g_strstrip (g_strdup (parser->item->str)));
  if (parser->item != NULL)
    g_string_truncate (parser->item, 0);
}

static void
append_text (GString    *buffer,
             const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));

  if (*stripped == '\0')
    {
      if (buffer->len > 0 && !g_str_has_suffix (buffer->str, "\n\n"))
        g_string_append (buffer, "\n\n");
      return;
    }

  if (buffer->len > 0 && !g_str_has_suffix (buffer->str, "\n\n"))
    g_string_append_c (buffer, ' ');
  g_string_append (buffer, stripped);
}

static char *
finish_text (GString *buffer)
{
  g_autofree char *text = NULL;

  if (buffer == NULL)
    return g_strdup ("");

  text = repair_hyphenation (buffer->str);
  g_strstrip (text);

  return g_steal_pointer (&text);
}

static int
grade_index (const char * const *grades,
             const char         *grade)
{
  for (guint i = 0; grades != NULL && grades[i] != NULL; i++)
    if (g_ascii_strcasecmp (grades[i], grade) == 0)
      return i;

  return -1;
}

/* The grade @offset steps from @grade: on the scale when there is one,
 * otherwise by letter or number; clipped at the ends. */
static char *
step_grade (const char * const *grades,
            const char         *grade,
            int                 offset,
            gboolean           *clipped)
{
  int index = grade_index (grades, grade);

  *clipped = FALSE;

  if (index >= 0)
    {
      int n = g_strv_length ((char **)grades);
      int target = CLAMP (index + offset, 0, n - 1);

      *clipped = target != index + offset;
      return g_strdup (grades[target]);
    }

  if (strlen (grade) == 1 && g_ascii_isupper (grade[0]))
    {
      int target = grade[0] + offset;

      *clipped = target < 'A' || target > 'Z';
      return g_strdup_printf ("%c", CLAMP (target, 'A', 'Z'));
    }

  if (g_ascii_isdigit (grade[0]))
    {
      int value = atoi (grade) + offset;

      *clipped = value < 1;
      return g_strdup_printf ("%d", MAX (value, 1));
    }

  return g_strdup (grade);
}

static gboolean
looks_like_grade (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 3)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;

  return g_ascii_isupper (text[0]) || g_ascii_isdigit (text[0]);
}

/* Splits "1.1 Medewerker Verkoop" or "KS.02 Medewerker" into code and title. */
static void
set_title (Parser     *parser,
           const char *value,
           guint       line)
{
  g_autoptr(GRegex) regex = g_regex_new ("^([A-Z]{0,4}\\.?[0-9]+(\\.[0-9]+)*)\\.?\\s+(.+)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *plain = strip_markup (value);

  if (*plain == '\0')
    return;

  /* Messages about a reference function point at its title. */
  if (parser->current->title == NULL)
    parser->current->line = line;

  g_clear_pointer (&parser->current->code, g_free);
  g_clear_pointer (&parser->current->title, g_free);

  if (g_regex_match (regex, plain, 0, &match))
    {
      parser->current->code = g_match_info_fetch (match, 1);
      parser->current->title = g_match_info_fetch (match, 3);
    }
  else
    parser->current->title = g_strdup (plain);

  g_strstrip (parser->current->title);
  parser->content_since_title = FALSE;
}

static void
set_family (Parser     *parser,
            const char *value)
{
  g_autofree char *plain = strip_markup (value);

  if (*plain == '\0')
    return;

  g_free (parser->current->family);
  parser->family_is_number = g_regex_match_simple ("^[0-9]+$", plain, 0, 0);
  if (parser->family_is_number)
    parser->current->family = g_strdup_printf ("Functiefamilie %s", plain);
  else
    parser->current->family = g_steal_pointer (&plain);
}

static void
set_grade (Parser     *parser,
           const char *value,
           guint       line)
{
  g_autofree char *plain = strip_markup (value);
  g_auto(GStrv) tokens = NULL;

  tokens = g_strsplit_set (plain, " \t", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (looks_like_grade (tokens[i]))
        {
          g_free (parser->current->grade);
          parser->current->grade = g_strdup (tokens[i]);
          parser->grade_line = line;
          return;
        }
    }
}

/* A table row "Family<TAB>Grade<TAB>1.1 Title", tabs or pipes. */
static gboolean
try_table_row (Parser     *parser,
               const char *text,
               guint       line)
{
  g_auto(GStrv) cells = NULL;
  g_autoptr(GPtrArray) filled = g_ptr_array_new_with_free_func (g_free);
  int grade_cell = -1;

  if (strchr (text, '\t') == NULL && strchr (text, '|') == NULL)
    return FALSE;

  cells = g_strsplit_set (text, "\t|", -1);
  for (guint i = 0; cells[i] != NULL; i++)
    {
      char *cell = strip_markup (cells[i]);

      if (*cell == '\0')
        g_free (cell);
      else
        g_ptr_array_add (filled, cell);
    }

  if (filled->len != 3)
    return FALSE;

  for (guint i = 0; i < filled->len; i++)
    if (looks_like_grade (g_ptr_array_index (filled, i)))
      grade_cell = i;

  if (grade_cell != 1)
    return FALSE;

  for (guint i = 0; i < BAL_N_RULES; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (filled, 0), -1);

      if (g_str_has_prefix (folded, rule_words[i]))
        return FALSE;
    }

  set_family (parser, g_ptr_array_index (filled, 0));
  set_grade (parser, g_ptr_array_index (filled, 1), line);
  set_title (parser, g_ptr_array_index (filled, 2), line);

  return TRUE;
}

static void
start_reference (Parser *parser,
                 guint   line)
{
  parser->current = bal_reference_doc_new ();
  parser->current->file = g_strdup (parser->file);
  parser->current->line = line;
  for (guint i = 0; i <= FIELD_PROFILE; i++)
    g_string_truncate (parser->sections[i], 0);
  for (guint i = 0; i < BAL_N_RULES; i++)
    {
      g_string_truncate (parser->rules[i], 0);
      parser->rule_lines[i] = 0;
    }
  parser->rule = -1;
  parser->field = FIELD_NONE;
  parser->content_since_title = FALSE;
  parser->group = NULL;
  parser->grade_line = 0;
  g_string_truncate (parser->item, 0);
}

static void
handle_activity_line (Parser     *parser,
                      const char *line)
{
  g_autoptr(GRegex) group_re = g_regex_new ("^([A-Z])[.)]\\s+(.+)$", 0, 0, NULL);
  g_autoptr(GRegex) item_re = g_regex_new ("^([0-9]{1,2})[.)]\\s+(.+)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *plain = strip_markup (line);

  if (*plain == '\0')
    return;

  if (g_regex_match (group_re, plain, 0, &match))
    {
      g_autofree char *label = g_match_info_fetch (match, 1);
      g_autofree char *title = g_match_info_fetch (match, 2);

      flush_item (parser);
      parser->group = bal_activity_group_new (label, title);
      g_ptr_array_add (parser->current->activities, parser->group);
      return;
    }

  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (item_re, plain, 0, &match))
    {
      g_autofree char *text = g_match_info_fetch (match, 2);

      flush_item (parser);
      if (parser->group == NULL)
        {
          parser->group = bal_activity_group_new ("", "");
          g_ptr_array_add (parser->current->activities, parser->group);
        }
      g_string_append (parser->item, text);
      return;
    }

  /* "- item" bullets, or a line that continues the item before. */
  if ((plain[0] == '-' || plain[0] == '*') && plain[1] == ' ')
    {
      flush_item (parser);
      if (parser->group == NULL)
        {
          parser->group = bal_activity_group_new ("", "");
          g_ptr_array_add (parser->current->activities, parser->group);
        }
      g_string_append (parser->item, plain + 2);
      return;
    }

  if (parser->item->len > 0)
    {
      g_string_append_c (parser->item, ' ');
      g_string_append (parser->item, plain);
    }
  else if (parser->group != NULL && parser->group->items->len == 0)
    {
      g_autofree char *title = g_strconcat (parser->group->title, " ", plain, NULL);

      g_free (parser->group->title);
      parser->group->title = g_steal_pointer (&title);
    }
  else
    {
      if (parser->group == NULL)
        {
          parser->group = bal_activity_group_new ("", "");
          g_ptr_array_add (parser->current->activities, parser->group);
        }
      g_string_append (parser->item, plain);
    }
}

static void
handle_rule_line (Parser     *parser,
                  const char *line,
                  guint       number)
{
  g_autofree char *plain = strip_markup (line);
  g_autofree char *folded = g_utf8_casefold (plain, -1);

  for (guint i = 0; i < BAL_N_RULES; i++)
    {
      if (g_str_has_prefix (folded, rule_words[i]))
        {
          parser->rule = i;
          parser->rule_lines[i] = number;
          g_string_truncate (parser->rules[i], 0);
          g_string_append (parser->rules[i], plain + strlen (rule_words[i]));
          return;
        }
    }

  if (parser->rule >= 0 && *plain != '\0')
    {
      g_string_append_c (parser->rules[parser->rule], ' ');
      g_string_append (parser->rules[parser->rule], plain);
    }
}

/* Splits a rule's text into condition and grade: the grade is the last
 * tab-separated cell, or the single capital glued to the end of the text. */
static void
finish_rule (Parser   *parser,
             BalRule  *rule,
             GString  *text)
{
  g_autofree char *all = g_strdup (text->str);
  char *tab;
  gsize len;

  g_strstrip (all);
  while (*all == ':' || *all == '\t')
    memmove (all, all + 1, strlen (all));
  g_strstrip (all);

  tab = strrchr (all, '\t');
  if (tab != NULL)
    {
      g_autofree char *cell = g_strstrip (g_strdup (tab + 1));

      if (looks_like_grade (cell))
        {
          *tab = '\0';
          rule->grade = g_steal_pointer (&cell);
        }
    }

  len = strlen (all);
  if (rule->grade == NULL && len >= 2)
    {
      /* "… lager in.I" or "… lager in. I" */
      const char *end = all + len;
      const char *start = end;

      while (start > all && g_ascii_isupper (start[-1]) && end - start < 2)
        start--;

      if (start < end && start > all && (start[-1] == '.' || start[-1] == ' ' || start[-1] == ')') &&
          !(start[-1] == ' ' && start - 1 > all && g_ascii_isalpha (start[-2])))
        {
          rule->grade = g_strdup (start);
          all[start - all] = '\0';
        }
    }

  for (char *p = all; *p; p++)
    if (*p == '\t')
      *p = ' ';

  {
    g_autofree char *repaired = repair_hyphenation (all);

    rule->condition = g_strstrip (g_strdup (repaired));
  }
}

static void
find_knowledge_level (BalReferenceDoc *doc,
                      const char      *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b(V?MBO)[- ]?(niveau ?)?([1-4])?\\b|\\b(HBO|WO)(-niveau|\\b)|\\b(bachelor|master)\\b",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return;

  {
    g_autofree char *mbo = g_match_info_fetch (match, 1);
    g_autofree char *level = g_match_info_fetch (match, 3);
    g_autofree char *higher = g_match_info_fetch (match, 4);
    g_autofree char *degree = g_match_info_fetch (match, 6);
    g_autofree char *mbo_up = mbo ? g_ascii_strup (mbo, -1) : NULL;

    if (mbo_up != NULL && *mbo_up != '\0')
      {
        if (g_strcmp0 (mbo_up, "VMBO") == 0 || level == NULL || *level == '\0')
          doc->knowledge_level = g_strdup (mbo_up);
        else
          doc->knowledge_level = g_strdup_printf ("MBO-%s", level);
      }
    else if (higher != NULL && *higher != '\0')
      doc->knowledge_level = g_ascii_strup (higher, -1);
    else if (degree != NULL && *degree != '\0')
      doc->knowledge_level = g_strdup (g_ascii_strcasecmp (degree, "master") == 0 ? "WO" : "HBO");
  }
}

static void
find_span (BalReferenceDoc *doc,
           const char      *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("leiding aan (circa |ca\\. |ongeveer )?([0-9]+)(\\s*(-|–|tot)\\s*([0-9]+))?",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *low = g_match_info_fetch (match, 2);
      g_autofree char *high = g_match_info_fetch (match, 5);

      doc->span_min = atoi (low);
      doc->span_max = high && *high ? atoi (high) : doc->span_min;
    }
}

static gboolean
ends_with_title_noun (const char *text)
{
  static const char * const nouns[] = { "head", "director", "chief", "vp", "president", NULL };
  const char *space = strrchr (text, ' ');
  g_autofree char *last = g_ascii_strdown (space ? space + 1 : text, -1);

  return g_strv_contains (nouns, last);
}

static void
add_alternative (BalReferenceDoc *doc,
                 const char      *title)
{
  g_autofree char *clean = g_strstrip (g_strdup (title));
  gsize len = strlen (clean);

  while (len > 0 && (clean[len - 1] == '.' || clean[len - 1] == ','))
    clean[--len] = '\0';
  g_strstrip (clean);

  if (*clean != '\0' && g_utf8_strlen (clean, -1) <= 80)
    g_ptr_array_add (doc->alternative_titles, g_steal_pointer (&clean));
}

/* "Alternatieve functienamen kunnen X, Y of Z zijn." The Dutch "of" ("or")
 * stands once, before the last title; English titles keep their own "of"
 * ("Head of Customer Service"). */
static void
find_alternative_titles (BalReferenceDoc *doc,
                         const char      *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("alternatieve functienaa?m(en)?\\s+(kunnen|kan|zijn|is)\\s+(bijvoorbeeld\\s+)?(zijn\\s+)?(.+?)(\\s+zijn)?\\s*(\\.|$)",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) parts = NULL;
  guint n;

  if (!g_regex_match (regex, text, 0, &match))
    return;

  list = g_match_info_fetch (match, 5);
  parts = g_strsplit (list, ",", -1);
  n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    add_alternative (doc, parts[i]);

  if (n > 0)
    {
      char *last = parts[n - 1];
      char *split = NULL;

      for (char *p = strstr (last, " of "); p != NULL; p = strstr (p + 4, " of "))
        {
          g_autofree char *left = g_strndup (last, p - last);

          if (!ends_with_title_noun (left))
            split = p;
        }

      if (split != NULL)
        {
          *split = '\0';
          add_alternative (doc, last);
          add_alternative (doc, split + 4);
        }
      else
        add_alternative (doc, last);
    }
}

static void
parse_profile (Parser *parser)
{
  g_auto(GStrv) lines = g_strsplit (parser->sections[FIELD_PROFILE]->str, "\n", -1);
  g_autoptr(GRegex) regex = g_regex_new ("([^:\\n]+?)\\s*[:=]\\s*([0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, parser->sections[FIELD_PROFILE]->str, 0, &match);
  while (g_match_info_matches (match))
    {
      BalProfileLevel *level = g_new0 (BalProfileLevel, 1);
      g_autofree char *number = g_match_info_fetch (match, 2);

      level->characteristic_name = g_match_info_fetch (match, 1);
      g_strstrip (level->characteristic_name);
      level->level = atoi (number);
      g_ptr_array_add (parser->current->profile, level);
      g_match_info_next (match, NULL);
    }
}

/* Completes the reference being read: sections, facts, rules, checks. */
static void
finish_reference (Parser *parser)
{
  BalReferenceDoc *doc = parser->current;
  g_autofree char *all_text = NULL;
  char **targets[] = {
    [FIELD_POSITION] = &doc->position, [FIELD_PURPOSE] = &doc->purpose,
    [FIELD_COMPLEXITY] = &doc->complexity, [FIELD_AUTONOMY] = &doc->autonomy,
    [FIELD_RISK] = &doc->risk, [FIELD_PHYSICAL] = &doc->physical,
    [FIELD_CONTEXT] = &doc->context,
  };
  gboolean damaged = FALSE;

  if (doc == NULL)
    return;

  flush_item (parser);

  for (guint i = FIELD_POSITION; i <= FIELD_CONTEXT; i++)
    if (i < G_N_ELEMENTS (targets) && targets[i] != NULL)
      *targets[i] = finish_text (parser->sections[i]);

  for (guint i = 0; i < doc->activities->len; i++)
    {
      BalActivityGroup *group = g_ptr_array_index (doc->activities, i);
      char *title = repair_hyphenation (group->title);

      g_free (group->title);
      group->title = g_strstrip (title);
      for (guint j = 0; j < group->items->len; j++)
        {
          char *item = repair_hyphenation (g_ptr_array_index (group->items, j));

          g_free (group->items->pdata[j]);
          group->items->pdata[j] = item;
        }
    }

  if (parser->sections[FIELD_RANGE]->len > 0)
    {
      g_autofree char *range = finish_text (parser->sections[FIELD_RANGE]);
      g_autoptr(GRegex) regex = g_regex_new ("[A-Z0-9]{1,2}\\s*[-–]\\s*[A-Z0-9]{1,2}", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, range, 0, &match))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_auto(GStrv) ends = g_strsplit_set (found, "-–", 2);

          if (ends[0] != NULL && ends[1] != NULL)
            doc->grade_range = g_strdup_printf ("%s-%s", g_strstrip (ends[0]), g_strstrip (ends[1]));
        }
      if (doc->grade_range == NULL)
        doc->grade_range = g_strdup (range);
    }

  for (guint i = 0; i < BAL_N_RULES; i++)
    if (parser->rule_lines[i] > 0)
      finish_rule (parser, &doc->rules[i], parser->rules[i]);

  parse_profile (parser);

  all_text = g_strjoin ("\n", doc->position, doc->purpose, doc->complexity, doc->autonomy, doc->risk, doc->physical, doc->context, NULL);
  find_knowledge_level (doc, doc->complexity && *doc->complexity ? doc->complexity : all_text);
  if (doc->knowledge_level == NULL)
    find_knowledge_level (doc, all_text);
  find_span (doc, all_text);
  find_alternative_titles (doc, all_text);

  if (doc->title == NULL || *doc->title == '\0')
    {
      add_error (parser, doc->line, _("A reference function has no title: expected a heading such as “Referentiefunctie” or “Naam van de functie” followed by the title."));
      damaged = TRUE;
    }

  if (doc->grade == NULL && doc->rules[BAL_RULE_EQUAL].grade != NULL)
    {
      g_autofree char *message = NULL;

      doc->grade = g_strdup (doc->rules[BAL_RULE_EQUAL].grade);
      message = g_strdup_printf (_("No grade after “Inschaling”: grade %s taken from the “Gelijk” rule."), doc->grade);
      add_warning (parser, doc->line, message);
    }

  if (doc->grade == NULL && !damaged)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” has no grade: expected a heading “Inschaling” or “Functiegroep” followed by the grade, or a “Gelijk” rule with a grade."),
                                                  doc->title);

      add_error (parser, doc->line, message);
      damaged = TRUE;
    }

  if (!damaged && doc->grade != NULL && parser->grades != NULL && grade_index (parser->grades, doc->grade) < 0)
    {
      g_autofree char *message = g_strdup_printf (_("Grade “%s” of “%s” is not on the handbook’s scale."), doc->grade, doc->title);

      add_error (parser, parser->grade_line ? parser->grade_line : doc->line, message);
      damaged = TRUE;
    }

  if (!damaged)
    {
      for (guint i = 0; i < BAL_N_RULES; i++)
        {
          static const int offsets[BAL_N_RULES] = { -1, 0, +1 };
          g_autofree char *message = NULL;
          gboolean clipped = FALSE;

          if (doc->rules[i].grade != NULL)
            continue;

          doc->rules[i].grade = step_grade (parser->grades, doc->grade, offsets[i], &clipped);
          doc->rules[i].grade_guessed = TRUE;
          if (doc->rules[i].condition == NULL)
            doc->rules[i].condition = g_strdup ("");

          if (parser->rule_lines[i] == 0)
            message = g_strdup_printf (_("No “%s” rule found: grade %s assumed from the scale."),
                                       rule_names[i], doc->rules[i].grade);
          else if (clipped)
            message = g_strdup_printf (_("The “%s” rule has no grade and %s is the end of the scale: %s kept."),
                                       rule_names[i], doc->grade, doc->rules[i].grade);
          else
            message = g_strdup_printf (_("The “%s” rule has no grade: %s assumed (%s the reference function’s %s)."),
                                       rule_names[i], doc->rules[i].grade,
                                       i == BAL_RULE_LIGHTER ? _("one below") : i == BAL_RULE_EQUAL ? _("the same as") : _("one above"),
                                       doc->grade);
          add_warning (parser, parser->rule_lines[i] ? parser->rule_lines[i] : doc->line, message);
        }

      if (doc->code == NULL || *doc->code == '\0')
        {
          g_autoptr(GString) code = g_string_new (NULL);
          g_autofree char *ascii = g_str_to_ascii (doc->title, "C");
          g_autofree char *message = NULL;

          for (const char *p = ascii; *p; p++)
            {
              if (g_ascii_isalnum (*p))
                g_string_append_c (code, g_ascii_tolower (*p));
              else if (code->len > 0 && code->str[code->len - 1] != '-')
                g_string_append_c (code, '-');
            }
          while (code->len > 0 && code->str[code->len - 1] == '-')
            g_string_truncate (code, code->len - 1);

          g_free (doc->code);
          doc->code = g_string_free (g_steal_pointer (&code), FALSE);
          message = g_strdup_printf (_("“%s” has no code: “%s” made from its title."), doc->title, doc->code);
          add_warning (parser, doc->line, message);
        }

      if (doc->family == NULL)
        add_warning (parser, doc->line, _("No family (“Functiefamilie”) given."));
      else if (parser->family_is_number)
        {
          g_autofree char *message = g_strdup_printf (_("The family is given only by its number: named “%s”."), doc->family);

          add_warning (parser, doc->line, message);
        }

      g_ptr_array_add (parser->references, doc);
    }
  else
    bal_reference_doc_free (doc);

  parser->current = NULL;
}

BalImportResult *
bal_importer_parse (const char         *file_name,
                    const char         *data,
                    gssize              length,
                    const char * const *grades)
{
  BalImportResult *result = g_new0 (BalImportResult, 1);
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *previous_family = NULL;
  Parser parser = { 0 };
  gboolean seen_heading = FALSE;

  result->references = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_reference_doc_free);
  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_message_free);

  if (file_name == NULL)
    file_name = "";
  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  if ((gsize)length > BAL_IMPORTER_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (BAL_IMPORTER_MAX_SIZE);
      g_autofree char *message = g_strdup_printf (_("The document is too large to be a handbook document (%s; at most %s)."), size, limit);

      g_ptr_array_add (result->errors, bal_import_message_new (file_name, 0, message));
      return result;
    }

  text = bal_importer_repair_text (data, length);
  lines = split_lines (text);

  parser.file = file_name;
  parser.grades = grades;
  parser.references = result->references;
  parser.errors = result->errors;
  parser.rule = -1;
  parser.item = g_string_new (NULL);
  for (guint i = 0; i <= FIELD_PROFILE; i++)
    parser.sections[i] = g_string_new (NULL);
  for (guint i = 0; i < BAL_N_RULES; i++)
    parser.rules[i] = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autofree char *rest = NULL;
      Field field = match_heading (line->text, &rest);
      gboolean is_row = FALSE;

      /* A new reference function starts at its family or title once the
       * one before has a title and some text. */
      if ((field == FIELD_FAMILY || field == FIELD_TITLE) && parser.current != NULL &&
          parser.current->title != NULL && parser.content_since_title)
        {
          g_free (previous_family);
          previous_family = g_strdup (parser.current->family);
          finish_reference (&parser);
        }

      if (field == FIELD_NONE && parser.field != FIELD_ACTIVITIES && parser.field != FIELD_RULES &&
          (parser.current == NULL || parser.current->title == NULL || !parser.content_since_title))
        {
          if (parser.current == NULL && (strchr (line->text, '\t') || strchr (line->text, '|')))
            {
              start_reference (&parser, line->number);
              if (!(is_row = try_table_row (&parser, line->text, line->number)))
                {
                  bal_reference_doc_free (parser.current);
                  parser.current = NULL;
                }
            }
          else if (parser.current != NULL && parser.current->title == NULL)
            is_row = try_table_row (&parser, line->text, line->number);

          if (is_row)
            {
              seen_heading = TRUE;
              parser.field = FIELD_NONE;
              continue;
            }
        }

      if (field != FIELD_NONE)
        {
          seen_heading = TRUE;

          if (parser.current == NULL)
            {
              start_reference (&parser, line->number);
              if (field != FIELD_FAMILY && previous_family != NULL)
                parser.current->family = g_strdup (previous_family);
            }

          flush_item (&parser);
          parser.field = field;
          parser.rule = -1;

          if (field != FIELD_FAMILY && field != FIELD_TITLE && field != FIELD_GRADE && field != FIELD_RANGE)
            parser.content_since_title = parser.current->title != NULL;

          if (rest != NULL && *rest != '\0')
            {
              switch (field)
                {
                case FIELD_FAMILY:
                  set_family (&parser, rest);
                  break;
                case FIELD_TITLE:
                  set_title (&parser, rest, line->number);
                  break;
                case FIELD_GRADE:
                  set_grade (&parser, rest, line->number);
                  break;
                case FIELD_RANGE:
                  append_text (parser.sections[FIELD_RANGE], rest);
                  break;
                default:
                  break;
                }
              if (field == FIELD_FAMILY || field == FIELD_TITLE || field == FIELD_GRADE)
                parser.field = FIELD_NONE;
            }
          continue;
        }

      if (parser.current == NULL)
        continue;

      switch (parser.field)
        {
        case FIELD_FAMILY:
          if (*g_strstrip (line->text) != '\0')
            {
              set_family (&parser, line->text);
              parser.field = FIELD_NONE;
            }
          break;

        case FIELD_TITLE:
          if (*g_strstrip (line->text) != '\0')
            {
              if (!try_table_row (&parser, line->text, line->number))
                set_title (&parser, line->text, line->number);
              parser.field = FIELD_NONE;
            }
          break;

        case FIELD_GRADE:
          if (*g_strstrip (line->text) != '\0')
            {
              set_grade (&parser, line->text, line->number);
              parser.field = FIELD_NONE;
            }
          break;

        case FIELD_ACTIVITIES:
          handle_activity_line (&parser, line->text);
          break;

        case FIELD_RULES:
          handle_rule_line (&parser, line->text, line->number);
          break;

        case FIELD_PROFILE:
          g_string_append (parser.sections[FIELD_PROFILE], line->text);
          g_string_append_c (parser.sections[FIELD_PROFILE], '\n');
          break;

        case FIELD_NONE:
          break;

        default:
          append_text (parser.sections[parser.field], line->text);
          break;
        }
    }

  if (parser.current != NULL)
    finish_reference (&parser);

  if (!seen_heading || (result->references->len == 0 && result->errors->len == 0))
    {
      g_ptr_array_set_size (result->references, 0);
      g_ptr_array_add (result->errors,
                       bal_import_message_new (file_name, 0,
                                               _("No reference function found: the text has none of the headings of a reference function (such as “Referentiefunctie”, “Inschaling”, “Toepassingsregels”).")));
    }

  /* One document is imported whole or not at all. */
  if (result->errors->len > 0)
    g_ptr_array_set_size (result->references, 0);

  g_string_free (parser.item, TRUE);
  for (guint i = 0; i <= FIELD_PROFILE; i++)
    g_string_free (parser.sections[i], TRUE);
  for (guint i = 0; i < BAL_N_RULES; i++)
    g_string_free (parser.rules[i], TRUE);

  return result;
}
