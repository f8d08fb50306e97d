import type { ReactNode } from "react";

/**
 * Small geometric marks drawn on a 16×16 grid in the current text colour. Each status has its
 * own shape, so a status never depends on colour alone. Always decorative: the text says it.
 */
const SHAPES = {
  // Dashed ring: not finished yet.
  dashedCircle: <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="3 2.3" />,
  hourglass: <path d="M3 1h10v2.5L9.5 8 13 12.5V15H3v-2.5L6.5 8 3 3.5z" />,
  arrowRight: <path d="M1 7h9V3l5 5-5 5V9H1z" />,
  magnifier: (
    <>
      <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M9.5 11l1.5-1.5 4 4-1.5 1.5z" />
    </>
  ),
  question: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5.8 6.2a2.2 2.2 0 1 1 3.3 1.9c-.7.4-1 .8-1 1.5v.4" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <circle cx="8.1" cy="12" r="1" />
    </>
  ),
  check: <path d="M1.5 8.5 3.5 6.5l3 3 6-6 2 2-8 8z" />,
  star: <path d="M8 .8l2.2 4.6 5 .6-3.7 3.5 1 5L8 12l-4.5 2.5 1-5L.8 6l5-.6z" />,
  doubleCheck: (
    <>
      <path d="M0 9l1.5-1.5L4 10 10 4l1.5 1.5L4 13z" />
      <path d="M7 11.5 8.5 13 15 6.5 13.5 5 8.5 10z" />
    </>
  ),
  cross: <path d="M2 4l2-2 4 4 4-4 2 2-4 4 4 4-2 2-4-4-4 4-2-2 4-4z" />,
  minusCircle: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M4 7h8v2H4z" />
    </>
  ),
  arrowBack: <path d="M6 2v3h4a5 5 0 0 1 0 10H7v-2.5h3a2.5 2.5 0 0 0 0-5H6v3L1 6z" />,
  checkCircle: (
    <>
      <circle cx="8" cy="8" r="7.5" />
      <path d="M3.8 8.3 5.2 6.9l1.9 1.9 3.7-3.7 1.4 1.4-5.1 5.1z" fill="#fff" />
    </>
  ),
  triangle: (
    <>
      <path d="M8 .8 15.6 14.6H.4z" />
      <path d="M7 5h2v5H7zM7 11.2h2v2H7z" fill="#fff" />
    </>
  ),
  crossCircle: (
    <>
      <circle cx="8" cy="8" r="7.5" />
      <path d="M4.5 5.9l1.4-1.4L8 6.6l2.1-2.1 1.4 1.4L9.4 8l2.1 2.1-1.4 1.4L8 9.4l-2.1 2.1-1.4-1.4L6.6 8z" fill="#fff" />
    </>
  ),
  wrench: <path d="M10.5.8a4.5 4.5 0 0 0-4.2 6L.9 12.2a1.6 1.6 0 0 0 0 2.3l.6.6a1.6 1.6 0 0 0 2.3 0l5.4-5.4a4.5 4.5 0 0 0 6-4.2l-2.6 2.6-2.4-.6-.6-2.4z" />,
  infoCircle: (
    <>
      <circle cx="8" cy="8" r="7.5" />
      <path d="M7 7h2v5H7zM7 3.8h2v2H7z" fill="#fff" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof SHAPES;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={className ? `icon ${className}` : "icon"} viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true" focusable="false">
      {SHAPES[name]}
    </svg>
  );
}
