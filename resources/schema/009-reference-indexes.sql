-- Schema step 9: indexes by reference function, and the audit triggers made
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

DROP TRIGGER audit_job_insert;
CREATE TRIGGER audit_job_insert AFTER INSERT ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, NEW.id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('title', NEW.title, 'department', NEW.department, 'reports_to', NEW.reports_to, 'incumbents', NEW.incumbents, 'deleted', NEW.deleted) AS new_value) AS e;
END;

DROP TRIGGER audit_job_update;
CREATE TRIGGER audit_job_update AFTER UPDATE ON job
WHEN OLD.title IS NOT NEW.title OR OLD.department IS NOT NEW.department OR OLD.reports_to IS NOT NEW.reports_to OR OLD.incumbents IS NOT NEW.incumbents OR OLD.deleted IS NOT NEW.deleted
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, NEW.id, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('title', OLD.title, 'department', OLD.department, 'reports_to', OLD.reports_to, 'incumbents', OLD.incumbents, 'deleted', OLD.deleted) AS old_value, balans_json ('title', NEW.title, 'department', NEW.department, 'reports_to', NEW.reports_to, 'incumbents', NEW.incumbents, 'deleted', NEW.deleted) AS new_value) AS e;
END;

DROP TRIGGER audit_job_delete;
CREATE TRIGGER audit_job_delete AFTER DELETE ON job
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job', e.row_key, OLD.id, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('title', OLD.title, 'department', OLD.department, 'reports_to', OLD.reports_to, 'incumbents', OLD.incumbents, 'deleted', OLD.deleted) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_answer_insert;
CREATE TRIGGER audit_answer_insert AFTER INSERT ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'answer', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.job_id || '/' || NEW.question_id AS TEXT) AS row_key, NULL AS old_value, balans_json ('question', NEW.question_id, 'option', NEW.option_id, 'evidence', NEW.evidence) AS new_value) AS e;
END;

DROP TRIGGER audit_answer_update;
CREATE TRIGGER audit_answer_update AFTER UPDATE ON answer
WHEN OLD.question_id IS NOT NEW.question_id OR OLD.option_id IS NOT NEW.option_id OR OLD.evidence IS NOT NEW.evidence
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'answer', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.job_id || '/' || NEW.question_id AS TEXT) AS row_key, balans_json ('question', OLD.question_id, 'option', OLD.option_id, 'evidence', OLD.evidence) AS old_value, balans_json ('question', NEW.question_id, 'option', NEW.option_id, 'evidence', NEW.evidence) AS new_value) AS e;
END;

DROP TRIGGER audit_answer_delete;
CREATE TRIGGER audit_answer_delete AFTER DELETE ON answer
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'answer', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'answer', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.job_id || '/' || OLD.question_id AS TEXT) AS row_key, balans_json ('question', OLD.question_id, 'option', OLD.option_id, 'evidence', OLD.evidence) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_decision_insert;
CREATE TRIGGER audit_decision_insert AFTER INSERT ON decision
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'decision', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'decision', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, CASE WHEN NEW.evaluator_role IS '' AND NEW.description_id IS NULL THEN balans_json ('reference', NEW.reference_code, 'grade', NEW.grade, 'verdict', NEW.verdict, 'justification', NEW.justification, 'departure', NEW.departure, 'evaluator', NEW.evaluator) ELSE balans_json ('reference', NEW.reference_code, 'grade', NEW.grade, 'verdict', NEW.verdict, 'justification', NEW.justification, 'departure', NEW.departure, 'evaluator', NEW.evaluator, 'role', NEW.evaluator_role, 'description', NEW.description_id) END AS new_value) AS e;
END;

DROP TRIGGER audit_job_status_insert;
CREATE TRIGGER audit_job_status_insert AFTER INSERT ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job_status', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, CASE WHEN NEW.role IS '' THEN balans_json ('status', NEW.status, 'note', NEW.note) ELSE balans_json ('status', NEW.status, 'note', NEW.note, 'role', NEW.role) END AS new_value) AS e;
END;

DROP TRIGGER audit_job_status_update;
CREATE TRIGGER audit_job_status_update AFTER UPDATE ON job_status
WHEN OLD.status IS NOT NEW.status OR OLD.note IS NOT NEW.note OR OLD.role IS NOT NEW.role
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job_status', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, CASE WHEN OLD.role IS '' THEN balans_json ('status', OLD.status, 'note', OLD.note) ELSE balans_json ('status', OLD.status, 'note', OLD.note, 'role', OLD.role) END AS old_value, CASE WHEN NEW.role IS '' THEN balans_json ('status', NEW.status, 'note', NEW.note) ELSE balans_json ('status', NEW.status, 'note', NEW.note, 'role', NEW.role) END AS new_value) AS e;
END;

DROP TRIGGER audit_job_status_delete;
CREATE TRIGGER audit_job_status_delete AFTER DELETE ON job_status
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_status', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job_status', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, CASE WHEN OLD.role IS '' THEN balans_json ('status', OLD.status, 'note', OLD.note) ELSE balans_json ('status', OLD.status, 'note', OLD.note, 'role', OLD.role) END AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_remark_insert;
CREATE TRIGGER audit_remark_insert AFTER INSERT ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'remark', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('role', NEW.role, 'author', NEW.author, 'text', NEW.text, 'resolved', NEW.resolved) AS new_value) AS e;
END;

DROP TRIGGER audit_remark_update;
CREATE TRIGGER audit_remark_update AFTER UPDATE ON remark
WHEN OLD.role IS NOT NEW.role OR OLD.author IS NOT NEW.author OR OLD.text IS NOT NEW.text OR OLD.resolved IS NOT NEW.resolved
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'remark', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('role', OLD.role, 'author', OLD.author, 'text', OLD.text, 'resolved', OLD.resolved) AS old_value, balans_json ('role', NEW.role, 'author', NEW.author, 'text', NEW.text, 'resolved', NEW.resolved) AS new_value) AS e;
END;

DROP TRIGGER audit_remark_delete;
CREATE TRIGGER audit_remark_delete AFTER DELETE ON remark
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'remark', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'remark', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('role', OLD.role, 'author', OLD.author, 'text', OLD.text, 'resolved', OLD.resolved) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_decision_verdict_insert;
CREATE TRIGGER audit_decision_verdict_insert AFTER INSERT ON decision_verdict
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'decision_verdict', e.row_key, (SELECT job_id FROM decision WHERE id = NEW.decision_id), 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'decision_verdict', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.decision_id || '/' || NEW.characteristic_id AS TEXT) AS row_key, NULL AS old_value, balans_json ('job_level', NEW.job_level, 'reference_level', NEW.reference_level, 'proposed_verdict', NEW.proposed_verdict, 'verdict', NEW.verdict, 'note', NEW.note) AS new_value) AS e;
END;

DROP TRIGGER audit_decision_verdict_delete;
CREATE TRIGGER audit_decision_verdict_delete AFTER DELETE ON decision_verdict
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'decision_verdict', e.row_key, (SELECT job_id FROM decision WHERE id = OLD.decision_id), 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'decision_verdict', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.decision_id || '/' || OLD.characteristic_id AS TEXT) AS row_key, balans_json ('job_level', OLD.job_level, 'reference_level', OLD.reference_level, 'proposed_verdict', OLD.proposed_verdict, 'verdict', OLD.verdict, 'note', OLD.note) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_project_insert;
CREATE TRIGGER audit_project_insert AFTER INSERT ON project
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'project', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'project', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('review_copy', NEW.review_copy) AS new_value) AS e;
END;

DROP TRIGGER audit_project_update;
CREATE TRIGGER audit_project_update AFTER UPDATE OF review_copy ON project
WHEN OLD.review_copy IS NOT NEW.review_copy
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'project', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'project', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('review_copy', OLD.review_copy) AS old_value, balans_json ('review_copy', NEW.review_copy) AS new_value) AS e;
END;

DROP TRIGGER audit_handbook_insert;
CREATE TRIGGER audit_handbook_insert AFTER INSERT ON handbook
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'handbook', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'handbook', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('name', NEW.name, 'sector', NEW.sector, 'version', NEW.version) AS new_value) AS e;
END;

DROP TRIGGER audit_handbook_update;
CREATE TRIGGER audit_handbook_update AFTER UPDATE ON handbook
WHEN OLD.name IS NOT NEW.name OR OLD.sector IS NOT NEW.sector OR OLD.version IS NOT NEW.version
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'handbook', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'handbook', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'sector', OLD.sector, 'version', OLD.version) AS old_value, balans_json ('name', NEW.name, 'sector', NEW.sector, 'version', NEW.version) AS new_value) AS e;
END;

DROP TRIGGER audit_handbook_delete;
CREATE TRIGGER audit_handbook_delete AFTER DELETE ON handbook
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'handbook', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'handbook', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'sector', OLD.sector, 'version', OLD.version) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_grade_insert;
CREATE TRIGGER audit_grade_insert AFTER INSERT ON grade
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'grade', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'grade', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.position AS TEXT) AS row_key, NULL AS old_value, balans_json ('name', NEW.name) AS new_value) AS e;
END;

DROP TRIGGER audit_grade_update;
CREATE TRIGGER audit_grade_update AFTER UPDATE ON grade
WHEN OLD.name IS NOT NEW.name
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'grade', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'grade', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.position AS TEXT) AS row_key, balans_json ('name', OLD.name) AS old_value, balans_json ('name', NEW.name) AS new_value) AS e;
END;

DROP TRIGGER audit_grade_delete;
CREATE TRIGGER audit_grade_delete AFTER DELETE ON grade
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'grade', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'grade', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.position AS TEXT) AS row_key, balans_json ('name', OLD.name) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_characteristic_insert;
CREATE TRIGGER audit_characteristic_insert AFTER INSERT ON characteristic
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'characteristic', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('position', NEW.position, 'name', NEW.name, 'levels', NEW.levels) AS new_value) AS e;
END;

DROP TRIGGER audit_characteristic_update;
CREATE TRIGGER audit_characteristic_update AFTER UPDATE ON characteristic
WHEN OLD.position IS NOT NEW.position OR OLD.name IS NOT NEW.name OR OLD.levels IS NOT NEW.levels
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'characteristic', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'name', OLD.name, 'levels', OLD.levels) AS old_value, balans_json ('position', NEW.position, 'name', NEW.name, 'levels', NEW.levels) AS new_value) AS e;
END;

DROP TRIGGER audit_characteristic_delete;
CREATE TRIGGER audit_characteristic_delete AFTER DELETE ON characteristic
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'characteristic', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'name', OLD.name, 'levels', OLD.levels) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_characteristic_level_insert;
CREATE TRIGGER audit_characteristic_level_insert AFTER INSERT ON characteristic_level
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic_level', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'characteristic_level', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.characteristic_id || '/' || NEW.level AS TEXT) AS row_key, NULL AS old_value, balans_json ('description', NEW.description) AS new_value) AS e;
END;

DROP TRIGGER audit_characteristic_level_update;
CREATE TRIGGER audit_characteristic_level_update AFTER UPDATE ON characteristic_level
WHEN OLD.description IS NOT NEW.description
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic_level', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'characteristic_level', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.characteristic_id || '/' || NEW.level AS TEXT) AS row_key, balans_json ('description', OLD.description) AS old_value, balans_json ('description', NEW.description) AS new_value) AS e;
END;

DROP TRIGGER audit_characteristic_level_delete;
CREATE TRIGGER audit_characteristic_level_delete AFTER DELETE ON characteristic_level
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'characteristic_level', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'characteristic_level', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.characteristic_id || '/' || OLD.level AS TEXT) AS row_key, balans_json ('description', OLD.description) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_family_insert;
CREATE TRIGGER audit_family_insert AFTER INSERT ON family
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'family', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'family', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('name', NEW.name, 'position', NEW.position) AS new_value) AS e;
END;

DROP TRIGGER audit_family_update;
CREATE TRIGGER audit_family_update AFTER UPDATE ON family
WHEN OLD.name IS NOT NEW.name OR OLD.position IS NOT NEW.position
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'family', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'family', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'position', OLD.position) AS old_value, balans_json ('name', NEW.name, 'position', NEW.position) AS new_value) AS e;
END;

DROP TRIGGER audit_family_delete;
CREATE TRIGGER audit_family_delete AFTER DELETE ON family
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'family', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'family', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('name', OLD.name, 'position', OLD.position) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_reference_function_insert;
CREATE TRIGGER audit_reference_function_insert AFTER INSERT ON reference_function
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_function', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'reference_function', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('code', NEW.code, 'title', NEW.title, 'family_id', NEW.family_id, 'grade', NEW.grade, 'grade_range', NEW.grade_range, 'position', NEW.position, 'purpose', NEW.purpose, 'complexity', NEW.complexity, 'autonomy', NEW.autonomy, 'risk', NEW.risk, 'physical', NEW.physical, 'context', NEW.context, 'knowledge_level', NEW.knowledge_level, 'span_min', NEW.span_min, 'span_max', NEW.span_max) AS new_value) AS e;
END;

DROP TRIGGER audit_reference_function_update;
CREATE TRIGGER audit_reference_function_update AFTER UPDATE ON reference_function
WHEN OLD.code IS NOT NEW.code OR OLD.title IS NOT NEW.title OR OLD.family_id IS NOT NEW.family_id OR OLD.grade IS NOT NEW.grade OR OLD.grade_range IS NOT NEW.grade_range OR OLD.position IS NOT NEW.position OR OLD.purpose IS NOT NEW.purpose OR OLD.complexity IS NOT NEW.complexity OR OLD.autonomy IS NOT NEW.autonomy OR OLD.risk IS NOT NEW.risk OR OLD.physical IS NOT NEW.physical OR OLD.context IS NOT NEW.context OR OLD.knowledge_level IS NOT NEW.knowledge_level OR OLD.span_min IS NOT NEW.span_min OR OLD.span_max IS NOT NEW.span_max
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_function', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'reference_function', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('code', OLD.code, 'title', OLD.title, 'family_id', OLD.family_id, 'grade', OLD.grade, 'grade_range', OLD.grade_range, 'position', OLD.position, 'purpose', OLD.purpose, 'complexity', OLD.complexity, 'autonomy', OLD.autonomy, 'risk', OLD.risk, 'physical', OLD.physical, 'context', OLD.context, 'knowledge_level', OLD.knowledge_level, 'span_min', OLD.span_min, 'span_max', OLD.span_max) AS old_value, balans_json ('code', NEW.code, 'title', NEW.title, 'family_id', NEW.family_id, 'grade', NEW.grade, 'grade_range', NEW.grade_range, 'position', NEW.position, 'purpose', NEW.purpose, 'complexity', NEW.complexity, 'autonomy', NEW.autonomy, 'risk', NEW.risk, 'physical', NEW.physical, 'context', NEW.context, 'knowledge_level', NEW.knowledge_level, 'span_min', NEW.span_min, 'span_max', NEW.span_max) AS new_value) AS e;
END;

DROP TRIGGER audit_reference_function_delete;
CREATE TRIGGER audit_reference_function_delete AFTER DELETE ON reference_function
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_function', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'reference_function', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('code', OLD.code, 'title', OLD.title, 'family_id', OLD.family_id, 'grade', OLD.grade, 'grade_range', OLD.grade_range, 'position', OLD.position, 'purpose', OLD.purpose, 'complexity', OLD.complexity, 'autonomy', OLD.autonomy, 'risk', OLD.risk, 'physical', OLD.physical, 'context', OLD.context, 'knowledge_level', OLD.knowledge_level, 'span_min', OLD.span_min, 'span_max', OLD.span_max) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_alternative_title_insert;
CREATE TRIGGER audit_alternative_title_insert AFTER INSERT ON alternative_title
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'alternative_title', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'alternative_title', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.position AS TEXT) AS row_key, NULL AS old_value, balans_json ('title', NEW.title) AS new_value) AS e;
END;

DROP TRIGGER audit_alternative_title_update;
CREATE TRIGGER audit_alternative_title_update AFTER UPDATE ON alternative_title
WHEN OLD.title IS NOT NEW.title
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'alternative_title', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'alternative_title', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.position AS TEXT) AS row_key, balans_json ('title', OLD.title) AS old_value, balans_json ('title', NEW.title) AS new_value) AS e;
END;

DROP TRIGGER audit_alternative_title_delete;
CREATE TRIGGER audit_alternative_title_delete AFTER DELETE ON alternative_title
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'alternative_title', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'alternative_title', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.reference_id || '/' || OLD.position AS TEXT) AS row_key, balans_json ('title', OLD.title) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_activity_group_insert;
CREATE TRIGGER audit_activity_group_insert AFTER INSERT ON activity_group
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity_group', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'activity_group', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('reference_id', NEW.reference_id, 'position', NEW.position, 'label', NEW.label, 'title', NEW.title) AS new_value) AS e;
END;

DROP TRIGGER audit_activity_group_update;
CREATE TRIGGER audit_activity_group_update AFTER UPDATE ON activity_group
WHEN OLD.reference_id IS NOT NEW.reference_id OR OLD.position IS NOT NEW.position OR OLD.label IS NOT NEW.label OR OLD.title IS NOT NEW.title
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity_group', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'activity_group', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('reference_id', OLD.reference_id, 'position', OLD.position, 'label', OLD.label, 'title', OLD.title) AS old_value, balans_json ('reference_id', NEW.reference_id, 'position', NEW.position, 'label', NEW.label, 'title', NEW.title) AS new_value) AS e;
END;

DROP TRIGGER audit_activity_group_delete;
CREATE TRIGGER audit_activity_group_delete AFTER DELETE ON activity_group
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity_group', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'activity_group', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('reference_id', OLD.reference_id, 'position', OLD.position, 'label', OLD.label, 'title', OLD.title) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_activity_insert;
CREATE TRIGGER audit_activity_insert AFTER INSERT ON activity
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'activity', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.group_id || '/' || NEW.position AS TEXT) AS row_key, NULL AS old_value, balans_json ('text', NEW.text) AS new_value) AS e;
END;

DROP TRIGGER audit_activity_update;
CREATE TRIGGER audit_activity_update AFTER UPDATE ON activity
WHEN OLD.text IS NOT NEW.text
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'activity', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.group_id || '/' || NEW.position AS TEXT) AS row_key, balans_json ('text', OLD.text) AS old_value, balans_json ('text', NEW.text) AS new_value) AS e;
END;

DROP TRIGGER audit_activity_delete;
CREATE TRIGGER audit_activity_delete AFTER DELETE ON activity
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'activity', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'activity', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.group_id || '/' || OLD.position AS TEXT) AS row_key, balans_json ('text', OLD.text) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_application_rule_insert;
CREATE TRIGGER audit_application_rule_insert AFTER INSERT ON application_rule
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'application_rule', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'application_rule', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.kind AS TEXT) AS row_key, NULL AS old_value, balans_json ('condition', NEW.condition, 'grade', NEW.grade, 'guessed', NEW.guessed) AS new_value) AS e;
END;

DROP TRIGGER audit_application_rule_update;
CREATE TRIGGER audit_application_rule_update AFTER UPDATE ON application_rule
WHEN OLD.condition IS NOT NEW.condition OR OLD.grade IS NOT NEW.grade OR OLD.guessed IS NOT NEW.guessed
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'application_rule', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'application_rule', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.kind AS TEXT) AS row_key, balans_json ('condition', OLD.condition, 'grade', OLD.grade, 'guessed', OLD.guessed) AS old_value, balans_json ('condition', NEW.condition, 'grade', NEW.grade, 'guessed', NEW.guessed) AS new_value) AS e;
END;

DROP TRIGGER audit_application_rule_delete;
CREATE TRIGGER audit_application_rule_delete AFTER DELETE ON application_rule
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'application_rule', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'application_rule', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.reference_id || '/' || OLD.kind AS TEXT) AS row_key, balans_json ('condition', OLD.condition, 'grade', OLD.grade, 'guessed', OLD.guessed) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_reference_profile_insert;
CREATE TRIGGER audit_reference_profile_insert AFTER INSERT ON reference_profile
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_profile', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'reference_profile', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.characteristic_id AS TEXT) AS row_key, NULL AS old_value, balans_json ('level', NEW.level, 'derived', NEW.derived) AS new_value) AS e;
END;

DROP TRIGGER audit_reference_profile_update;
CREATE TRIGGER audit_reference_profile_update AFTER UPDATE ON reference_profile
WHEN OLD.level IS NOT NEW.level OR OLD.derived IS NOT NEW.derived
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_profile', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'reference_profile', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.reference_id || '/' || NEW.characteristic_id AS TEXT) AS row_key, balans_json ('level', OLD.level, 'derived', OLD.derived) AS old_value, balans_json ('level', NEW.level, 'derived', NEW.derived) AS new_value) AS e;
END;

DROP TRIGGER audit_reference_profile_delete;
CREATE TRIGGER audit_reference_profile_delete AFTER DELETE ON reference_profile
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'reference_profile', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'reference_profile', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.reference_id || '/' || OLD.characteristic_id AS TEXT) AS row_key, balans_json ('level', OLD.level, 'derived', OLD.derived) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_question_insert;
CREATE TRIGGER audit_question_insert AFTER INSERT ON question
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'question', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('position', NEW.position, 'characteristic_id', NEW.characteristic_id, 'text', NEW.text, 'help', NEW.help, 'fact', NEW.fact) AS new_value) AS e;
END;

DROP TRIGGER audit_question_update;
CREATE TRIGGER audit_question_update AFTER UPDATE ON question
WHEN OLD.position IS NOT NEW.position OR OLD.characteristic_id IS NOT NEW.characteristic_id OR OLD.text IS NOT NEW.text OR OLD.help IS NOT NEW.help OR OLD.fact IS NOT NEW.fact
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'question', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'characteristic_id', OLD.characteristic_id, 'text', OLD.text, 'help', OLD.help, 'fact', OLD.fact) AS old_value, balans_json ('position', NEW.position, 'characteristic_id', NEW.characteristic_id, 'text', NEW.text, 'help', NEW.help, 'fact', NEW.fact) AS new_value) AS e;
END;

DROP TRIGGER audit_question_delete;
CREATE TRIGGER audit_question_delete AFTER DELETE ON question
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'question', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'characteristic_id', OLD.characteristic_id, 'text', OLD.text, 'help', OLD.help, 'fact', OLD.fact) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_question_option_insert;
CREATE TRIGGER audit_question_option_insert AFTER INSERT ON question_option
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question_option', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'question_option', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.question_id || '/' || NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('position', NEW.position, 'level', NEW.level, 'text', NEW.text, 'fact_value', NEW.fact_value) AS new_value) AS e;
END;

DROP TRIGGER audit_question_option_update;
CREATE TRIGGER audit_question_option_update AFTER UPDATE ON question_option
WHEN OLD.position IS NOT NEW.position OR OLD.level IS NOT NEW.level OR OLD.text IS NOT NEW.text OR OLD.fact_value IS NOT NEW.fact_value
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question_option', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'question_option', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.question_id || '/' || NEW.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'level', OLD.level, 'text', OLD.text, 'fact_value', OLD.fact_value) AS old_value, balans_json ('position', NEW.position, 'level', NEW.level, 'text', NEW.text, 'fact_value', NEW.fact_value) AS new_value) AS e;
END;

DROP TRIGGER audit_question_option_delete;
CREATE TRIGGER audit_question_option_delete AFTER DELETE ON question_option
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'question_option', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'question_option', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.question_id || '/' || OLD.id AS TEXT) AS row_key, balans_json ('position', OLD.position, 'level', OLD.level, 'text', OLD.text, 'fact_value', OLD.fact_value) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_method_rule_insert;
CREATE TRIGGER audit_method_rule_insert AFTER INSERT ON method_rule
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'method_rule', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'method_rule', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('lesser', NEW.lesser, 'completeness', NEW.completeness, 'objection_period', NEW.objection_period) AS new_value) AS e;
END;

DROP TRIGGER audit_method_rule_update;
CREATE TRIGGER audit_method_rule_update AFTER UPDATE ON method_rule
WHEN OLD.lesser IS NOT NEW.lesser OR OLD.completeness IS NOT NEW.completeness OR OLD.objection_period IS NOT NEW.objection_period
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'method_rule', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'method_rule', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('lesser', OLD.lesser, 'completeness', OLD.completeness, 'objection_period', OLD.objection_period) AS old_value, balans_json ('lesser', NEW.lesser, 'completeness', NEW.completeness, 'objection_period', NEW.objection_period) AS new_value) AS e;
END;

DROP TRIGGER audit_method_rule_delete;
CREATE TRIGGER audit_method_rule_delete AFTER DELETE ON method_rule
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'method_rule', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'method_rule', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('lesser', OLD.lesser, 'completeness', OLD.completeness, 'objection_period', OLD.objection_period) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_salary_scale_insert;
CREATE TRIGGER audit_salary_scale_insert AFTER INSERT ON salary_scale
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'salary_scale', e.row_key, NULL, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'salary_scale', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.grade AS TEXT) AS row_key, NULL AS old_value, balans_json ('name', NEW.name, 'minimum', NEW.minimum, 'maximum', NEW.maximum) AS new_value) AS e;
END;

DROP TRIGGER audit_salary_scale_update;
CREATE TRIGGER audit_salary_scale_update AFTER UPDATE ON salary_scale
WHEN OLD.name IS NOT NEW.name OR OLD.minimum IS NOT NEW.minimum OR OLD.maximum IS NOT NEW.maximum
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'salary_scale', e.row_key, NULL, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'salary_scale', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.grade AS TEXT) AS row_key, balans_json ('name', OLD.name, 'minimum', OLD.minimum, 'maximum', OLD.maximum) AS old_value, balans_json ('name', NEW.name, 'minimum', NEW.minimum, 'maximum', NEW.maximum) AS new_value) AS e;
END;

DROP TRIGGER audit_salary_scale_delete;
CREATE TRIGGER audit_salary_scale_delete AFTER DELETE ON salary_scale
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'salary_scale', e.row_key, NULL, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'salary_scale', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.grade AS TEXT) AS row_key, balans_json ('name', OLD.name, 'minimum', OLD.minimum, 'maximum', OLD.maximum) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_job_description_insert;
CREATE TRIGGER audit_job_description_insert AFTER INSERT ON job_description
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_description', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job_description', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('version', NEW.version, 'description', NEW.description, 'activities', NEW.activities, 'author', NEW.author, 'role', NEW.role) AS new_value) AS e;
END;

DROP TRIGGER audit_job_description_update;
CREATE TRIGGER audit_job_description_update AFTER UPDATE ON job_description
WHEN OLD.version IS NOT NEW.version OR OLD.description IS NOT NEW.description OR OLD.activities IS NOT NEW.activities OR OLD.author IS NOT NEW.author OR OLD.role IS NOT NEW.role
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_description', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job_description', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('version', OLD.version, 'description', OLD.description, 'activities', OLD.activities, 'author', OLD.author, 'role', OLD.role) AS old_value, balans_json ('version', NEW.version, 'description', NEW.description, 'activities', NEW.activities, 'author', NEW.author, 'role', NEW.role) AS new_value) AS e;
END;

DROP TRIGGER audit_job_description_delete;
CREATE TRIGGER audit_job_description_delete AFTER DELETE ON job_description
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'job_description', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'job_description', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('version', OLD.version, 'description', OLD.description, 'activities', OLD.activities, 'author', OLD.author, 'role', OLD.role) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_description_signoff_insert;
CREATE TRIGGER audit_description_signoff_insert AFTER INSERT ON description_signoff
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'description_signoff', e.row_key, (SELECT job_id FROM job_description WHERE id = NEW.description_id), 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'description_signoff', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.description_id || '/' || NEW.kind || '/' || NEW.name AS TEXT) AS row_key, NULL AS old_value, balans_json ('role', NEW.role, 'at', NEW.at) AS new_value) AS e;
END;

DROP TRIGGER audit_description_signoff_update;
CREATE TRIGGER audit_description_signoff_update AFTER UPDATE ON description_signoff
WHEN OLD.role IS NOT NEW.role OR OLD.at IS NOT NEW.at
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'description_signoff', e.row_key, (SELECT job_id FROM job_description WHERE id = NEW.description_id), 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'description_signoff', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.description_id || '/' || NEW.kind || '/' || NEW.name AS TEXT) AS row_key, balans_json ('role', OLD.role, 'at', OLD.at) AS old_value, balans_json ('role', NEW.role, 'at', NEW.at) AS new_value) AS e;
END;

DROP TRIGGER audit_description_signoff_delete;
CREATE TRIGGER audit_description_signoff_delete AFTER DELETE ON description_signoff
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'description_signoff', e.row_key, (SELECT job_id FROM job_description WHERE id = OLD.description_id), 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'description_signoff', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.description_id || '/' || OLD.kind || '/' || OLD.name AS TEXT) AS row_key, balans_json ('role', OLD.role, 'at', OLD.at) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_notice_insert;
CREATE TRIGGER audit_notice_insert AFTER INSERT ON notice
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'notice', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'notice', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('decision', NEW.decision_id, 'issued', NEW.issued, 'deadline', NEW.deadline, 'author', NEW.author, 'role', NEW.role) AS new_value) AS e;
END;

DROP TRIGGER audit_notice_update;
CREATE TRIGGER audit_notice_update AFTER UPDATE ON notice
WHEN OLD.decision_id IS NOT NEW.decision_id OR OLD.issued IS NOT NEW.issued OR OLD.deadline IS NOT NEW.deadline OR OLD.author IS NOT NEW.author OR OLD.role IS NOT NEW.role
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'notice', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'notice', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('decision', OLD.decision_id, 'issued', OLD.issued, 'deadline', OLD.deadline, 'author', OLD.author, 'role', OLD.role) AS old_value, balans_json ('decision', NEW.decision_id, 'issued', NEW.issued, 'deadline', NEW.deadline, 'author', NEW.author, 'role', NEW.role) AS new_value) AS e;
END;

DROP TRIGGER audit_notice_delete;
CREATE TRIGGER audit_notice_delete AFTER DELETE ON notice
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'notice', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'notice', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('decision', OLD.decision_id, 'issued', OLD.issued, 'deadline', OLD.deadline, 'author', OLD.author, 'role', OLD.role) AS old_value, NULL AS new_value) AS e;
END;

DROP TRIGGER audit_objection_insert;
CREATE TRIGGER audit_objection_insert AFTER INSERT ON objection
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'objection', e.row_key, NEW.job_id, 'insert', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'objection', e.row_key, 'insert', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, NULL AS old_value, balans_json ('decision', NEW.decision_id, 'against', NEW.against, 'author', NEW.author, 'role', NEW.role, 'reasons', NEW.reasons, 'lodged', NEW.lodged, 'deadline', NEW.deadline, 'committee_members', NEW.committee_members, 'committee_advice', NEW.committee_advice, 'committee_date', NEW.committee_date, 'outcome', NEW.outcome, 'outcome_note', NEW.outcome_note, 'decided', NEW.decided, 'decided_by', NEW.decided_by, 'appeal', NEW.appeal) AS new_value) AS e;
END;

DROP TRIGGER audit_objection_update;
CREATE TRIGGER audit_objection_update AFTER UPDATE ON objection
WHEN OLD.decision_id IS NOT NEW.decision_id OR OLD.against IS NOT NEW.against OR OLD.author IS NOT NEW.author OR OLD.role IS NOT NEW.role OR OLD.reasons IS NOT NEW.reasons OR OLD.lodged IS NOT NEW.lodged OR OLD.deadline IS NOT NEW.deadline OR OLD.committee_members IS NOT NEW.committee_members OR OLD.committee_advice IS NOT NEW.committee_advice OR OLD.committee_date IS NOT NEW.committee_date OR OLD.outcome IS NOT NEW.outcome OR OLD.outcome_note IS NOT NEW.outcome_note OR OLD.decided IS NOT NEW.decided OR OLD.decided_by IS NOT NEW.decided_by OR OLD.appeal IS NOT NEW.appeal
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'objection', e.row_key, NEW.job_id, 'update', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'objection', e.row_key, 'update', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (NEW.id AS TEXT) AS row_key, balans_json ('decision', OLD.decision_id, 'against', OLD.against, 'author', OLD.author, 'role', OLD.role, 'reasons', OLD.reasons, 'lodged', OLD.lodged, 'deadline', OLD.deadline, 'committee_members', OLD.committee_members, 'committee_advice', OLD.committee_advice, 'committee_date', OLD.committee_date, 'outcome', OLD.outcome, 'outcome_note', OLD.outcome_note, 'decided', OLD.decided, 'decided_by', OLD.decided_by, 'appeal', OLD.appeal) AS old_value, balans_json ('decision', NEW.decision_id, 'against', NEW.against, 'author', NEW.author, 'role', NEW.role, 'reasons', NEW.reasons, 'lodged', NEW.lodged, 'deadline', NEW.deadline, 'committee_members', NEW.committee_members, 'committee_advice', NEW.committee_advice, 'committee_date', NEW.committee_date, 'outcome', NEW.outcome, 'outcome_note', NEW.outcome_note, 'decided', NEW.decided, 'decided_by', NEW.decided_by, 'appeal', NEW.appeal) AS new_value) AS e;
END;

DROP TRIGGER audit_objection_delete;
CREATE TRIGGER audit_objection_delete AFTER DELETE ON objection
BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash)
  SELECT e.at, e.actor, 'objection', e.row_key, OLD.job_id, 'delete', e.old_value, e.new_value,
         balans_audit_hash (balans_audit_head (),
                            e.at, e.actor, 'objection', e.row_key, 'delete', e.old_value, e.new_value)
  FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, balans_actor () AS actor,
               CAST (OLD.id AS TEXT) AS row_key, balans_json ('decision', OLD.decision_id, 'against', OLD.against, 'author', OLD.author, 'role', OLD.role, 'reasons', OLD.reasons, 'lodged', OLD.lodged, 'deadline', OLD.deadline, 'committee_members', OLD.committee_members, 'committee_advice', OLD.committee_advice, 'committee_date', OLD.committee_date, 'outcome', OLD.outcome, 'outcome_note', OLD.outcome_note, 'decided', OLD.decided, 'decided_by', OLD.decided_by, 'appeal', OLD.appeal) AS old_value, NULL AS new_value) AS e;
END;
