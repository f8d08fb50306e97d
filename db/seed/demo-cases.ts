/**
 * Demo cases of the citizen citoyen@demo.tg (Afi Mensah, Lomé), one per stage of the lifecycle
 * a demonstration needs: filed, under review, waiting for her answer, accepted, rejected — with
 * their history, at dates relative to the demo clock. Deterministic: references and tracking
 * codes come from the seeded PRNG.
 */
import { createHash } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { CaseStatus } from "../../app/domain/constants";
import { dueDate } from "../../app/domain/deadlines";
import { generateReference, generateTrackingCode } from "../../app/domain/reference";
import type { RoutingReason } from "../../app/domain/routing";
import type { Executor } from "../client";
import { caseEvents, cases, messages, offices, procedures, procedureVersions, users } from "../schema";
import { createRandom, DEMO_SEED } from "./random";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEMO_CITIZEN_EMAIL = "citoyen@demo.tg";

export interface DemoCase {
  reference: string;
  status: CaseStatus;
  slug: string;
}

interface EventSeed {
  type: string;
  from: CaseStatus | null;
  to: CaseStatus;
  /** Time before the demo clock. */
  ago: number;
  actor: "citizen" | "agent" | "supervisor" | null;
  payload?: Record<string, unknown>;
}

interface CaseSeed {
  slug: string;
  officeCode: string;
  routingReason: RoutingReason;
  status: CaseStatus;
  onBehalfOf?: { fullName: string; relationship: string };
  assigned: boolean;
  data: Record<string, unknown>;
  events: EventSeed[];
  /** A message from the office, sent with the last event. */
  officeMessage?: string;
  decided?: boolean;
}

const APPLICANT = {
  nom: "MENSAH",
  prenoms: "Afi Enyonam",
  date_naissance: "1991-03-14",
  lieu_naissance: "Lomé",
  niu: "3019104417",
  telephone: "+22890112233",
  courriel: DEMO_CITIZEN_EMAIL,
  attestation_sur_l_honneur: true,
};

const INFO_REQUEST = {
  message:
    "Bonjour Madame Mensah. Pour établir votre certificat de nationalité, il nous manque le certificat de nationalité de votre père, M. Koffi Mensah. Merci de le joindre en réponse à ce message, en PDF ou en photo bien lisible.",
  checklist: ["Certificat de nationalité du père (copie lisible)", "Copie de la carte d'identité du père, si vous l'avez"],
};

const REJECTION_REASON =
  "L'acte de naissance joint ne porte pas la mention de la nationalité de vos parents et le certificat de nationalité du parent n'a pas été fourni. Vous pouvez déposer une nouvelle demande avec ces pièces.";

/** When each demo case was filed, before the demo clock (the order of demoCases below). */
const FILED_AGO = [3 * HOUR, 2 * DAY + 5 * HOUR, 6 * DAY + 3 * HOUR, 24 * DAY + 6 * HOUR, 65 * DAY + 2 * HOUR] as const;
const STATUSES: readonly CaseStatus[] = ["submitted", "in_review", "awaiting_info", "accepted", "rejected"];

export interface DemoCaseKeys {
  reference: string;
  trackingCode: string;
  status: CaseStatus;
}

/**
 * The references and tracking codes of the demo cases for a demo clock and seed: the seed uses
 * them, and end-to-end tests can follow a demo case on /suivi without reading the database.
 */
export function demoCaseKeys(now: Date, seed: number = DEMO_SEED): DemoCaseKeys[] {
  // A PRNG stream of their own: adding cases never changes the network data.
  const random = createRandom(seed + 4);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => random.int(0, 255));
  return FILED_AGO.map((ago, i) => {
    const reference = generateReference(new Date(now.getTime() - ago).getUTCFullYear(), bytes);
    return { reference, trackingCode: generateTrackingCode(bytes), status: STATUSES[i]! };
  });
}

function submitted(ago: number, officeName: string, reason: RoutingReason, officeId: number): EventSeed {
  return { type: "submitted", from: "draft", to: "submitted", ago, actor: "citizen", payload: { officeId, officeName, reason } };
}

function demoCases(office: (code: string) => { id: number; name: string }): CaseSeed[] {
  const tpi = office("TPI-LOM");
  const dec = office("DEC-G4");
  const steps = (pour: "self" | "other", ...ids: string[]) => ({ _pourQui: pour, _etapes: ["pour-qui", ...ids, "bureau"] });
  return [
    {
      // Filed this morning for her son, not yet taken.
      slug: "copie-acte-naissance",
      officeCode: "DEC-G4",
      routingReason: "preferred_office",
      status: "submitted",
      onBehalfOf: { fullName: "Kossi Mensah", relationship: "enfant" },
      assigned: false,
      data: {
        ...steps("other", "acte", "demandeur", "pieces", "contact", "declaration"),
        type_acte: "copie_integrale",
        beneficiaire: "enfant",
        nom_titulaire: "MENSAH Kossi Elom",
        date_naissance_titulaire: "2016-08-22",
        centre_etat_civil: "Mairie de Golfe 4 (Amoutivé)",
        annee_acte: 2016,
        nombre_copies: 2,
        ...APPLICANT,
      },
      events: [submitted(FILED_AGO[0], dec.name, "preferred_office", dec.id)],
    },
    {
      // Under review since yesterday.
      slug: "extrait-casier-judiciaire",
      officeCode: "TPI-LOM",
      routingReason: "least_loaded_up",
      status: "in_review",
      assigned: true,
      data: {
        ...steps("self", "demandeur", "demande", "pieces", "contact", "declaration"),
        ...APPLICANT,
        nom_pere: "MENSAH Koffi",
        nom_mere: "AMEGAH Akossiwa",
        motif: "concours",
        nombre_exemplaires: 1,
      },
      events: [
        submitted(FILED_AGO[1], tpi.name, "least_loaded_up", tpi.id),
        { type: "taken", from: "submitted", to: "in_review", ago: 1 * DAY + 2 * HOUR, actor: "agent" },
      ],
    },
    {
      // The office asked her for a missing piece two days ago.
      slug: "certificat-nationalite",
      officeCode: "TPI-LOM",
      routingReason: "least_loaded_up",
      status: "awaiting_info",
      assigned: true,
      data: {
        ...steps("self", "demandeur", "fondement", "pieces", "contact", "declaration"),
        ...APPLICANT,
        fondement: "filiation",
        parent_togolais: "pere",
        nom_parent: "MENSAH Koffi",
      },
      events: [
        submitted(FILED_AGO[2], tpi.name, "least_loaded_up", tpi.id),
        { type: "taken", from: "submitted", to: "in_review", ago: 5 * DAY, actor: "agent" },
        { type: "info_requested", from: "in_review", to: "awaiting_info", ago: 2 * DAY + 4 * HOUR, actor: "agent", payload: INFO_REQUEST },
      ],
      officeMessage: INFO_REQUEST.message,
    },
    {
      // Accepted three weeks ago; the bulletin is delivered electronically.
      slug: "extrait-casier-judiciaire",
      officeCode: "TPI-LOM",
      routingReason: "least_loaded_up",
      status: "accepted",
      assigned: true,
      decided: true,
      data: {
        ...steps("self", "demandeur", "demande", "pieces", "contact", "declaration"),
        ...APPLICANT,
        nom_pere: "MENSAH Koffi",
        nom_mere: "AMEGAH Akossiwa",
        motif: "emploi",
        nombre_exemplaires: 2,
      },
      events: [
        submitted(FILED_AGO[3], tpi.name, "least_loaded_up", tpi.id),
        { type: "taken", from: "submitted", to: "in_review", ago: 23 * DAY + 1 * HOUR, actor: "agent" },
        { type: "accepted", from: "in_review", to: "accepted", ago: 22 * DAY + 3 * HOUR, actor: "agent" },
      ],
    },
    {
      // Her first nationality request, two months ago, refused for a missing piece.
      slug: "certificat-nationalite",
      officeCode: "TPI-LOM",
      routingReason: "least_loaded_up",
      status: "rejected",
      assigned: true,
      decided: true,
      data: {
        ...steps("self", "demandeur", "fondement", "pieces", "contact", "declaration"),
        ...APPLICANT,
        fondement: "filiation",
        parent_togolais: "pere",
        nom_parent: "MENSAH Koffi",
      },
      events: [
        submitted(FILED_AGO[4], tpi.name, "least_loaded_up", tpi.id),
        { type: "taken", from: "submitted", to: "in_review", ago: 63 * DAY, actor: "agent" },
        { type: "rejected", from: "in_review", to: "rejected", ago: 60 * DAY + 5 * HOUR, actor: "supervisor", payload: { reason: REJECTION_REASON } },
      ],
    },
  ];
}

/**
 * Inserts the demo cases (nothing when the demo citizen was not created). Needs the offices,
 * procedures and demo accounts already in the transaction.
 */
export async function seedDemoCases(tx: Executor, options: { now: Date; seed?: number }): Promise<DemoCase[]> {
  const { now } = options;
  const accounts = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [DEMO_CITIZEN_EMAIL, "agent.lome@demo.tg", "chef.lome@demo.tg"]));
  const accountId = (email: string) => accounts.find((a) => a.email === email)?.id ?? null;
  const citizenId = accountId(DEMO_CITIZEN_EMAIL);
  if (!citizenId) return [];
  const actors = { citizen: citizenId, agent: accountId("agent.lome@demo.tg"), supervisor: accountId("chef.lome@demo.tg") };

  const officeRows = await tx.select({ id: offices.id, code: offices.code, name: offices.name }).from(offices).where(inArray(offices.code, ["TPI-LOM", "DEC-G4"]));
  const office = (code: string) => {
    const found = officeRows.find((o) => o.code === code);
    if (!found) throw new Error(`Demo cases: unknown office ${code}`);
    return found;
  };
  const seeds = demoCases(office);
  const keys = demoCaseKeys(now, options.seed);
  const created: DemoCase[] = [];

  for (const [i, seed] of seeds.entries()) {
    const [procedure] = await tx
      .select({ id: procedures.id, delay: procedures.targetDelayDays, versionId: procedureVersions.id })
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id))
      .where(and(eq(procedures.slug, seed.slug)))
      .orderBy(desc(procedureVersions.version))
      .limit(1);
    if (!procedure) throw new Error(`Demo cases: unknown procedure ${seed.slug}`);
    const at = (ago: number) => new Date(now.getTime() - ago);
    const filed = at(seed.events[0]!.ago);
    const last = seed.events[seed.events.length - 1]!;
    const { reference, trackingCode: code, status } = keys[i]!;
    if (status !== seed.status) throw new Error("Demo cases: keys and cases out of order");
    const officeId = office(seed.officeCode).id;

    const [row] = await tx
      .insert(cases)
      .values({
        reference,
        trackingCodeHash: createHash("sha256").update(code).digest("hex"),
        procedureId: procedure.id,
        procedureVersionId: procedure.versionId,
        applicantId: citizenId,
        onBehalfOf: seed.onBehalfOf ?? null,
        data: seed.data,
        status: seed.status,
        regionCode: "maritime",
        preferredOfficeId: seed.routingReason === "preferred_office" ? officeId : null,
        officeId,
        assigneeId: seed.assigned ? actors.agent : null,
        routingReason: seed.routingReason,
        submittedAt: filed,
        dueAt: dueDate(filed, procedure.delay, 0),
        decidedAt: seed.decided ? at(last.ago) : null,
        statusChangedAt: at(last.ago),
        infoDueAt: seed.status === "awaiting_info" ? new Date(at(last.ago).getTime() + 30 * DAY) : null,
        version: seed.events.length,
        // The draft was started a little before filing.
        createdAt: new Date(filed.getTime() - 40 * 60 * 1000),
        updatedAt: at(last.ago),
      })
      .returning({ id: cases.id });
    const caseId = row!.id;
    await tx.insert(caseEvents).values(
      seed.events.map((event) => ({
        caseId,
        type: event.type,
        fromStatus: event.from,
        toStatus: event.to,
        actorId: event.actor ? actors[event.actor] : null,
        at: at(event.ago),
        payload: event.payload ?? {},
      })),
    );
    if (seed.officeMessage && actors.agent) {
      await tx.insert(messages).values({ caseId, authorId: actors.agent, fromOffice: officeId, body: seed.officeMessage, createdAt: at(last.ago) });
    }
    created.push({ reference, status: seed.status, slug: seed.slug });
  }
  return created;
}
