import type { DeliveryChannel, NotificationAdapter, OutboxLogger } from "./types";

/**
 * Development and test sink: sends nothing. The rendered message is already stored on the outbox
 * row (see /dev/boite-d-envoi); this logs one line. Outside production the line carries the text,
 * so a reset link can be read from the console; in production it never does (it holds secrets).
 */
export function createSinkAdapter(channel: DeliveryChannel, log: OutboxLogger, options: { includeText?: boolean } = {}): NotificationAdapter {
  const includeText = options.includeText ?? process.env.NODE_ENV !== "production";
  return {
    channel,
    name: "sink",
    async send(message) {
      log.info("outbox.sink", {
        id: message.id,
        channel,
        template: message.template,
        ...(includeText ? { to: message.to, subject: message.subject, text: message.text } : {}),
      });
    },
  };
}
