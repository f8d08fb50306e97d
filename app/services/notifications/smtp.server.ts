import nodemailer from "nodemailer";
import type { NotificationAdapter } from "./types";

export const DEFAULT_MAIL_FROM = "Guichet <no-reply@guichet.gouv.tg>";

export interface SmtpAdapterOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  url: string;
  from?: string;
}

/** E-mail over SMTP with a small connection pool; a refused or timed-out delivery throws (the worker retries). */
export function createSmtpAdapter({ url, from = DEFAULT_MAIL_FROM }: SmtpAdapterOptions): NotificationAdapter {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    channel: "email",
    name: "smtp",
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject ?? "",
        text: message.text,
        html: message.html,
        // Lets the receiving side and support find the outbox row.
        headers: { "X-Guichet-Notification": String(message.id) },
      });
    },
    close() {
      transport.close();
    },
  };
}
