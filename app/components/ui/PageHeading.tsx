import type { ReactNode } from "react";

export interface PageHeadingProps {
  children: ReactNode;
  /** A small line above the title saying where the page belongs ("Démarche", "Dossier TG-…"). */
  caption?: ReactNode;
  /** An introductory paragraph in larger type. */
  lead?: ReactNode;
}

/** The page's h1, with its optional caption and lead paragraph. */
export function PageHeading({ children, caption, lead }: PageHeadingProps) {
  return (
    <div className="page-heading">
      {caption ? <p className="page-heading__caption">{caption}</p> : null}
      <h1 className="page-heading__title">{children}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}
