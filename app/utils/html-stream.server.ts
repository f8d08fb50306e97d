import { Transform, type TransformCallback } from "node:stream";

/**
 * The size of the buffers React 18.3.1's server renderer fills before writing them out.
 * When the next character of a string does not fit in what is left of a buffer, React writes the
 * whole buffer anyway, with the one to three bytes it could not fill still zero, then starts the
 * next buffer with that character (react issue 31134; fixed only in React 19, which Remix 2
 * refuses). A browser reads those NUL bytes as U+FFFD « � » inside the text, and a form posts
 * them back: typed text corrupted on save. See docs/decisions/015-citizen-journey.md.
 */
export const REACT_VIEW_SIZE = 2048;

/** At most a UTF-8 character's length minus one: what can be left unfilled in a buffer. */
const MAX_UNFILLED = 3;

/**
 * The stream that React's `pipe()` writes the HTML into: it passes every chunk on as it came,
 * except that a full React buffer ending in NUL bytes loses them. Nothing else can end that way:
 * every other buffer is written cut to what was filled, and a page has no NUL byte of its own
 * to lose (PostgreSQL text cannot hold one, and an HTML parser would replace it anyway).
 */
export function createHtmlBodyStream(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (chunk.length !== REACT_VIEW_SIZE || chunk[chunk.length - 1] !== 0) return callback(null, chunk);
      let end = chunk.length;
      while (end > chunk.length - MAX_UNFILLED && chunk[end - 1] === 0) end -= 1;
      callback(null, chunk.subarray(0, end));
    },
  });
}
