// Draws the statistics page's charts with ECharts from the numbers the page carries as JSON (no inline script,
// so the page keeps its strict content security policy). The tables beside the charts hold the same numbers.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.getElementById('chart-data');
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var labels = JSON.parse(document.getElementById('chart-labels').textContent);
  function draw(id, option) {
    var el = document.getElementById(id);
    if (el) { echarts.init(el).setOption(option); }
  }
  var departments = Object.keys(data.perDepartment);
  draw('chart-departments', {
    tooltip: {}, grid: { left: 180, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: departments, inverse: true },
    series: [{ type: 'bar', data: departments.map(function (d) { return data.perDepartment[d]; }), itemStyle: { color: '#0b4ea2' } }]
  });
  draw('chart-share', {
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: Object.keys(data.shareMix).map(function (k) {
      return { name: labels.share[k] || k, value: data.shareMix[k] };
    }), color: ['#1b6b35', '#0b4ea2', '#a4161a'] }]
  });
  var statuses = Object.keys(data.requests);
  draw('chart-requests', {
    tooltip: {}, grid: { left: 60, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'category', data: statuses.map(function (s) { return labels.status[s] || s; }).concat([labels.overdue]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: statuses.map(function (s) { return data.requests[s]; }).concat([{ value: data.overdue, itemStyle: { color: '#a4161a' } }]),
      itemStyle: { color: '#0b4ea2' } }]
  });
});
