import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHookReportHtml } from '../../src/cli/render/hook-report-html.js';
import type { HookReport } from '../../src/reports/hook-report.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`hook-report HTML test skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

const report: HookReport = {
  generatedAt: '2026-11-20T12:00:00.000Z',
  idleDays: 7,
  currency: 'EUR',
  weeks: ['2026-11-02', '2026-11-09', '2026-11-16'],
  hooks: [
    {
      sku: 'A', title: 'Puzzle <1000> & "pezzi"', orders: 2, units: 3, revenueMinor: 3660, marginMinor: 1228, idle: false,
      lastSaleAt: '2026-11-10T10:00:00Z',
      channels: [{ channel: 'ebay', since: '2026-11-02T00:00:00.000Z', orders: 2, units: 3, revenueMinor: 3660, feesMinor: 150, feesEstimated: false, marginMinor: 1228 }],
      weeks: [
        { week: '2026-11-02', revenueMinor: 2440, marginMinor: 850 },
        { week: '2026-11-09', revenueMinor: 1220, marginMinor: -40 },
        { week: '2026-11-16', revenueMinor: 0, marginMinor: 0 },
      ],
    },
    {
      sku: 'B', title: 'Libro B', orders: 0, units: 0, revenueMinor: 0, marginMinor: 0, idle: true,
      channels: [{ channel: 'amazon', since: '2026-11-02T00:00:00.000Z', orders: 0, units: 0, revenueMinor: 0, feesMinor: 0, feesEstimated: false, marginMinor: 0 }],
      weeks: zeroWeeks(),
    },
  ],
};

function zeroWeeks() {
  return ['2026-11-02', '2026-11-09', '2026-11-16'].map((week) => ({ week, revenueMinor: 0, marginMinor: 0 }));
}

describe.skipIf(!hasChromium)('hook report HTML in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civetta-hook-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('draws one chart per hook with a bar per non-zero week value, week labels, and loads nothing', async () => {
    const file = join(dir, 'hooks.html');
    await writeFile(file, renderHookReportHtml(report, 'Giocattoli Rossi', 'it'));
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(pathToFileURL(file).href);

    expect(await page.title()).toBe('Hook report — Giocattoli Rossi');
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    expect(await page.locator('svg.hook-chart').count()).toBe(2);
    const barsA = page.locator('svg.hook-chart[data-sku="A"] rect.bar');
    expect(await barsA.count()).toBe(4);
    expect(await page.locator('svg.hook-chart[data-sku="A"] rect.bar.revenue').count()).toBe(2);
    expect(await page.locator('svg.hook-chart[data-sku="A"] rect.bar.margin').count()).toBe(2);
    expect(await page.locator('svg.hook-chart[data-sku="B"] rect.bar').count()).toBe(0);
    expect(await page.locator('svg.hook-chart[data-sku="A"] text.week-label').allTextContents()).toEqual(['02/11', '09/11', '16/11']);
    expect(await page.locator('figcaption').allTextContents()).toEqual(['A — Puzzle <1000> & "pezzi"', 'B — Libro B']);
    expect(await page.locator('ul.rotate li').allTextContents()).toEqual(['B — Libro B']);

    // A negative margin hangs below the zero line; the tallest bar is drawn and has a real size.
    const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
    const zero = await box('svg.hook-chart[data-sku="A"] line.zero');
    const negative = await box('svg.hook-chart[data-sku="A"] rect.margin[data-week="2026-11-09"]');
    const tallest = await box('svg.hook-chart[data-sku="A"] rect.revenue[data-week="2026-11-02"]');
    const zeroY = zero.y + zero.height / 2; // the box includes the 1px stroke
    expect(Math.abs(negative.y - zeroY)).toBeLessThan(1);
    expect(Math.abs(tallest.y + tallest.height - zeroY)).toBeLessThan(1);
    expect(tallest.height).toBeGreaterThan(100);

    expect(requested).toEqual([pathToFileURL(file).href]);
    await page.close();
  });
});
