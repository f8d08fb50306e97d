import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/domain/files";
import { audit } from "~/services/audit.server";
import { getFileStorage } from "~/services/storage";
import { findDownloadableAttachment } from "~/services/uploads.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

/**
 * GET /pieces/:id — a document of a case, for its applicant or the staff (agent, supervisor) of
 * the office handling it; anyone else gets a 404, logged. Sent as a download with the type sniffed
 * at upload; `?inline=1` shows it in the browser (images, PDF) after the same checks.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const id = params.id ?? "";
  const found = await findDownloadableAttachment(db, {
    attachmentId: id,
    userId: user.id,
    officeIds: user.officeRoles.map((r) => r.officeId),
  });
  if (!found) {
    await audit(db, {
      action: "access.refused",
      outcome: "refused",
      actorId: user.id,
      targetType: "attachment",
      targetId: id.slice(0, 100),
      ip: context?.ip ?? null,
      requestId: context?.requestId ?? request.headers.get("x-request-id"),
      details: { method: request.method, path: new URL(request.url).pathname },
    });
    throw new Response("Not Found", { status: 404 });
  }

  const stream = await getFileStorage().get(found.storageKey);
  if (!stream) {
    console.error(JSON.stringify({ msg: "attachment file missing from storage", attachmentId: found.id, storageKey: found.storageKey }));
    throw new Response("File unavailable", { status: 500 });
  }
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return new Response(createReadableStreamFromReadable(stream), {
    status: 200,
    headers: {
      "Content-Type": found.mimeType,
      "Content-Length": String(found.sizeBytes),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", found.filename),
      "Cache-Control": "private, no-store",
    },
  });
}
