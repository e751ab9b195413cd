#!/usr/bin/env python3
# gen-audit.py: writes the audit triggers of schema steps 6, 8 and 9 and the
# table of audited rows that bal-audit.c checks against the log, from one
# list, so that the log and its cross-check can never describe a row
# differently.
#
#   build-aux/gen-audit.py   (run from the project root; commit both outputs)

# table, key expression, job expression (or None), columns in the JSON,
# whether the triggers are new in step 6, and which actions are logged.
TABLES = [
    ("job", "CAST ({p}id AS TEXT)", "{p}id",
     ["title", "department", "reports_to", "incumbents", "deleted"], False, None),
    ("answer", "CAST ({p}job_id || '/' || {p}question_id AS TEXT)", "{p}job_id",
     [("question", "question_id"), ("option", "option_id"), "evidence"], False, None),
    ("decision", "CAST ({p}id AS TEXT)", "{p}job_id",
     [("reference", "reference_code"), "grade", "verdict", "justification", "departure", "evaluator"], False, ("insert",)),
    ("job_status", "CAST ({p}id AS TEXT)", "{p}job_id", ["status", "note"], False, None),
    ("remark", "CAST ({p}id AS TEXT)", "{p}job_id", ["role", "author", "text", "resolved"], False, None),
    ("decision_verdict", "CAST ({p}decision_id || '/' || {p}characteristic_id AS TEXT)",
     "(SELECT job_id FROM decision WHERE id = {p}decision_id)",
     ["job_level", "reference_level", "proposed_verdict", "verdict", "note"], True, ("insert", "delete")),
    ("project", "CAST ({p}id AS TEXT)", None, ["review_copy"], True, ("insert", "update")),
    ("handbook", "CAST ({p}id AS TEXT)", None, ["name", "sector", "version"], True, None),
    ("grade", "CAST ({p}position AS TEXT)", None, ["name"], True, None),
    ("characteristic", "CAST ({p}id AS TEXT)", None, ["position", "name", "levels"], True, None),
    ("characteristic_level", "CAST ({p}characteristic_id || '/' || {p}level AS TEXT)", None, ["description"], True, None),
    ("family", "CAST ({p}id AS TEXT)", None, ["name", "position"], True, None),
    ("reference_function", "CAST ({p}id AS TEXT)", None,
     ["code", "title", "family_id", "grade", "grade_range", "position", "purpose", "complexity",
      "autonomy", "risk", "physical", "context", "knowledge_level", "span_min", "span_max"], True, None),
    ("alternative_title", "CAST ({p}reference_id || '/' || {p}position AS TEXT)", None, ["title"], True, None),
    ("activity_group", "CAST ({p}id AS TEXT)", None, ["reference_id", "position", "label", "title"], True, None),
    ("activity", "CAST ({p}group_id || '/' || {p}position AS TEXT)", None, ["text"], True, None),
    ("application_rule", "CAST ({p}reference_id || '/' || {p}kind AS TEXT)", None, ["condition", "grade", "guessed"], True, None),
    ("reference_profile", "CAST ({p}reference_id || '/' || {p}characteristic_id AS TEXT)", None, ["level", "derived"], True, None),
    ("question", "CAST ({p}id AS TEXT)", None, ["position", "characteristic_id", "text", "help", "fact"], True, None),
    ("question_option", "CAST ({p}question_id || '/' || {p}id AS TEXT)", None,
     ["position", "level", "text", "fact_value"], True, None),
]


def plain_json(columns, p):
    parts = []
    for c in columns:
        key, col = (c, c) if isinstance(c, str) else c[:2]
        parts.append("'%s', %s%s" % (key, p, col))
    return "balans_json (%s)" % ", ".join(parts)


def json_expr(columns, p):
    # A column added by a later step is (key, column, default): a row that
    # still has the default is described as before the step, so that the
    # log of a file written before it still matches its rows.
    added = [c for c in columns if not isinstance(c, str) and len(c) == 3]
    if not added:
        return plain_json(columns, p)
    base = [c for c in columns if isinstance(c, str) or len(c) == 2]
    test = " AND ".join("%s%s IS %s" % (p, c[1], c[2]) for c in added)
    return "CASE WHEN %s THEN %s ELSE %s END" % (test, plain_json(base, p), plain_json(columns, p))


def changed(columns):
    # An update that changed none of the logged columns gets no entry.
    cols = [c if isinstance(c, str) else c[1] for c in columns]
    return "\nWHEN " + " OR ".join("OLD.%s IS NOT NEW.%s" % (c, c) for c in cols)


def trigger(table, key, job, columns, action, only_changes=False, one_row=False):
    row = "OLD." if action == "delete" else "NEW."
    when = "AFTER UPDATE OF review_copy" if (table == "project" and action == "update") else "AFTER " + action.upper()
    if only_changes and action == "update":
        when += " ON %s%s" % (table, changed(columns))
    else:
        when += " ON " + table
    old = "NULL" if action == "insert" else json_expr(columns, "OLD.")
    new = "NULL" if action == "delete" else json_expr(columns, "NEW.")
    job_sql = job.format(p=row) if job else "NULL"
    if one_row:
        # The hash before from balans_audit_head(), a statement of its own:
        # the SELECT of the steps before read audit_log itself, so SQLite
        # made a temporary table for every entry to hold its row before
        # inserting it.
        prev = "balans_audit_head ()"
    else:
        prev = "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)"
    return f"""CREATE TRIGGER audit_{table}_{action} {when}
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, '{table}', e.row_key, {job_sql}, '{action}', e.old_value, e.new_value,
         balans_audit_hash ({prev},
                            e.at, e.actor, '{table}', e.row_key, '{action}', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               {key.format(p=row)} AS row_key, {old} AS old_value, {new} AS new_value) AS e;
END;
"""


HEADER = """-- Schema step 6: integrity. Written by build-aux/gen-audit.py: edit that, not this.
--
-- The triggers of step 5 are made anew with balans_json(), which Balans
-- marks harmless, since SQLite's json_object() may not run in a trigger of
-- a file that is not trusted (PRAGMA trusted_schema = OFF).
--
-- Every change to the handbook, the questionnaire, jobs, answers, decisions
-- with their verdicts, statuses and remarks is in the audit log; every
-- transaction's last log row is sealed with its author's Ed25519 key
-- (audit_seal, over the project's uuid and the row's chained hash); the
-- public keys and the names they belong to are in signer. A project marked
-- as a review copy opens in review mode in every Balans.

ALTER TABLE project ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN review_copy INTEGER NOT NULL DEFAULT 0 CHECK (review_copy IN (0, 1));
UPDATE project SET uuid = lower (hex (randomblob (16))) WHERE uuid = '';

CREATE INDEX audit_log_row ON audit_log (table_name, row_key);

CREATE TABLE signer (
  fingerprint TEXT NOT NULL,
  name        TEXT NOT NULL,
  public_key  BLOB NOT NULL CHECK (length (public_key) = 32),
  PRIMARY KEY (fingerprint, name)
);

-- kind 'edit': the signer wrote the entries since the seal before;
-- 'upgrade': the signer brought an older file up to date and vouches for
-- the entries it had, whoever wrote them.
CREATE TABLE audit_seal (
  audit_id    INTEGER PRIMARY KEY REFERENCES audit_log (id),
  kind        TEXT NOT NULL CHECK (kind IN ('edit', 'upgrade')),
  fingerprint TEXT NOT NULL,
  signature   BLOB NOT NULL CHECK (length (signature) = 64),
  at          TEXT NOT NULL
);

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

"""


# Step 8 adds columns to two audited tables, and new audited tables.
ADDED_8 = {
    "job_status": [("role", "role", "''")],
    "decision": [("role", "evaluator_role", "''"), ("description", "description_id", "NULL")],
}

TABLES_8 = [
    ("method_rule", "CAST ({p}id AS TEXT)", None, ["lesser", "completeness", "objection_period"], True, None),
    ("salary_scale", "CAST ({p}grade AS TEXT)", None, ["name", "minimum", "maximum"], True, None),
    ("job_description", "CAST ({p}id AS TEXT)", "{p}job_id",
     ["version", "description", "activities", "author", "role"], True, None),
    ("description_signoff", "CAST ({p}description_id || '/' || {p}kind || '/' || {p}name AS TEXT)",
     "(SELECT job_id FROM job_description WHERE id = {p}description_id)", ["role", "at"], True, None),
    ("notice", "CAST ({p}id AS TEXT)", "{p}job_id",
     [("decision", "decision_id"), "issued", "deadline", "author", "role"], True, None),
    ("objection", "CAST ({p}id AS TEXT)", "{p}job_id",
     [("decision", "decision_id"), "against", "author", "role", "reasons", "lodged", "deadline",
      "committee_members", "committee_advice", "committee_date", "outcome", "outcome_note",
      "decided", "decided_by", "appeal"], True, None),
]

HEADER_8 = """-- Schema step 8: the whole procedure. Written by build-aux/gen-audit.py: edit that, not this.
--
-- People by name: every status names its author's role as well (remarks
-- did already; decisions name their evaluator's role). The method file's
-- rules and salary scales are the project's own. A job's description is
-- versioned; the employee signs a version as seen, the manager as agreed,
-- and a decision names the version it graded. A notice tells the holders
-- of a job their grade; an objection against a proposed or adopted grading
-- goes through the committee's advice to the employer's decision.
--
-- The update triggers are made anew so that an update that changed nothing
-- the log describes writes no entry.

ALTER TABLE job_status ADD COLUMN role TEXT NOT NULL DEFAULT '';

CREATE TABLE method_rule (
  -- No row: the defaults below. Written when a method file is stored or a rule is set.
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  lesser           TEXT NOT NULL DEFAULT 'physical',
  completeness     INTEGER NOT NULL DEFAULT 75 CHECK (completeness BETWEEN 1 AND 100),
  objection_period INTEGER NOT NULL DEFAULT 30 CHECK (objection_period BETWEEN 1 AND 365)
);

CREATE TABLE salary_scale (
  grade   TEXT PRIMARY KEY,
  name    TEXT NOT NULL CHECK (length (trim (name)) > 0),
  minimum REAL NOT NULL CHECK (minimum >= 0),
  maximum REAL NOT NULL CHECK (maximum >= minimum)
);

CREATE TABLE job_description (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version > 0),
  description TEXT NOT NULL DEFAULT '',
  activities  TEXT NOT NULL DEFAULT '',
  author      TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL DEFAULT '',
  created     TEXT NOT NULL,
  UNIQUE (job_id, version)
);

-- kind 'seen': an employee saw the version (voor gezien); 'agreed': the manager agreed to it (voor akkoord).
CREATE TABLE description_signoff (
  description_id INTEGER NOT NULL REFERENCES job_description (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('seen', 'agreed')),
  name           TEXT NOT NULL CHECK (length (trim (name)) > 0),
  role           TEXT NOT NULL DEFAULT '',
  at             TEXT NOT NULL,
  PRIMARY KEY (description_id, kind, name)
);

ALTER TABLE decision ADD COLUMN evaluator_role TEXT NOT NULL DEFAULT '';
ALTER TABLE decision ADD COLUMN description_id INTEGER REFERENCES job_description (id);

-- The notice (indelingsbrief) of a decision: its date and the last day to object.
CREATE TABLE notice (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  issued      TEXT NOT NULL,
  deadline    TEXT NOT NULL,
  author      TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL DEFAULT '',
  UNIQUE (decision_id)
);

CREATE INDEX notice_job ON notice (job_id);

-- An objection against a proposed or adopted grading. Open while outcome is NULL.
CREATE TABLE objection (
  id                INTEGER PRIMARY KEY,
  job_id            INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  decision_id       INTEGER REFERENCES decision (id),
  against           TEXT NOT NULL CHECK (against IN ('proposed', 'adopted')),
  author            TEXT NOT NULL CHECK (length (trim (author)) > 0),
  role              TEXT NOT NULL DEFAULT '',
  reasons           TEXT NOT NULL CHECK (length (trim (reasons)) > 0),
  lodged            TEXT NOT NULL,
  deadline          TEXT NOT NULL,
  committee_members TEXT NOT NULL DEFAULT '',
  committee_advice  TEXT NOT NULL DEFAULT '',
  committee_date    TEXT,
  outcome           TEXT CHECK (outcome IN ('upheld', 'revised')),
  outcome_note      TEXT NOT NULL DEFAULT '',
  decided           TEXT,
  decided_by        TEXT NOT NULL DEFAULT '',
  appeal            INTEGER NOT NULL DEFAULT 0 CHECK (appeal IN (0, 1))
);

CREATE INDEX objection_job ON objection (job_id);
CREATE INDEX job_description_job ON job_description (job_id);
CREATE INDEX decision_description ON decision (description_id);

"""


HEADER_9 = """-- Schema step 9: indexes by reference function, and the audit triggers made
-- anew without reading audit_log in their SELECT.
-- Written by build-aux/gen-audit.py: edit that, not this.
--
-- An index for every lookup by reference function, so that a reference's
-- activity groups are read, and a reference imported again is deleted with
-- its cascade, without a pass over every group of the handbook.
-- alternative_title, application_rule and reference_profile are found by
-- their primary keys, which begin with reference_id, and activity by its
-- primary key, which begins with group_id. A reference's profile is also
-- kept by characteristic: a characteristic stored again (the method file
-- imported again) updates its levels without a pass over every profile.
--
-- Every audit trigger writes the same entry as before, with the same hash,
-- and takes the hash before from balans_audit_head() instead of a subquery
-- of audit_log: a handbook import writes some 23 entries per reference
-- function, and the subquery made SQLite build a temporary table for each,
-- since the INSERT's own SELECT read the table it inserts into.

CREATE INDEX activity_group_reference ON activity_group (reference_id, position);
CREATE INDEX reference_profile_characteristic ON reference_profile (characteristic_id);

"""


def columns_8(table, columns):
    return columns + ADDED_8.get(table, [])


def main():
    sql = [HEADER]
    for table, key, job, columns, new, actions in TABLES:
        for action in actions or ("insert", "update", "delete"):
            if not new:
                sql.append("DROP TRIGGER audit_%s_%s;\n" % (table, action))
            sql.append(trigger(table, key, job, columns, action))
            sql.append("\n")
    with open("resources/schema/006-integrity.sql", "w") as f:
        f.write("".join(sql).rstrip("\n") + "\n")

    sql = [HEADER_8]
    for table, key, job, columns, new, actions in TABLES:
        for action in actions or ("insert", "update", "delete"):
            if action != "update" and table not in ADDED_8:
                continue
            sql.append("DROP TRIGGER audit_%s_%s;\n" % (table, action))
            sql.append(trigger(table, key, job, columns_8(table, columns), action, True))
            sql.append("\n")
    for table, key, job, columns, new, actions in TABLES_8:
        for action in actions or ("insert", "update", "delete"):
            sql.append(trigger(table, key, job, columns, action, True))
            sql.append("\n")
    with open("resources/schema/008-procedure.sql", "w") as f:
        f.write("".join(sql).rstrip("\n") + "\n")

    sql = [HEADER_9]
    for table, key, job, columns, new, actions in TABLES + TABLES_8:
        for action in actions or ("insert", "update", "delete"):
            sql.append("DROP TRIGGER audit_%s_%s;\n" % (table, action))
            sql.append(trigger(table, key, job, columns_8(table, columns), action, True, True))
            sql.append("\n")
    with open("resources/schema/009-reference-indexes.sql", "w") as f:
        f.write("".join(sql).rstrip("\n") + "\n")

    c = ["/* bal-audit-tables.h: the audited tables, as the triggers describe their rows.\n"
         " * Written by build-aux/gen-audit.py: edit that, not this. */\n\n"
         "static const struct\n{\n  const char *table;\n  const char *key;\n  const char *job;\n  const char *value;\n}"
         " audited_tables[] = {\n"]
    for table, key, job, columns, new, actions in TABLES + TABLES_8:
        jobexpr = job.format(p="") if job else "NULL"
        c.append('  { "%s",\n    "%s",\n    "%s",\n    "%s" },\n'
                 % (table, key.format(p=""), jobexpr.replace('"', '\\"'),
                    json_expr(columns_8(table, columns), "").replace('"', '\\"')))
    c.append("};\n")
    with open("app/core/bal-audit-tables.h", "w") as f:
        f.write("".join(c))


main()
