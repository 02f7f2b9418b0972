/**
 * Screenshots for the README, taken while the pilot-week journey runs: tab pages in Teams' light
 * and dark themes, and Adaptive Cards as the Adaptive Cards library itself renders them.
 *
 * With `LASTMILE_SCREENSHOTS=1` the images go to docs/images/; otherwise to a temporary folder that
 * `close()` removes, so every test run exercises this code without changing the repository.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import {
  themeNames,
  themePreferenceLabels,
  type ThemeName,
} from '../../tab/src/theme/theme-name.js';

export interface ScreenshotSink {
  /** Where the images go. */
  readonly folder: string;
  /** Captures the tab page as it is now, in light and in dark theme: <name>-light.png, <name>-dark.png. */
  tabPage(page: Page, name: string): Promise<void>;
  /** Renders an Adaptive Card JSON with the adaptivecards library in Chromium (light and dark). */
  card(card: unknown, name: string): Promise<void>;
  close(): Promise<void>;
}

export interface ScreenshotSinkOptions {
  /** Overrides the folder the environment picks; the caller owns it (`close()` leaves it). */
  readonly folder?: string;
}

/** The two themes the README shows; high contrast is Teams' third, tested elsewhere. */
const captureThemes = ['light', 'dark'] as const;
type CaptureTheme = (typeof captureThemes)[number];

/** The size of every tab page image: a laptop screen, small enough for a README. */
export const tabViewport = { width: 1280, height: 800 } as const;
/** The width of a card in a Teams chat on a laptop. */
export const cardWidth = 400;

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const settleMs = 3_000;

export const docsImagesFolder = fileURLToPath(new URL('../../docs/images/', import.meta.url));

/** docs/images/ when `LASTMILE_SCREENSHOTS=1`, else undefined (a temporary folder). */
export function screenshotFolderFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  return env.LASTMILE_SCREENSHOTS === '1' ? docsImagesFolder : undefined;
}

export async function openScreenshotSink(
  browser: Browser,
  options: ScreenshotSinkOptions = {},
): Promise<ScreenshotSink> {
  const chosen = options.folder ?? screenshotFolderFromEnv();
  const folder = chosen ?? (await mkdtemp(path.join(tmpdir(), 'lastmile-screenshots-')));
  await mkdir(folder, { recursive: true });
  const fileFor = (name: string, theme: CaptureTheme): string =>
    path.join(folder, `${name}-${theme}.png`);

  let cards: Promise<CardRenderer> | undefined;
  return {
    folder,
    async tabPage(page, name) {
      assertImageName(name);
      await captureTabPage(page, (theme) => fileFor(name, theme));
    },
    async card(card, name) {
      assertImageName(name);
      cards ??= openCardRenderer(browser);
      const renderer = await cards;
      for (const theme of captureThemes) {
        await renderer.render(card, name, theme, fileFor(name, theme));
      }
    },
    async close() {
      if (cards !== undefined) await (await cards).close();
      if (chosen === undefined) await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Names become file names: lower-case words and dashes, nothing that could leave the folder. */
function assertImageName(name: string): void {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
    throw new Error(
      `A screenshot name is lower-case words joined by dashes, not ${JSON.stringify(name)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Tab pages

/**
 * How a tab page changes theme, picked from the page itself:
 * - in the Teams stand-in (tests/support/teams-host-page.ts), the host sends teams-js a
 *   `themeChange`, as Teams does when someone changes theme;
 * - in a plain browser with the dev theme switch on "Match system" (the default), the emulated
 *   `prefers-color-scheme` drives it;
 * - in a plain browser with an explicit choice in the switch, the switch itself.
 * Each driver puts back what it found.
 */
interface ThemeDriver {
  /** The frame the tab renders in. */
  readonly frame: Frame;
  /** The element the screenshot shows; the whole viewport when undefined. */
  readonly shot: Locator | undefined;
  apply(theme: ThemeName): Promise<void>;
  restore(): Promise<void>;
}

// The storage key mirrors tab/src/dev/dev-session.ts, which this project's Node types cannot import
// (it uses the DOM); the Teams names are the inverse of themeFromTeams in theme-name.ts.
const themePreferenceKey = 'lastmile.theme';
const teamsThemeOf: Readonly<Record<ThemeName, string>> = {
  light: 'default',
  dark: 'dark',
  contrast: 'contrast',
};

async function captureTabPage(page: Page, fileFor: (theme: CaptureTheme) => string): Promise<void> {
  const driver = await themeDriverFor(page);
  const themed = driver.frame.locator('[data-theme]').first();
  await themed.waitFor({ state: 'attached', timeout: waitMs });
  const original = await themed.getAttribute('data-theme');
  if (!isThemeName(original)) {
    throw new Error(`The tab names no theme it knows: ${String(original)}`);
  }

  const viewport = page.viewportSize();
  const scroll = await driver.frame.evaluate<[number, number]>('[window.scrollX, window.scrollY]');
  try {
    await page.setViewportSize(tabViewport);
    await driver.frame.evaluate('window.scrollTo(0, 0)');
    for (const theme of captureThemes) {
      await driver.apply(theme);
      await waitForTheme(driver.frame, theme);
      await settle(driver.frame);
      const options = {
        path: fileFor(theme),
        animations: 'disabled',
        caret: 'hide',
        scale: 'css',
        timeout: waitMs,
      } as const;
      await (driver.shot ?? page).screenshot(options);
    }
  } finally {
    await driver.restore();
    await waitForTheme(driver.frame, original);
    if (viewport !== null) await page.setViewportSize(viewport);
    await driver.frame.evaluate(`window.scrollTo(${scroll[0]}, ${scroll[1]})`);
  }
}

function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (themeNames as readonly string[]).includes(value);
}

async function themeDriverFor(page: Page): Promise<ThemeDriver> {
  if (await page.evaluate<boolean>("typeof window.teamsHost === 'object'")) {
    return teamsHostDriver(page);
  }
  const preference = await page.evaluate<string | null>(
    `(() => { try { return localStorage.getItem(${JSON.stringify(themePreferenceKey)}); } catch { return null; } })()`,
  );
  return isThemeName(preference) ? themeSwitchDriver(page, preference) : mediaDriver(page);
}

async function teamsHostDriver(page: Page): Promise<ThemeDriver> {
  const tab = await page.locator('#tab').elementHandle({ timeout: waitMs });
  const frame = await tab?.contentFrame();
  if (frame === null || frame === undefined) throw new Error('The Teams stand-in frames no tab');
  // A theme change sent before the tab has registered for it would be lost.
  await page
    .waitForFunction(
      "window.teamsHost.log.some((m) => m.func === 'registerHandler' && m.args[0] === 'themeChange')",
      undefined,
      { timeout: waitMs },
    )
    .catch((error: unknown) => {
      throw new Error('The framed tab never registered for Teams theme changes', { cause: error });
    });
  const original = await frame.locator('[data-theme]').first().getAttribute('data-theme', {
    timeout: waitMs,
  });
  const send = (theme: ThemeName): Promise<void> =>
    page.evaluate(`window.teamsHost.send('themeChange', [${JSON.stringify(teamsThemeOf[theme])}])`);
  return {
    frame,
    shot: page.locator('#tab'),
    apply: send,
    restore: () => send(isThemeName(original) ? original : 'light'),
  };
}

async function mediaDriver(page: Page): Promise<ThemeDriver> {
  const [dark, forced] = await page.evaluate<[boolean, boolean]>(
    "[matchMedia('(prefers-color-scheme: dark)').matches, matchMedia('(forced-colors: active)').matches]",
  );
  return {
    frame: page.mainFrame(),
    shot: undefined,
    apply: (theme) =>
      page.emulateMedia({
        colorScheme: theme === 'dark' ? 'dark' : 'light',
        forcedColors: theme === 'contrast' ? 'active' : 'none',
      }),
    restore: () =>
      page.emulateMedia({
        colorScheme: dark ? 'dark' : 'light',
        forcedColors: forced ? 'active' : 'none',
      }),
  };
}

function themeSwitchDriver(page: Page, original: ThemeName): ThemeDriver {
  const choose = async (theme: ThemeName): Promise<void> => {
    await page.getByRole('combobox', { name: 'Theme' }).click({ timeout: waitMs });
    await page
      .getByRole('option', { name: themePreferenceLabels[theme], exact: true })
      .click({ timeout: waitMs });
    // Off the page's content, so no hover highlight shows in the picture.
    const size = page.viewportSize();
    if (size !== null) await page.mouse.move(size.width - 1, size.height - 1);
  };
  return {
    frame: page.mainFrame(),
    shot: undefined,
    apply: choose,
    restore: () => choose(original),
  };
}

async function waitForTheme(frame: Frame, theme: ThemeName): Promise<void> {
  await frame
    .locator(`[data-theme="${theme}"]`)
    .first()
    .waitFor({ state: 'attached', timeout: waitMs });
}

/** Fonts loaded, images decoded and two frames painted, or `settleMs`, whichever comes first. */
async function settle(frame: Frame): Promise<void> {
  await frame.evaluate(`Promise.race([
    new Promise((resolve) => setTimeout(resolve, ${settleMs})),
    Promise.all([
      document.fonts.ready,
      ...Array.from(document.images, (image) => image.decode().catch(() => undefined)),
    ]).then(() => new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(resolve)))),
  ])`);
}

// ---------------------------------------------------------------------------------------------
// Adaptive Cards

interface CardRenderer {
  render(card: unknown, name: string, theme: CaptureTheme, file: string): Promise<void>;
  close(): Promise<void>;
}

interface RenderOutcome {
  readonly problems: string[];
}

const resolveModule = createRequire(import.meta.url).resolve;

async function openCardRenderer(browser: Browser): Promise<CardRenderer> {
  const context = await browser.newContext({
    viewport: { width: cardWidth + 200, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    colorScheme: 'light',
  });
  context.setDefaultTimeout(waitMs);
  // Cards are rendered offline: an image on the web shows as its empty box, not a stalled page.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setContent(cardPageHtml);
  await page.addStyleTag({ path: resolveModule('adaptivecards/dist/adaptivecards.css') });
  await page.addStyleTag({ content: teamsCardCss });
  await page.addScriptTag({ path: resolveModule('adaptivecards/dist/adaptivecards.min.js') });
  await page.addScriptTag({ content: cardRendererScript });

  return {
    async render(card, name, theme, file) {
      if (!isAdaptiveCard(card)) {
        throw new Error(`${name}: not an Adaptive Card (its type is not "AdaptiveCard")`);
      }
      const unfilled = JSON.stringify(card).match(/\$\{[^}]*\}/);
      if (unfilled !== null)
        throw new Error(`${name}: template expression left in the card: ${unfilled[0]}`);
      const outcome = await page.evaluate(
        ([json, hostConfig, themeClass]) =>
          (
            globalThis as unknown as {
              renderCard(json: unknown, hostConfig: unknown, theme: string): RenderOutcome;
            }
          ).renderCard(json, hostConfig, themeClass),
        [card, teamsHostConfig(theme), theme] as const,
      );
      if (outcome.problems.length > 0 || pageErrors.length > 0) {
        throw new Error(
          `${name}: the Adaptive Cards renderer reported:\n- ${[...outcome.problems, ...pageErrors].join('\n- ')}`,
        );
      }
      await settle(page.mainFrame());
      await page.locator('#frame').screenshot({
        path: file,
        animations: 'disabled',
        caret: 'hide',
        scale: 'css',
      });
    },
    close: () => context.close(),
  };
}

function isAdaptiveCard(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { readonly type?: unknown }).type === 'AdaptiveCard'
  );
}

const cardPageHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Adaptive Card</title></head>
<body class="light"><div id="frame"><div id="card"></div></div></body></html>`;

/**
 * Runs in the page, beside the library's browser bundle (`window.AdaptiveCards`). It reports
 * what the library reports while parsing and validating, and renders only a card with no problem.
 * Markdown gets the subset Teams renders in a TextBlock, over escaped text (the library leaves
 * markdown to its host).
 */
const cardRendererScript = `
(() => {
  const AC = window.AdaptiveCards;
  const escape = (text) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const inline = (text) =>
    escape(text)
      .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
      .replace(/(^|\\W)_(.+?)_(?=\\W|$)/g, '$1<em>$2</em>')
      .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2">$1</a>');
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const lines = text.split('\\n');
    const html = [];
    let list = false;
    for (const line of lines) {
      const item = /^\\s*[-*] (.*)$/.exec(line);
      if (item && !list) html.push('<ul>');
      if (!item && list) html.push('</ul>');
      list = Boolean(item);
      html.push(item ? '<li>' + inline(item[1]) + '</li>' : '<p>' + inline(line) + '</p>');
    }
    if (list) html.push('</ul>');
    result.outputHtml = html.join('');
    result.didProcess = true;
  };
  window.renderCard = (json, hostConfig, theme) => {
    document.body.className = theme;
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(hostConfig);
    const context = new AC.SerializationContext();
    card.parse(json, context);
    const problems = [];
    for (let index = 0; index < context.eventCount; index += 1) {
      problems.push(context.getEventAt(index).message);
    }
    for (const event of card.validateProperties().validationEvents) problems.push(event.message);
    const host = document.getElementById('card');
    host.replaceChildren();
    if (problems.length > 0) return { problems };
    const rendered = card.render();
    if (!rendered) return { problems: ['The renderer returned no element'] };
    host.appendChild(rendered);
    return { problems: [] };
  };
})();`;

/** Teams' font stack; Linux machines without Segoe UI fall through to their sans-serif. */
const cardFontFamily =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

/** A card in a Teams chat: the chat's background around a rounded card of Teams' width. */
const teamsCardCss = `
body { margin: 0; background: var(--chat); }
body.light {
  color-scheme: light;
  --chat: #f5f5f5; --card: #ffffff; --border: #e0e0e0; --text: #242424;
  --button: #ffffff; --button-border: #d1d1d1; --primary: #5b5fc7; --on-primary: #ffffff;
  --input: #ffffff; --input-border: #d1d1d1; --link: #5b5fc7;
}
body.dark {
  color-scheme: dark;
  --chat: #1f1f1f; --card: #292929; --border: #3d3d3d; --text: #ffffff;
  --button: #292929; --button-border: #666666; --primary: #4f52b2; --on-primary: #ffffff;
  --input: #1f1f1f; --input-border: #666666; --link: #7f85f5;
}
#frame { display: inline-block; padding: 16px; background: var(--chat); font-family: ${cardFontFamily}; }
#card {
  width: ${cardWidth}px; overflow: hidden; border: 1px solid var(--border); border-radius: 8px;
  background: var(--card);
}
#card p { margin: 0; }
#card ul { margin: 0; padding-left: 20px; }
#card a, #card a.ac-anchor:link, #card a.ac-anchor:visited { color: var(--link); }
#card .ac-pushButton {
  font-family: inherit; font-weight: 600; border-radius: 4px; padding: 5px 12px; min-height: 32px;
  background-color: var(--button); color: var(--text); border: 1px solid var(--button-border);
}
#card .ac-pushButton.style-positive {
  background-color: var(--primary); color: var(--on-primary); border-color: var(--primary);
}
#card .ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
#card .ac-actionSet > .ac-pushButton { flex: 0 0 auto !important; max-width: 100%; }
#card .ac-input { font-family: inherit; color: var(--text); }
#card .ac-textInput, #card .ac-input input:not([type='radio']):not([type='checkbox']),
#card .ac-input select {
  background-color: var(--input); color: var(--text); font-family: inherit;
  border: 1px solid var(--input-border); border-radius: 4px; padding: 5px 8px;
}
`;

interface CardPalette {
  readonly text: string;
  readonly subtle: string;
  readonly accent: string;
  readonly good: string;
  readonly warning: string;
  readonly attention: string;
  readonly backgrounds: Readonly<
    Record<'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning', string>
  >;
  readonly separator: string;
}

/** Teams' card colours, after Microsoft's published Teams host configs and Fluent's Teams themes. */
const palettes: Readonly<Record<CaptureTheme, CardPalette>> = {
  light: {
    text: '#242424',
    subtle: '#616161',
    accent: '#5b5fc7',
    good: '#0e700e',
    warning: '#835b00',
    attention: '#c4314b',
    backgrounds: {
      default: '#ffffff',
      emphasis: '#f5f5f5',
      accent: '#e8ebfa',
      good: '#f1faf1',
      attention: '#fdf3f4',
      warning: '#fff9f5',
    },
    separator: '#e0e0e0',
  },
  dark: {
    text: '#ffffff',
    subtle: '#adadad',
    accent: '#a6a7dc',
    good: '#92c353',
    warning: '#f8d22a',
    attention: '#f1707b',
    backgrounds: {
      default: '#292929',
      emphasis: '#333333',
      accent: '#2f2f4a',
      good: '#0d260d',
      attention: '#3e1f25',
      warning: '#463100',
    },
    separator: '#3d3d3d',
  },
};

const fontSizes = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
const fontWeights = { lighter: 200, default: 400, bolder: 600 };

/** A host config shaped like Teams': its spacing, type ramp and colours in the given theme. */
export function teamsHostConfig(theme: CaptureTheme): Record<string, unknown> {
  const palette = palettes[theme];
  const both = (colour: string): { default: string; subtle: string } => ({
    default: colour,
    subtle: colour,
  });
  const foregroundColors = {
    default: { default: palette.text, subtle: palette.subtle },
    dark: { default: '#242424', subtle: '#616161' },
    light: { default: '#ffffff', subtle: '#d6d6d6' },
    accent: both(palette.accent),
    good: both(palette.good),
    warning: both(palette.warning),
    attention: both(palette.attention),
  };
  const containerStyles = Object.fromEntries(
    Object.entries(palette.backgrounds).map(([style, backgroundColor]) => [
      style,
      { backgroundColor, foregroundColors },
    ]),
  );
  return {
    supportsInteractivity: true,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: palette.separator },
    fontTypes: {
      default: {
        fontFamily: cardFontFamily,
        fontSizes,
        fontWeights,
      },
      monospace: { fontFamily: "Consolas, 'Courier New', monospace", fontSizes, fontWeights },
    },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles,
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    adaptiveCard: { allowCustomStyle: true },
    factSet: {
      title: { weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: 12,
    },
  };
}
