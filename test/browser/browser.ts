import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium; the flags keep it from reaching for Google's hosts, which this network refuses. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** A new tab that fails the test on any script error of the page. */
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh profile each time, so no state leaks between runs or test files. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'allianzregister-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 1000 },
    locale: 'de-DE',
  });
  const errors: string[] = [];
  return {
    context,
    async page() {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      // Chromium logs every 4xx answer as a console error; the page shows those to the user itself.
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      expect(errors).toEqual([]);
    },
  };
}
