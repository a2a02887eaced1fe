// Draws the e-supervision charts with ECharts from the numbers the page carries as JSON (no inline script, so the page
// keeps its strict content security policy), and again each time htmx swaps in the board's live part. The tables
// beside the charts hold the same numbers.
(function () {
  var colours = { green: '#15803d', yellow: '#ca8a04', red: '#b91c1c', elapsed: '#0b4ea2', promised: '#8a5300', legal: '#6b7280' };
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var old = echarts.getInstanceByDom(el);
    if (old) { old.dispose(); }
    echarts.init(el).setOption(option);
  }
  function stacked(rows, labels) {
    return {
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.name; }), axisLabel: { width: 220, overflow: 'truncate' } },
      series: ['green', 'yellow', 'red'].map(function (k) {
        return { name: labels[k.toUpperCase()], type: 'bar', stack: 'all', data: rows.map(function (r) { return r[k]; }), itemStyle: { color: colours[k] } };
      })
    };
  }
  function limits(rows, labels) {
    return {
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.name; }), axisLabel: { width: 220, overflow: 'truncate' } },
      series: ['elapsed', 'promised', 'legal'].map(function (k) {
        return { name: labels[k], type: 'bar', data: rows.map(function (r) { return r[k]; }), itemStyle: { color: colours[k] } };
      })
    };
  }
  function render() {
    var source = document.getElementById('chart-data');
    var names = document.getElementById('chart-labels');
    if (!source || !names || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    var labels = JSON.parse(names.textContent);
    if (data.total) {
      draw('chart-total', {
        tooltip: { trigger: 'item' }, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '70%'], data: ['green', 'yellow', 'red'].map(function (k) {
          return { name: labels[k.toUpperCase()], value: data.total[k], itemStyle: { color: colours[k] } };
        }) }]
      });
      draw('chart-departments', stacked(data.departments, labels));
      draw('chart-items', stacked(data.items, labels));
    } else {
      draw('chart-departments', limits(data.departments, labels));
      draw('chart-items', limits(data.items, labels));
    }
  }
  document.addEventListener('DOMContentLoaded', render);
  document.addEventListener('htmx:afterSettle', render);
})();
