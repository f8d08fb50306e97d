import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { firstIncompleteStep, stepPath } from "~/domain/forms/steps";
import { loadDraftForm } from "~/services/form-steps.server";

/** "Reprendre": the first step not done yet, or the check-your-answers page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase, definition, progress } = await loadDraftForm(request, params.reference);
  return redirect(stepPath(kase.reference, firstIncompleteStep(definition, progress).id));
}
