import { attestationCnss, creationEntreprise, regulariteFiscale } from "./business";
import { acteNaissance, certificatResidence, legalisation } from "./civil-status";
import { authentificationDiplome, bourseEtudes } from "./education";
import { duplicataPermisConduire, permisConstruire } from "./housing-transport";
import { carteIdentite, passeport } from "./identity";
import { casierJudiciaire, certificatNationalite } from "./justice";
import type { ProcedureSeed } from "./fields";

export type { ProcedureSeed } from "./fields";

/** The demo catalogue: 12 published procedures, one draft, one closed. */
export const PROCEDURES: readonly ProcedureSeed[] = [
  casierJudiciaire,
  certificatNationalite,
  acteNaissance,
  passeport,
  carteIdentite,
  creationEntreprise,
  legalisation,
  authentificationDiplome,
  permisConstruire,
  duplicataPermisConduire,
  attestationCnss,
  certificatResidence,
  regulariteFiscale,
  bourseEtudes,
];
