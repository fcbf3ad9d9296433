import { describe, expect, it } from 'vitest';

import { feedUrlProblem } from './feed-url-problem.js';
import { normalizeFeedUrl } from './normalize-feed-url.js';

describe('feedUrlProblem', () => {
  it('accepts public http(s) feeds', () => {
    expect(feedUrlProblem('https://www.theguardian.com/us/rss')).toBeNull();
    expect(feedUrlProblem('http://93.184.216.34/feed')).toBeNull();
    expect(feedUrlProblem('HTTPS://Example.com/feed')).toBeNull();
  });

  it.each([
    ['ftp://example.com/feed', 'INVALID_INPUT', 'http or https'],
    ['javascript:alert(1)', 'INVALID_INPUT', 'http or https'],
    ['file:///etc/passwd', 'INVALID_INPUT', 'http or https'],
    ['https://user:pw@example.com/feed', 'INVALID_INPUT', 'credentials'],
    ['http:///x', 'INVALID_INPUT', 'must have a host'],
    ['http:example.com/feed', 'INVALID_INPUT', 'must have a host'],
    ['not a url', 'INVALID_INPUT', 'absolute URL'],
    ['', 'INVALID_INPUT', 'absolute URL'],
    ['http://localhost:4000/feed', 'BLOCKED_URL', 'local host'],
    ['http://127.0.0.1/feed', 'BLOCKED_URL', 'private'],
    ['http://10.1.2.3/feed', 'BLOCKED_URL', 'private'],
    ['http://169.254.169.254/latest', 'BLOCKED_URL', 'private'],
    ['http://[::1]/feed', 'BLOCKED_URL', 'private'],
    ['http://[fd00::1]/feed', 'BLOCKED_URL', 'private'],
    ['http://2130706433/feed', 'BLOCKED_URL', 'private'],
    ['http://0x7f.1/feed', 'BLOCKED_URL', 'private'],
  ])('rejects %s with %s', (url, code, reason) => {
    expect(feedUrlProblem(url)).toEqual({ code, message: expect.stringContaining(reason) as string });
  });
});

describe('feedUrlProblem with allowed hosts', () => {
  it('lets an operator allow a listed host', () => {
    expect(feedUrlProblem('http://127.0.0.1:8080/feed', { allowHosts: ['127.0.0.1'] })).toBeNull();
    expect(feedUrlProblem('http://10.0.0.5/feed', { allowHosts: ['127.0.0.1'] })).toMatchObject({
      code: 'BLOCKED_URL',
    });
  });
});

describe('normalizeFeedUrl', () => {
  it('writes one form per feed: lower-case scheme and host, no fragment, trimmed', () => {
    for (const variant of [
      'https://feeds.example.org/a.xml',
      ' HTTPS://Feeds.Example.org/a.xml#top ',
      'https://feeds.example.org:443/a.xml#',
    ]) {
      expect(normalizeFeedUrl(variant)).toEqual({ ok: true, url: 'https://feeds.example.org/a.xml' });
    }
    expect(normalizeFeedUrl('https://e.example/feed?a=1&b=2')).toEqual({
      ok: true,
      url: 'https://e.example/feed?a=1&b=2',
    });
  });

  it('passes the problem on instead of guessing a URL', () => {
    expect(normalizeFeedUrl('http:///x')).toEqual({
      ok: false,
      problem: { code: 'INVALID_INPUT', message: 'must have a host' },
    });
  });
});
