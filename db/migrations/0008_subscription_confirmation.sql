ALTER TABLE "incident_subscription" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident_subscription" ADD COLUMN "confirmation_hash" text;--> statement-breakpoint
ALTER TABLE "incident_subscription" ADD CONSTRAINT "incident_subscription_confirmation_hash_unique" UNIQUE("confirmation_hash");