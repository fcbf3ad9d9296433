import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { AppError } from '@wirelens/core';
import { parseFeed } from '@wirelens/core/feeds';
import { htmlToText } from '@wirelens/core/html';
import { fetchUrl } from '@wirelens/services/fetch';

import { loadEnv } from '../../env.js';

async function readFeedInput(target: string, allowHosts: readonly string[]) {
  if (/^https?:\/\//i.test(target)) {
    const response = await fetchUrl(target, { allowHosts });
    return { body: response.body, contentType: response.headers['content-type'] ?? null, url: response.url };
  }
  try {
    return { body: new Uint8Array(await readFile(target)), contentType: null, url: null };
  } catch (error) {
    throw new AppError(
      'INVALID_INPUT',
      `cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

export function registerFeed(program: Command): void {
  const feed = program.command('feed').description('inspect feeds');
  feed
    .command('parse')
    .description('parse a feed file or URL and print the normalised feed')
    .argument('<file|url>', 'a local file or an http(s) URL')
    .option('--json', 'print JSON')
    .action(async (target: string, options: { json?: boolean }) => {
      const env = loadEnv();
      const input = await readFeedInput(target, env.FETCH_ALLOW_HOSTS);
      const parsed = parseFeed(input);
      const items = parsed.items.map((item) => ({
        title: item.title,
        link: item.link,
        guid: item.guid,
        published: item.publishedAt?.toISOString() ?? null,
        author: item.author,
        summary: item.summaryText ?? (item.summaryHtml ? htmlToText(item.summaryHtml) : null),
      }));
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ format: parsed.format, title: parsed.title, link: parsed.link, language: parsed.language, items, droppedItems: parsed.droppedItems }, null, 2)}\n`,
        );
        return;
      }
      process.stdout.write(`${parsed.title ?? '(untitled)'} — ${parsed.format}, ${items.length} items\n`);
      for (const item of items)
        process.stdout.write(
          `  ${item.published ?? '(no date)'}  ${item.title ?? '(no title)'}\n    ${item.link ?? ''}\n`,
        );
    });
}
