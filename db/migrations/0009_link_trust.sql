CREATE TABLE "monitoring_source" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expects_regular_contact" boolean DEFAULT false NOT NULL,
	"silent_since" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "site_alert" (
	"site_id" integer NOT NULL,
	"alertname" text NOT NULL,
	"source_id" integer,
	"firing" boolean NOT NULL,
	"starts_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"suspect_since" timestamp with time zone,
	CONSTRAINT "site_alert_site_id_alertname_pk" PRIMARY KEY("site_id","alertname")
);
--> statement-breakpoint
CREATE TABLE "site_monitoring_gap" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"known_status" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "link_status_change" ADD COLUMN "rule" text;--> statement-breakpoint
ALTER TABLE "link_status_change" ADD COLUMN "effects_applied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "site" ADD COLUMN "monitoring_lost_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "site" ADD COLUMN "monitoring_lost_reason" text;--> statement-breakpoint
ALTER TABLE "site" ADD COLUMN "operator_held" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "site" ADD COLUMN "operator_hold_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "site_probe_state" ADD COLUMN "candidate_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "site_probe_state" ADD COLUMN "source_id" integer;--> statement-breakpoint
ALTER TABLE "site_alert" ADD CONSTRAINT "site_alert_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_alert" ADD CONSTRAINT "site_alert_source_id_monitoring_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."monitoring_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_monitoring_gap" ADD CONSTRAINT "site_monitoring_gap_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_source_kind_name_unique" ON "monitoring_source" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "site_monitoring_gap_site_idx" ON "site_monitoring_gap" USING btree ("site_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "site_monitoring_gap_open_unique" ON "site_monitoring_gap" USING btree ("site_id") WHERE "site_monitoring_gap"."ended_at" is null;--> statement-breakpoint
ALTER TABLE "site_probe_state" ADD CONSTRAINT "site_probe_state_source_id_monitoring_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."monitoring_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_status_change_effects_pending_idx" ON "link_status_change" USING btree ("id") WHERE "link_status_change"."effects_applied_at" is null;--> statement-breakpoint
UPDATE "link_status_change" SET "effects_applied_at" = "at";
