import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { firstIncompleteStep, stepPath } from "~/domain/forms/steps";
import { loadDraftForm } from "~/services/form-steps.server";

/** "Reprendre": the first step not done yet, or the check-your-answers page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase, definition, progress } = await loadDraftForm(request, params.reference);
  return redirect(stepPath(kase.reference, firstIncompleteStep(definition, progress).id));
}

/** Never shown (the loader always redirects): a page route, so that a 404 renders the error page. */
export default function ResumeForm() {
  return null;
}
