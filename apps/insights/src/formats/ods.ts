import { strToU8, zipSync, type Zippable } from 'fflate';
import type { BoardPack, PackTable } from '../board-reports/board-pack';
import { escapeHtml as xml } from './escape';

const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * A board pack as an OpenDocument spreadsheet (ODF 1.2), the format the government's statistics guidance asks
 * tables to be released in: a cover sheet (title, marking, what the figures are, how they are counted), then one
 * sheet per table with its definition above it. Counts are numeric cells; a suppressed count is the text "c", as
 * published. The marking of a restricted pack is the first cell of every sheet. Written by hand (zip by fflate):
 * docs/adr/0008-ods-workbook.md says why.
 */
export function packOds(pack: BoardPack): Uint8Array {
  const sheets = [coverSheet(pack), ...pack.tables.map((t, i) => tableSheet(pack, t, i))];
  const files: Zippable = {
    // The package's first entry, stored uncompressed, as ODF 1.2 part 3 section 3.3 requires.
    mimetype: [strToU8(MIMETYPE), { level: 0 }],
    'META-INF/manifest.xml': strToU8(MANIFEST),
    'meta.xml': strToU8(meta(pack)),
    'styles.xml': strToU8(STYLES),
    'content.xml': strToU8(content(sheets)),
  };
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

type Cell = { text: string; bold?: boolean } | { number: number; bold?: boolean };

interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

function text(value: string, bold = false): Cell {
  return { text: value, bold };
}

function coverSheet(pack: BoardPack): Sheet {
  return {
    name: 'Cover',
    rows: [
      ...(pack.marking ? [[text(pack.marking, true)]] : []),
      [text(pack.title, true)],
      [],
      ...pack.meta.map(([k, v]) => [text(k, true), text(v)]),
      [],
      [text(pack.note)],
      [],
      [text('Tables', true)],
      ...pack.tables.map((t, i) => [text(sheetName(t, i)), text(t.title)]),
      [],
      [text('How the figures are counted', true)],
      ...pack.countingRules.map((rule) => [text(rule)]),
    ],
  };
}

function tableSheet(pack: BoardPack, table: PackTable, index: number): Sheet {
  return {
    name: sheetName(table, index),
    rows: [
      ...(pack.marking ? [[text(pack.marking, true)]] : []),
      [text(table.title, true)],
      [text(table.definition)],
      [],
      table.columns.map((c) => text(c, true)),
      ...table.rows.map((row) => [
        text(row.label, row.total),
        ...row.values.map((v): Cell => (typeof v === 'number' ? { number: v, bold: row.total } : text(v, row.total))),
      ]),
    ],
  };
}

/** Sheet names: numbered, at most 31 characters, none of the characters a spreadsheet refuses in them. */
export function sheetName(table: PackTable, index: number): string {
  return `${index + 1} ${table.title}`
    .replace(/[[\]*?:/\\']/g, ' ')
    .slice(0, 31)
    .trim();
}

function cellXml(cell: Cell): string {
  const style = cell.bold ? ' table:style-name="bold"' : '';
  if ('number' in cell)
    return `<table:table-cell${style} office:value-type="float" office:value="${cell.number}"><text:p>${cell.number}</text:p></table:table-cell>`;
  return `<table:table-cell${style} office:value-type="string"><text:p>${xml(cell.text)}</text:p></table:table-cell>`;
}

function content(sheets: readonly Sheet[]): string {
  const body = sheets
    .map(
      (sheet) =>
        `<table:table table:name="${xml(sheet.name)}"><table:table-column table:style-name="wide"/><table:table-column table:number-columns-repeated="8"/>${sheet.rows
          .map((row) => `<table:table-row>${row.length === 0 ? '<table:table-cell/>' : row.map(cellXml).join('')}</table:table-row>`)
          .join('')}</table:table>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
<office:automatic-styles>
<style:style style:name="bold" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="wide" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>${body}</office:spreadsheet></office:body>
</office:document-content>
`;
}

function meta(pack: BoardPack): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">
<office:meta><dc:title>${xml(pack.title)}</dc:title>${pack.marking ? `<dc:subject>${xml(pack.marking)}</dc:subject><meta:keyword>${xml(pack.marking)}</meta:keyword>` : ''}<dc:language>en-GB</dc:language><meta:generator>Referral Hub</meta:generator></office:meta>
</office:document-meta>
`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:styles/></office:document-styles>
`;

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${MIMETYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;
