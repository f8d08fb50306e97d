/** Paragraphs and line breaks of a plain-text message, as typed. */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, p) => (
        <p key={p}>
          {paragraph.split("\n").map((line, l) => (
            <span key={l}>
              {l > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
