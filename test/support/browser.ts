import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The system Chromium; playwright-core ships no browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with everything that would reach the network on its own switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far, for assertions and for failure messages. */
  errors: string[];
}

/**
 * A fresh context (own storage, so a language choice does not leak between tests) with one page.
 * `lang` presets the dashboard's language through the same localStorage key the UI writes.
 */
export async function openPage(
  browser: Browser,
  opts: {
    lang?: 'zh' | 'en';
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** Lets a test inject a checking tool (axe) past the page's strict Content-Security-Policy. */
    bypassCSP?: boolean;
  } = {},
): Promise<OpenPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    colorScheme: opts.colorScheme ?? 'light',
    bypassCSP: opts.bypassCSP ?? false,
  });
  if (opts.lang) {
    const lang = opts.lang;
    await context.addInitScript((l) => {
      if (!localStorage.getItem('yuqing.lang')) localStorage.setItem('yuqing.lang', l);
    }, lang);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}
