// Quality charts: every <canvas data-chart="ID"> is drawn from the JSON in <script id="ID">.
// The configuration is built on the server (views/common.py `chart`); this file only draws it.
(function () {
  "use strict";
  function draw(canvas) {
    if (canvas.dataset.drawn || typeof Chart === "undefined") return;
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const config = JSON.parse(source.textContent);
    const rtl = document.documentElement.dir === "rtl";
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      plugins: { legend: { rtl: rtl, position: "bottom" }, tooltip: { rtl: rtl } },
      scales: { x: { reverse: rtl }, y: { beginAtZero: true } },
    };
    if (config.percent_axis) {
      options.scales.percent = {
        position: rtl ? "left" : "right", min: 0, max: 100,
        grid: { drawOnChartArea: false }, ticks: { callback: (v) => v + "%" },
      };
    }
    new Chart(canvas, { type: config.type, data: config.data, options: options });
    canvas.dataset.drawn = "1";
  }
  function drawAll() { document.querySelectorAll("canvas[data-chart]").forEach(draw); }
  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
})();
