import { afterAll, describe, expect, it } from 'vitest';
import { closePdfRenderer, escapeHtml, hasChromium, printableDocument, renderPdf, renderPng } from './pdf';

// CI installs Chromium before the tests; a developer machine without it skips these, visibly.
const canRender = hasChromium() || process.env.CI === 'true';
afterAll(closePdfRenderer);

const hindiDoc = () =>
  printableDocument({
    locale: 'hi',
    title: 'उपस्थिति पत्रक',
    body: `<h1>समीक्षा बैठक — ज़िला मुज़फ़्फ़रनगर</h1><p class="meta">क्षेत्र, ज्ञान, श्रद्धा, प्रदेश, कार्यकर्ता, राष्ट्रीय, शक्ति केंद्र</p>
      <table><tr><th>क्रम</th><th>नाम</th><th>पद</th><th>हस्ताक्षर</th></tr><tr><td>1</td><td>मेहताब चौहान</td><td>जिलाध्यक्ष</td><td></td></tr></table>`,
  });

describe('escapeHtml', () => {
  it('escapes markup and quotes so names cannot inject HTML', () => {
    expect(escapeHtml(`<b onclick="x">'&'</b>`)).toBe('&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe.skipIf(!canRender)('printing with the system Chromium', () => {
  it('prints a Hindi document to a PDF that embeds a Devanagari font', async () => {
    const pdf = await renderPdf(hindiDoc(), { footerText: 'समिति' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/NotoSansDevanagari|NotoSerifDevanagari/);
  });

  it('renders the same document as a PNG and several at once without mixing them up', async () => {
    const [png, a, b] = await Promise.all([renderPng(hindiDoc()), renderPdf(hindiDoc()), renderPdf(hindiDoc(), { landscape: true })]);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(a.length).toBeGreaterThan(1000);
    expect(b.length).toBeGreaterThan(1000);
  });

  it('never fetches from the network while printing', async () => {
    const html = printableDocument({ locale: 'en', title: 't', body: '<img src="http://127.0.0.1:9/x.png"><p>ok</p>' });
    const pdf = await renderPdf(html);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
