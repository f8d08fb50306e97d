import type { NotificationAdapter } from "./types";

export const DEFAULT_SMS_SENDER = "GUICHET";
export const SMS_TIMEOUT_MS = 10_000;

export interface HttpSmsAdapterOptions {
  url: string;
  key?: string;
  sender?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * SMS through a generic HTTP gateway: POST {to, text, sender} as JSON with a bearer key.
 * Anything but a 2xx, a network error or a timeout throws, so the worker retries.
 */
export function createHttpSmsAdapter({
  url,
  key,
  sender = DEFAULT_SMS_SENDER,
  timeoutMs = SMS_TIMEOUT_MS,
  fetch: fetchImpl = fetch,
}: HttpSmsAdapterOptions): NotificationAdapter {
  return {
    channel: "sms",
    name: "http-sms",
    async send(message) {
      const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
      if (key) headers.Authorization = `Bearer ${key}`;
      const response = await fetchImpl(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ to: message.to, text: message.text, sender }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        const detail = (await response.text().catch(() => "")).slice(0, 200);
        throw new Error(`SMS gateway answered ${response.status}${detail ? `: ${detail}` : ""}`);
      }
      // Drain the body so the connection is reused.
      await response.arrayBuffer().catch(() => undefined);
    },
  };
}
