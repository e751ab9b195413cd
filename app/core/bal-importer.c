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

#define G_LOG_DOMAIN "bal-importer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bal-importer.h"

/* A heading or a table row (family, grade, title) is a short line; a
 * longer one is text and is not taken apart as one. */
#define MAX_SHORT_LINE 1024

G_DEFINE_QUARK (bal-importer-error-quark, bal_importer_error)

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

/* Reading files ***********************************************************/

/* Reads the text file at @path whole, at most @max_size bytes of it. Only
 * a regular file is read, and that is checked on the opened descriptor,
 * so that /dev/zero, a FIFO or a terminal is refused rather than read
 * until memory runs out or waited on for ever. The result is
 * nul-terminated; @length gets its size. */
char *
bal_read_text_file (const char  *path,
                    gsize        max_size,
                    gsize       *length,
                    GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  struct stat st;
  gsize capacity;
  gsize size = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_name (path);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not open %s: %s"), name, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not read %s: %s"), name, g_strerror (saved));
      g_close (fd, NULL);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BAL_IMPORTER_ERROR, BAL_IMPORTER_ERROR_NOT_REGULAR,
                   _("%s is not a regular file"), name);
      g_close (fd, NULL);
      return NULL;
    }

  /* One byte more than allowed tells a file at the limit from one over
   * it, also when the file grows while it is read. */
  capacity = (gsize)MIN ((guint64)MAX (st.st_size, 0), (guint64)max_size) + 1;
  data = g_malloc (capacity + 1);

  while (size <= max_size)
    {
      gssize n;

      if (size == capacity)
        {
          capacity = MIN (capacity * 2, max_size + 1);
          data = g_realloc (data, capacity + 1);
        }

      n = read (fd, data + size, capacity - size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not read %s: %s"), name, g_strerror (saved));
          g_close (fd, NULL);
          return NULL;
        }
      if (n == 0)
        break;
      size += n;
    }

  g_close (fd, NULL);

  if (size > max_size)
    {
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, BAL_IMPORTER_ERROR, BAL_IMPORTER_ERROR_TOO_LARGE,
                   _("%s is too large (more than %s)"), name, limit);
      return NULL;
    }

  data[size] = '\0';
  *length = size;

  return g_steal_pointer (&data);
}

/* Text repair *************************************************************/

/* The byte Windows-1252 writes for @c, or -1. */
static int
cp1252_byte (gunichar c)
{
  if (c < 0x100)
    return c >= 0xa0 ? (int)c : -1;

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
      const char *next;

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

      next = g_utf8_next_char (p);
      if (byte < 0)
        {
          /* Plain ASCII goes over a stretch at a time. */
          if (c < 0x80)
            while (*next != '\0' && (guchar)*next < 0x80)
              next++;
          g_string_append_len (out, p, next - p);
        }
      p = next;
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

/* A line of the document; the text is cut out of the document in place. */
typedef struct
{
  char  *text;
  guint  number;
} Line;

/* White space as GRegex's \s sees it (Unicode), with the vertical tab and
 * the next line that g_unichar_isspace() leaves out. The text is valid
 * UTF-8 by now: bal_importer_repair_text() made it so. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == '\v' || c == 0x85;
}

static const char *
skip_space (const char *p)
{
  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* Steps back from @end over white space, not before @start. */
static const char *
skip_space_back (const char *start,
                 const char *end)
{
  while (end > start && is_space (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  return end;
}

/* Whether g_strstrip() would leave nothing of @text. */
static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

/* The end of the first of @words that @p starts with, in any case, or NULL. */
static const char *
skip_word (const char         *p,
           const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);

      if (g_ascii_strncasecmp (p, words[i], n) == 0)
        return p + n;
    }

  return NULL;
}

/* Skips the ASCII digits at @p; NULL when there are none. */
static const char *
skip_number (const char *p)
{
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;

  return p;
}

/* Skips the digits of any script at @p, as GRegex's \d; NULL when none. */
static const char *
skip_digits (const char *p)
{
  const char *start = p;

  while (*p != '\0' && g_unichar_isdigit (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p > start ? p : NULL;
}

/* "Pagina 3 van 12", "page 3", "blz. 3", "p. 3/12" */
static gboolean
is_page_footer (const char *line)
{
  static const char * const words[] = { "pagina", "page", "blz.", "blz", "p.", NULL };
  static const char * const joins[] = { "van", "of", "/", NULL };
  const char *p = skip_word (skip_space (line), words);

  if (p == NULL || (p = skip_digits (skip_space (p))) == NULL)
    return FALSE;

  p = skip_space (p);
  if (*p == '\0')
    return TRUE;

  if ((p = skip_word (p, joins)) == NULL || (p = skip_digits (skip_space (p))) == NULL)
    return FALSE;

  return *skip_space (p) == '\0';
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

/* "12." or "B.": a numbered item or a group label. */
static gboolean
starts_with_label (const char *line)
{
  const char *p = line;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == line && g_ascii_isupper (*p))
    p++;

  return p > line && *p == '.';
}

/* The length of the HTML emphasis or heading tag at @p ("<b>", "</strong>",
 * "<br />"), or 0. */
static gsize
tag_length (const char *p)
{
  static const char * const names[] = {
    "b", "strong", "i", "em", "u", "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", NULL
  };
  const char *name = p + 1;

  if (*name == '/')
    name++;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize n = strlen (names[i]);
      const char *end;

      if (g_ascii_strncasecmp (name, names[i], n) != 0)
        continue;

      end = skip_space (name + n);
      if (*end == '/')
        end++;
      if (*end == '>')
        return end + 1 - p;
    }

  return 0;
}

/* @line without its HTML emphasis and heading tags. */
static char *
remove_tags (const char *line)
{
  GString *untagged = g_string_sized_new (strlen (line));
  const char *p = line;
  const char *tag;

  while ((tag = strchr (p, '<')) != NULL)
    {
      gsize n = tag_length (tag);

      g_string_append_len (untagged, p, tag - p);
      if (n == 0)
        {
          g_string_append_c (untagged, '<');
          n = 1;
        }
      p = tag + n;
    }
  g_string_append (untagged, p);

  return g_string_free (untagged, FALSE);
}

/* Strips Markdown and HTML emphasis and heading marks from a line. */
static char *
strip_markup (const char *line)
{
  g_autofree char *untagged = strchr (line, '<') != NULL ? remove_tags (line) : NULL;
  const char *plain = untagged != NULL ? untagged : line;
  GString *out = g_string_sized_new (strlen (plain));
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

/* Whether @line, without tags, has more than @limit characters that
 * strip_markup() keeps whatever surrounds them: all but white space and
 * the markup characters. Lines of running text are told from headings
 * by this without copying them. */
static gboolean
surely_longer (const char *line,
               guint       limit)
{
  guint kept = 0;

  if (strchr (line, '<') != NULL)
    return FALSE;

  for (const char *p = line; *p; p++)
    if (((guchar)*p & 0xc0) != 0x80 && *p != '*' && *p != '_' && *p != '#' && !g_ascii_isspace (*p) &&
        ++kept > limit)
      return TRUE;

  return FALSE;
}

/* The field a heading line names, or FIELD_NONE; @rest gets what follows a
 * "Heading:" on the same line, if anything. */
static Field
match_heading (const char  *line,
               char       **rest)
{
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;
  gsize len;

  *rest = NULL;

  if (is_blank (line) || strlen (line) > MAX_SHORT_LINE || surely_longer (line, 70))
    return FIELD_NONE;

  plain = strip_markup (line);
  if (*plain == '\0' || g_utf8_strlen (plain, -1) > 70)
    return FIELD_NONE;

  folded = g_utf8_casefold (plain, -1);
  len = strlen (folded);
  while (len > 0 && (folded[len - 1] == ':' || folded[len - 1] == ' ' || folded[len - 1] == '\t'))
    folded[--len] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      gsize hlen;

      if (folded[0] != headings[i].heading[0])
        continue;

      hlen = strlen (headings[i].heading);
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

/* Sets @buffer to the @length bytes at @line without the white space
 * around them. */
static void
set_stripped (GString    *buffer,
              const char *line,
              gsize       length)
{
  const char *start = line;
  const char *end = line + length;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  g_string_truncate (buffer, 0);
  g_string_append_len (buffer, start, end - start);
}

/* Cuts @text into lines in place, without page footers, table rules and
 * running titles. A run of empty lines reads as one and is kept as one. */
static GArray *
split_lines (char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) stripped = g_string_new (NULL);
  gboolean previous_is_heading = FALSE;
  gboolean last_is_blank = FALSE;
  guint number = 1;
  char *w = text;

  for (const char *r = text; *r; r++)
    {
      if (*r == '\r')
        {
          *w++ = '\n';
          if (r[1] == '\n')
            r++;
        }
      else
        *w++ = *r;
    }
  *w = '\0';

  /* A short line that repeats on several pages is a running title. */
  for (const char *p = text; p != NULL; )
    {
      const char *end = strchr (p, '\n');

      set_stripped (stripped, p, end != NULL ? (gsize)(end - p) : strlen (p));
      if (stripped->len > 0 && stripped->len <= 60)
        {
          guint *n = g_hash_table_lookup (counts, stripped->str);

          if (n == NULL)
            {
              n = g_new0 (guint, 1);
              g_hash_table_insert (counts, g_strdup (stripped->str), n);
            }
          (*n)++;
        }
      p = end != NULL ? end + 1 : NULL;
    }

  for (char *p = text; p != NULL; number++)
    {
      char *end = strchr (p, '\n');
      g_autofree char *rest = NULL;
      Line line = { p, number };
      Field field;

      if (end != NULL)
        *end = '\0';
      p = end != NULL ? end + 1 : NULL;

      set_stripped (stripped, line.text, strlen (line.text));

      if (stripped->len == 0)
        {
          if (!last_is_blank)
            g_array_append_val (lines, line);
          last_is_blank = TRUE;
          continue;
        }

      if (is_page_footer (stripped->str) || is_table_rule (stripped->str))
        continue;

      field = match_heading (stripped->str, &rest);

      /* A value under its heading ("Inschaling" / "E") repeats by nature. */
      if (stripped->len <= 60 &&
          *(guint *)g_hash_table_lookup (counts, stripped->str) >= 3 &&
          strchr (stripped->str, ':') == NULL && strchr (stripped->str, '\t') == NULL &&
          !previous_is_heading && field == FIELD_NONE &&
          !starts_with_label (stripped->str))
        continue;

      previous_is_heading = field != FIELD_NONE;

      g_array_append_val (lines, line);
      last_is_blank = FALSE;
    }

  return lines;
}

/* Joins words that a converter broke over a line: "Ver- talen",
 * "moge-lijkheden". Real compounds ("aftersales- en serviceafdeling",
 * "e-mail", "MBO-3", "I-J") keep their hyphen. Only the ends of the two
 * words count: a few letters tell a long word from a prefix, and looking no
 * further keeps a long run of broken words linear to join. */
static char *
repair_hyphenation (const char *text)
{
  static const char * const keep_after[] = { "en", "of", "tot", "and", "or", NULL };
  static const char * const prefixes[] = { "niet", "oud", "anti", "non", "pre", "post", "co", "ex", "vice", "self", NULL };
  const gsize max_left_bytes = 32;
  const guint max_right_chars = 8;
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p)
    {
      const char *dash = strchr (p, '-');
      gunichar c;
      const char *next;

      /* What comes before the next hyphen is copied as it is, at once. */
      if (dash == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, dash - p);
      p = dash;
      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);

      if (c == '-' && out->len > 0)
        {
          const char *after = next;
          gboolean spaced = FALSE;
          const char *word_end;
          g_autofree char *left = NULL;
          g_autofree char *right = NULL;
          gsize left_start = out->len;
          guint right_chars = 0;

          while (*after == ' ')
            {
              after++;
              spaced = TRUE;
            }

          while (left_start > 0 && out->len - left_start < max_left_bytes &&
                 (g_ascii_isalpha (out->str[left_start - 1]) || (guchar)out->str[left_start - 1] >= 0x80))
            left_start--;
          /* Cut off inside a character: start at the next one. */
          while (((guchar)out->str[left_start] & 0xc0) == 0x80)
            left_start++;
          left = g_strndup (out->str + left_start, out->len - left_start);

          word_end = after;
          while (*word_end && *word_end != ' ' && *word_end != '\t' && *word_end != '\n' &&
                 right_chars < max_right_chars && g_unichar_isalpha (g_utf8_get_char (word_end)))
            {
              word_end = g_utf8_next_char (word_end);
              right_chars++;
            }
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
  GString             *group_title;  /* the title of @group while it grows */
  GString             *item;
} Parser;

/* A pattern compiled once, for every document and thread. */
static GRegex *
cached_regex (GRegex     **regex,
              const char  *pattern,
              GRegexCompileFlags flags)
{
  if (g_once_init_enter (regex))
    g_once_init_leave (regex, g_regex_new (pattern, flags, 0, NULL));

  return *regex;
}

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
  const char *start = line;
  const char *end;
  gboolean paragraph_ended = buffer->len >= 2 && buffer->str[buffer->len - 1] == '\n' &&
                             buffer->str[buffer->len - 2] == '\n';

  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (start == end)
    {
      if (buffer->len > 0 && !paragraph_ended)
        g_string_append (buffer, "\n\n");
      return;
    }

  if (buffer->len > 0 && !paragraph_ended)
    g_string_append_c (buffer, ' ');
  g_string_append_len (buffer, start, end - start);
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
looks_like_grade (const char *text,
                  gsize       len)
{
  if (len == 0 || len > 3)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;

  return g_ascii_isupper (text[0]) || g_ascii_isdigit (text[0]);
}

/* The length of the code that starts "1.1 Medewerker Verkoop" or "KS.02.
 * Medewerker": up to four capitals, a dot, numbers joined by dots, a dot
 * and white space; 0 when @text starts otherwise. */
static gsize
code_length (const char *text)
{
  const char *p = text;

  while (p - text < 4 && g_ascii_isupper (*p))
    p++;
  if (*p == '.')
    p++;
  if ((p = skip_number (p)) == NULL)
    return 0;
  while (p[0] == '.' && g_ascii_isdigit (p[1]))
    p = skip_number (p + 1);

  return p - text;
}

/* Splits "1.1 Medewerker Verkoop" or "KS.02 Medewerker" into code and title. */
static void
set_title (Parser     *parser,
           const char *value,
           guint       line)
{
  g_autofree char *plain = strip_markup (value);
  gsize code = code_length (plain);
  const char *title = plain + code;

  if (*plain == '\0')
    return;

  /* Messages about a reference function point at its title. */
  if (parser->current->title == NULL)
    parser->current->line = line;

  g_clear_pointer (&parser->current->code, g_free);
  g_clear_pointer (&parser->current->title, g_free);

  if (code > 0 && *title == '.')
    title++;
  if (code > 0 && skip_space (title) > title && *skip_space (title) != '\0')
    {
      parser->current->code = g_strndup (plain, code);
      parser->current->title = g_strdup (skip_space (title));
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
  parser->family_is_number = strspn (plain, "0123456789") == strlen (plain);
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

  for (const char *p = plain; *p != '\0'; )
    {
      gsize len = strcspn (p, " \t");

      if (looks_like_grade (p, len))
        {
          g_free (parser->current->grade);
          parser->current->grade = g_strndup (p, len);
          parser->grade_line = line;
          return;
        }
      p += len;
      p += strspn (p, " \t");
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

  if (strlen (text) > MAX_SHORT_LINE || (strchr (text, '\t') == NULL && strchr (text, '|') == NULL))
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
    if (looks_like_grade (g_ptr_array_index (filled, i), strlen (g_ptr_array_index (filled, i))))
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
  g_string_truncate (parser->group_title, 0);
  parser->grade_line = 0;
  g_string_truncate (parser->item, 0);
}

/* Gives the current group its title, which grew line by line. */
static void
finish_group (Parser *parser)
{
  if (parser->group != NULL)
    {
      g_free (parser->group->title);
      parser->group->title = g_strdup (parser->group_title->str);
    }

  parser->group = NULL;
}

static void
start_group (Parser     *parser,
             const char *label,
             const char *title)
{
  finish_group (parser);
  parser->group = bal_activity_group_new (label, NULL);
  g_string_assign (parser->group_title, title);
  g_ptr_array_add (parser->current->activities, parser->group);
}

/* The text after "A. " (a group, @digits FALSE) or "12. " (an item), or NULL. */
static const char *
after_label (const char *line,
             gboolean    digits)
{
  const char *p = line;

  if (digits)
    {
      while (p - line < 3 && g_ascii_isdigit (*p))
        p++;
      if (p == line || p - line > 2)
        return NULL;
    }
  else if (g_ascii_isupper (*p))
    p++;
  else
    return NULL;

  if ((*p != '.' && *p != ')') || skip_space (p + 1) == p + 1 || *skip_space (p + 1) == '\0')
    return NULL;

  return skip_space (p + 1);
}

static void
handle_activity_line (Parser     *parser,
                      const char *line)
{
  g_autofree char *plain = NULL;
  const char *text;

  if (is_blank (line))
    return;

  plain = strip_markup (line);
  if (*plain == '\0')
    return;

  if ((text = after_label (plain, FALSE)) != NULL)
    {
      char label[2] = { plain[0], '\0' };

      flush_item (parser);
      start_group (parser, label, text);
      return;
    }

  if ((text = after_label (plain, TRUE)) != NULL)
    {
      flush_item (parser);
      if (parser->group == NULL)
        start_group (parser, "", "");
      g_string_append (parser->item, text);
      return;
    }

  /* "- item" bullets, or a line that continues the item before. */
  if ((plain[0] == '-' || plain[0] == '*') && plain[1] == ' ')
    {
      flush_item (parser);
      if (parser->group == NULL)
        start_group (parser, "", "");
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
      g_string_append_c (parser->group_title, ' ');
      g_string_append (parser->group_title, plain);
    }
  else
    {
      if (parser->group == NULL)
        start_group (parser, "", "");
      g_string_append (parser->item, plain);
    }
}

static void
handle_rule_line (Parser     *parser,
                  const char *line,
                  guint       number)
{
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;

  if (is_blank (line))
    return;

  plain = strip_markup (line);
  folded = g_utf8_casefold (plain, -1);

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
  len = strspn (all, ":\t");
  memmove (all, all + len, strlen (all + len) + 1);
  g_strstrip (all);

  tab = strrchr (all, '\t');
  if (tab != NULL)
    {
      g_autofree char *cell = g_strstrip (g_strdup (tab + 1));

      if (looks_like_grade (cell, strlen (cell)))
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
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  cached_regex (&regex, "\\b(V?MBO)[- ]?(niveau ?)?([1-4])?\\b|\\b(HBO|WO)(-niveau|\\b)|\\b(bachelor|master)\\b",
                G_REGEX_CASELESS);
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
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  cached_regex (&regex, "leiding aan (circa |ca\\. |ongeveer )?([0-9]+)(\\s*(-|–|tot)\\s*([0-9]+))?",
                G_REGEX_CASELESS);
  if (g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *low = g_match_info_fetch (match, 2);
      g_autofree char *high = g_match_info_fetch (match, 5);

      doc->span_min = atoi (low);
      doc->span_max = high && *high ? atoi (high) : doc->span_min;
    }
}

/* Whether the text from @start to @end ends with a word such as "Head". */
static gboolean
ends_with_title_noun (const char *start,
                      const char *end)
{
  static const char * const nouns[] = { "head", "director", "chief", "vp", "president", NULL };
  const char *word = end;
  g_autofree char *last = NULL;

  while (word > start && word[-1] != ' ')
    word--;
  last = g_ascii_strdown (word, end - word);

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

/* The list of "Alternatieve functienamen kunnen X, Y of Z zijn." that
 * starts at @start: at least one character, up to the full stop, or to the
 * end of the text when only white space follows; NULL when the line ends
 * before that, and then @line_end gets where it ends. */
static char *
alternatives_list (const char  *start,
                   const char **line_end)
{
  const char *first = g_utf8_next_char (start);
  const char *stop = first + strcspn (first, ".\n");

  *line_end = stop;
  if (*stop == '\n' && *skip_space (stop) != '.' && *skip_space (stop) != '\0')
    return NULL;

  stop = skip_space_back (first, stop);

  /* "… of Z zijn." */
  if (stop - first >= 4 && g_ascii_strncasecmp (stop - 4, "zijn", 4) == 0 &&
      skip_space_back (first, stop - 4) < stop - 4)
    stop = skip_space_back (first, stop - 4);

  return g_strndup (start, stop - start);
}

/* The end of the words that bring in the list at @p, "Alternatieve
 * functienamen kunnen (bijvoorbeeld) (zijn) " in any case, or NULL. */
static const char *
skip_alternatives_intro (const char *p)
{
  static const char * const verbs[] = { "kunnen", "kan", "zijn", "is", NULL };
  const char *q;
  guint i;

  if (g_ascii_strncasecmp (p, "alternatieve functiena", 22) != 0)
    return NULL;
  p += 22;
  if (g_ascii_tolower (*p) == 'a')
    p++;
  if (g_ascii_tolower (*p) != 'm')
    return NULL;
  p++;
  if (g_ascii_strncasecmp (p, "en", 2) == 0 && skip_space (p + 2) > p + 2)
    p += 2;
  if ((q = skip_space (p)) == p)
    return NULL;
  p = q;

  for (i = 0; verbs[i] != NULL; i++)
    {
      gsize n = strlen (verbs[i]);

      if (g_ascii_strncasecmp (p, verbs[i], n) == 0 && (q = skip_space (p + n)) > p + n)
        break;
    }
  if (verbs[i] == NULL)
    return NULL;
  p = q;

  if (g_ascii_strncasecmp (p, "bijvoorbeeld", 12) == 0 && (q = skip_space (p + 12)) > p + 12)
    p = q;
  if (g_ascii_strncasecmp (p, "zijn", 4) == 0 && (q = skip_space (p + 4)) > p + 4)
    p = q;

  return p;
}

/* "Alternatieve functienamen kunnen X, Y of Z zijn." The Dutch "of" ("or")
 * stands once, before the last title; English titles keep their own "of"
 * ("Head of Customer Service"). Found by hand in one pass: a pattern
 * would look at the whole text again for every "Alternatieve" in it. */
static void
find_alternative_titles (BalReferenceDoc *doc,
                         const char      *text)
{
  const char *unfinished_line = text;
  g_autofree char *list = NULL;
  g_auto(GStrv) parts = NULL;
  guint n;

  for (const char *p = strpbrk (text, "aA"); p != NULL && list == NULL; p = strpbrk (p + 1, "aA"))
    {
      const char *start = skip_alternatives_intro (p);

      /* A list that starts before the end of a line found to end without
       * a full stop ends there too: no need to look again. */
      if (start != NULL && *start != '\0' && start >= unfinished_line)
        list = alternatives_list (start, &unfinished_line);
    }

  if (list == NULL)
    return;

  parts = g_strsplit (list, ",", -1);
  n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    add_alternative (doc, parts[i]);

  if (n > 0)
    {
      char *last = parts[n - 1];
      char *split = NULL;
      const char *after = last;

      /* By space, not strstr(): AddressSanitizer's strstr() measures the
       * whole rest of the string on each call. */
      for (char *p = strchr (last, ' '); p != NULL; p = strchr (p + 1, ' '))
        if (p >= after && strncmp (p, " of ", 4) == 0)
          {
            if (!ends_with_title_noun (last, p))
              split = p;
            after = p + 4;
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

/* "Complexiteit: 4" or "Zelfstandigheid = 3": a name, a colon or an equals
 * sign, a number; a line may hold several. A name holds no colon but may
 * hold an equals sign not followed by a number. One pass over the section:
 * a lazy pattern would scan a long line again from every character. */
static void
parse_profile (Parser *parser)
{
  const char *p = parser->sections[FIELD_PROFILE]->str;
  const char *name = p;

  while (*p != '\0')
    {
      const char *value;

      if (*p == '\n')
        {
          name = ++p;
          continue;
        }

      if (*p != ':' && *p != '=')
        {
          p++;
          continue;
        }

      value = p + 1;
      while (*value != '\n' && *value != '\0' && is_space (g_utf8_get_char (value)))
        value = g_utf8_next_char (value);

      if (p > name && g_ascii_isdigit (*value))
        {
          BalProfileLevel *level = g_new0 (BalProfileLevel, 1);
          const char *name_end = skip_space_back (g_utf8_next_char (name), p);

          level->characteristic_name = g_strstrip (g_strndup (name, name_end - name));
          level->level = atoi (value);
          g_ptr_array_add (parser->current->profile, level);

          while (g_ascii_isdigit (*value))
            value++;
          name = p = value;
        }
      else if (*p == ':')
        name = ++p;
      else
        p++;
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
  finish_group (parser);

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
      static GRegex *regex;
      g_autofree char *range = finish_text (parser->sections[FIELD_RANGE]);
      g_autoptr(GMatchInfo) match = NULL;

      cached_regex (&regex, "[A-Z0-9]{1,2}\\s*[-–]\\s*[A-Z0-9]{1,2}", 0);
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
  parser.group_title = g_string_new (NULL);
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
  g_string_free (parser.group_title, TRUE);
  for (guint i = 0; i <= FIELD_PROFILE; i++)
    g_string_free (parser.sections[i], TRUE);
  for (guint i = 0; i < BAL_N_RULES; i++)
    g_string_free (parser.rules[i], TRUE);

  return result;
}

/* Reads the document at @path, refusing what cannot be one (see
 * bal_read_text_file()), and parses it; messages name it @file_name. */
BalImportResult *
bal_importer_parse_file (const char         *path,
                         const char         *file_name,
                         const char * const *grades)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  BalImportResult *result;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (file_name == NULL)
    file_name = path;

  contents = bal_read_text_file (path, BAL_IMPORTER_MAX_SIZE, &length, &error);
  if (contents != NULL)
    return bal_importer_parse (file_name, contents, length, grades);

  result = g_new0 (BalImportResult, 1);
  result->references = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_reference_doc_free);
  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_message_free);
  g_ptr_array_add (result->errors, bal_import_message_new (file_name, 0, error->message));

  return result;
}
