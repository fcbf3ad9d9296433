import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

import type { Plugin } from 'vite';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Formats that shrink (woff2, png and the like are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt', '.ttf']);
/** Below this, the saving does not pay for the extra files. */
const MIN_BYTES = 1024;

export interface PrecompressOptions {
  /** 0–11; default 11, the smallest output (about 3 s per MB of input, once per build). */
  brotliQuality?: number;
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file under `dir`: this runs once per build,
 * and the server then sends the bytes as they are instead of compressing per request.
 */
export async function precompressDirectory(
  dir: string,
  { brotliQuality = constants.BROTLI_MAX_QUALITY }: PrecompressOptions = {},
): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name));
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      if (data.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotliAsync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < data.length) await writeFile(`${file}.br`, br);
      if (gz.length < data.length) await writeFile(`${file}.gz`, gz);
    }),
  );
}

/** Precompresses the build output (gzip and brotli) once Vite has written it. */
export function precompress(options: PrecompressOptions = {}): Plugin {
  let outDir = '';
  return {
    name: 'wirelens:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error) {
      if (!error) await precompressDirectory(outDir, options);
    },
  };
}
