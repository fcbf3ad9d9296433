import { describe, expect, it } from 'vitest';

import { feedUrlProblem } from './feed-url-problem.js';

describe('feedUrlProblem', () => {
  it('accepts public http(s) feeds', () => {
    expect(feedUrlProblem('https://www.theguardian.com/us/rss')).toBeNull();
    expect(feedUrlProblem('http://93.184.216.34/feed')).toBeNull();
  });

  it.each([
    ['ftp://example.com/feed', 'http or https'],
    ['https://user:pw@example.com/feed', 'credentials'],
    ['http://localhost:4000/feed', 'local host'],
    ['http://127.0.0.1/feed', 'private'],
    ['http://10.1.2.3/feed', 'private'],
    ['http://169.254.169.254/latest', 'private'],
    ['http://[::1]/feed', 'private'],
    ['http://[fd00::1]/feed', 'private'],
    ['http://2130706433/feed', 'private'],
    ['http://0x7f.1/feed', 'private'],
    ['not a url', 'absolute URL'],
  ])('rejects %s', (url, reason) => {
    expect(feedUrlProblem(url)).toContain(reason);
  });
});

describe('feedUrlProblem with allowed hosts', () => {
  it('lets an operator allow a listed host', () => {
    expect(feedUrlProblem('http://127.0.0.1:8080/feed', { allowHosts: ['127.0.0.1'] })).toBeNull();
    expect(feedUrlProblem('http://10.0.0.5/feed', { allowHosts: ['127.0.0.1'] })).toContain('private');
  });
});
