// Draws the base databases overview's bar charts with ECharts from the numbers the page carries as JSON (no inline
// script, so the page keeps its strict content security policy). The table beside each chart holds the same numbers.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.getElementById('chart-data');
  if (!source || !window.echarts) { return; }
  var charts = JSON.parse(source.textContent);
  Object.keys(charts).forEach(function (key) {
    var el = document.getElementById('chart-' + key);
    var bars = charts[key];
    if (!el || !bars.length) { return; }
    echarts.init(el).setOption({
      tooltip: {}, grid: { left: 200, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map(function (b) { return b.label; }) },
      series: [{ type: 'bar', data: bars.map(function (b) { return b.count; }), itemStyle: { color: '#0b4ea2' } }]
    });
  });
});
