import { useTranslation } from "react-i18next";
import { cx } from "./cx";

export interface TranslatedListProps {
  /** Namespace and key of an object whose values are the items, in order. */
  ns: string;
  i18nKey: string;
  className?: string;
}

/** A bulleted list written in the locale files as an object of sentences. */
export function TranslatedList({ ns, i18nKey, className }: TranslatedListProps) {
  const { t } = useTranslation(ns);
  const items: unknown = t(i18nKey, { returnObjects: true });
  if (!items || typeof items !== "object") return null;
  return (
    <ul className={cx("list list--bullet", className)}>
      {Object.entries(items as Record<string, string>).map(([key, text]) => (
        <li key={key}>{text}</li>
      ))}
    </ul>
  );
}
