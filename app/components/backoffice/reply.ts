import { useTranslation } from "react-i18next";
import type { RawValues } from "./action-form";

/** What the action answers when nothing was done (400 / 409); success is a redirect. */
export type PageReply =
  | { ok: true; intent: string }
  | {
      ok: false;
      intent: string;
      /** The case changed meanwhile: the page shows its new state and keeps the text. */
      conflict?: boolean;
      /** A refusal or a closing checked and waiting for its confirmation (second step). */
      confirm?: boolean;
      /** Refused by the service (`refused.<code>`). */
      refused?: string;
      errors: { field: string; code: string; filename?: string }[];
      values: RawValues;
    };

export interface ErrorView {
  field: string;
  message: string;
}

/** The reply's errors as sentences, per control id. */
export function useReplyErrors(reply: PageReply | undefined): ErrorView[] {
  const { t } = useTranslation("backoffice");
  if (!reply || reply.ok) return [];
  return reply.errors.map((e) => ({
    field: e.field,
    message: e.code === "required" ? t(`errors.required.${e.field}`) : t(`errors.${e.code}`, { filename: e.filename ?? "" }),
  }));
}

/** The value typed in the form of `intent` before the reply, to show it again. */
export function typedValue(reply: PageReply | undefined, intent: string, name: string): string | undefined {
  if (!reply || reply.ok || reply.intent !== intent) return undefined;
  const value = reply.values[name];
  return Array.isArray(value) ? value[0] : value;
}

export function typedValues(reply: PageReply | undefined, intent: string, name: string): string[] {
  if (!reply || reply.ok || reply.intent !== intent) return [];
  const value = reply.values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function errorFor(errors: readonly ErrorView[], id: string): string[] {
  return errors.filter((e) => e.field === id).map((e) => e.message);
}
