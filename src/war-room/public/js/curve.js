// @ts-check
// 实施类累计完成投资 vs 序时进度: the month's investment as bars, the cumulative investment and
// the cumulative 序时进度 as lines, the year's target as a line. ECharts, redrawn light for print.
import { $ } from '/shared/dom.js';
import { pct, yi, yiShort } from '/shared/format.js';
import { html } from '/shared/html.js';

/** @typedef {import('/shared/types.js').CurvePoint} CurvePoint */
/** @typedef {import('echarts').ECharts} ECharts */

/** @type {ECharts | null} */
let chart = null;

function palette(/** @type {boolean} */ printing) {
  return printing
    ? { text: '#222', axis: '#666', split: '#ddd', actual: '#1f5fbf', expected: '#c0392b', bar: '#9db8e0', target: '#555' }
    : { text: '#c9d7ea', axis: '#4d6a8f', split: 'rgba(120,150,190,0.18)', actual: '#4da3ff', expected: '#ffb020', bar: 'rgba(77,163,255,0.35)', target: '#9fb3cc' };
}

/**
 * Draws the curve of a year against its target (万元); data-rendered="1" once ECharts has finished.
 * @param {CurvePoint[]} points
 * @param {number} targetWan
 * @param {boolean} printing
 */
export function renderCurve(points, targetWan, printing) {
  const el = $('#curve-chart');
  const echarts = window.echarts;
  if (!echarts) return;
  if (!chart) {
    const created = echarts.init(el, null, { renderer: 'canvas' });
    created.on('finished', () => {
      el.dataset.rendered = '1';
    });
    new ResizeObserver(() => created.resize()).observe(el);
    chart = created;
  }
  el.dataset.rendered = '0';
  const c = palette(printing);
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const series = (/** @type {(p: CurvePoint) => number} */ pick) => months.map((_, i) => {
    const point = byMonth.get(i + 1);
    return point ? Number(yi(pick(point))) : null;
  });
  /** @type {import('echarts').EChartsOption} */
  const option = {
    animation: !printing,
    animationDuration: 500,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: 'inherit', color: c.text },
    grid: { left: 48, right: 20, top: 40, bottom: 26 },
    legend: { top: 0, right: 8, textStyle: { color: c.text }, itemWidth: 18, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const first = Array.isArray(items) ? items[0] : items;
        const p = byMonth.get(first.dataIndex + 1);
        if (!p) return html`${first.dataIndex + 1}月：暂无数据`;
        return html`${p.month}月<br>当月完成 ${yi(p.actual)} 亿元<br>累计完成 ${yi(p.cumulativeActual)} 亿元<br>累计序时 ${yi(p.cumulativeExpected)} 亿元<br>完成序时 ${pct(p.ratio)}`;
      },
    },
    xAxis: { type: 'category', data: months, axisLine: { lineStyle: { color: c.axis } }, axisLabel: { color: c.text } },
    yAxis: {
      type: 'value',
      name: '亿元',
      max: (v) => Math.ceil(Math.max(v.max, Number(yi(targetWan))) / 20) * 20,
      nameTextStyle: { color: c.text },
      axisLabel: { color: c.text },
      splitLine: { lineStyle: { color: c.split } },
    },
    series: [
      { name: '当月完成', type: 'bar', data: series((p) => p.actual), itemStyle: { color: c.bar }, barWidth: '45%' },
      {
        name: '累计完成', type: 'line', data: series((p) => p.cumulativeActual), symbolSize: 6,
        lineStyle: { width: 3, color: c.actual }, itemStyle: { color: c.actual },
        areaStyle: printing ? undefined : { color: 'rgba(77,163,255,0.12)' },
        markLine: {
          silent: true, symbol: 'none', lineStyle: { color: c.target, type: 'dotted' },
          label: { color: c.text, formatter: `年度目标 ${yiShort(targetWan)}亿`, position: 'insideStartTop' },
          data: [{ yAxis: Number(yi(targetWan)) }],
        },
      },
      { name: '累计序时进度', type: 'line', data: series((p) => p.cumulativeExpected), symbol: 'none', lineStyle: { width: 2, type: 'dashed', color: c.expected }, itemStyle: { color: c.expected } },
    ],
  };
  chart.setOption(option, true);
}

/** Fixes the chart to an A4 column while printing and gives it back its size afterwards. */
export function resizeCurveForPrint(/** @type {boolean} */ printing) {
  if (!chart) return;
  chart.resize(printing ? { width: 500, height: 235 } : { width: 'auto', height: 'auto' });
  chart.getZr()?.refreshImmediately?.();
}
