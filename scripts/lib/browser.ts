import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export type BrowserChoice = { executablePath?: string; source: string };

/**
 * The Chromium the end-to-end tests drive: DX_CHROMIUM_PATH when set, else Playwright's own
 * download when present, else a system Chromium. Throws with install instructions otherwise.
 */
export function findChromium(): BrowserChoice {
  const override = process.env.DX_CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`DX_CHROMIUM_PATH points at ${override}, which does not exist.`);
    return { executablePath: override, source: 'DX_CHROMIUM_PATH' };
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { source: "Playwright's Chromium" };
  } catch {
    // Playwright has no browser of its own here
  }
  const system = systemCandidates.find((p) => existsSync(p));
  if (system) return { executablePath: system, source: system };
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Install one of:',
      "  • Playwright's browser (needs internet):   npx playwright install chromium",
      '  • Debian/Ubuntu package:                   sudo apt-get install -y chromium',
      '  • or point DX_CHROMIUM_PATH at a Chromium/Chrome executable.',
    ].join('\n'),
  );
}

/** Flags that keep a headless Chromium quiet on machines with no outside network. */
export const chromiumArgs = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
