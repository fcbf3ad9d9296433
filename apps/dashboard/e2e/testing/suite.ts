import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { apiSession, type ApiSession } from './api.js';
import { startApp, untilDemoAnalysed, type RunningApp } from './app.js';
import {
  openSession,
  resetScreenshots,
  screenshot,
  signIn,
  takeAccessibilityProblems,
  type Session,
} from './browser.js';
import { launchChromium } from './chromium.js';
import { startLocalFeed, type LocalFeed } from './feed-server.js';

export interface Credentials {
  email: string;
  password: string;
}

/** The administrator `wirelens start` creates on a fresh database. */
export const ADMIN: Credentials = { email: 'admin@example.com', password: 'admin-password-1' };

export interface SuiteOptions {
  /** What screenshots of a failed test are named after, e.g. `watchlists-failed` → `…-watchlists-failed-1.png`. */
  failureShots: string;
  /** Users the administrator creates before the first test. */
  users?: readonly (Credentials & { name?: string; role: 'VIEWER' | 'ANALYST' | 'EDITOR' | 'ADMIN' })[];
  /** Serve a local feed site the app's fetcher may reach (see `feed`). */
  withFeed?: boolean;
  /** Empty the screenshot folder first: the file that starts the run does it. */
  resetScreenshots?: boolean;
  /** How long `wirelens start` may take to be ready. */
  startTimeoutMs?: number;
}

export interface Suite {
  readonly db: TestDatabase;
  readonly app: RunningApp;
  readonly feed: LocalFeed;
  readonly browser: Browser;
  /** The administrator's GraphQL client. */
  readonly admin: ApiSession;
  /** A fresh, signed-out browser session, closed after the test. */
  open: () => Promise<Session>;
  /** A fresh browser session of `user`, signed in through the login form and sent to `next`. */
  session: (user: Credentials, next?: string) => Promise<Session>;
}

/**
 * One browser-test file's world: a fresh migrated database, the real app started on it (`wirelens start`)
 * with the bundled demo feeds ingested and analysed, Chromium and the admin's API client. Registers the
 * file's hooks: after each test its sessions close, and none of their pages may have logged an error or
 * failed the accessibility audit of a screenshot; a failed test leaves screenshots of its pages behind.
 */
export function useSuite(options: SuiteOptions): Suite {
  let db: TestDatabase | undefined;
  let app: RunningApp | undefined;
  let feed: LocalFeed | undefined;
  let browser: Browser | undefined;
  let admin: ApiSession | undefined;
  const sessions: Session[] = [];

  beforeAll(async () => {
    if (options.resetScreenshots) await resetScreenshots();
    db = await createTestDatabase();
    if (options.withFeed) feed = await startLocalFeed();
    app = await startApp({
      databaseUrl: db.url,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      fetchAllowHosts: feed?.host,
      timeoutMs: options.startTimeoutMs,
    });
    browser = await launchChromium();
    admin = await apiSession(app.url, ADMIN.email, ADMIN.password);
    for (const user of options.users ?? []) {
      await admin.query(
        `mutation Create($email: String!, $name: String, $password: String, $role: Role!) {
          createUser(email: $email, name: $name, password: $password, role: $role) { user { id } }
        }`,
        { ...user },
      );
    }
    // The first run ingests and analyses the bundled demo articles; tests start once it is done.
    await untilDemoAnalysed(db.db);
  }, 300_000);

  afterEach(async (context) => {
    const opened = sessions.splice(0);
    if (context.task.result?.state === 'fail') {
      for (const [index, item] of opened.entries())
        await screenshot(item.page, `${options.failureShots}-${index + 1}`).catch(() => undefined);
    }
    for (const item of opened) await item.context.close();
    expect(opened.flatMap((item) => item.errors)).toEqual([]);
    expect(takeAccessibilityProblems()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await app?.stop();
    await feed?.close();
    await db?.drop();
  }, 60_000);

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`${what} is not running: the suite's set-up failed or is not done`);
    return value;
  };
  const open = async () => {
    const opened = await openSession(started(browser, 'Chromium'), started(app, 'the app').url);
    sessions.push(opened);
    return opened;
  };
  return {
    get db() {
      return started(db, 'the database');
    },
    get app() {
      return started(app, 'the app');
    },
    get feed() {
      return started(feed, 'the local feed (withFeed)');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    get admin() {
      return started(admin, "the admin's API session");
    },
    open,
    async session(user, next = '/') {
      const opened = await open();
      await signIn(opened, user.email, user.password, next);
      return opened;
    },
  };
}
