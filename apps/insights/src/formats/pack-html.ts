import type { BoardPack, PackTable } from '../board-reports/board-pack';
import { shown } from './charts';
import { escapeHtml as e } from './escape';
import { dateTime } from '@app/web';

const STYLE = `
  :root { color: #0b0c0c; }
  body { font-family: Arial, Helvetica, sans-serif; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; font-size: 10pt; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  h2 { font-size: 1.15rem; margin: 1.2rem 0 .2rem; }
  p.definition { margin: 0 0 .3rem; color: #505a5f; }
  table { border-collapse: collapse; margin: .2rem 0 .8rem; }
  caption { text-align: left; font-weight: bold; }
  th, td { border-bottom: 1px solid #b1b4b6; padding: .15rem .5rem; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0b0c0c; }
  dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; margin: .8rem 0; }
  dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
  .note { background: #f3f2f1; padding: .5rem .8rem; border-left: 5px solid #505a5f; }
  .marking { text-align: center; font-weight: bold; letter-spacing: .05em; border: 2px solid #0b0c0c; padding: .2rem; margin: .5rem 0; }
  section.table { break-inside: avoid; page-break-inside: avoid; }
  @page { size: A4; margin: 20mm 12mm; }
`;

/**
 * A board pack as one self-contained page for print (no script, nothing fetched): what the PDF is rendered from.
 * A restricted pack carries its marking at the top and the foot of the document; the PDF also prints it in the
 * header and footer of every page.
 */
export function packHtml(pack: BoardPack): string {
  const marking = pack.marking ? `<p class="marking">${e(pack.marking)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${e(pack.title)}</title><style>${STYLE}</style></head>
<body>
${marking}
<h1>${e(pack.title)}</h1>
<dl class="meta">${pack.meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<p class="note">${e(pack.note)}</p>
${pack.changes ? `<p>Revision ${pack.changes.previousRevision} had data up to ${e(dateTime(pack.changes.previousDataCutOff))}; ${pack.changes.changed.length} figure(s) changed since.</p>` : ''}
${pack.tables.map(packTableHtml).join('\n')}
<h2>How the figures are counted</h2>
<ul>${pack.countingRules.map((rule) => `<li>${e(rule)}</li>`).join('')}</ul>
${marking}
</body>
</html>
`;
}

export function packTableHtml(table: PackTable): string {
  const [labelHeading, ...valueHeadings] = table.columns;
  return `<section class="table" id="table-${e(table.id)}">
<h2>${e(table.title)}</h2>
<p class="definition">${e(table.definition)}</p>
<table>
<thead><tr><th scope="col">${e(labelHeading)}</th>${valueHeadings.map((c) => `<th scope="col" class="n">${e(c)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((row) => `<tr${row.total ? ' class="total"' : ''}><th scope="row">${e(row.label)}</th>${row.values.map((v) => `<td class="n">${e(shown(v))}</td>`).join('')}</tr>`).join('')}</tbody>
</table>
</section>`;
}
