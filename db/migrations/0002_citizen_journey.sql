CREATE TABLE "issued_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"office_id" integer NOT NULL,
	"holder_initials" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "issued_document_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "info_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_attachment_id_attachment_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issued_document_case_idx" ON "issued_document" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_draft_idx" ON "case" USING btree ("updated_at") WHERE "case"."status" = 'draft';