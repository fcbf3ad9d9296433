import { AppError } from '@wirelens/core';
import { DEFAULT_INTERVAL_SECONDS } from '@wirelens/core/ingest';
import { parseOpml, type OpmlDocument, type OpmlSkipped } from '@wirelens/core/opml';
import { normalizeFeedUrl } from '@wirelens/core/urls';
import type { DbClient } from '@wirelens/db';
import { uniqueOrConflict, writeAudit, type Actor } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { createSourceIn, MAX_TITLE_LENGTH, sourceConflictMessage } from './source-records.js';

export const MAX_OPML_CHARS = 500_000;
export const MAX_OPML_FEEDS = 1000;

export interface ImportOpmlOptions {
  db: DbClient;
  jobs: JobQueue;
  actor: Actor;
  allowHosts: readonly string[];
  opml: string;
}

export interface ImportOpmlResult {
  /** Ids of the sources created, in document order. */
  added: number[];
  /** Every feed outline that was not added, with the reason. */
  skipped: OpmlSkipped[];
}

function refuse(message: string): AppError {
  return new AppError('INVALID_INPUT', `The OPML document ${message}`, { details: { field: 'opml' } });
}

function parse(opml: string): OpmlDocument {
  if (opml.length > MAX_OPML_CHARS) throw refuse(`must be at most ${MAX_OPML_CHARS} characters`);
  let document: OpmlDocument;
  try {
    document = parseOpml(opml);
  } catch (error) {
    throw refuse(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (document.outlines.length + document.skipped.length > MAX_OPML_FEEDS) {
    throw refuse(`has more than ${MAX_OPML_FEEDS} feeds`);
  }
  return document;
}

/**
 * Adds every feed of an OPML subscription list, the same way for the API and the CLI: at most
 * MAX_OPML_CHARS and MAX_OPML_FEEDS, each URL checked and normalised like a single added source,
 * duplicates (already stored, or listed twice) skipped, every outline either added or listed in
 * `skipped` with its reason. The sources, their audit entries and first fetches and one audit
 * entry for the import are written in one transaction.
 */
export async function importOpml({
  db,
  jobs,
  actor,
  allowHosts,
  opml,
}: ImportOpmlOptions): Promise<ImportOpmlResult> {
  const document = parse(opml);
  const checked = document.outlines.map((outline) => ({
    outline,
    normalized: outline.xmlUrl === '' ? null : normalizeFeedUrl(outline.xmlUrl, { allowHosts }),
  }));
  const known = new Set(
    (
      await db.source.findMany({
        where: { url: { in: checked.flatMap(({ normalized }) => (normalized?.ok ? [normalized.url] : [])) } },
        select: { url: true },
      })
    ).map((s) => s.url),
  );
  const skipped: OpmlSkipped[] = [...document.skipped];
  const fresh: { url: string; title: string | null }[] = [];
  for (const { outline, normalized } of checked) {
    const skip = (reason: string) => skipped.push({ url: outline.xmlUrl, reason });
    if (!normalized) skip('has no feed URL');
    else if (!normalized.ok) skip(normalized.problem.message);
    else if (known.has(normalized.url)) skip('already added');
    else {
      known.add(normalized.url);
      fresh.push({
        url: normalized.url,
        title: (outline.title ?? outline.text)?.slice(0, MAX_TITLE_LENGTH) ?? null,
      });
    }
  }
  const added = await uniqueOrConflict(
    () =>
      db.$transaction(
        async (tx) => {
          const ids: number[] = [];
          for (const { url, title } of fresh) {
            ids.push(
              await createSourceIn(tx, {
                jobs,
                actor,
                source: { url, title, intervalSeconds: DEFAULT_INTERVAL_SECONDS, language: null },
              }),
            );
          }
          await writeAudit(tx, actor, {
            action: 'source.importOpml',
            entityType: 'Source',
            after: { added: ids.length, skipped },
          });
          return ids;
        },
        { timeout: 120_000 },
      ),
    'url',
    sourceConflictMessage,
  );
  return { added, skipped };
}
