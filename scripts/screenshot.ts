/**
 * Takes screenshots of pages at desktop and phone widths, light and dark, for looking at the design:
 * `npx tsx scripts/screenshot.ts /learn/ /settings/` (the site must be served, e.g. npm run serve).
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const out = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const executablePath = existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';

async function main() {
  const paths = process.argv.slice(2);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]] as const) {
    for (const scheme of (process.env.SCHEMES ?? 'light').split(',') as ('light' | 'dark')[]) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      for (const p of paths) {
        await page.goto(base + p, { waitUntil: 'networkidle' });
        await page.waitForTimeout(300);
        const name = `${out}/${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${label}-${scheme}.png`;
        await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
        console.log(name);
      }
      await page.close();
    }
  }
  await browser.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
