import { minorToDecimal } from '../../domain/money.js';
import type { HookReport, HookReportEntry } from '../../reports/hook-report.js';

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const BAR = 10;
const GAP = 8;
const HEIGHT = 140;
const LEFT = 8;
const TOP = 8;
const LABEL_SPACE = 18;
/** Room for the top-value label even when the report spans a single week. */
const MIN_WIDTH = 180;

function money(minor: number, currency: string): string {
  return `${minorToDecimal(minor)} ${currency}`;
}

/** Amounts in table cells: the currency is in the column header. */
const amount = (minor: number) => minorToDecimal(minor);

/** Week labels: all when few, otherwise about a dozen, so they never overlap. */
function labelEvery(weeks: number): number {
  return Math.max(1, Math.ceil(weeks / 12));
}

/** One hook's weekly revenue and margin as paired bars around a zero line; only non-zero bars are drawn. */
function chart(hook: HookReportEntry, report: HookReport): string {
  const slot = 2 * BAR + GAP;
  const width = Math.max(MIN_WIDTH, LEFT * 2 + Math.max(1, report.weeks.length) * slot);
  const high = Math.max(1, ...hook.weeks.map((w) => Math.max(w.revenueMinor, w.marginMinor)));
  const low = Math.min(0, ...hook.weeks.map((w) => w.marginMinor));
  const scale = HEIGHT / (high - low);
  const zeroY = TOP + high * scale;
  const parts: string[] = [];
  const bar = (x: number, value: number, kind: 'revenue' | 'margin', week: string) => {
    if (value === 0) return;
    const h = Math.max(1, Math.abs(value) * scale);
    const y = value > 0 ? zeroY - h : zeroY;
    parts.push(
      `<rect class="bar ${kind}" data-week="${week}" x="${x}" y="${y.toFixed(1)}" width="${BAR}" height="${h.toFixed(1)}">` +
        `<title>${esc(`${week} ${kind}: ${money(value, report.currency)}`)}</title></rect>`,
    );
  };
  const every = labelEvery(report.weeks.length);
  hook.weeks.forEach((w, i) => {
    const x = LEFT + i * slot;
    bar(x, w.revenueMinor, 'revenue', w.week);
    bar(x + BAR, w.marginMinor, 'margin', w.week);
    if (i % every === 0) {
      const [, m, d] = w.week.split('-');
      parts.push(`<text class="week-label" x="${x}" y="${TOP + HEIGHT + LABEL_SPACE - 4}">${d}/${m}</text>`);
    }
  });
  const top = Math.max(0, ...hook.weeks.map((w) => Math.max(w.revenueMinor, w.marginMinor)));
  const note = top > 0 ? money(top, report.currency) : 'no sales yet';
  parts.push(`<text class="axis-label" x="${width - LEFT}" y="${TOP + 8}" text-anchor="end">${esc(note)}</text>`);
  parts.push(`<line class="zero" x1="${LEFT}" x2="${width - LEFT}" y1="${zeroY.toFixed(1)}" y2="${zeroY.toFixed(1)}"/>`);
  const label = `${hook.title}: revenue and margin per week`;
  return (
    `<svg class="hook-chart" data-sku="${esc(hook.sku)}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" ` +
    `width="${width}" height="${TOP + HEIGHT + LABEL_SPACE}" viewBox="0 0 ${width} ${TOP + HEIGHT + LABEL_SPACE}">` +
    parts.join('') +
    '</svg>'
  );
}

function summaryRows(report: HookReport): string {
  return report.hooks
    .flatMap((h) =>
      h.channels.map(
        (c) =>
          `<tr${h.idle ? ' class="idle"' : ''}><td>${esc(h.sku)}</td><td class="t">${esc(h.title)}</td><td>${c.channel}</td>` +
          `<td>${c.since.slice(0, 10)}${c.until ? ` – ${c.until.slice(0, 10)}` : ''}</td><td class="n">${c.orders}</td>` +
          `<td class="n">${c.units}</td><td class="n">${amount(c.revenueMinor)}</td>` +
          `<td class="n">${amount(c.feesMinor)}${c.feesEstimated ? '*' : ''}</td>` +
          `<td class="n">${c.marginMinor === undefined ? '–' : amount(c.marginMinor)}</td></tr>`,
      ),
    )
    .join('\n');
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}
td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}td.n{text-align:right}td.t{white-space:normal}tr.idle td{color:#a33}
.charts{display:flex;flex-wrap:wrap;align-items:flex-end;gap:1em 2em}figure{margin:0}figcaption{font-weight:600;margin-bottom:.3em;max-width:28em;font-size:.9em}
.axis-label{font-size:10px;fill:#555}.bar.revenue{fill:#2a6fdb}.bar.margin{fill:#2f9e44}
.zero{stroke:#888;stroke-width:1}.week-label{font-size:10px;fill:#555}.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em}`;

/** The hook report as one self-contained HTML page: inline CSS and SVG, nothing fetched from anywhere. */
export function renderHookReportHtml(report: HookReport, shopName: string, lang: string): string {
  const idle = report.hooks.filter((h) => h.idle);
  const figures = report.hooks
    .map((h) => `<figure><figcaption>${esc(h.sku)} — ${esc(h.title)}</figcaption>${chart(h, report)}</figure>`)
    .join('\n');
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(`Hook report — ${shopName}`)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>${STYLE}</style></head><body>
<h1>${esc(`Hook report — ${shopName}`)}</h1>
<p>Generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC${report.since ? `, sales since ${report.since}` : ', sales since each product became a hook'}. Margin = revenue without VAT − cost − fees (* estimated from the channel's fee settings).</p>
<h2>Revenue and margin per week</h2>
<p class="legend"><span style="background:#2a6fdb"></span>revenue<span style="background:#2f9e44"></span>margin</p>
<div class="charts">
${figures}
</div>
<h2>Candidates to rotate out</h2>
${idle.length === 0 ? `<p>None: every hook sold in the last ${report.idleDays} days.</p>` : `<ul class="rotate">${idle.map((h) => `<li>${esc(h.sku)} — ${esc(h.title)}</li>`).join('')}</ul>`}
<h2>Per hook and channel</h2>
<table><thead><tr><th>SKU</th><th>Title</th><th>Channel</th><th>Hook since</th><th>Orders</th><th>Units</th><th>Revenue ${esc(report.currency)}</th><th>Fees</th><th>Margin</th></tr></thead>
<tbody>
${summaryRows(report)}
</tbody></table>
</body></html>
`;
}
