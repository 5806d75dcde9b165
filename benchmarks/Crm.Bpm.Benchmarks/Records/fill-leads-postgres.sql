-- Adds generated Lead rows to crm_records of a database `crm bench records` created (schemas registered, indexes
-- made), so the query phase can be timed over 1,000,000 leads without waiting for the record service to insert them:
--   psql "$CONNECTION" -f fill-leads-postgres.sql && crm bench records --store postgres --connection "$CONNECTION" --reuse --records 1000000
INSERT INTO crm_records (id, entity, version, owner_id, created_on, created_by, modified_on, modified_by, display, search, data)
SELECT lpad(to_hex(i), 8, '0') || '-0000-7000-8000-' || lpad(i::text, 12, '0'), 'Lead', 1, NULL, timestamptz '2026-11-23 10:00:00+00', NULL,
       timestamptz '2026-11-23 10:00:00+00', NULL, 'Lead ' || i, lower('Lead ' || i || ' Company ' || (i % 5000) || ' lead' || i || '@example.com'),
       jsonb_build_object('name', 'Lead ' || i, 'company', 'Company ' || (i % 5000), 'email', 'lead' || i || '@example.com',
                          'phone', '+1 555 ' || lpad(i::text, 7, '0'), 'status',
                          (ARRAY['new', 'new', 'new', 'qualifying', 'qualifying', 'qualified', 'disqualified', 'converted'])[1 + (i::bigint * 2654435761) % 8],
                          'source', 'web', 'score', (i::bigint * 7919) % 101,
                          'budget', CASE WHEN i % 4 = 0 THEN NULL ELSE (i::bigint * 104729) % 100000 END)
FROM generate_series(1, 1000000 - (SELECT COUNT(*) FROM crm_records WHERE entity = 'Lead')) AS i;
ANALYZE crm_records;
