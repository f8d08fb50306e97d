import { asc, eq, inArray } from "drizzle-orm";
import { caseEvents, notes, users } from "../../db/schema";
import type { Executor } from "~/utils/db.server";
import { loadCasePage } from "./citizen-cases.server";
import type { StaffCase } from "./staff-cases.server";
import { listCaseAttachments } from "./uploads.server";

/**
 * What the agent's case page shows besides the case itself: the history with who did each step,
 * the messages with their files, the issued documents, the files of the form, and the private
 * notes of the office (never shown to the citizen).
 */
export async function loadStaffCasePage(executor: Executor, found: Pick<StaffCase, "id" | "status">) {
  const [shared, events, noteRows, formFiles] = await Promise.all([
    loadCasePage(executor, found),
    executor
      .select({
        id: caseEvents.id,
        type: caseEvents.type,
        at: caseEvents.at,
        payload: caseEvents.payload,
        actorName: users.fullName,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorId))
      .where(eq(caseEvents.caseId, found.id))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id)),
    executor
      .select({
        id: notes.id,
        body: notes.body,
        createdAt: notes.createdAt,
        authorName: users.fullName,
      })
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(eq(notes.caseId, found.id))
      .orderBy(asc(notes.createdAt), asc(notes.id)),
    listCaseAttachments(executor, found.id),
  ]);
  // An assignment by a supervisor names the colleague in its payload (assigneeId): give his name.
  const assigneeIds = [...new Set(events.map((e) => e.payload.assigneeId).filter((id): id is string => typeof id === "string"))];
  const names = new Map<string, string>();
  if (assigneeIds.length > 0) {
    const rows = await executor.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, assigneeIds));
    for (const row of rows) names.set(row.id, row.fullName);
  }
  for (const event of events) {
    const name = typeof event.payload.assigneeId === "string" ? names.get(event.payload.assigneeId) : undefined;
    if (name) event.payload = { ...event.payload, assigneeName: name };
  }
  return {
    events,
    messages: shared.messages,
    documents: shared.documents,
    notes: noteRows,
    formFiles,
  };
}
