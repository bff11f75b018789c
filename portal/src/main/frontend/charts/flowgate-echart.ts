import * as echarts from 'echarts';
import { isDark, onSchemeChange } from '../color-scheme';
import './echart.css';

/**
 * <flowgate-echart>: an ECharts chart whose option comes from the server as a JSON string
 * (property `option`). It follows the page's light/dark scheme by re-creating the chart with the
 * built-in 'dark' theme, and resizes with its box. The canvas is hidden from assistive technology:
 * the element itself carries role="img" and an aria-label, and the Java side adds a visually
 * hidden table of the data as a child.
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
    let parsed: echarts.EChartsOption;
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
