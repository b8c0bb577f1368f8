import type { IncomingMessage } from "node:http";
import type restify from "restify";

export interface JsonBodyLimits {
  /** Largest body accepted, in bytes, as received (compressed bodies are refused, so also as parsed). */
  maxBytes: number;
  /** Deepest nesting of arrays and objects accepted (deeper JSON breaks JSON.stringify and zod). */
  maxDepth: number;
}

/** A request that arrives with a body: a positive Content-Length, or chunked. */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return length.trim() !== "0";
  return req.headers["transfer-encoding"] !== undefined;
}

/** The media type of a Content-Type header, lower-cased, without parameters; and its charset, if named. */
function mediaType(header: string | undefined): { type: string; charset: string | undefined } {
  const [type = "", ...params] = (header ?? "").split(";");
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p)?.[1])
    .find((c) => c !== undefined);
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() };
}

/**
 * Whether `value` nests arrays and objects more than `max` levels deep. Iterative, so a body nested
 * 30,000 levels deep is measured without exhausting the stack.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v))
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

type Refusal = { status: number; error: string };

/** What is wrong with a request's headers for a JSON body, before a byte of it is read. */
function refuseByHeaders(req: IncomingMessage, maxBytes: number): Refusal | undefined {
  const { type, charset } = mediaType(req.headers["content-type"]);
  if (type !== "application/json" || (charset !== undefined && charset !== "utf-8" && charset !== "utf8"))
    return {
      status: 415,
      error: `Only JSON bodies are accepted (Content-Type: application/json; UTF-8), not "${type || "none"}".`,
    };
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity")
    return { status: 415, error: `Compressed bodies are not accepted (Content-Encoding: ${encoding}).` };
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > maxBytes) return { status: 413, error: `The body is over ${maxBytes / 1024} KB.` };
  return undefined;
}

/**
 * Reads and parses JSON request bodies on every route, in place of restify's bodyParser, which writes
 * multipart uploads to the temporary folder before any handler runs, inflates gzip bodies without a
 * bound, and reads an oversized body to its end. Here a body that is not JSON (415), compressed (415)
 * or announced as too large (413) is refused from its headers alone, without parsing it; a body that
 * turns out too large is refused at the first chunk over the limit; nothing is kept or written
 * anywhere. The rest of a refused body is discarded as it arrives (so the client reads the answer),
 * within the request timeout (see connections.ts).
 */
export function jsonBody(limits: JsonBodyLimits) {
  return (req: restify.Request, res: restify.Response, next: restify.Next): void => {
    if (!hasBody(req)) {
      next();
      return;
    }
    const refuse = ({ status, error }: Refusal) => {
      res.send(status, { error });
      next(false);
    };
    const early = refuseByHeaders(req, limits.maxBytes);
    if (early) {
      refuse(early);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (refusal?: Refusal) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      if (refusal) {
        // Discarded, not kept: the listener that kept it is gone.
        req.resume();
        return refuse(refusal);
      }
      next();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes)
        return finish({ status: 413, error: `The body is over ${limits.maxBytes / 1024} KB.` });
      chunks.push(chunk);
    };
    const onEnd = () => {
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        return finish({ status: 400, error: "The body is not valid UTF-8." });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (e) {
        return finish({ status: 400, error: `Invalid JSON: ${(e as Error).message}` });
      }
      if (nestedDeeperThan(body, limits.maxDepth))
        return finish({ status: 400, error: `The JSON is nested more than ${limits.maxDepth} levels deep.` });
      req.body = body;
      finish();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    // An aborted or timed-out request never ends: nothing to answer, and nothing is kept.
    req.once("error", () => {
      settled = true;
    });
  };
}
