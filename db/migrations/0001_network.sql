CREATE TABLE "incident_subscription" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"region_code" text,
	"agency_id" integer,
	"locale" text DEFAULT 'fr' NOT NULL,
	"unsubscribe_token_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_subscription_unsubscribe_token_hash_unique" UNIQUE("unsubscribe_token_hash")
);
--> statement-breakpoint
CREATE TABLE "monitoring_token" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "monitoring_token_name_unique" UNIQUE("name"),
	CONSTRAINT "monitoring_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "site_outage" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"paused_ms" bigint
);
--> statement-breakpoint
CREATE TABLE "site_probe_state" (
	"site_id" integer PRIMARY KEY NOT NULL,
	"last_sample_at" timestamp with time zone NOT NULL,
	"last_latency_ms" real,
	"last_loss_pct" real,
	"candidate_status" text NOT NULL,
	"consecutive" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_summary" (
	"id" text PRIMARY KEY NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_subscription" ADD CONSTRAINT "incident_subscription_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_token" ADD CONSTRAINT "monitoring_token_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_outage" ADD CONSTRAINT "site_outage_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_probe_state" ADD CONSTRAINT "site_probe_state_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_subscription_region_idx" ON "incident_subscription" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "incident_subscription_agency_idx" ON "incident_subscription" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "site_outage_site_idx" ON "site_outage" USING btree ("site_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "site_outage_open_unique" ON "site_outage" USING btree ("site_id") WHERE "site_outage"."ended_at" is null;