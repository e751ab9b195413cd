-- Schema step 3: the questionnaire of the method, jobs and their answers.
CREATE TABLE question (
  id                TEXT PRIMARY KEY,
  position          INTEGER NOT NULL,
  characteristic_id TEXT NOT NULL REFERENCES characteristic (id),
  text              TEXT NOT NULL,
  help              TEXT NOT NULL DEFAULT '',
  fact              TEXT NOT NULL DEFAULT ''
);

CREATE TABLE question_option (
  question_id TEXT NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  level       INTEGER NOT NULL,
  text        TEXT NOT NULL,
  fact_value  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (question_id, id)
);

CREATE TABLE job (
  id                 INTEGER PRIMARY KEY,
  title              TEXT NOT NULL CHECK (length (trim (title)) > 0),
  department         TEXT NOT NULL DEFAULT '',
  reports_to         INTEGER REFERENCES job (id) ON DELETE SET NULL,
  incumbents         INTEGER NOT NULL DEFAULT 1 CHECK (incumbents >= 0),
  description        TEXT NOT NULL DEFAULT '',
  activities         TEXT NOT NULL DEFAULT '',
  questionnaire_step INTEGER NOT NULL DEFAULT 0,
  created            TEXT NOT NULL,
  modified           TEXT NOT NULL,
  -- Set when deleted, so that the deletion can be undone; purged when the project is next opened.
  deleted            TEXT
);

CREATE TABLE answer (
  job_id      INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  question_id TEXT NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  option_id   TEXT NOT NULL,
  evidence    TEXT NOT NULL DEFAULT '',
  answered    TEXT NOT NULL,
  PRIMARY KEY (job_id, question_id)
);

CREATE TABLE dismissed_hint (
  job_id      INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  option_id   TEXT NOT NULL,
  PRIMARY KEY (job_id, question_id, option_id)
);
