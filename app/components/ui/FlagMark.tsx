/** A small flag-like mark (green and yellow bands, red square, white star); decorative. */
export function FlagMark() {
  return (
    <svg className="flag-mark" viewBox="0 0 30 20" width="30" height="20" aria-hidden="true" focusable="false">
      <path fill="#006a4e" d="M0 0h30v20H0z" />
      <path fill="#ffce00" d="M0 4h30v4H0zM0 12h30v4H0z" />
      <path fill="#d21034" d="M0 0h12v12H0z" />
      <path fill="#fff" d="m6 2.2 1 3h3.1L7.6 7l1 3L6 8.1 3.4 10l1-3L1.9 5.2H5z" />
    </svg>
  );
}
