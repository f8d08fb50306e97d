import type { RegionCode, Role } from "../../app/domain/constants";

export interface DemoAccount {
  /** Exactly one of email and phone is the sign-in identifier. */
  email: string | null;
  phone: string | null;
  fullName: string;
  role: Role;
  /** Office code (see data/offices.ts) for agents and supervisors. */
  officeCode: string | null;
  regionCode: RegionCode | null;
  /** What the account is for, in French (listed in the README). */
  description: string;
}

/** One account per role, for demonstrations and end-to-end tests. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "citoyen@demo.tg", phone: null, fullName: "Afi Mensah", role: "citizen", officeCode: null, regionCode: "maritime", description: "Citoyenne inscrite avec son adresse électronique, habite Lomé" },
  { email: null, phone: "+22890000001", fullName: "Kodjo Agbéko", role: "citizen", officeCode: null, regionCode: "kara", description: "Citoyen inscrit avec son numéro de mobile, habite Kara" },
  { email: "agent.lome@demo.tg", phone: null, fullName: "Yawa Amégah", role: "agent", officeCode: "TPI-LOM", regionCode: "maritime", description: "Agente du greffe du tribunal de première instance de Lomé (casier judiciaire, nationalité)" },
  { email: "chef.lome@demo.tg", phone: null, fullName: "Komi Adjévi", role: "supervisor", officeCode: "TPI-LOM", regionCode: "maritime", description: "Chef de bureau du greffe du tribunal de première instance de Lomé" },
  { email: "agent.kara@demo.tg", phone: null, fullName: "Essowè Pali", role: "agent", officeCode: "TPI-KAR", regionCode: "kara", description: "Agent du greffe du tribunal de première instance de Kara" },
  { email: "operateur@demo.tg", phone: null, fullName: "Mawuli Kpodar", role: "operator", officeCode: null, regionCode: null, description: "Opérateur réseau de la cellule e-Gouvernement (sites, liaisons, maintenances)" },
  { email: "admin@demo.tg", phone: null, fullName: "Abla Tchalla", role: "admin", officeCode: null, regionCode: null, description: "Administratrice du portail (catalogue, bureaux, comptes)" },
];

/** Used when DEMO_PASSWORD is not set, and only outside production or on the embedded database. */
export const DEFAULT_DEMO_PASSWORD = "guichet-demo";

export type DemoPasswordDecision =
  | { password: string; source: "env" | "default" }
  | { password: null; reason: string };

/**
 * The password of the demo accounts. A production seed never creates default passwords:
 * DEMO_PASSWORD if set; else the default when NODE_ENV is not "production" or the database is
 * the embedded PGlite; else none (the demo accounts are skipped).
 */
export function decideDemoPassword(env: NodeJS.ProcessEnv, driver: "postgres" | "pglite"): DemoPasswordDecision {
  const fromEnv = env.DEMO_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < 8) throw new Error("DEMO_PASSWORD must have at least 8 characters");
    return { password: fromEnv, source: "env" };
  }
  if (env.NODE_ENV !== "production" || driver === "pglite") return { password: DEFAULT_DEMO_PASSWORD, source: "default" };
  return {
    password: null,
    reason: "NODE_ENV=production on PostgreSQL without DEMO_PASSWORD: demo accounts are not created (set DEMO_PASSWORD to create them).",
  };
}

/** The demo password, or null when demo accounts must not be created. */
export function resolveDemoPassword(env: NodeJS.ProcessEnv, driver: "postgres" | "pglite"): string | null {
  return decideDemoPassword(env, driver).password;
}
