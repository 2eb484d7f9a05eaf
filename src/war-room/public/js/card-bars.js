// @ts-check
// The project card's monthly investment bars for the year shown (万元), with each month's
// progress and problems in the tooltip; light colours while printing.
import { $ } from '/shared/dom.js';
import { wan } from '/shared/format.js';
import { html } from '/shared/html.js';

/** @typedef {import('/shared/types.js').ReportView} ReportView */
/** @typedef {import('echarts').ECharts} ECharts */

/** @type {ECharts | null} */
let chart = null;
/** @type {{ reports: ReportView[], year: number } | null} */
let last = null;
let printing = false;

/** Redraws the last bars in print (or screen) colours. */
export function setBarsPrintMode(/** @type {boolean} */ on) {
  printing = on;
  if (last) renderBars(last.reports, last.year);
}

export function clearBars() {
  if (chart) chart.clear();
}

/** Draws the months of `year` from a project's reports; data-months says how many have one. */
export function renderBars(/** @type {ReportView[]} */ reports, /** @type {number} */ year) {
  last = { reports, year };
  const el = $('#card-chart');
  const echarts = window.echarts;
  if (!echarts) return;
  if (!chart) {
    const created = echarts.init(el, null, { renderer: 'canvas' });
    new ResizeObserver(() => created.resize()).observe(el);
    chart = created;
  }
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  /** @type {Map<number, ReportView>} */
  const byMonth = new Map();
  for (const r of reports) {
    const [y, m] = r.month.split('-').map(Number);
    if (y === year) byMonth.set(m, r);
  }
  const text = printing ? '#222' : '#c9d7ea';
  /** @type {import('echarts').EChartsOption} */
  const option = {
    animation: !printing,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: 'inherit', color: text },
    grid: { left: 56, right: 12, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const first = Array.isArray(items) ? items[0] : items;
        const r = byMonth.get(first.dataIndex + 1);
        if (!r) return html`${first.dataIndex + 1}月：未填报`;
        return [
          html`${r.month}`,
          html`完成投资 ${wan(r.amount)} 万元${r.revisions > 1 ? `（第${r.revisions}次填报）` : ''}`,
          r.progress ? html`形象进度：${r.progress}` : null,
          r.problems ? html`问题：${r.problems}` : null,
        ].filter(Boolean).join('<br>');
      },
    },
    xAxis: { type: 'category', data: months, axisLabel: { color: text }, axisLine: { lineStyle: { color: '#4d6a8f' } } },
    yAxis: { type: 'value', name: '万元', axisLabel: { color: text }, nameTextStyle: { color: text }, splitLine: { lineStyle: { color: printing ? '#ddd' : 'rgba(120,150,190,0.18)' } } },
    series: [{
      name: '月度完成投资', type: 'bar', barWidth: '55%',
      data: months.map((_, i) => byMonth.get(i + 1)?.amount ?? null),
      itemStyle: { color: printing ? '#1f5fbf' : '#4da3ff' },
      label: { show: true, position: 'top', color: text, fontSize: 10, formatter: (p) => (p.value === null || p.value === undefined ? '' : wan(Number(p.value))) },
    }],
  };
  chart.setOption(option, true);
  chart.resize();
  el.dataset.months = String(byMonth.size);
}
