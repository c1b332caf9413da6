-- GET /api/v1/teams and /admin/equipes page through the teams by code, schools' own queues excepted. Nationally those
-- queues (2,001 `ETAB-<uai>`) sit between the `EQ-E-…` and `PREST-…` codes: read through the unique index on code, a
-- page after them filtered 2,001 rows out; this index holds the listed teams only, in the list's order.
CREATE INDEX "teams_code_not_school_idx" ON "teams" USING btree ("code") WHERE "teams"."establishment_id" IS NULL;
