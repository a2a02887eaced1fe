// Draws the rating statistics with ECharts from the numbers the page carries as JSON (no inline script, so the page
// keeps its strict content security policy): the share of good and bad ratings per department and per item. The
// tables beside the charts hold the same numbers.
(function () {
  var colours = { good: '#15803d', bad: '#b91c1c' };
  function bars(rows, labels) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } }, legend: { bottom: 0 },
      grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.name; }), axisLabel: { width: 200, overflow: 'truncate' } },
      series: ['good', 'bad'].map(function (k) {
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
    ['departments', 'items'].forEach(function (g) {
      var el = document.getElementById('chart-' + g);
      if (el && data[g] && data[g].length) { echarts.init(el).setOption(bars(data[g], labels)); }
    });
  }
  document.addEventListener('DOMContentLoaded', render);
})();
