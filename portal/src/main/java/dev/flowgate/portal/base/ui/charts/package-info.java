/**
 * Charts for portal screens: {@link dev.flowgate.portal.base.ui.charts.EChart}, an Apache ECharts
 * chart configured from the server with a plain ECharts option (JSON), following the light/dark
 * scheme and readable without the canvas.
 */
@NullMarked
package dev.flowgate.portal.base.ui.charts;

import org.jspecify.annotations.NullMarked;
