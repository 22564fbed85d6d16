import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Report, ReportLang } from '../../shared/contracts/reports.js';
import { layoutReport, type ReportTable } from '../../shared/reports/document.js';

/** Word fonts: a Chinese face for East Asian text, so zh reports do not fall back to a random one. */
const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei' };
/** Usable width of an A4 page with Word's default margins, in twentieths of a point. */
const PAGE_TWIPS = 9026;

function table(t: ReportTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * PAGE_TWIPS));
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i] ?? 1000, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18, font: FONT })] })],
    });
  return new Table({
    width: { size: PAGE_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((row) => new TableRow({ children: row.map((v, i) => cell(v, i)) })),
    ],
  });
}

/** The report as a Word document: title, the written assessment, then the tables. */
export async function renderDocx(report: Report, lang: ReportLang): Promise<Buffer> {
  const d = layoutReport(report, lang);
  const text = (s: string, size = 22) => new TextRun({ text: s, size, font: FONT });
  const heading = (s: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: s, font: FONT })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: d.title, font: FONT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(d.periodLine, 18)] }),
    heading(d.assessmentHeading),
    ...d.assessment.map((s) => new Paragraph({ spacing: { after: 80 }, children: [text(s)] })),
  ];
  for (const t of d.tables) children.push(heading(t.heading), table(t));
  children.push(new Paragraph({ spacing: { before: 240 }, children: [text(d.note, 16)] }));
  const doc = new Document({
    creator: 'yuqing',
    title: d.title,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
