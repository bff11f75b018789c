import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { isDark, onSchemeChange } from '../color-scheme';
import './echart.css';

// only what portal charts use: the full build would triple the bundle's chart code
echarts.use([BarChart, LineChart, PieChart, ScatterChart, DatasetComponent, GridComponent, LegendComponent,
  MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * <flowgate-echart>: an ECharts chart whose option comes from the server as a JSON string
 * (property `option`). Registered: bar, line, pie and scatter series; grid, dataset, legend,
 * tooltip, title and mark lines (add to `echarts.use` above for more). It follows the page's
 * light/dark scheme by re-creating the chart with the built-in 'dark' theme, and resizes with its
 * box. The canvas is hidden from assistive technology: the element is a labelled figure
 * (role="figure", aria-label) and the Java side adds a visually hidden table of the data.
 */
class FlowgateEChart extends HTMLElement {
  #chart: echarts.ECharts | undefined;
  #canvasHost: HTMLDivElement | undefined;
  #option: string = '{}';
  #stopFollowingScheme: (() => void) | undefined;
  #resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    // a value Flow set before this class was defined sits on the instance and would hide the setter
    if (Object.prototype.hasOwnProperty.call(this, 'option')) {
      const early = (this as unknown as { option: string }).option;
      delete (this as unknown as { option?: string }).option;
      this.#option = early;
    }
  }

  get option(): string {
    return this.#option;
  }

  set option(value: string) {
    this.#option = value ?? '{}';
    this.#apply();
  }

  connectedCallback() {
    if (!this.#canvasHost) {
      this.#canvasHost = document.createElement('div');
      this.#canvasHost.setAttribute('aria-hidden', 'true');
      this.#canvasHost.style.cssText = 'width:100%;height:100%';
      this.prepend(this.#canvasHost);
    }
    this.#create();
    this.#stopFollowingScheme = onSchemeChange(() => this.#create());
    this.#resizeObserver = new ResizeObserver(() => this.#chart?.resize());
    this.#resizeObserver.observe(this);
  }

  disconnectedCallback() {
    this.#stopFollowingScheme?.();
    this.#resizeObserver?.disconnect();
    this.#chart?.dispose();
    this.#chart = undefined;
  }

  #create() {
    if (!this.#canvasHost) {
      return;
    }
    this.#chart?.dispose();
    this.#chart = echarts.init(this.#canvasHost, isDark() ? 'dark' : undefined, { renderer: 'canvas' });
    this.#apply();
  }

  #apply() {
    if (!this.#chart) {
      return;
    }
    let parsed: echarts.EChartsCoreOption;
    try {
      parsed = JSON.parse(this.#option);
    } catch {
      parsed = {};
    }
    // the dark theme paints its own background; let the page's surface show through instead
    this.#chart.setOption({ backgroundColor: 'transparent', ...parsed }, { notMerge: true });
  }
}

customElements.define('flowgate-echart', FlowgateEChart);
