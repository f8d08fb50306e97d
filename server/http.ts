import { createServer, type RequestListener, type Server } from "node:http";
import type { Socket } from "node:net";
import { SERVER_MAX_HEADER_BYTES } from "./edge";

/**
 * The Node HTTP server around the app. Node reads the request line and headers up to
 * SERVER_MAX_HEADER_BYTES (its default, 16 KB, cut longer addresses with a reset before the app
 * could answer 414); what Node itself cannot parse gets a short answer, never a bare reset.
 */
export function createHttpServer(listener?: RequestListener): Server {
  const server = createServer({ maxHeaderSize: SERVER_MAX_HEADER_BYTES }, listener);
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === "ECONNRESET" && !socket.bytesWritten)) {
      socket.destroy();
      return;
    }
    const [status, reason] =
      error.code === "HPE_HEADER_OVERFLOW" ? ["431", "Request Header Fields Too Large"] : error.code === "HPE_URI_TOO_LONG" ? ["414", "URI Too Long"] : ["400", "Bad Request"];
    const body = `${reason}\n`;
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  });
  return server;
}
