-- Schema step 6: integrity. Written by build-aux/gen-audit.py: edit that, not this.
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

DROP TRIGGER audit_job_insert;
CREATE TRIGGER audit_job_insert AFTER INSERT ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, NEW.id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('title', NEW.title, 'department', NEW.department, 'reports_to', NEW.reports_to, 'incumbents', NEW.incumbents, 'deleted', NEW.deleted) AS new_value) AS e;
END;

DROP TRIGGER audit_job_update;
CREATE TRIGGER audit_job_update AFTER UPDATE ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, NEW.id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('title', OLD.title, 'department', OLD.department, 'reports_to', OLD.reports_to, 'incumbents', OLD.incumbents, 'deleted', OLD.deleted) AS old_value, balans_json ('title', NEW.title, 'department', NEW.department, 'reports_to', NEW.reports_to, 'incumbents', NEW.incumbents, 'deleted', NEW.deleted) AS new_value) AS e;
END;

DROP TRIGGER audit_job_delete;
CREATE TRIGGER audit_job_delete AFTER DELETE ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, OLD.id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('title', OLD.title, 'department', OLD.department, 'reports_to', OLD.reports_to, 'incumbents', OLD.incumbents, 'deleted', OLD.deleted) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_answer_insert;
CREATE TRIGGER audit_answer_insert AFTER INSERT ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'answer', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.job_id || '/' || NEW.question_id AS TEXT) AS row_key, NULL AS old_value, balans_json ('question', NEW.question_id, 'option', NEW.option_id, 'evidence', NEW.evidence) AS new_value) AS e;
END;

DROP TRIGGER audit_answer_update;
CREATE TRIGGER audit_answer_update AFTER UPDATE ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'answer', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.job_id || '/' || NEW.question_id AS TEXT) AS row_key, balans_json ('question', OLD.question_id, 'option', OLD.option_id, 'evidence', OLD.evidence) AS old_value, balans_json ('question', NEW.question_id, 'option', NEW.option_id, 'evidence', NEW.evidence) AS new_value) AS e;
END;

DROP TRIGGER audit_answer_delete;
CREATE TRIGGER audit_answer_delete AFTER DELETE ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'answer', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.job_id || '/' || OLD.question_id AS TEXT) AS row_key, balans_json ('question', OLD.question_id, 'option', OLD.option_id, 'evidence', OLD.evidence) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_decision_insert;
CREATE TRIGGER audit_decision_insert AFTER INSERT ON decision
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'decision', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'decision', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('reference', NEW.reference_code, 'grade', NEW.grade, 'verdict', NEW.verdict, 'justification', NEW.justification, 'departure', NEW.departure, 'evaluator', NEW.evaluator) AS new_value) AS e;
END;

DROP TRIGGER audit_job_status_insert;
CREATE TRIGGER audit_job_status_insert AFTER INSERT ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job_status', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('status', NEW.status, 'note', NEW.note) AS new_value) AS e;
END;

DROP TRIGGER audit_job_status_update;
CREATE TRIGGER audit_job_status_update AFTER UPDATE ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job_status', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('status', OLD.status, 'note', OLD.note) AS old_value, balans_json ('status', NEW.status, 'note', NEW.note) AS new_value) AS e;
END;

DROP TRIGGER audit_job_status_delete;
CREATE TRIGGER audit_job_status_delete AFTER DELETE ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'job_status', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('status', OLD.status, 'note', OLD.note) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_remark_insert;
CREATE TRIGGER audit_remark_insert AFTER INSERT ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'remark', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('role', NEW.role, 'author', NEW.author, 'text', NEW.text, 'resolved', NEW.resolved) AS new_value) AS e;
END;

DROP TRIGGER audit_remark_update;
CREATE TRIGGER audit_remark_update AFTER UPDATE ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'remark', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('role', OLD.role, 'author', OLD.author, 'text', OLD.text, 'resolved', OLD.resolved) AS old_value, balans_json ('role', NEW.role, 'author', NEW.author, 'text', NEW.text, 'resolved', NEW.resolved) AS new_value) AS e;
END;

DROP TRIGGER audit_remark_delete;
CREATE TRIGGER audit_remark_delete AFTER DELETE ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'remark', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('role', OLD.role, 'author', OLD.author, 'text', OLD.text, 'resolved', OLD.resolved) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_decision_verdict_insert AFTER INSERT ON decision_verdict
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'decision_verdict', e.row_key, (SELECT job_id FROM decision WHERE id = NEW.decision_id), 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'decision_verdict', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.decision_id || '/' || NEW.characteristic_id AS TEXT) AS row_key, NULL AS old_value, balans_json ('job_level', NEW.job_level, 'reference_level', NEW.reference_level, 'proposed_verdict', NEW.proposed_verdict, 'verdict', NEW.verdict, 'note', NEW.note) AS new_value) AS e;
END;

CREATE TRIGGER audit_decision_verdict_delete AFTER DELETE ON decision_verdict
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'decision_verdict', e.row_key, (SELECT job_id FROM decision WHERE id = OLD.decision_id), 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'decision_verdict', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.decision_id || '/' || OLD.characteristic_id AS TEXT) AS row_key, balans_json ('job_level', OLD.job_level, 'reference_level', OLD.reference_level, 'proposed_verdict', OLD.proposed_verdict, 'verdict', OLD.verdict, 'note', OLD.note) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_project_insert AFTER INSERT ON project
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'project', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'project', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('review_copy', NEW.review_copy) AS new_value) AS e;
END;

CREATE TRIGGER audit_project_update AFTER UPDATE OF review_copy ON project
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'project', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'project', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('review_copy', OLD.review_copy) AS old_value, balans_json ('review_copy', NEW.review_copy) AS new_value) AS e;
END;

CREATE TRIGGER audit_handbook_insert AFTER INSERT ON handbook
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'handbook', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'handbook', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('name', NEW.name, 'sector', NEW.sector, 'version', NEW.version) AS new_value) AS e;
END;

CREATE TRIGGER audit_handbook_update AFTER UPDATE ON handbook
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'handbook', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'handbook', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'sector', OLD.sector, 'version', OLD.version) AS old_value, balans_json ('name', NEW.name, 'sector', NEW.sector, 'version', NEW.version) AS new_value) AS e;
END;

CREATE TRIGGER audit_handbook_delete AFTER DELETE ON handbook
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'handbook', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'handbook', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'sector', OLD.sector, 'version', OLD.version) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_grade_insert AFTER INSERT ON grade
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'grade', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'grade', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.position AS TEXT) AS row_key, NULL AS old_value, balans_json ('name', NEW.name) AS new_value) AS e;
END;

CREATE TRIGGER audit_grade_update AFTER UPDATE ON grade
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'grade', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'grade', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.position AS TEXT) AS row_key, balans_json ('name', OLD.name) AS old_value, balans_json ('name', NEW.name) AS new_value) AS e;
END;

CREATE TRIGGER audit_grade_delete AFTER DELETE ON grade
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'grade', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'grade', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.position AS TEXT) AS row_key, balans_json ('name', OLD.name) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_characteristic_insert AFTER INSERT ON characteristic
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'characteristic', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('position', NEW.position, 'name', NEW.name, 'levels', NEW.levels) AS new_value) AS e;
END;

CREATE TRIGGER audit_characteristic_update AFTER UPDATE ON characteristic
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'characteristic', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'name', OLD.name, 'levels', OLD.levels) AS old_value, balans_json ('position', NEW.position, 'name', NEW.name, 'levels', NEW.levels) AS new_value) AS e;
END;

CREATE TRIGGER audit_characteristic_delete AFTER DELETE ON characteristic
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'characteristic', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'name', OLD.name, 'levels', OLD.levels) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_characteristic_level_insert AFTER INSERT ON characteristic_level
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic_level', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'characteristic_level', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.characteristic_id || '/' || NEW.level AS TEXT) AS row_key, NULL AS old_value, balans_json ('description', NEW.description) AS new_value) AS e;
END;

CREATE TRIGGER audit_characteristic_level_update AFTER UPDATE ON characteristic_level
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic_level', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'characteristic_level', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.characteristic_id || '/' || NEW.level AS TEXT) AS row_key, balans_json ('description', OLD.description) AS old_value, balans_json ('description', NEW.description) AS new_value) AS e;
END;

CREATE TRIGGER audit_characteristic_level_delete AFTER DELETE ON characteristic_level
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic_level', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'characteristic_level', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.characteristic_id || '/' || OLD.level AS TEXT) AS row_key, balans_json ('description', OLD.description) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_family_insert AFTER INSERT ON family
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'family', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'family', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('name', NEW.name, 'position', NEW.position) AS new_value) AS e;
END;

CREATE TRIGGER audit_family_update AFTER UPDATE ON family
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'family', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'family', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'position', OLD.position) AS old_value, balans_json ('name', NEW.name, 'position', NEW.position) AS new_value) AS e;
END;

CREATE TRIGGER audit_family_delete AFTER DELETE ON family
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'family', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'family', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'position', OLD.position) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_reference_function_insert AFTER INSERT ON reference_function
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_function', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'reference_function', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('code', NEW.code, 'title', NEW.title, 'family_id', NEW.family_id, 'grade', NEW.grade, 'grade_range', NEW.grade_range, 'position', NEW.position, 'purpose', NEW.purpose, 'complexity', NEW.complexity, 'autonomy', NEW.autonomy, 'risk', NEW.risk, 'physical', NEW.physical, 'context', NEW.context, 'knowledge_level', NEW.knowledge_level, 'span_min', NEW.span_min, 'span_max', NEW.span_max) AS new_value) AS e;
END;

CREATE TRIGGER audit_reference_function_update AFTER UPDATE ON reference_function
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_function', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'reference_function', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('code', OLD.code, 'title', OLD.title, 'family_id', OLD.family_id, 'grade', OLD.grade, 'grade_range', OLD.grade_range, 'position', OLD.position, 'purpose', OLD.purpose, 'complexity', OLD.complexity, 'autonomy', OLD.autonomy, 'risk', OLD.risk, 'physical', OLD.physical, 'context', OLD.context, 'knowledge_level', OLD.knowledge_level, 'span_min', OLD.span_min, 'span_max', OLD.span_max) AS old_value, balans_json ('code', NEW.code, 'title', NEW.title, 'family_id', NEW.family_id, 'grade', NEW.grade, 'grade_range', NEW.grade_range, 'position', NEW.position, 'purpose', NEW.purpose, 'complexity', NEW.complexity, 'autonomy', NEW.autonomy, 'risk', NEW.risk, 'physical', NEW.physical, 'context', NEW.context, 'knowledge_level', NEW.knowledge_level, 'span_min', NEW.span_min, 'span_max', NEW.span_max) AS new_value) AS e;
END;

CREATE TRIGGER audit_reference_function_delete AFTER DELETE ON reference_function
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_function', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'reference_function', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('code', OLD.code, 'title', OLD.title, 'family_id', OLD.family_id, 'grade', OLD.grade, 'grade_range', OLD.grade_range, 'position', OLD.position, 'purpose', OLD.purpose, 'complexity', OLD.complexity, 'autonomy', OLD.autonomy, 'risk', OLD.risk, 'physical', OLD.physical, 'context', OLD.context, 'knowledge_level', OLD.knowledge_level, 'span_min', OLD.span_min, 'span_max', OLD.span_max) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_alternative_title_insert AFTER INSERT ON alternative_title
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'alternative_title', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'alternative_title', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.position AS TEXT) AS row_key, NULL AS old_value, balans_json ('title', NEW.title) AS new_value) AS e;
END;

CREATE TRIGGER audit_alternative_title_update AFTER UPDATE ON alternative_title
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'alternative_title', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'alternative_title', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.position AS TEXT) AS row_key, balans_json ('title', OLD.title) AS old_value, balans_json ('title', NEW.title) AS new_value) AS e;
END;

CREATE TRIGGER audit_alternative_title_delete AFTER DELETE ON alternative_title
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'alternative_title', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'alternative_title', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.reference_id || '/' || OLD.position AS TEXT) AS row_key, balans_json ('title', OLD.title) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_activity_group_insert AFTER INSERT ON activity_group
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity_group', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'activity_group', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('reference_id', NEW.reference_id, 'position', NEW.position, 'label', NEW.label, 'title', NEW.title) AS new_value) AS e;
END;

CREATE TRIGGER audit_activity_group_update AFTER UPDATE ON activity_group
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity_group', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'activity_group', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('reference_id', OLD.reference_id, 'position', OLD.position, 'label', OLD.label, 'title', OLD.title) AS old_value, balans_json ('reference_id', NEW.reference_id, 'position', NEW.position, 'label', NEW.label, 'title', NEW.title) AS new_value) AS e;
END;

CREATE TRIGGER audit_activity_group_delete AFTER DELETE ON activity_group
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity_group', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'activity_group', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('reference_id', OLD.reference_id, 'position', OLD.position, 'label', OLD.label, 'title', OLD.title) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_activity_insert AFTER INSERT ON activity
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'activity', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.group_id || '/' || NEW.position AS TEXT) AS row_key, NULL AS old_value, balans_json ('text', NEW.text) AS new_value) AS e;
END;

CREATE TRIGGER audit_activity_update AFTER UPDATE ON activity
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'activity', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.group_id || '/' || NEW.position AS TEXT) AS row_key, balans_json ('text', OLD.text) AS old_value, balans_json ('text', NEW.text) AS new_value) AS e;
END;

CREATE TRIGGER audit_activity_delete AFTER DELETE ON activity
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'activity', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.group_id || '/' || OLD.position AS TEXT) AS row_key, balans_json ('text', OLD.text) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_application_rule_insert AFTER INSERT ON application_rule
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'application_rule', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'application_rule', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.kind AS TEXT) AS row_key, NULL AS old_value, balans_json ('condition', NEW.condition, 'grade', NEW.grade, 'guessed', NEW.guessed) AS new_value) AS e;
END;

CREATE TRIGGER audit_application_rule_update AFTER UPDATE ON application_rule
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'application_rule', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'application_rule', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.kind AS TEXT) AS row_key, balans_json ('condition', OLD.condition, 'grade', OLD.grade, 'guessed', OLD.guessed) AS old_value, balans_json ('condition', NEW.condition, 'grade', NEW.grade, 'guessed', NEW.guessed) AS new_value) AS e;
END;

CREATE TRIGGER audit_application_rule_delete AFTER DELETE ON application_rule
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'application_rule', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'application_rule', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.reference_id || '/' || OLD.kind AS TEXT) AS row_key, balans_json ('condition', OLD.condition, 'grade', OLD.grade, 'guessed', OLD.guessed) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_reference_profile_insert AFTER INSERT ON reference_profile
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_profile', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'reference_profile', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.characteristic_id AS TEXT) AS row_key, NULL AS old_value, balans_json ('level', NEW.level, 'derived', NEW.derived) AS new_value) AS e;
END;

CREATE TRIGGER audit_reference_profile_update AFTER UPDATE ON reference_profile
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_profile', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'reference_profile', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.characteristic_id AS TEXT) AS row_key, balans_json ('level', OLD.level, 'derived', OLD.derived) AS old_value, balans_json ('level', NEW.level, 'derived', NEW.derived) AS new_value) AS e;
END;

CREATE TRIGGER audit_reference_profile_delete AFTER DELETE ON reference_profile
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_profile', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'reference_profile', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.reference_id || '/' || OLD.characteristic_id AS TEXT) AS row_key, balans_json ('level', OLD.level, 'derived', OLD.derived) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_question_insert AFTER INSERT ON question
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'question', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('position', NEW.position, 'characteristic_id', NEW.characteristic_id, 'text', NEW.text, 'help', NEW.help, 'fact', NEW.fact) AS new_value) AS e;
END;

CREATE TRIGGER audit_question_update AFTER UPDATE ON question
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'question', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'characteristic_id', OLD.characteristic_id, 'text', OLD.text, 'help', OLD.help, 'fact', OLD.fact) AS old_value, balans_json ('position', NEW.position, 'characteristic_id', NEW.characteristic_id, 'text', NEW.text, 'help', NEW.help, 'fact', NEW.fact) AS new_value) AS e;
END;

CREATE TRIGGER audit_question_delete AFTER DELETE ON question
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'question', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'characteristic_id', OLD.characteristic_id, 'text', OLD.text, 'help', OLD.help, 'fact', OLD.fact) AS old_value, NULL AS new_value) AS e;
END;

CREATE TRIGGER audit_question_option_insert AFTER INSERT ON question_option
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question_option', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'question_option', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.question_id || '/' || NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('position', NEW.position, 'level', NEW.level, 'text', NEW.text, 'fact_value', NEW.fact_value) AS new_value) AS e;
END;

CREATE TRIGGER audit_question_option_update AFTER UPDATE ON question_option
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question_option', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'question_option', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.question_id || '/' || NEW.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'level', OLD.level, 'text', OLD.text, 'fact_value', OLD.fact_value) AS old_value, balans_json ('position', NEW.position, 'level', NEW.level, 'text', NEW.text, 'fact_value', NEW.fact_value) AS new_value) AS e;
END;

CREATE TRIGGER audit_question_option_delete AFTER DELETE ON question_option
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question_option', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                            e.at, e.actor, 'question_option', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.question_id || '/' || OLD.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'level', OLD.level, 'text', OLD.text, 'fact_value', OLD.fact_value) AS old_value, NULL AS new_value) AS e;
END;
