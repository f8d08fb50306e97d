/**
 * Progressive enhancement of a form section page, when JavaScript runs (the page works without):
 * - fields that depend on an answer of the same page are shown only when that answer calls for them;
 * - "Continuer" checks the answers in the browser with the same rules as the server
 *   (validateSection from schema.ts) and shows the same error summary and inline errors without a
 *   round trip; a file over the size limit is caught before it is sent over a slow connection.
 * Not React: a small standalone script (built by Vite as a self-contained bundle, see the route).
 */
import type { TFunction } from "i18next";
import type { FileField, FormField } from "~/domain/forms/definition";
import { validateSection, visibleFieldNames, type RawValues } from "~/domain/forms/schema";
import { ENHANCE_CONFIG_ID, type EnhanceConfig } from "./enhance-config";
import { fieldControlId, fieldErrorMessage, rejectionMessage } from "./messages";

const MB = 1024 * 1024;

function readConfig(): EnhanceConfig | null {
  const element = document.getElementById(ENHANCE_CONFIG_ID);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as EnhanceConfig;
  } catch {
    return null;
  }
}

/** i18next's t over the page's templates ("forms:errors.required" → "Renseignez « {{label}} ».") */
function translator(templates: Record<string, string>): TFunction {
  const t = (key: string, params: Record<string, unknown> = {}) => {
    const template = templates[key.replace(/^forms:/, "")] ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
  };
  return t as unknown as TFunction;
}

function rawValues(form: HTMLFormElement): RawValues {
  const raw: RawValues = {};
  const data = new FormData(form);
  for (const name of new Set(data.keys())) {
    if (name === "intent") continue;
    const values = data.getAll(name).filter((v): v is string => typeof v === "string");
    if (values.length === 1) raw[name] = values[0];
    else if (values.length > 1) raw[name] = values;
  }
  return raw;
}

const wrapperOf = (field: FormField) => document.getElementById(fieldControlId(field.name))?.closest<HTMLElement>(".field") ?? null;

function withoutErrorIds(value: string | null): string {
  return (value ?? "")
    .split(/\s+/)
    .filter((id) => id && !id.endsWith("-error"))
    .join(" ");
}

function setDescribedBy(element: Element, ids: string) {
  if (ids) element.setAttribute("aria-describedby", ids);
  else element.removeAttribute("aria-describedby");
}

function clearError(wrapper: HTMLElement) {
  wrapper.classList.remove("field--error");
  wrapper.querySelectorAll(".error-message").forEach((e) => e.remove());
  wrapper.querySelectorAll(".input--error").forEach((e) => e.classList.remove("input--error"));
  wrapper.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  wrapper.querySelectorAll("[aria-describedby]").forEach((e) => setDescribedBy(e, withoutErrorIds(e.getAttribute("aria-describedby"))));
}

function showError(field: FormField, message: string, prefix: string) {
  const wrapper = wrapperOf(field);
  const control = document.getElementById(fieldControlId(field.name));
  if (!wrapper || !control) return;
  const fieldset = wrapper.querySelector("fieldset");
  const errorId = fieldset ? `${fieldControlId(field.name)}-group-error` : `${fieldControlId(field.name)}-error`;
  const p = document.createElement("p");
  p.className = "error-message";
  p.id = errorId;
  const hidden = document.createElement("span");
  hidden.className = "visually-hidden";
  hidden.textContent = `${prefix} `;
  p.append(hidden, message);

  if (fieldset) {
    fieldset.insertBefore(p, fieldset.querySelector(".choices"));
    setDescribedBy(fieldset, `${withoutErrorIds(fieldset.getAttribute("aria-describedby"))} ${errorId}`.trim());
    fieldset.querySelectorAll("input").forEach((input) => input.setAttribute("aria-invalid", "true"));
  } else {
    const hint = document.getElementById(`${fieldControlId(field.name)}-hint`);
    if (hint && hint.parentElement === wrapper) hint.after(p);
    else if (wrapper.querySelector(".choices")) wrapper.prepend(p);
    else wrapper.querySelector("label")?.after(p);
    setDescribedBy(control, `${withoutErrorIds(control.getAttribute("aria-describedby"))} ${errorId}`.trim());
    control.setAttribute("aria-invalid", "true");
    if (control.classList.contains("input")) control.classList.add("input--error");
  }
  wrapper.classList.add("field--error");
}

function showSummary(form: HTMLFormElement, title: string, items: { id: string; message: string }[]) {
  document.querySelectorAll(".error-summary").forEach((e) => e.remove());
  if (items.length === 0) return;
  const summary = document.createElement("div");
  summary.className = "error-summary";
  summary.setAttribute("role", "alert");
  summary.setAttribute("aria-labelledby", "resume-erreurs-client");
  summary.tabIndex = -1;
  const heading = document.createElement("h2");
  heading.className = "error-summary__title";
  heading.id = "resume-erreurs-client";
  heading.textContent = title;
  const list = document.createElement("ul");
  list.className = "error-summary__list";
  for (const item of items) {
    const link = document.createElement("a");
    link.href = `#${item.id}`;
    link.textContent = item.message;
    link.addEventListener("click", (event) => {
      const control = document.getElementById(item.id);
      if (!control) return;
      event.preventDefault();
      (document.querySelector(`label[for="${item.id}"]`) ?? control.closest("fieldset")?.querySelector("legend") ?? control).scrollIntoView();
      control.focus({ preventScroll: true });
    });
    const li = document.createElement("li");
    li.append(link);
    list.append(li);
  }
  summary.append(heading, list);
  form.before(summary);
  summary.focus();
}

function enhance(form: HTMLFormElement, config: EnhanceConfig) {
  const { section, data, locale } = config;
  const t = translator(config.templates);
  const names = new Set(section.fields.map((f) => f.name));
  const dependent = section.fields.filter((f) => f.showIf && names.has(f.showIf.field));

  const updateVisibility = () => {
    const visible = new Set(visibleFieldNames(section, rawValues(form), data));
    for (const field of dependent) {
      const wrapper = wrapperOf(field);
      if (wrapper) wrapper.hidden = !visible.has(field.name);
    }
  };
  if (dependent.length > 0) {
    form.addEventListener("change", updateVisibility);
    form.addEventListener("input", updateVisibility);
    updateVisibility();
  }

  form.addEventListener("submit", (event) => {
    const submitter = event.submitter as HTMLButtonElement | null;
    if (submitter?.name === "intent" && submitter.value !== "continue") return;
    const raw = rawValues(form);
    const errors = new Map<string, string>();
    const result = validateSection(section, raw, data);
    if (!result.ok) {
      for (const [name, code] of Object.entries(result.errors)) {
        const field = section.fields.find((f) => f.name === name);
        if (field) errors.set(name, fieldErrorMessage(t, field, code, locale));
      }
    }
    const visible = new Set(visibleFieldNames(section, raw, data));
    for (const field of section.fields) {
      if (field.type !== "file" || !visible.has(field.name)) continue;
      const input = document.getElementById(fieldControlId(field.name)) as HTMLInputElement | null;
      const file = input?.files?.[0];
      const max = ((field as FileField).maxSizeMb || 10) * MB;
      if (file && file.size > max) errors.set(field.name, rejectionMessage(t, field, { filename: file.name, code: "too_large" }, locale));
      else if (!file && field.required && !config.uploaded.includes(field.name)) errors.set(field.name, fieldErrorMessage(t, field, "file_required", locale));
    }

    for (const field of section.fields) {
      const wrapper = wrapperOf(field);
      if (wrapper) clearError(wrapper);
    }
    if (errors.size === 0) {
      document.querySelectorAll(".error-summary").forEach((e) => e.remove());
      return;
    }
    event.preventDefault();
    const items: { id: string; message: string }[] = [];
    for (const field of section.fields) {
      const message = errors.get(field.name);
      if (!message) continue;
      showError(field, message, config.errorPrefix);
      items.push({ id: fieldControlId(field.name), message });
    }
    showSummary(form, config.summaryTitle, items);
  });
}

const config = readConfig();
const form = document.querySelector<HTMLFormElement>("form[data-form-section]");
if (config && form) enhance(form, config);
