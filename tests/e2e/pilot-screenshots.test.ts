import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, openTabAs } from '../support/chromium.js';
import {
  cardWidth,
  docsImagesFolder,
  openScreenshotSink,
  screenshotFolderFromEnv,
  tabViewport,
  type ScreenshotSink,
} from '../support/pilot-screenshots.js';
import { openInTeamsHost } from '../support/teams-host-page.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const champion = 'champion@demo.example';
const maxImageBytes = 200_000;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const sampleCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Weekly practice', size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Try the **cover email** prompt on a real proposal.', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Warm-up', value: '5 minutes' },
        { title: 'Practice', value: '10 minutes' },
      ],
    },
  ],
  actions: [
    { type: 'Action.Execute', verb: 'attend', title: 'I took part', style: 'positive' },
    { type: 'Action.Submit', title: 'Capture a prompt' },
  ],
};

interface PngFacts {
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  /** Mean luminance of the pixels, 0 (black) to 1 (white). */
  readonly luminance: number;
}

describe('the pilot-week screenshots', () => {
  let app: TestApp;
  let browser: Browser;
  let folder: string;
  let sink: ScreenshotSink;
  let reader: Page;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    folder = await mkdtemp(path.join(tmpdir(), 'lastmile-screenshots-test-'));
    sink = await openScreenshotSink(browser, { folder });
    reader = await browser.newPage();
  });

  afterAll(async () => {
    await sink?.close();
    await browser?.close();
    await app?.dispose();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  /** Reads a PNG the sink wrote: its size from the header, its brightness from Chromium. */
  async function pngFacts(file: string): Promise<PngFacts> {
    const png = await readFile(file);
    expect(png.subarray(0, 8).equals(pngSignature)).toBe(true);
    const luminance = await reader.evaluate<number>(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) {
        sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      }
      return sum / (data.length / 4) / 255;
    })()`);
    return {
      width: png.readUInt32BE(16),
      height: png.readUInt32BE(20),
      bytes: png.length,
      luminance,
    };
  }

  async function expectLightAndDark(name: string): Promise<[PngFacts, PngFacts]> {
    const light = await pngFacts(path.join(folder, `${name}-light.png`));
    const dark = await pngFacts(path.join(folder, `${name}-dark.png`));
    expect(light.luminance).toBeGreaterThan(0.7);
    expect(dark.luminance).toBeLessThan(0.3);
    for (const image of [light, dark]) expect(image.bytes).toBeLessThan(maxImageBytes);
    return [light, dark];
  }

  const themeOf = (page: Page): Promise<string | null> =>
    page.locator('[data-theme]').first().getAttribute('data-theme');

  it('should capture a tab page that follows the system in both themes and leave it as it was', async () => {
    const { page } = await openTabAs(browser, app.url, champion, '#/library', { waitMs });
    await page.getByRole('heading', { level: 2, name: 'Prompt library' }).waitFor();
    await page.evaluate('window.scrollTo(0, 200)');
    const scrolledTo = await page.evaluate<number>('window.scrollY');

    await sink.tabPage(page, 'library');

    const [light, dark] = await expectLightAndDark('library');
    expect([light.width, light.height]).toEqual([tabViewport.width, tabViewport.height]);
    expect([dark.width, dark.height]).toEqual([tabViewport.width, tabViewport.height]);
    expect(await themeOf(page)).toBe('light');
    expect(page.viewportSize()).toEqual({ width: 1280, height: 900 });
    expect(await page.evaluate<number>('window.scrollY')).toBe(scrolledTo);
    await page.context().close();
  });

  it('should capture a tab page whose theme switch was set by hand and set it back', async () => {
    const { page } = await openTabAs(browser, app.url, champion, '#/scoreboard', { waitMs });
    await page.getByRole('heading', { level: 2, name: 'Scoreboard' }).waitFor();
    await page.getByRole('combobox', { name: 'Theme' }).click();
    await page.getByRole('option', { name: 'Dark', exact: true }).click();
    await page.locator('[data-theme="dark"]').waitFor();

    await sink.tabPage(page, 'scoreboard');

    await expectLightAndDark('scoreboard');
    expect(await themeOf(page)).toBe('dark');
    expect(await page.getByRole('combobox', { name: 'Theme' }).textContent()).toContain('Dark');
    expect(await page.evaluate("localStorage.getItem('lastmile.theme')")).toBe('dark');
    await page.context().close();
  });

  it('should capture a tab framed by the Teams stand-in by changing the Teams theme', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const host = await openInTeamsHost(page, new URL('/#/library', app.url).toString(), {
      frameContext: 'content',
      token: 'not-a-token',
    });
    await host.frame.locator('[data-theme="light"]').waitFor({ timeout: waitMs });

    await sink.tabPage(page, 'teams-library');

    await expectLightAndDark('teams-library');
    expect(await host.frame.locator('[data-theme]').first().getAttribute('data-theme')).toBe(
      'light',
    );
    const registered = (await host.messages()).filter((m) => m.func === 'registerHandler');
    expect(registered.map((m) => m.args[0])).toContain('themeChange');
    await context.close();
  });

  it('should render a card with the Adaptive Cards library in light and dark', async () => {
    await sink.card(sampleCard, 'sample-card');

    const [light, dark] = await expectLightAndDark('sample-card');
    for (const image of [light, dark]) {
      // The card and the chat background around it.
      expect(image.width).toBeGreaterThanOrEqual(cardWidth);
      expect(image.width).toBeLessThan(cardWidth + 100);
      expect(image.height).toBeGreaterThan(150);
    }
  });

  it('should refuse a card the renderer cannot parse, and write no image for it', async () => {
    const broken = { ...sampleCard, body: [{ type: 'Carousel3D', text: 'spinning' }] };

    await expect(sink.card(broken, 'broken-card')).rejects.toThrow(
      /broken-card: .*Unknown element type "Carousel3D"/s,
    );
    await expect(access(path.join(folder, 'broken-card-light.png'))).rejects.toThrow();
  });

  it('should refuse a card whose template was not filled in', async () => {
    const unfilled = { ...sampleCard, body: [{ type: 'TextBlock', text: '${title}' }] };

    await expect(sink.card(unfilled, 'unfilled-card')).rejects.toThrow(/\$\{title\}/);
  });

  it('should refuse a name that is not a plain file name', async () => {
    await expect(sink.card(sampleCard, '../escape')).rejects.toThrow(/lower-case words/);
  });

  it('should write to docs/images only when LASTMILE_SCREENSHOTS is 1', () => {
    expect(screenshotFolderFromEnv({ LASTMILE_SCREENSHOTS: '1' })).toBe(docsImagesFolder);
    expect(screenshotFolderFromEnv({})).toBeUndefined();
    expect(screenshotFolderFromEnv({ LASTMILE_SCREENSHOTS: '0' })).toBeUndefined();
    expect(path.relative(process.cwd(), docsImagesFolder)).toBe(path.join('docs', 'images'));
  });

  it('should write to a temporary folder it removes on close when not asked for docs/images', async () => {
    vi.stubEnv('LASTMILE_SCREENSHOTS', '');
    try {
      const scratch = await openScreenshotSink(browser);
      await scratch.card(sampleCard, 'scratch-card');
      expect((await stat(path.join(scratch.folder, 'scratch-card-dark.png'))).size).toBeGreaterThan(
        0,
      );
      expect(scratch.folder.startsWith(tmpdir())).toBe(true);

      await scratch.close();

      await expect(access(scratch.folder)).rejects.toThrow();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
