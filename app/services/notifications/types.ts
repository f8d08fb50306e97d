/** Channels that leave the portal; in_app notifications are only shown, never sent. */
export const DELIVERY_CHANNELS = ["email", "sms"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** A rendered message, ready for an adapter. */
export interface OutgoingMessage {
  /** The outbox row id (for logs and idempotency keys). */
  id: number;
  channel: DeliveryChannel;
  /** E-mail address, or E.164 phone number for SMS. */
  to: string;
  template: string;
  /** E-mail only. */
  subject?: string;
  /** Plain text: the e-mail body, or the SMS text. */
  text: string;
  /** E-mail only: a minimal HTML alternative. */
  html?: string;
}

/** Sends one rendered message; throws on failure (the worker retries with backoff). */
export interface NotificationAdapter {
  channel: DeliveryChannel;
  /** Short name for logs: "smtp", "http-sms", "sink". */
  name?: string;
  send(message: OutgoingMessage): Promise<void>;
  /** Releases connections (SMTP pool) at shutdown. */
  close?(): Promise<void> | void;
}

/** An error that retrying cannot fix (unknown template, missing recipient or variable): the row fails at once. */
export class PermanentNotificationError extends Error {
  override name = "PermanentNotificationError";
}

export interface OutboxLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per event, like the request log. */
export const jsonLogger: OutboxLogger = {
  info: (message, fields) => writeLine(process.stdout, "info", message, fields),
  warn: (message, fields) => writeLine(process.stderr, "warn", message, fields),
  error: (message, fields) => writeLine(process.stderr, "error", message, fields),
};

function writeLine(stream: NodeJS.WriteStream, level: string, message: string, fields?: Record<string, unknown>) {
  stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
}

export const silentLogger: OutboxLogger = { info() {}, warn() {}, error() {} };

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
