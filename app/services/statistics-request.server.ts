/**
 * What the statistics page and its CSV share: who may see them (a supervisor of the office asked
 * for — anyone else gets the 404 of a refusal, audited), which office, which period.
 */
import type { Locale } from "~/domain/constants";
import { parsePeriod, type PeriodResult } from "~/domain/statistics";
import { officeStatistics, supervisedOffices, type OfficeStatistics } from "~/services/statistics.server";
import { requireRole, requireStaffOf } from "~/utils/auth.server";
import type { RequestContext } from "~/utils/context";
import { getDb } from "~/utils/db.server";

export interface StatisticsRequest {
  offices: { id: number; code: string; name: string }[];
  office: { id: number; code: string; name: string };
  /** The dates as typed (kept on error). */
  raw: { from: string; to: string };
  period: PeriodResult;
  stats: OfficeStatistics | null;
}

export async function loadStatisticsRequest(request: Request, locale: Locale, context?: Partial<RequestContext>, now = new Date()): Promise<StatisticsRequest> {
  const user = await requireRole(request, ["agent", "supervisor"], context);
  const db = await getDb();
  const offices = await supervisedOffices(
    db,
    user.officeRoles.filter((r) => r.role === "supervisor").map((r) => r.officeId),
  );
  const url = new URL(request.url);
  const wanted = url.searchParams.get("bureau");
  const office = wanted ? offices.find((o) => o.code === wanted) : offices[0];
  // An agent, or an office the user does not supervise: the guard refuses (404, audited).
  await requireStaffOf(request, office?.id ?? -1, { role: "supervisor", context });
  if (!office) throw new Response("Not Found", { status: 404 });

  const raw = { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
  const period = parsePeriod(raw, now);
  const stats = period.ok ? await officeStatistics(db, { officeId: office.id, period: period.period, locale, now }) : null;
  return { offices, office, raw, period, stats };
}
