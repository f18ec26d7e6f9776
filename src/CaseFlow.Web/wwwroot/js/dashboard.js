// Draws the dashboard's charts with Chart.js from the JSON the page embeds (no other requests).
(function () {
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var palette = ['#1f6f43', '#4e9a6b', '#b42318', '#b26b00', '#5b5f97', '#6b7280'];
  Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  Chart.defaults.animation = false;
  function bar(id, labels, values, color, title) {
    return new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: title, data: values, backgroundColor: color }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  bar('chart-received', data.received.labels, data.received.values, '#1f4e79', '收到申请');
  new Chart(document.getElementById('chart-outcomes'), {
    type: 'bar',
    data: {
      labels: data.outcomes.labels,
      datasets: data.outcomes.groups.map(function (g, i) { return { label: g.label, data: g.values, backgroundColor: palette[i] }; })
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
  new Chart(document.getElementById('chart-ontime'), {
    type: 'line',
    data: { labels: data.onTime.labels, datasets: [{ label: '按期办结率（%）', data: data.onTime.values, borderColor: '#1f6f43', backgroundColor: '#1f6f43', spanGaps: true }] },
    options: { scales: { y: { min: 0, max: 100 } } }
  });
  bar('chart-daysleft', data.daysLeft.labels, data.daysLeft.values,
      data.daysLeft.labels.map(function (l) { return l === '已逾期' ? '#b42318' : (l === '0–2' || l === '3–5') ? '#b26b00' : '#1f4e79'; }), '在办申请');
})();
