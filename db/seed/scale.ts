/**
 * Scale seed: `npm run db:seed -- --cases 1000000` (after the demo seed, on PostgreSQL).
 *
 * Adds ~50 000 generated citizens (1 per 20 cases, at least 100) and N filed cases spread over
 * every office that handles a published procedure of its agency, over two years of filing dates
 * and over the statuses as they would stand (recent cases open, older ones mostly finished).
 * References are real ones (check character included) made in JS, unique within the run and
 * against the table; rows are written server-side in batches with INSERT … SELECT over unnest()
 * and generate_series, so a million cases take a couple of minutes, not hours.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { generateReference } from "../../app/domain/reference";
import type { Database } from "../client";

const FIRST_NAMES = [
  "Kossi", "Ama", "Kodjo", "Afi", "Komlan", "Akossiwa", "Yao", "Adjoa", "Kofi", "Abla", "Edem", "Esi", "Koffi", "Mawuli",
  "Sena", "Dzifa", "Essowè", "Pélagie", "Kwami", "Elom", "Aïcha", "Ibrahim", "Fati", "Moussa", "Mariam", "Tchilalo",
  "Essozimna", "Akouvi", "Kafui", "Yawa",
];
const LAST_NAMES = [
  "Mensah", "Agbeko", "Amouzou", "Kpodar", "Lawson", "Adjovi", "Gnassingbé", "Tchalla", "Koudjo", "Akakpo", "Ayivi",
  "Dogbé", "Eklou", "Fiagan", "Gbadoé", "Houngbo", "Kodjovi", "Kokou", "Ouro-Bawinay", "Sama", "Tchédré", "Wilson",
  "Attiogbé", "Bodjona", "Dosseh", "Agbodjan", "Nyaku", "Kétévi", "Aziagbé", "Tossou", "Abalo", "Bakali", "Pali",
  "Kpatcha", "Alou", "Issifou", "Yovo", "Améga", "Johnson", "Santos",
];

export interface ScaleSummary { citizens: number; cases: number; offices: number; durationMs: number }

const BATCH = 50_000;

/** Rows of db.execute: an array with postgres.js, `{ rows }` with PGlite. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** A PostgreSQL array literal, passed as one text parameter and cast in SQL (works on every driver). */
function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${String(v).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

export async function seedScale(db: Database, options: { cases: number; log?: (msg: string) => void }): Promise<ScaleSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const total = options.cases;
  const citizenCount = Math.max(100, Math.round(total / 20));

  // Where cases can go: each published procedure × each office of its agency accepting online cases.
  const combos = rowsOf<{ procedure_id: number; version_id: number; office_id: number; delay: number; staff_id: string | null }>(await db.execute(sql`
    select p.id as procedure_id, v.id as version_id, o.id as office_id, p.target_delay_days as delay,
      (select s.user_id::text from staff_role s where s.office_id = o.id order by s.role, s.user_id limit 1) as staff_id
    from procedure p
    join lateral (select id from procedure_version pv where pv.procedure_id = p.id order by pv.version desc limit 1) v on true
    join office o on o.agency_id = p.agency_id and o.accepts_online
    where p.status = 'published'
    order by o.id, p.id`));
  if (combos.length === 0) throw new Error("No published procedure with an office: run the demo seed first.");
  const offices = new Set(combos.map((c) => c.office_id)).size;
  log(`${combos.length} procedure × office pairs over ${offices} offices`);

  // Citizens: phone +228 9x xx xx xx, unique; name from the lists; region spread.
  const runTag = randomBytes(3).toString("hex");
  const phoneBase = Number.parseInt(runTag, 16) % 4_000_000; // two runs rarely collide; unique index decides
  await db.execute(sql`
    insert into "user" (email, phone, full_name, locale, region_code, notify_by_sms)
    select null,
      '+2289' || lpad(((${phoneBase}::bigint + g * 7919) % 10000000)::text, 7, '0'),
      (${pgArray(FIRST_NAMES)}::text[])[1 + (g * 7) % ${sql.raw(String(FIRST_NAMES.length))}] || ' ' || (${pgArray(LAST_NAMES)}::text[])[1 + (g * 13 + g / 97) % ${sql.raw(String(LAST_NAMES.length))}],
      case when g % 10 = 0 then 'en' else 'fr' end,
      (array['maritime','plateaux','centrale','kara','savanes'])[1 + g % 5],
      true
    from generate_series(1, ${sql.raw(String(citizenCount))}) g
    on conflict do nothing`);
  const citizenIds = rowsOf<{ id: string }>(
    await db.execute(sql`select id::text as id from "user" where email is null and phone like '+2289%' and password_hash is null`),
  ).map((r) => r.id);
  log(`${citizenIds.length} generated citizens`);

  const comboProc = combos.map((c) => c.procedure_id);
  const comboVersion = combos.map((c) => c.version_id);
  const comboOffice = combos.map((c) => c.office_id);
  const comboDelay = combos.map((c) => c.delay);
  const comboStaff = combos.map((c) => c.staff_id);
  const year = new Date().getUTCFullYear();
  const seen = new Set<string>();
  let inserted = 0;
  while (inserted < total) {
    const n = Math.min(BATCH, total - inserted);
    const refs: string[] = [];
    while (refs.length < n) {
      const ref = generateReference(year, (k) => randomBytes(k));
      if (!seen.has(ref)) {
        seen.add(ref);
        refs.push(ref);
      }
    }
    // r = random draw per row; age in days over two years (more recent cases weigh more);
    // status by age: open while young, mostly finished once old.
    await db.execute(sql`
      insert into "case" (reference, procedure_id, procedure_version_id, applicant_id, data, status, region_code,
        office_id, assignee_id, routing_reason, submitted_at, due_at, decided_at, status_changed_at, info_due_at,
        created_at, updated_at, version)
      select x.ref, (${pgArray(comboProc)}::int[])[x.c], (${pgArray(comboVersion)}::int[])[x.c], (${pgArray(citizenIds)}::uuid[])[1 + x.u],
        '{"motif":"Dossier généré (scale seed)"}'::jsonb, x.status, 'maritime',
        (${pgArray(comboOffice)}::int[])[x.c],
        case when x.status = 'submitted' then null else (${pgArray(comboStaff)}::uuid[])[x.c] end,
        'preferred_office', x.submitted, x.due,
        case when x.status in ('accepted','ready','delivered','rejected','closed') then least(x.submitted + interval '1 day' * (${pgArray(comboDelay)}::int[])[x.c] * x.r2 * 1.4, now()) end,
        least(x.submitted + interval '1 day' * x.r2 * 10, now()),
        case when x.status = 'awaiting_info' then now() + interval '1 day' * (1 + x.r2 * 29) end,
        x.submitted - interval '20 minutes', now(), 2
      from (
        select t.ref, t.c, t.u, t.submitted, t.r2,
          t.submitted + interval '1 day' * (${pgArray(comboDelay)}::int[])[t.c] as due,
          case
            when t.age < 3 then (array['submitted','submitted','submitted','in_review'])[1 + floor(t.r3 * 4)::int]
            when t.age < 30 then (array['submitted','in_review','in_review','in_review','awaiting_info','awaiting_info','accepted','ready','rejected','withdrawn'])[1 + floor(t.r3 * 10)::int]
            when t.age < 90 then (array['in_review','awaiting_info','ready','delivered','delivered','delivered','delivered','rejected','closed','submitted'])[1 + floor(t.r3 * 10)::int]
            else (array['delivered','delivered','delivered','delivered','delivered','delivered','delivered','rejected','closed','withdrawn','delivered','delivered','delivered','delivered','delivered','delivered','delivered','delivered','delivered','in_review'])[1 + floor(t.r3 * 20)::int]
          end as status
        from (
          select r.ref, 1 + floor(random() * ${sql.raw(String(combos.length))})::int as c, floor(random() * ${sql.raw(String(citizenIds.length))})::int as u,
            r.age, now() - interval '1 day' * r.age - interval '1 second' * floor(random() * 86400) as submitted,
            random() as r2, random() as r3
          from (select ref, 730 * power(random(), 1.6) as age from unnest(${pgArray(refs)}::text[]) ref) r
        ) t
      ) x`);
    inserted += n;
    log(`${inserted.toLocaleString("fr-FR")} cases`);
  }
  await db.execute(sql`analyze "case"`);
  await db.execute(sql`analyze "user"`);
  return { citizens: citizenIds.length, cases: inserted, offices, durationMs: Date.now() - started };
}
