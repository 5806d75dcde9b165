-- JSON documents (jsonb) with expression indexes against a generated table per entity, on PostgreSQL, 200,000 leads each.
--   psql "$CONNECTION" -f layout-postgres.sql
\timing on
DROP TABLE IF EXISTS docs, leads;
CREATE TABLE docs (id varchar(36) PRIMARY KEY, entity varchar(64) NOT NULL, version bigint NOT NULL, data jsonb NOT NULL);
CREATE INDEX ix_docs_lead_status_score ON docs ((data->>'status'), ((data->>'score')::numeric) DESC NULLS LAST, id) WHERE entity = 'Lead';
CREATE INDEX ix_docs_lead_email ON docs ((data->>'email'), id) WHERE entity = 'Lead';
CREATE TABLE leads (id varchar(36) PRIMARY KEY, version bigint NOT NULL, name text, company text, email text, phone text, status text, source text, score integer, budget numeric);
CREATE INDEX ix_leads_status_score ON leads (status, score DESC NULLS LAST, id);
CREATE INDEX ix_leads_email ON leads (email, id);
INSERT INTO docs SELECT lpad(to_hex(i), 8, '0') || '-0000-7000-8000-' || lpad(i::text, 12, '0'), 'Lead', 1,
  jsonb_build_object('name', 'Lead ' || i, 'company', 'Company ' || (i % 5000), 'email', 'lead' || i || '@example.com', 'phone', '+1 555 ' || lpad(i::text, 7, '0'),
    'status', (ARRAY['new', 'new', 'new', 'qualifying', 'qualifying', 'qualified', 'disqualified', 'converted'])[1 + (i::bigint * 2654435761) % 8],
    'source', 'web', 'score', (i::bigint * 7919) % 101, 'budget', (i::bigint * 104729) % 100000)
FROM generate_series(1, 200000) AS i;
INSERT INTO leads SELECT lpad(to_hex(i), 8, '0') || '-0000-7000-8000-' || lpad(i::text, 12, '0'), 1, 'Lead ' || i, 'Company ' || (i % 5000), 'lead' || i || '@example.com', '+1 555 ' || lpad(i::text, 7, '0'),
    (ARRAY['new', 'new', 'new', 'qualifying', 'qualifying', 'qualified', 'disqualified', 'converted'])[1 + (i::bigint * 2654435761) % 8],
    'web', (i::bigint * 7919) % 101, (i::bigint * 104729) % 100000
FROM generate_series(1, 200000) AS i;
ANALYZE docs; ANALYZE leads;
SELECT count(*) AS json_page FROM (SELECT id, data FROM docs WHERE entity = 'Lead' AND data->>'status' = 'qualifying' AND ((data->>'score')::numeric) >= 40 ORDER BY ((data->>'score')::numeric) DESC NULLS LAST, id LIMIT 51) p;
SELECT count(*) AS table_page FROM (SELECT * FROM leads WHERE status = 'qualifying' AND score >= 40 ORDER BY score DESC NULLS LAST, id LIMIT 51) p;
SELECT count(*) AS json_page FROM (SELECT id, data FROM docs WHERE entity = 'Lead' AND data->>'status' = 'qualifying' AND ((data->>'score')::numeric) >= 40 ORDER BY ((data->>'score')::numeric) DESC NULLS LAST, id LIMIT 51) p;
SELECT count(*) AS table_page FROM (SELECT * FROM leads WHERE status = 'qualifying' AND score >= 40 ORDER BY score DESC NULLS LAST, id LIMIT 51) p;
SELECT count(*) AS json_email FROM docs WHERE entity = 'Lead' AND data->>'email' = 'lead177777@example.com';
SELECT count(*) AS table_email FROM leads WHERE email = 'lead177777@example.com';
SELECT pg_size_pretty(pg_total_relation_size('docs')) AS json_size, pg_size_pretty(pg_total_relation_size('leads')) AS table_size;
DROP TABLE docs, leads;
