-- JSON documents with expression indexes against a generated table per entity, on SQLite, 200,000 leads each:
-- time to insert, and the bench's page query (status = X, score >= Y, best score first, 51 rows).
--   sqlite3 /tmp/layout.db < layout-sqlite.sql
.timer on
PRAGMA journal_mode=WAL;
CREATE TABLE docs (id TEXT PRIMARY KEY, entity TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX ix_docs_lead_status_score ON docs (json_extract(data, '$.status'), json_extract(data, '$.score') DESC, id) WHERE entity = 'Lead';
CREATE INDEX ix_docs_lead_email ON docs (json_extract(data, '$.email'), id) WHERE entity = 'Lead';
CREATE TABLE leads (id TEXT PRIMARY KEY, version INTEGER NOT NULL, name TEXT, company TEXT, email TEXT, phone TEXT, status TEXT, source TEXT, score INTEGER, budget NUMERIC);
CREATE INDEX ix_leads_status_score ON leads (status, score DESC, id);
CREATE INDEX ix_leads_email ON leads (email, id);
CREATE TEMP TABLE n AS WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 200000) SELECT i FROM s;
BEGIN;
INSERT INTO docs SELECT printf('%08x-0000-7000-8000-%012d', i, i), 'Lead', 1,
  json_object('name', 'Lead ' || i, 'company', 'Company ' || (i % 5000), 'email', 'lead' || i || '@example.com', 'phone', '+1 555 ' || printf('%07d', i),
              'status', CASE (i * 2654435761) % 8 WHEN 0 THEN 'new' WHEN 1 THEN 'new' WHEN 2 THEN 'new' WHEN 3 THEN 'qualifying' WHEN 4 THEN 'qualifying' WHEN 5 THEN 'qualified' WHEN 6 THEN 'disqualified' ELSE 'converted' END,
              'source', 'web', 'score', (i * 7919) % 101, 'budget', (i * 104729) % 100000) FROM n;
COMMIT;
BEGIN;
INSERT INTO leads SELECT printf('%08x-0000-7000-8000-%012d', i, i), 1, 'Lead ' || i, 'Company ' || (i % 5000), 'lead' || i || '@example.com', '+1 555 ' || printf('%07d', i),
  CASE (i * 2654435761) % 8 WHEN 0 THEN 'new' WHEN 1 THEN 'new' WHEN 2 THEN 'new' WHEN 3 THEN 'qualifying' WHEN 4 THEN 'qualifying' WHEN 5 THEN 'qualified' WHEN 6 THEN 'disqualified' ELSE 'converted' END,
  'web', (i * 7919) % 101, (i * 104729) % 100000 FROM n;
COMMIT;
ANALYZE;
SELECT 'json page'; SELECT count(*) FROM (SELECT id, data FROM docs WHERE entity = 'Lead' AND json_extract(data, '$.status') = 'qualifying' AND json_extract(data, '$.score') >= 40 ORDER BY json_extract(data, '$.score') DESC, id LIMIT 51);
SELECT 'table page'; SELECT count(*) FROM (SELECT * FROM leads WHERE status = 'qualifying' AND score >= 40 ORDER BY score DESC, id LIMIT 51);
SELECT 'json page 2'; SELECT count(*) FROM (SELECT id, data FROM docs WHERE entity = 'Lead' AND json_extract(data, '$.status') = 'converted' AND json_extract(data, '$.score') >= 75 ORDER BY json_extract(data, '$.score') DESC, id LIMIT 51);
SELECT 'table page 2'; SELECT count(*) FROM (SELECT * FROM leads WHERE status = 'converted' AND score >= 75 ORDER BY score DESC, id LIMIT 51);
SELECT 'json email'; SELECT count(*) FROM docs WHERE entity = 'Lead' AND json_extract(data, '$.email') = 'lead177777@example.com';
SELECT 'table email'; SELECT count(*) FROM leads WHERE email = 'lead177777@example.com';
SELECT 'json sizes'; SELECT sum(pgsize) / 1048576 FROM dbstat WHERE name LIKE '%docs%';
SELECT 'table sizes'; SELECT sum(pgsize) / 1048576 FROM dbstat WHERE name LIKE '%leads%';
