import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { AppError } from '@wirelens/core';
import { parseRetryAfterMs } from '@wirelens/core/http';

import { guardedLookup } from '../fetch/fetch-url.js';
import { createSsrfGuard, type ResolveHost } from '../fetch/ssrf-guard.js';

export interface PostWebhookOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowHosts: readonly string[];
  resolve?: ResolveHost;
  signal?: AbortSignal;
}

export interface PostWebhookResult {
  status: number;
  /** The first bytes of the answer (what the delivery log keeps an excerpt of). */
  body: string;
  retryAfterMs: number | null;
  latencyMs: number;
}

/** Bytes of an answer read; the rest is not waited for. */
const READ_BYTES = 4096;

/**
 * POSTs one delivery. The SSRF guard checks the URL and, in the socket's own DNS lookup, every
 * address it connects to. Redirects are not followed (a 3xx is an answer like any other).
 * Errors (AppError): BLOCKED_URL, TIMEOUT (no complete answer within timeoutMs), FETCH_FAILED.
 */
export async function postWebhook(options: PostWebhookOptions): Promise<PostWebhookResult> {
  const guard = createSsrfGuard({ allowHosts: options.allowHosts, resolve: options.resolve });
  const url = new URL(options.url);
  guard.checkUrl(url);
  const started = performance.now();
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  try {
    return await new Promise<PostWebhookResult>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
          lookup: guardedLookup(guard),
          signal,
          // Its own connection every time, so a socket checked for one host is never reused for another.
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const finish = () => {
            response.destroy();
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfterMs: parseRetryAfterMs(response.headers['retry-after']),
              latencyMs: Math.round(performance.now() - started),
            });
          };
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= READ_BYTES) finish();
          });
          response.on('end', finish);
          response.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  } catch (error) {
    if (AppError.is(error)) throw error;
    if (deadline.aborted) {
      throw new AppError('TIMEOUT', `No answer within ${options.timeoutMs} ms`, {
        details: { timeoutMs: options.timeoutMs },
      });
    }
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('FETCH_FAILED', `Sending to ${url.host} failed: ${message}`, { cause: error });
  }
}
