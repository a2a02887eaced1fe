// Draws the data quality page's charts with ECharts from the numbers the page carries as JSON (no inline script,
// so the page keeps its strict content security policy). The tables beside the charts hold the same numbers.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.getElementById('chart-data');
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var labels = JSON.parse(document.getElementById('chart-labels').textContent);
  var colors = { percent: '#0b4ea2', agreed: '#1b6b35', changed: '#0b4ea2', conflicted: '#8a5300', rejected: '#a4161a' };
  var label = { width: 240, overflow: 'truncate' };
  function draw(id, option) {
    var el = document.getElementById(id);
    if (el) { echarts.init(el).setOption(option); }
  }
  Object.keys(data).forEach(function (base) {
    var fields = data[base].fields;
    draw('chart-fill-' + base, {
      tooltip: { trigger: 'axis' }, grid: { left: 10, right: 40, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: fields.map(function (f) { return f.name; }), axisLabel: label },
      series: [{ name: labels.percent, type: 'bar', data: fields.map(function (f) { return f.percent; }), itemStyle: { color: colors.percent },
        label: { show: true, position: 'right', formatter: '{c}%' } }]
    });
    var sources = data[base].sources;
    draw('chart-sources-' + base, {
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: sources.map(function (s) { return s.name; }), axisLabel: label },
      series: ['agreed', 'changed', 'conflicted', 'rejected'].map(function (k) {
        return { name: labels[k], type: 'bar', stack: 'values', data: sources.map(function (s) { return s[k]; }), itemStyle: { color: colors[k] } };
      })
    });
  });
});
