-- Schema step 1: the project itself.
CREATE TABLE project (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  organisation TEXT NOT NULL DEFAULT '',
  created      TEXT NOT NULL,
  modified     TEXT NOT NULL
);
