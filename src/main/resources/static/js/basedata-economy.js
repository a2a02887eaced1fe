// Draws one indicator's time series per region with ECharts from the numbers the page carries as JSON (no inline
// script, so the page keeps its strict content security policy). The table below the chart holds the same numbers.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.getElementById('chart-data');
  var el = document.getElementById('chart-series');
  if (!source || !el || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var colors = ['#0b4ea2', '#1b6b35', '#8a5300', '#a4161a', '#5b2a86', '#00676b'];
  echarts.init(el).setOption({
    color: colors,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 60, right: 30, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: data.periods, axisLabel: { rotate: data.periods.length > 16 ? 45 : 0 } },
    yAxis: { type: 'value', name: data.unit || '', scale: true },
    series: data.series.map(function (s) {
      return { name: s.name, type: 'line', data: s.data, connectNulls: false, showSymbol: data.periods.length <= 24 };
    })
  });
});
