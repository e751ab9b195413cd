-- Schema step 2: the handbook the project grades against.
CREATE TABLE handbook (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  name    TEXT NOT NULL,
  sector  TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT ''
);

CREATE TABLE grade (
  position INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE
);

CREATE TABLE characteristic (
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  levels   INTEGER NOT NULL CHECK (levels > 0)
);

CREATE TABLE characteristic_level (
  characteristic_id TEXT NOT NULL REFERENCES characteristic (id) ON DELETE CASCADE,
  level             INTEGER NOT NULL,
  description       TEXT NOT NULL,
  PRIMARY KEY (characteristic_id, level)
);

CREATE TABLE family (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE reference_function (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  family_id       INTEGER REFERENCES family (id),
  grade           TEXT NOT NULL,
  grade_range     TEXT NOT NULL DEFAULT '',
  position        TEXT NOT NULL DEFAULT '',
  purpose         TEXT NOT NULL DEFAULT '',
  complexity      TEXT NOT NULL DEFAULT '',
  autonomy        TEXT NOT NULL DEFAULT '',
  risk            TEXT NOT NULL DEFAULT '',
  physical        TEXT NOT NULL DEFAULT '',
  context         TEXT NOT NULL DEFAULT '',
  knowledge_level TEXT NOT NULL DEFAULT '',
  span_min        INTEGER NOT NULL DEFAULT 0,
  span_max        INTEGER NOT NULL DEFAULT 0,
  source_file     TEXT NOT NULL DEFAULT '',
  source_line     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE alternative_title (
  reference_id INTEGER NOT NULL REFERENCES reference_function (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  title        TEXT NOT NULL,
  PRIMARY KEY (reference_id, position)
);

CREATE TABLE activity_group (
  id           INTEGER PRIMARY KEY,
  reference_id INTEGER NOT NULL REFERENCES reference_function (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  label        TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE activity (
  group_id INTEGER NOT NULL REFERENCES activity_group (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (group_id, position)
);

CREATE TABLE application_rule (
  reference_id INTEGER NOT NULL REFERENCES reference_function (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('lighter', 'equal', 'heavier')),
  condition    TEXT NOT NULL DEFAULT '',
  grade        TEXT NOT NULL,
  guessed      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (reference_id, kind)
);

CREATE TABLE reference_profile (
  reference_id      INTEGER NOT NULL REFERENCES reference_function (id) ON DELETE CASCADE,
  characteristic_id TEXT NOT NULL REFERENCES characteristic (id) ON DELETE CASCADE,
  level             INTEGER NOT NULL,
  derived           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (reference_id, characteristic_id)
);

-- Kept in step by the code that writes reference functions; rowid = reference_function.id.
-- Trigrams find words inside Dutch compounds ("monteur" in "servicemonteur");
-- the text is stored folded (lower case, no diacritics) by balans_fold().
CREATE VIRTUAL TABLE reference_fts USING fts5 (
  title, alternative_titles, purpose, activities,
  tokenize = 'trigram'
);
