import type { DeliveryMode, ProcedureCategory, ProcedureStatus } from "../../../../app/domain/constants";
import type {
  AcceptedFileType,
  FieldCondition,
  FieldOption,
  FileField,
  FormDefinition,
  FormField,
  FormSection,
  LocalizedText,
  RequiredDocument,
} from "../../../../app/domain/forms/definition";

/** A procedure of the demo catalogue, with its first form version. */
export interface ProcedureSeed {
  slug: string;
  titleFr: string;
  titleEn: string;
  summaryFr: string;
  summaryEn: string;
  eligibilityFr: string;
  eligibilityEn: string;
  category: ProcedureCategory;
  agencyCode: string;
  feeXof: number;
  targetDelayDays: number;
  infoRequestExpiryDays?: number;
  delivery: DeliveryMode;
  requiredDocuments: RequiredDocument[];
  /** Synonyms and common words citizens type, added to the search text. */
  keywords: string[];
  status: ProcedureStatus;
  /** Publication of version 1 (ISO); null for a draft. */
  publishedAt: string | null;
  definition: FormDefinition;
}

export const l = (fr: string, en: string): LocalizedText => ({ fr, en });
export const option = (value: string, fr: string, en: string): FieldOption => ({ value, label: l(fr, en) });
export const when = (field: string, ...values: string[]): FieldCondition => ({ field, in: values });
export const doc = (code: string, fr: string, en: string, hint?: LocalizedText): RequiredDocument =>
  hint ? { code, label: l(fr, en), hint } : { code, label: l(fr, en) };

export const ALL_FILE_TYPES: AcceptedFileType[] = ["application/pdf", "image/jpeg", "image/png"];
export const IMAGE_TYPES: AcceptedFileType[] = ["image/jpeg", "image/png"];
const SCAN_HINT = l(
  "PDF, JPEG ou PNG. Une photo nette prise avec votre téléphone suffit.",
  "PDF, JPEG or PNG. A sharp photo taken with your phone is enough.",
);
const PDF_HINT = l("Un fichier PDF.", "A PDF file.");
const IMAGE_HINT = l("JPEG ou PNG. Une photo nette prise avec votre téléphone suffit.", "JPEG or PNG. A sharp photo taken with your phone is enough.");

/** The default hint names the accepted formats (a PDF-only upload must not say "JPEG or PNG"). */
function formatHint(accept: AcceptedFileType[]): LocalizedText {
  if (accept.length === 1 && accept[0] === "application/pdf") return PDF_HINT;
  if (!accept.includes("application/pdf")) return IMAGE_HINT;
  return SCAN_HINT;
}

/** An upload answering a required document. */
export function upload(
  name: string,
  label: LocalizedText,
  options: { document?: string; required?: boolean; maxSizeMb?: number; accept?: AcceptedFileType[]; hint?: LocalizedText; showIf?: FieldCondition } = {},
): FileField {
  const accept = options.accept ?? ALL_FILE_TYPES;
  const field: FileField = {
    type: "file",
    name,
    label,
    hint: options.hint ?? formatHint(accept),
    required: options.required ?? true,
    accept,
    maxSizeMb: options.maxSizeMb ?? 5,
  };
  if (options.document) field.document = options.document;
  if (options.showIf) field.showIf = options.showIf;
  return field;
}

/** Who is asking: the identity block shared by most forms. */
export function applicantSection(extra: FormField[] = [], options: { nationalIdRequired?: boolean } = {}): FormSection {
  return {
    id: "demandeur",
    title: l("Le demandeur", "The applicant"),
    description: l(
      "Indiquez l'identité exacte telle qu'elle figure sur votre acte de naissance.",
      "Give your identity exactly as it appears on your birth certificate.",
    ),
    fields: [
      { type: "text", name: "nom", label: l("Nom", "Surname"), required: true, maxLength: 80 },
      { type: "text", name: "prenoms", label: l("Prénoms", "Given names"), required: true, maxLength: 120 },
      { type: "date", name: "date_naissance", label: l("Date de naissance", "Date of birth"), required: true, range: "past", min: "1900-01-01" },
      { type: "text", name: "lieu_naissance", label: l("Lieu de naissance", "Place of birth"), hint: l("Ville ou village, et pays si né hors du Togo.", "Town or village, and country if born outside Togo."), required: true, maxLength: 120 },
      {
        type: "national_id",
        name: "niu",
        label: l("Numéro d'identification unique (NIU)", "Unique identification number (NIU)"),
        hint: l("10 chiffres, inscrits sur votre carte e-ID ou votre récépissé d'enrôlement.", "10 digits, printed on your e-ID card or enrolment receipt."),
        required: options.nationalIdRequired ?? false,
      },
      ...extra,
    ],
  };
}

/**
 * How to reach the applicant: a mobile phone or an e-mail address, one of them is enough (a citizen
 * may have signed up with either). Both are prefilled from the account.
 */
export function contactSection(): FormSection {
  return {
    id: "contact",
    title: l("Vos coordonnées", "Your contact details"),
    description: l("Indiquez au moins un moyen de vous joindre : un téléphone mobile ou une adresse électronique.", "Give at least one way to reach you: a mobile phone or an e-mail address."),
    fields: [
      { type: "phone", name: "telephone", label: l("Téléphone mobile", "Mobile phone"), hint: l("Au format +228 suivi de 8 chiffres, par exemple +228 90 12 34 56.", "+228 followed by 8 digits, for example +228 90 12 34 56."), required: false, contact: true },
      { type: "email", name: "courriel", label: l("Adresse électronique", "E-mail address"), hint: l("Pour recevoir les notifications et, le cas échéant, le document.", "To receive notifications and, where applicable, the document."), required: false, contact: true },
    ],
  };
}

/** The sworn statement that closes every form. */
export function declarationSection(): FormSection {
  return {
    id: "declaration",
    title: l("Déclaration", "Declaration"),
    fields: [
      {
        type: "checkbox",
        name: "attestation_sur_l_honneur",
        label: l(
          "J'atteste sur l'honneur l'exactitude des informations fournies. Toute fausse déclaration est passible de sanctions pénales.",
          "I certify on my honour that the information given is accurate. Any false statement is liable to criminal penalties.",
        ),
        required: true,
      },
    ],
  };
}
