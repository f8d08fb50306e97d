ALTER TABLE "procedure" ADD COLUMN "keywords" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "password_reset_token" ADD COLUMN "purpose" text DEFAULT 'reset' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_version_one_working_copy" ON "procedure_version" USING btree ("procedure_id") WHERE "procedure_version"."published_at" is null;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","at");