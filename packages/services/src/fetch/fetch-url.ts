import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

import { AppError } from '@wirelens/core';
import { parseRetryAfterMs } from '@wirelens/core/http';

import { createSsrfGuard, type ResolveHost, type SsrfGuard } from './ssrf-guard.js';

export const DEFAULT_USER_AGENT = 'Wirelens/0.1 (+https://github.com/wirelens; self-hosted news reader)';
export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

export interface FetchUrlOptions {
  /** ETag from the previous fetch; sent as If-None-Match. */
  etag?: string | null;
  /** Last-Modified from the previous fetch; sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Deadline for the whole fetch, redirects and body included (default 20 s). */
  timeoutMs?: number;
  /** Deadline for each connection, DNS lookup included (default 10 s, capped by timeoutMs). */
  connectTimeoutMs?: number;
  /** Largest body accepted, counted after decompression (default 10 MB). */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  accept?: string;
  /** Host names or IPs exempt from the SSRF guard (each redirect hop is checked on its own). */
  allowHosts?: readonly string[];
  signal?: AbortSignal;
  /** DNS resolution, injectable for tests; defaults to the system resolver. */
  resolve?: ResolveHost;
}

export interface FetchUrlResult {
  status: number;
  notModified: boolean;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  /** Decoded (decompressed) body; empty for 304. */
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  /** From Retry-After (seconds or HTTP date), when the server sent one. */
  retryAfterMs: number | null;
  /** How long the response may be reused: Cache-Control max-age, else Expires minus Date. */
  cacheMaxAgeMs: number | null;
  durationMs: number;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  // Header names are attacker-chosen; a null prototype keeps "__proto__" an ordinary key.
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function parseCacheMaxAge(headers: Record<string, string>, now = Date.now()): number | null {
  const cacheControl = headers['cache-control']?.toLowerCase() ?? '';
  if (/\b(?:no-store|no-cache)\b/.test(cacheControl)) return 0;
  const maxAge = /\bmax-age\s*=\s*"?(\d+)/.exec(cacheControl);
  if (maxAge) return Number(maxAge[1]) * 1000;
  const expires = headers.expires ? Date.parse(headers.expires) : NaN;
  // Invalid Expires values such as "0" or "-1" mean "already expired" (RFC 9111 §5.3).
  if (headers.expires !== undefined && Number.isNaN(expires)) return 0;
  if (Number.isNaN(expires)) return null;
  const served = headers.date ? Date.parse(headers.date) : NaN;
  return Math.max(0, expires - (Number.isNaN(served) ? now : served));
}

/** A socket lookup that connects only to addresses the guard accepts (checked at connect time, so DNS rebinding cannot slip past). */
export function guardedLookup(guard: SsrfGuard): LookupFunction {
  return (hostname, options, callback) => {
    guard.resolvePublic(hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family === 0 ? addresses : addresses.filter((a) => a.family === family);
        const [first] = usable;
        if (!first) {
          callback(new AppError('FETCH_FAILED', `No IPv${family} address for ${hostname}`), '', 0);
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
    );
  };
}

/** Decompresses per Content-Encoding; `pipeline` carries errors (aborts, corrupt data) to the output. */
function decoderFor(encoding: string | undefined, response: IncomingMessage): Readable {
  const name = encoding?.trim().toLowerCase();
  const decoder =
    name === 'gzip' || name === 'x-gzip'
      ? createGunzip()
      : name === 'br'
        ? createBrotliDecompress()
        : name === 'deflate'
          ? createInflate()
          : null;
  if (!decoder) return response;
  pipeline(response, decoder, () => undefined);
  return decoder;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('TOO_LARGE', `Response body exceeds ${maxBytes} bytes`, { details: { maxBytes } });
}

/** Reads the body, stopping as soon as the decompressed size passes maxBytes (decompression bombs included). */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes);
  }
  const stream = decoderFor(response.headers['content-encoding'], response);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(buffer);
    }
  } finally {
    stream.destroy();
    response.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

/** One overall timeout for a fetch, also following the caller's signal; `clear` releases both. */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onExternalAbort: () => void;
  timedOut = false;

  constructor(
    ms: number,
    private readonly external?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(
        new AppError('TIMEOUT', `Fetch did not finish within ${ms} ms`, { details: { timeoutMs: ms } }),
      );
    }, ms);
    this.onExternalAbort = () => this.controller.abort(external?.reason);
    if (external?.aborted) this.onExternalAbort();
    // Removed again in clear(): a long-lived shutdown signal would otherwise collect a listener per fetch.
    else external?.addEventListener('abort', this.onExternalAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.external?.removeEventListener('abort', this.onExternalAbort);
  }
}

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  lookup: LookupFunction,
  signal: AbortSignal,
  connectTimeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // agent: false gives every request its own connection, so a socket validated for one host is never reused for another.
    const req = send(url, { method: 'GET', headers, lookup, signal, agent: false }, resolve);
    req.on('error', reject);
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => {
        req.destroy(
          new AppError('TIMEOUT', `Could not connect to ${url.host} within ${connectTimeoutMs} ms`, {
            details: { connectTimeoutMs },
          }),
        );
      }, connectTimeoutMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    req.end();
  });
}

function toAppError(error: unknown, deadline: Deadline, url: string): unknown {
  if (AppError.is(error)) return error;
  if (deadline.timedOut) return deadline.signal.reason;
  // A caller's own abort is passed through untouched: it is a cancellation, not a fetch failure.
  if (deadline.signal.aborted) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('FETCH_FAILED', `Fetching ${url} failed: ${message}`, {
    cause: error,
    details: { url, code },
  });
}

function parseTarget(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new AppError('INVALID_INPUT', 'Not a valid URL', { details: { url } });
  }
}

/**
 * GETs a URL politely and safely: conditional request from etag/lastModified, compressed
 * transfer, manual redirects (each hop re-checked by the SSRF guard), DNS answers validated in
 * the socket's own lookup so a rebinding name cannot slip a private address in, one deadline for
 * the whole exchange, and a size cap on the decompressed body.
 *
 * Errors (all AppError): BLOCKED_URL, TIMEOUT, TOO_LARGE, INVALID_INPUT, FETCH_FAILED (with
 * `details.status`, and `details.retryAfterMs` for 429/503). A 304 is a result, not an error.
 */
export async function fetchUrl(url: string, options: FetchUrlOptions = {}): Promise<FetchUrlResult> {
  const {
    etag = null,
    lastModified = null,
    timeoutMs = 20_000,
    maxBytes = 10 * 1024 * 1024,
    maxRedirects = 5,
    userAgent = DEFAULT_USER_AGENT,
    accept = DEFAULT_ACCEPT,
  } = options;
  const connectTimeoutMs = Math.min(options.connectTimeoutMs ?? 10_000, timeoutMs);
  const started = performance.now();
  const guard = createSsrfGuard({ allowHosts: options.allowHosts, resolve: options.resolve });
  const lookup = guardedLookup(guard);
  const deadline = new Deadline(timeoutMs, options.signal);
  const requestHeaders: Record<string, string> = {
    'user-agent': userAgent,
    accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (etag) requestHeaders['if-none-match'] = etag;
  if (lastModified) requestHeaders['if-modified-since'] = lastModified;

  let current = parseTarget(url);
  try {
    for (let redirects = 0; ; redirects += 1) {
      guard.checkUrl(current);
      const response = await requestOnce(current, requestHeaders, lookup, deadline.signal, connectTimeoutMs);
      const status = response.statusCode ?? 0;
      const headers = flattenHeaders(response.headers);
      const location = headers.location;
      if (redirectStatuses.has(status) && location) {
        response.destroy();
        if (redirects >= maxRedirects) {
          throw new AppError('FETCH_FAILED', `More than ${maxRedirects} redirects`, {
            details: { status, url: current.href, maxRedirects },
          });
        }
        current = parseTarget(new URL(location, current).href);
        continue;
      }
      const retryAfterMs = parseRetryAfterMs(headers['retry-after']);
      if (status !== 304 && (status < 200 || status > 299)) {
        response.destroy();
        const throttled = status === 429 || status === 503;
        throw new AppError('FETCH_FAILED', `${current.href} answered HTTP ${status}`, {
          details: throttled ? { status, retryAfterMs, url: current.href } : { status, url: current.href },
        });
      }
      const body =
        status === 304 ? (response.destroy(), new Uint8Array()) : await readBody(response, maxBytes);
      return {
        status,
        notModified: status === 304,
        url: current.href,
        headers,
        body,
        etag: headers.etag ?? (status === 304 ? etag : null),
        lastModified: headers['last-modified'] ?? (status === 304 ? lastModified : null),
        retryAfterMs,
        cacheMaxAgeMs: parseCacheMaxAge(headers),
        durationMs: Math.round(performance.now() - started),
      };
    }
  } catch (error) {
    throw toAppError(error, deadline, current.href);
  } finally {
    deadline.clear();
  }
}
