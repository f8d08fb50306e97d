import { createHttpSmsAdapter, DEFAULT_SMS_SENDER } from "./http-sms.server";
import { createSinkAdapter } from "./sink.server";
import { createSmtpAdapter, DEFAULT_MAIL_FROM } from "./smtp.server";
import { jsonLogger, type NotificationAdapter, type OutboxLogger } from "./types";

/**
 * SMTP_URL set → e-mail over SMTP, else the sink; SMS_GATEWAY_URL set → the HTTP gateway, else the
 * sink. In production a missing one is a configuration mistake: say so loudly at start.
 */
export function createAdaptersFromEnv(env: NodeJS.ProcessEnv = process.env, log: OutboxLogger = jsonLogger): NotificationAdapter[] {
  const production = env.NODE_ENV === "production";
  const sinkOptions = { includeText: !production };
  const email = env.SMTP_URL
    ? createSmtpAdapter({ url: env.SMTP_URL, from: env.MAIL_FROM || DEFAULT_MAIL_FROM })
    : createSinkAdapter("email", log, sinkOptions);
  const sms = env.SMS_GATEWAY_URL
    ? createHttpSmsAdapter({ url: env.SMS_GATEWAY_URL, key: env.SMS_GATEWAY_KEY, sender: env.SMS_SENDER || DEFAULT_SMS_SENDER })
    : createSinkAdapter("sms", log, sinkOptions);
  if (production && !env.SMTP_URL) {
    log.warn("outbox: SMTP_URL is not set — e-mails are NOT sent, only recorded in the outbox (set SMTP_URL=smtp://user:pass@host:587)");
  }
  if (production && !env.SMS_GATEWAY_URL) {
    log.warn("outbox: SMS_GATEWAY_URL is not set — SMS are NOT sent, only recorded in the outbox (set SMS_GATEWAY_URL and SMS_GATEWAY_KEY)");
  }
  if (production && env.SMS_GATEWAY_URL && !env.SMS_GATEWAY_KEY) {
    log.warn("outbox: SMS_GATEWAY_KEY is not set — SMS gateway requests carry no Authorization header");
  }
  return [email, sms];
}
