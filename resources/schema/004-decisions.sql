-- Schema step 4: decisions (indelingsbesluiten). A revision is a new row; rows never change.
CREATE TABLE decision (
  id              INTEGER PRIMARY KEY,
  job_id          INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  reference_code  TEXT NOT NULL,
  reference_title TEXT NOT NULL DEFAULT '',
  grade           TEXT NOT NULL,
  proposed_grade  TEXT NOT NULL DEFAULT '',
  verdict         TEXT NOT NULL CHECK (verdict IN ('lighter', 'equal', 'heavier')),
  proposed_verdict TEXT NOT NULL DEFAULT '',
  justification   TEXT NOT NULL CHECK (length (trim (justification)) > 0),
  -- Why the decision departs from the proposed grade or verdicts; empty when it follows them.
  departure       TEXT NOT NULL DEFAULT '',
  evaluator       TEXT NOT NULL DEFAULT '',
  decided         TEXT NOT NULL,
  supersedes      INTEGER REFERENCES decision (id)
);

CREATE TABLE decision_verdict (
  decision_id       INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  characteristic_id TEXT NOT NULL,
  job_level         INTEGER,
  reference_level   INTEGER,
  proposed_verdict  TEXT NOT NULL DEFAULT '',
  verdict           TEXT NOT NULL CHECK (verdict IN ('lighter', 'equal', 'heavier')),
  note              TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (decision_id, characteristic_id)
);

CREATE TRIGGER decision_is_final BEFORE UPDATE ON decision
BEGIN
  SELECT RAISE (ABORT, 'a decision is never changed: record a revision');
END;

CREATE TRIGGER decision_verdict_is_final BEFORE UPDATE ON decision_verdict
BEGIN
  SELECT RAISE (ABORT, 'a decision is never changed: record a revision');
END;
