import type { Locale } from "~/domain/constants";
import type { FormSection } from "~/domain/forms/definition";

/**
 * What the form page gives its enhancement script, in a JSON data block
 * (`<script type="application/json" id="form-enhance-config">`): the section, the answers of
 * earlier sections its conditions read, the documents already sent, and the message templates
 * of the page's language (`forms:errors.*`, with {{label}}, {{min}}, {{max}}).
 */
export interface EnhanceConfig {
  locale: Locale;
  section: FormSection;
  /** Answers of other sections that conditions of this section depend on. */
  data: Record<string, unknown>;
  /** File fields that already have a file. */
  uploaded: string[];
  templates: Record<string, string>;
  errorPrefix: string;
  summaryTitle: string;
}

export const ENHANCE_CONFIG_ID = "form-enhance-config";

/** The JSON of the data block, safe inside a <script> element. */
export function serializeConfig(config: EnhanceConfig): string {
  return JSON.stringify(config).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
