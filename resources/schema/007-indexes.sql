-- Schema step 7: an index for every lookup by job, so that a project of
-- 20,000 jobs reads a job's decisions, statuses and remarks without a scan
-- (and a job's deletion cascades without one).
CREATE INDEX decision_job ON decision (job_id, id);
CREATE INDEX decision_supersedes ON decision (supersedes);
CREATE INDEX job_status_job ON job_status (job_id, id);
CREATE INDEX remark_job ON remark (job_id, id);
CREATE INDEX job_reports_to ON job (reports_to);
CREATE INDEX job_title ON job (title);
-- Jobs deleted but kept for undo, purged on the next open: found without a pass over every job.
CREATE INDEX job_deleted ON job (deleted) WHERE deleted IS NOT NULL;
