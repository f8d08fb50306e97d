import type { FormSection } from "./definition";
import { contactFieldsOf } from "./schema";
import { confirmedSteps } from "./steps";

/**
 * Contact fields (email and phone fields marked `contact`): how the office reaches the applicant.
 * A citizen may have signed up with a phone number only, or an e-mail only: one means is enough
 * (`contact_required` in schema.ts), and the page starts from what the account knows.
 */

/**
 * What to show in the section's empty contact fields: the account's phone number or e-mail
 * address, until the citizen has confirmed the step with "Continuer" (after that, an emptied
 * field stays empty). Shown, not saved: the citizen saves it by continuing.
 */
export function contactPrefill(
  section: FormSection,
  data: Record<string, unknown>,
  account: { phone: string | null; email: string | null },
): Record<string, string> {
  if (confirmedSteps(data).includes(section.id)) return {};
  const prefill: Record<string, string> = {};
  for (const field of contactFieldsOf(section.fields)) {
    if (data[field.name] !== undefined && data[field.name] !== "") continue;
    const known = field.type === "phone" ? account.phone : account.email;
    if (known) prefill[field.name] = known;
  }
  return prefill;
}
