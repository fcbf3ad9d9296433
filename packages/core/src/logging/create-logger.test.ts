import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger } from './create-logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON line per entry with the name, bindings and error stack, above the level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 'api', level: 'info', destination });
    logger.debug('hidden below info');
    logger.child({ requestId: 'r-1' }).error({ err: new Error('boom') }, 'request failed');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ name: 'api', level: 50, requestId: 'r-1', msg: 'request failed' });
    expect((entry.err as { stack: string }).stack).toMatch(/^Error: boom\n\s+at /);
  });

  it('writes readable lines when pretty', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'worker', pretty: true, destination }).warn('source 3 failed');
    expect(lines.join('')).toMatch(/WARN.*\(worker\).*source 3 failed/);
    expect(() => JSON.parse(lines.join('')) as unknown).toThrow();
  });
});
