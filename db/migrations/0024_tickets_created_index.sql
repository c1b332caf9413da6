CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("created_at","id");
