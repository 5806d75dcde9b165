-- Adds generated Lead rows to crm_records of a database `crm bench records` created (schemas registered, indexes
-- made), so the query phase can be timed over 1,000,000 leads without waiting for the record service to insert them:
--   sqlite3 bench.db < fill-leads-sqlite.sql && crm bench records --store sqlite --connection "Data Source=bench.db" --reuse --records 1000000
-- Values follow the bench's generator: 8 statuses weighted like it, score 0..100, a budget on three leads in four.
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000 - (SELECT COUNT(*) FROM crm_records WHERE entity = 'Lead'))
INSERT INTO crm_records (id, entity, version, owner_id, created_on, created_by, modified_on, modified_by, display, search, data)
SELECT printf('%08x-0000-7000-8000-%012d', i, i), 'Lead', 1, NULL, '2026-11-23 10:00:00', NULL, '2026-11-23 10:00:00', NULL,
       'Lead ' || i, lower('Lead ' || i || ' Company ' || (i % 5000) || ' lead' || i || '@example.com'),
       json_object('name', 'Lead ' || i, 'company', 'Company ' || (i % 5000), 'email', 'lead' || i || '@example.com',
                   'phone', '+1 555 ' || printf('%07d', i), 'status',
                   CASE (i * 2654435761) % 8 WHEN 0 THEN 'new' WHEN 1 THEN 'new' WHEN 2 THEN 'new' WHEN 3 THEN 'qualifying'
                        WHEN 4 THEN 'qualifying' WHEN 5 THEN 'qualified' WHEN 6 THEN 'disqualified' ELSE 'converted' END,
                   'source', 'web', 'score', (i * 7919) % 101,
                   'budget', CASE WHEN i % 4 = 0 THEN NULL ELSE (i * 104729) % 100000 END)
FROM n;
COMMIT;
ANALYZE;
