import type { PublishProblem } from "~/services/admin/procedure-versions.server";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A form problem in the administrator's language (`admin:problems.<code>`). */
export function problemMessage(t: Translate, problem: PublishProblem): string {
  return t(`admin:problems.${problem.code}`, {
    section: "section" in problem ? problem.section : "",
    field: "field" in problem ? problem.field : "",
    value: "value" in problem ? problem.value : "",
  });
}

/** Where an administrator fixes a problem: the field's or the section's page of the form editor. */
export function problemLink(procedureId: number, problem: PublishProblem): string {
  const base = `/admin/demarches/${procedureId}/formulaire`;
  if ("field" in problem && problem.field) return `${base}/champs/${encodeURIComponent(problem.field)}`;
  if ("section" in problem && problem.section) return `${base}/sections/${encodeURIComponent(problem.section)}`;
  return base;
}
