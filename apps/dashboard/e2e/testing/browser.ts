import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

/** Starts each run with an empty screenshot folder, so every file in it comes from this run. */
export async function resetScreenshots(): Promise<void> {
  await rm(SCREENSHOT_DIR, { recursive: true, force: true });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
}

let shotNumber = 0;
const accessibilityProblems: string[] = [];

/**
 * A full-page screenshot named in the order the run took them, e.g. `03-feed-nvidia.png`, and an
 * accessibility audit of the same page (axe-core, WCAG 2.1 A and AA: contrast, labels, names, roles).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  shotNumber += 1;
  // A pointer left over a chart would leave its tooltip in the picture.
  await page.mouse.move(0, 0);
  const file = `${String(shotNumber).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, file), fullPage: true });
  const audit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  for (const violation of audit.violations) {
    const where = violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(' | ');
    accessibilityProblems.push(
      `${name}: ${violation.id} (${violation.impact ?? 'n/a'}) ${violation.help} — ${where}`,
    );
  }
}

/** Accessibility violations found since the last call (a clean run has none). */
export function takeAccessibilityProblems(): string[] {
  return accessibilityProblems.splice(0);
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far; a clean run has none. */
  errors: string[];
}

/**
 * A fresh browser profile (own cookies) for one user. Reduced motion switches chart animations off, so
 * screenshots show finished charts; the article picture comes from a local https server with a self-signed
 * certificate.
 */
export async function openSession(browser: Browser, baseUrl: string): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    ignoreHTTPSErrors: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return { context, page, errors };
}

/** Signs in through the login form, as a person would. */
export async function signIn(session: Session, email: string, password: string, next = '/'): Promise<void> {
  const { page } = session;
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** Every button of the group lies inside the group's box: nothing is cut off. */
export async function expectWhollyShown(group: Locator): Promise<void> {
  const outer = await group.boundingBox();
  const inner = await Promise.all(
    (await group.getByRole('button').all()).map((button) => button.boundingBox()),
  );
  expect(inner.length).toBeGreaterThan(0);
  for (const box of inner) {
    if (!outer || !box) throw new Error('the group or one of its buttons is not displayed');
    expect(box.x).toBeGreaterThanOrEqual(outer.x);
    expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width);
    expect(box.y).toBeGreaterThanOrEqual(outer.y);
    expect(box.y + box.height).toBeLessThanOrEqual(outer.y + outer.height);
  }
}
