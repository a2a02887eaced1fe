// Draws the exchange dashboard's charts with ECharts from the numbers the page carries as JSON (no inline script,
// so the page keeps its strict content security policy). The tables beside the charts hold the same numbers.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.getElementById('chart-data');
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var labels = JSON.parse(document.getElementById('chart-labels').textContent);
  var colors = { received: '#0b4ea2', accepted: '#1b6b35', corrected: '#8a5300', quarantined: '#a4161a', delivered: '#1b6b35',
    backlog: '#8a5300', lag: '#a4161a' };
  // Long names are cut to fit; the tooltip and the table beside the chart give them whole.
  var label = { width: 240, overflow: 'truncate' };
  function draw(id, option) {
    var el = document.getElementById(id);
    if (el) { echarts.init(el).setOption(option); }
  }
  function bars(rows, keys) {
    return keys.map(function (k) {
      return { name: labels[k], type: 'bar', data: rows.map(function (r) { return r[k]; }), itemStyle: { color: colors[k] } };
    });
  }
  var datasets = data.datasets;
  draw('chart-datasets', {
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: datasets.map(function (d) { return d.name; }), axisLabel: label },
    series: bars(datasets, ['received', 'accepted', 'quarantined'])
  });
  var subs = data.subscriptions;
  draw('chart-subscriptions', {
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 10, right: 30, top: 50, bottom: 70, containLabel: true },
    xAxis: [{ type: 'value', name: labels.delivered + ' / ' + labels.backlog, nameLocation: 'middle', nameGap: 28, minInterval: 1 },
      { type: 'value', name: labels.lagMinutes, nameLocation: 'middle', nameGap: 28, position: 'top', minInterval: 1 }],
    yAxis: { type: 'category', inverse: true, data: subs.map(function (s) { return s.name; }), axisLabel: label },
    series: bars(subs, ['delivered', 'backlog']).concat([{
      name: labels.lagMinutes, type: 'scatter', xAxisIndex: 1, symbolSize: 12, itemStyle: { color: colors.lag },
      data: subs.map(function (s) { return s.lagMinutes; })
    }])
  });
  var days = data.daily;
  draw('chart-daily', {
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 60, right: 20, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: days.map(function (d) { return d.day.substring(5); }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: ['received', 'accepted', 'quarantined'].map(function (k) {
      return { name: labels[k], type: 'line', data: days.map(function (d) { return d[k]; }), itemStyle: { color: colors[k] } };
    })
  });
});
