import {
  AlignmentType,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';

/**
 * How the Word bulletin is laid out on paper (docs/operations.md "The bulletin as a Word document"):
 * A4, body in portrait, a table too wide for portrait in a landscape section of its own (with its
 * section's heading and sentence), page numbers "— 1 —" at the foot of every page, and every
 * table's columns sized from what they hold, so that no number, colour or place or chain name
 * breaks inside its cell: those columns are at least as wide as their longest value; only the
 * free-text columns (project names, reasons, notes) wrap. Checked by rendering the document with
 * LibreOffice (test/bulletin-docx-layout.e2e-spec.ts).
 */

/** Twips (1/20 pt). A4 is 11,906 × 16,838. */
const A4 = { width: 11906, height: 16838 };
/** 公文 margins in portrait (28 mm left, 26 mm right); landscape keeps 20 mm top and bottom, 25.4 mm at the sides. */
const PORTRAIT_MARGIN = { top: 1440, bottom: 1440, left: 1588, right: 1474 };
const LANDSCAPE_MARGIN = { top: 1134, bottom: 1134, left: 1440, right: 1440 };
export const PORTRAIT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
export const LANDSCAPE_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

/** Table text: 五号 10.5 pt, so one em is 210 twips. */
export const TABLE_SIZE = 21;
const EM = 210;
/** Each cell's inner margin at either side, and a safety allowance on every measured width. */
const CELL_MARGIN = 85;
const SLACK = 1.15;
/** A free-text column is never narrower than this, and is given up to this much before the table counts as wide. */
const TEXT_MIN_EMS = 5;
const TEXT_COMFORT_EMS = 12;

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEADER_FILL = 'DDEBF7';

export type Cell = string | number | { text: string; fill?: string };

/** A table whose orientation is decided by its content; built once its page width is known. */
export interface LaidTable {
  readonly kind: 'table';
  readonly landscape: boolean;
  readonly columnWidths: number[];
  build(): Table;
}

export type Block = Paragraph | LaidTable;

/**
 * Width of a text in ems at the table's size: CJK and full-width characters one em, others (digits,
 * Latin letters, ".", "%") at most 0.6 em in Times New Roman or its metric twin Liberation Serif.
 */
export function emsOf(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) < 0x2000 ? (ch === ' ' ? 0.3 : 0.6) : 1;
  return ems;
}

const twipsOf = (ems: number) => Math.ceil(ems * EM * SLACK) + 2 * CELL_MARGIN;
const textOf = (cell: Cell) => (typeof cell === 'object' ? cell.text : String(cell));

/**
 * A table of `header` and `rows`. `wrap` names the free-text columns (0-based): the others hold
 * values that must not break (numbers, colours, codes, dates, places, chains), so each is at least
 * as wide as its longest value. A header may wrap onto two or three lines. The table goes into
 * landscape when its columns, free text given a comfortable width, do not fit the portrait page.
 */
export function layTable(header: string[], rows: Cell[][], wrap: readonly number[] = []): LaidTable {
  const columns = header.map((label, i) => {
    const values = rows.map((row) => textOf(row[i] ?? ''));
    const longest = Math.max(0, ...values.map(emsOf));
    const headerEms = Math.max(2, Math.ceil(emsOf(label) / 3));
    const free = wrap.includes(i);
    const min = twipsOf(free ? Math.max(TEXT_MIN_EMS, headerEms) : Math.max(longest, headerEms));
    const preferred = free ? Math.max(min, twipsOf(Math.min(longest, TEXT_COMFORT_EMS))) : min;
    const wanted = free ? Math.max(min, twipsOf(longest)) : min;
    return { min, preferred, wanted, free };
  });
  const landscape = columns.reduce((sum, c) => sum + c.preferred, 0) > PORTRAIT_WIDTH;
  const columnWidths = distribute(columns, landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH);
  return { kind: 'table', landscape, columnWidths, build: () => buildTable(header, rows, columnWidths) };
}

/** Each column its minimum; what is left goes to the free-text columns up to what they hold, then to every column in proportion. */
function distribute(columns: { min: number; wanted: number; free: boolean }[], width: number): number[] {
  const widths = columns.map((c) => c.min);
  let left = width - widths.reduce((a, b) => a + b, 0);
  if (left <= 0) return widths;
  const hungry = columns.map((c, i) => (c.free ? c.wanted - widths[i] : 0));
  const hunger = hungry.reduce((a, b) => a + b, 0);
  if (hunger > 0) {
    const share = Math.min(left, hunger);
    hungry.forEach((h, i) => (widths[i] += Math.floor((share * h) / hunger)));
    left = width - widths.reduce((a, b) => a + b, 0);
  }
  const total = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => w + Math.floor((left * w) / total));
  scaled[scaled.length - 1] += width - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}

function buildTable(header: string[], rows: Cell[][], columnWidths: number[]): Table {
  const cell = (value: Cell, index: number, head = false) => {
    const content = typeof value === 'object' ? value : { text: String(value) };
    return new TableCell({
      width: { size: columnWidths[index], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      shading: head ? { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } : content.fill ? { fill: content.fill, type: ShadingType.CLEAR, color: 'auto' } : undefined,
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: content.text, size: TABLE_SIZE, bold: head, font: FONT })] })],
    });
  };
  return new Table({
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((label, i) => cell(label, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, i)) })),
    ],
  });
}

/** "— 1 —" centred at the foot of every page (公文 page numbers), numbering running on across sections. */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' }, size: 28 })],
      }),
    ],
  });
}

/**
 * The document's sections from its parts (the head, each numbered section, the end): a part with a
 * landscape table is laid out in landscape, the others in portrait; consecutive parts of the same
 * orientation share one section, so the page turns only where the orientation changes.
 */
export function documentSections(parts: Block[][]): ISectionOptions[] {
  const runs: { landscape: boolean; blocks: Block[] }[] = [];
  for (const part of parts) {
    if (part.length === 0) continue;
    const landscape = part.some((block) => isTable(block) && block.landscape);
    const last = runs.at(-1);
    if (last && last.landscape === landscape) last.blocks.push(...part);
    else runs.push({ landscape, blocks: [...part] });
  }
  return runs.map(({ landscape, blocks }) => ({
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN,
      },
    },
    footers: { default: pageNumberFooter() },
    children: blocks.map((block) => (isTable(block) ? block.build() : block)),
  }));
}

function isTable(block: Block): block is LaidTable {
  return (block as LaidTable).kind === 'table';
}
