import type { Count } from '../statistics/figures';
import { escapeHtml } from './escape';

/**
 * Charts as inline SVG: no script, no external font or library, nothing fetched over the network, and they print
 * as crisply as the text. A suppressed count ("c") gets no bar, only its "c", so a bar's length never hints at
 * what it hides. Colours are told apart by a pattern as well as a hue, for black-and-white printing.
 */

export interface Bar {
  readonly label: string;
  readonly value: Count;
}

export interface Series {
  readonly name: string;
  readonly values: readonly Count[];
}

const FONT = 'font-family="Arial, Helvetica, sans-serif" font-size="12"';
const SERIES_FILL = ['#1d70b8', 'url(#hatch)'];
const DEFS = `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="6" height="6" fill="#f47738"/><line x1="0" y1="0" x2="0" y2="6" stroke="#0b0c0c" stroke-width="1.5"/></pattern></defs>`;

function numeric(value: Count): number {
  return typeof value === 'number' ? value : 0;
}

function niceMax(values: readonly Count[]): number {
  const max = Math.max(1, ...values.map(numeric));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/**
 * The value axis of a chart of counts: whole-number steps of 1, 2 or 5 times a power of ten, at most five of them
 * above zero, so that no tick reads 0.3 of a person.
 */
export function countAxis(values: readonly Count[]): { max: number; ticks: number[] } {
  const top = Math.max(1, ...values.map(numeric));
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5].map((s) => s * magnitude)) {
      const steps = Math.ceil(top / step);
      if (steps <= 5) return { max: steps * step, ticks: Array.from({ length: steps + 1 }, (_, i) => i * step) };
    }
  }
}

/** A horizontal bar chart of one breakdown. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const labelWidth = 230;
  const plotWidth = 330;
  const rowHeight = 22;
  const height = bars.length * rowHeight + 30;
  const max = niceMax(bars.map((b) => b.value));
  const rows = bars
    .map((bar, i) => {
      const y = 10 + i * rowHeight;
      const width = (numeric(bar.value) / max) * plotWidth;
      const value = escapeHtml(shown(bar.value));
      return `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(truncate(bar.label, 34))}</text>
<rect x="${labelWidth}" y="${y + 2}" width="${width.toFixed(1)}" height="${rowHeight - 6}" fill="${SERIES_FILL[0]}"/>
<text x="${labelWidth + width + 5}" y="${y + 14}">${value}</text>`;
    })
    .join('\n');
  return svg(
    title,
    labelWidth + plotWidth + 60,
    height,
    `${rows}
<line x1="${labelWidth}" y1="8" x2="${labelWidth}" y2="${height - 18}" stroke="#505a5f"/>`,
  );
}

/** Grouped vertical bars: referrals and individuals side by side for each quarter. */
export function groupedBarChart(title: string, categories: readonly string[], series: readonly Series[]): string {
  const left = 72;
  const plotHeight = 200;
  const groupWidth = Math.max(60, Math.min(120, 640 / Math.max(1, categories.length)));
  const barWidth = (groupWidth - 16) / series.length;
  const width = left + categories.length * groupWidth + 20;
  const { max, ticks } = countAxis(series.flatMap((s) => s.values));
  const top = 30;
  const axis = ticks
    .map((tick) => {
      const y = top + plotHeight - (tick / max) * plotHeight;
      return `<line x1="${left}" y1="${y}" x2="${width - 10}" y2="${y}" stroke="#d0d4d7"/><text x="${left - 6}" y="${y + 4}" text-anchor="end">${tick.toLocaleString('en-GB')}</text>`;
    })
    .join('\n');
  const bars = categories
    .map((category, g) => {
      const x0 = left + g * groupWidth + 8;
      const groupBars = series
        .map((s, k) => {
          const value = s.values[g];
          const h = (numeric(value) / max) * plotHeight;
          const x = x0 + k * barWidth;
          return `<rect x="${x.toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${SERIES_FILL[k % SERIES_FILL.length]}"/>
<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(top + plotHeight - h - 4).toFixed(1)}" text-anchor="middle" font-size="10">${escapeHtml(shown(value))}</text>`;
        })
        .join('\n');
      const label = escapeHtml(shortQuarter(category));
      return `${groupBars}\n<text x="${(x0 + (groupWidth - 16) / 2).toFixed(1)}" y="${top + plotHeight + 16}" text-anchor="middle">${label}</text>`;
    })
    .join('\n');
  const legend = series
    .map(
      (s, k) =>
        `<rect x="${left + k * 130}" y="4" width="12" height="12" fill="${SERIES_FILL[k % SERIES_FILL.length]}"/><text x="${left + k * 130 + 18}" y="14">${escapeHtml(s.name)}</text>`,
    )
    .join('\n');
  return svg(title, width, top + plotHeight + 30, `${legend}\n${axis}\n${bars}`);
}

function svg(title: string, width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" ${FONT}>
<title>${escapeHtml(title)}</title>${DEFS}
${body}
</svg>`;
}

/** "62,504", "c" or "0", as the tables show them. */
export function shown(value: Count): string {
  return typeof value === 'number' ? value.toLocaleString('en-GB') : value;
}

/** "Q2 2026 (April to June)" → "Q2 2026": the axis has no room for the months. */
function shortQuarter(label: string): string {
  const open = label.indexOf(' (');
  return open > 0 ? label.slice(0, open) : label;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
