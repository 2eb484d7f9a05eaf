// The globals the page scripts see besides the DOM: ECharts, loaded by a classic <script>
// from /vendor/echarts/echarts.min.js (the npm package's own build), so it is on window.
import type * as ECharts from 'echarts';

declare global {
  interface Window {
    echarts?: typeof ECharts;
  }
}

export {};
