import fs from 'node:fs';
import type { TLocale } from '@samiti/common';
import { type Browser, chromium, type Page } from 'playwright-core';
import { AppError } from '../errors';

/**
 * Printable documents (attendance sheets, minutes, itineraries) are HTML printed by the system
 * Chromium: it shapes Devanagari conjuncts and matras correctly, which no pure-JS PDF library does.
 * One browser is shared by all requests, started on first use and closed after a quiet minute so
 * an idle server does not hold ~100 MB for it.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const IDLE_CLOSE_MS = 60_000;
const MAX_PAGES = 2;

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) => env.SAMITI_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = () => fs.existsSync(chromiumPath());

let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let open = 0;
const waiting: (() => void)[] = [];

const getBrowser = () => {
  if (!hasChromium()) throw new AppError('UNAVAILABLE', 'PDF_UNAVAILABLE');
  browser ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }).catch((err: unknown) => {
    browser = null;
    throw err;
  });
  return browser;
};

/** Closes the shared browser (on app close, and after it has been idle). */
export const closePdfRenderer = async () => {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const b = browser;
  browser = null;
  if (b) await (await b).close().catch(() => undefined);
};

/** At most MAX_PAGES documents render at once; the rest wait their turn. */
const withPage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
  if (open >= MAX_PAGES) await new Promise<void>((resolve) => waiting.push(resolve));
  open++;
  if (idleTimer) clearTimeout(idleTimer);
  const page = await (await getBrowser()).newPage().catch((err: unknown) => {
    open--;
    waiting.shift()?.();
    throw err;
  });
  try {
    // Documents are self-contained; nothing they contain may reach the network.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    return await fn(page);
  } finally {
    await page.close().catch(() => undefined);
    open--;
    waiting.shift()?.();
    if (open === 0) idleTimer = setTimeout(() => void closePdfRenderer(), IDLE_CLOSE_MS).unref();
  }
};

export type TPdfOptions = { landscape?: boolean; footerText?: string };

/** Prints an HTML document to an A4 PDF with page numbers in the footer. No network: the HTML must be self-contained. */
export const renderPdf = (html: string, opts: TPdfOptions = {}): Promise<Buffer> =>
  withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    const footer = `<div style="width:100%;font-size:8px;font-family:'Noto Sans','Noto Sans Devanagari',sans-serif;color:#555;padding:0 12mm;display:flex;justify-content:space-between"><span>${escapeHtml(opts.footerText ?? '')}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
    return page.pdf({
      format: 'A4',
      landscape: opts.landscape ?? false,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
  });

/** The same document as a PNG of its first screen (for checking what a PDF will show). */
export const renderPng = (html: string, width = 900): Promise<Buffer> =>
  withPage(async (page) => {
    await page.setViewportSize({ width, height: 1200 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return page.screenshot({ fullPage: true });
  });

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string | number | null | undefined) => String(text ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** A self-contained printable page: Noto fonts for Devanagari and Latin, the document's language set so hyphenation and shaping follow it. */
export const printableDocument = (input: { locale: TLocale; title: string; body: string; css?: string }) => `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title>
<style>
  @page { size: A4; }
  * { box-sizing: border-box; }
  body { font-family: 'Noto Sans', 'Noto Sans Devanagari', 'Noto Serif Devanagari', sans-serif; font-size: 11pt; color: #111; margin: 0; line-height: 1.45; }
  h1 { font-size: 16pt; margin: 0 0 4pt; }
  h2 { font-size: 12.5pt; margin: 14pt 0 4pt; }
  .meta { color: #444; margin: 0 0 8pt; }
  table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  th, td { border: 0.6pt solid #777; padding: 4pt 5pt; text-align: left; vertical-align: top; }
  th { background: #eee; }
  ${input.css ?? ''}
</style></head><body>${input.body}</body></html>`;
