import { connect, type Socket } from "node:net";

export interface RawAnswer {
  /** The status line's code, or 0 when the server closed the connection without answering. */
  status: number;
  /** Everything the server sent. */
  text: string;
}

/** A connection to the server on which a test writes raw bytes, slowly or not at all. */
export function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** The server's first answer on `socket`: complete (by its Content-Length), or all it sent before closing. */
export function answerOf(socket: Socket): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let text = "";
    const done = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    socket.on("data", (d) => {
      text += d;
      const end = text.indexOf("\r\n\r\n");
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1];
      if (end >= 0 && length !== undefined && Buffer.byteLength(text.slice(end + 4)) >= Number(length)) {
        done();
        socket.destroy();
      }
    });
    socket.on("error", () => {});
    socket.once("close", done);
  });
}

/** Send a request's bytes and read the answer (the server closes the connection: Connection: close). */
export async function exchange(url: string, request: string | Buffer): Promise<RawAnswer> {
  const socket = await open(url);
  const answer = answerOf(socket);
  socket.write(request);
  return answer;
}
