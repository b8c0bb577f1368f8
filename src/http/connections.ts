import type { Server } from "node:http";

export interface ConnectionLimits {
  /** Connections held at once; more are closed as they arrive (keep it under `ulimit -n`). */
  maxConnections: number;
  /** Time for a whole request (headers and body) to arrive; the headers get at most 5 s of it. */
  requestTimeoutMs: number;
}

/**
 * Node's own limits on the HTTP server restify made: a client that sends its request slowly (a byte
 * every few seconds) gets 408 and is disconnected once the time is up, and the number of connections
 * is capped, so slow clients cannot hold every file handle and the server stays answerable.
 * Set before `listen()` (Node starts checking the timeouts then).
 */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.maxConnections;
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(5000, limits.requestTimeoutMs);
  // How often Node looks for requests past their time (30 s by default: far longer than the limits).
  // Read when the server starts listening; @types/node lists it only as a createServer() option.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(
    250,
    Math.min(1000, server.headersTimeout / 2),
  );
  // A kept-alive connection that sends nothing more is closed after this long.
  server.keepAliveTimeout = 5000;
  // A client that stops reading its answer (or a connection that goes quiet) is let go after a minute.
  server.timeout = 60_000;
}
