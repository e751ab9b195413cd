-- Schema step 5: review (statuses, remarks, objections) and the audit log.

-- The status history of a job; its status is the latest row (none: draft).
CREATE TABLE job_status (
  id     INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'adopted', 'objected', 'upheld', 'revised')),
  note   TEXT NOT NULL DEFAULT '',
  actor  TEXT NOT NULL DEFAULT '',
  at     TEXT NOT NULL
);

CREATE TABLE remark (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  author      TEXT NOT NULL CHECK (length (trim (author)) > 0),
  role        TEXT NOT NULL CHECK (role IN ('works-council', 'manager', 'employee', 'evaluator')),
  text        TEXT NOT NULL CHECK (length (trim (text)) > 0),
  created     TEXT NOT NULL,
  resolved    TEXT,
  resolved_by TEXT NOT NULL DEFAULT ''
);

-- Append-only: filled by the triggers below, each row chained to the one
-- before by its hash (balans_audit_hash, registered by Balans on every
-- connection; the sqlite3 shell lacks it, so it cannot write the audited
-- tables without breaking the chain's rules).
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_key    TEXT NOT NULL,
  job_id     INTEGER,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_value  TEXT,
  new_value  TEXT,
  hash       TEXT NOT NULL
);

CREATE INDEX audit_log_job ON audit_log (job_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_job_insert AFTER INSERT ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, NEW.id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, json_object('title', NEW.title, 'department', NEW.department, 'reports_to', NEW.reports_to, 'incumbents', NEW.incumbents, 'deleted', NEW.deleted) AS new_value) AS e;
END;

CREATE TRIGGER audit_job_update AFTER UPDATE ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, NEW.id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, json_object('title', OLD.title, 'department', OLD.department, 'reports_to', OLD.reports_to, 'incumbents', OLD.incumbents, 'deleted', OLD.deleted) AS old_value, json_object('title', NEW.title, 'department', NEW.department, 'reports_to', NEW.reports_to, 'incumbents', NEW.incumbents, 'deleted', NEW.deleted) AS new_value) AS e;
END;

CREATE TRIGGER audit_job_delete AFTER DELETE ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, OLD.id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, json_object('title', OLD.title, 'department', OLD.department, 'reports_to', OLD.reports_to, 'incumbents', OLD.incumbents, 'deleted', OLD.deleted) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_answer_insert AFTER INSERT ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'answer', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.job_id || '/' || NEW.question_id AS TEXT) AS row_key, NULL AS old_value, json_object('question', NEW.question_id, 'option', NEW.option_id, 'evidence', NEW.evidence) AS new_value) AS e;
END;

CREATE TRIGGER audit_answer_update AFTER UPDATE ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'answer', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.job_id || '/' || NEW.question_id AS TEXT) AS row_key, json_object('question', OLD.question_id, 'option', OLD.option_id, 'evidence', OLD.evidence) AS old_value, json_object('question', NEW.question_id, 'option', NEW.option_id, 'evidence', NEW.evidence) AS new_value) AS e;
END;

CREATE TRIGGER audit_answer_delete AFTER DELETE ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'answer', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.job_id || '/' || OLD.question_id AS TEXT) AS row_key, json_object('question', OLD.question_id, 'option', OLD.option_id, 'evidence', OLD.evidence) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_decision_insert AFTER INSERT ON decision
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'decision', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'decision', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, json_object('reference', NEW.reference_code, 'grade', NEW.grade, 'verdict', NEW.verdict, 'justification', NEW.justification, 'departure', NEW.departure, 'evaluator', NEW.evaluator) AS new_value) AS e;
END;

CREATE TRIGGER audit_job_status_insert AFTER INSERT ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job_status', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, json_object('status', NEW.status, 'note', NEW.note) AS new_value) AS e;
END;

CREATE TRIGGER audit_job_status_update AFTER UPDATE ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job_status', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, json_object('status', OLD.status, 'note', OLD.note) AS old_value, json_object('status', NEW.status, 'note', NEW.note) AS new_value) AS e;
END;

CREATE TRIGGER audit_job_status_delete AFTER DELETE ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job_status', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, json_object('status', OLD.status, 'note', OLD.note) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_remark_insert AFTER INSERT ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'remark', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, json_object('role', NEW.role, 'author', NEW.author, 'text', NEW.text, 'resolved', NEW.resolved) AS new_value) AS e;
END;

CREATE TRIGGER audit_remark_update AFTER UPDATE ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'remark', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, json_object('role', OLD.role, 'author', OLD.author, 'text', OLD.text, 'resolved', OLD.resolved) AS old_value, json_object('role', NEW.role, 'author', NEW.author, 'text', NEW.text, 'resolved', NEW.resolved) AS new_value) AS e;
END;

CREATE TRIGGER audit_remark_delete AFTER DELETE ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'remark', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, json_object('role', OLD.role, 'author', OLD.author, 'text', OLD.text, 'resolved', OLD.resolved) AS old_value, NULL AS new_value) AS e;
END;
