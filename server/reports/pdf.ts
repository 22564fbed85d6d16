import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Report, ReportLang } from '../../shared/contracts/reports.js';
import { layoutReport, type ReportTable } from '../../shared/reports/document.js';

/** Debian's fonts-noto-cjk: one collection with Simplified Chinese and Latin glyphs, so one face serves both languages. */
export const CJK_FONT_FILE = process.env.YUQING_REPORT_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export class MissingFontError extends Error {
  override name = 'MissingFontError';
}

export function checkPdfFont(file = CJK_FONT_FILE): void {
  if (!existsSync(file)) {
    throw new MissingFontError(
      `PDF reports need the Noto CJK font at ${file}: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk), or point YUQING_REPORT_FONT at a copy of NotoSansCJK-Regular.ttc`,
    );
  }
}

const MARGIN = 48;
const FONT_SIZE = { title: 18, heading: 13, body: 10.5, cell: 8 } as const;
const PAD = 3;

function drawTable(doc: PDFKit.PDFDocument, t: ReportTable): void {
  const width = doc.page.width - 2 * MARGIN;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const cols = t.widths.map((w) => (w / total) * width);
  const row = (cells: string[], header: boolean) => {
    doc.fontSize(FONT_SIZE.cell);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (cols[i] ?? 10) - 2 * PAD }))) + 2 * PAD;
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = cols[i] ?? 10;
      if (header) doc.rect(x, y, w, h).fillAndStroke('#e8eef5', '#9aa7b4').fillColor('black');
      else doc.rect(x, y, w, h).stroke('#9aa7b4');
      doc.text(c, x + PAD, y + PAD, { width: w - 2 * PAD, lineBreak: true });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  row(t.head, true);
  for (const r of t.rows) row(r, false);
}

/** The report as PDF (A4), in the CJK font for both languages. Throws MissingFontError naming the package. */
export function renderPdf(report: Report, lang: ReportLang): Promise<Buffer> {
  checkPdfFont();
  const d = layoutReport(report, lang);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: d.title, Creator: 'yuqing' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', CJK_FONT_FILE, CJK_FONT_NAME);
  doc.font('cjk');
  doc.fontSize(FONT_SIZE.title).text(d.title, { align: 'center' });
  doc.fontSize(FONT_SIZE.cell).text(d.periodLine, { align: 'center' }).moveDown();
  const heading = (s: string) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.6).fontSize(FONT_SIZE.heading).text(s, MARGIN).moveDown(0.3);
  };
  heading(d.assessmentHeading);
  doc.fontSize(FONT_SIZE.body);
  for (const s of d.assessment) doc.text(s, { paragraphGap: 4 });
  for (const t of d.tables) {
    heading(t.heading);
    drawTable(doc, t);
  }
  doc.moveDown().fontSize(FONT_SIZE.cell).text(d.note, MARGIN);
  doc.end();
  return done;
}
