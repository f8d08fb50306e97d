/**
 * Live preview of the field editor (/admin/demarches/:id/formulaire/champs/:name), loaded on its
 * own like the citizen form's script (decision 009): no React. On each change, ~300 ms later, it
 * asks the page itself for the preview of the unsaved values (GET ?apercu=1&…) and swaps the
 * `#apercu` region for the one in the answer. Without it, "Actualiser l'aperçu" does the same GET.
 */
const form = document.querySelector<HTMLFormElement>("form[data-field-editor]");
let timer: ReturnType<typeof setTimeout> | undefined;
let pending: AbortController | undefined;

async function refresh(editor: HTMLFormElement) {
  const query = new URLSearchParams();
  for (const [key, value] of new FormData(editor)) if (typeof value === "string") query.append(key, value);
  query.set("apercu", "1");
  pending?.abort();
  pending = new AbortController();
  try {
    const response = await fetch(`${editor.dataset.previewUrl}?${query}`, { signal: pending.signal, headers: { Accept: "text/html" } });
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("apercu");
    const current = document.getElementById("apercu");
    if (fresh && current) current.replaceWith(document.importNode(fresh, true));
  } catch {
    // An aborted or failed request leaves the preview as it was; "Actualiser l'aperçu" still works.
  }
}

if (form) {
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(form), 300);
  };
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
}
