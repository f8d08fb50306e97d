CREATE TABLE "pending_sign_up" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier_kind" text NOT NULL,
	"identifier" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pending_sign_up_identifier_idx" ON "pending_sign_up" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "pending_sign_up_expires_idx" ON "pending_sign_up" USING btree ("expires_at");