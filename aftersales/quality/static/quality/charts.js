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
    // the axes say what they measure and in which unit (months, %, claims)
    if (config.x_title) options.scales.x.title = { display: true, text: config.x_title };
    if (config.y_title) options.scales.y.title = { display: true, text: config.y_title };
    if (config.percent_axis) {
      // per cent in the page's digits (Persian digits and sign on a Persian page)
      const percent = new Intl.NumberFormat(document.documentElement.lang || "en", {
        style: "percent", maximumFractionDigits: 0,
      });
      options.scales.percent = {
        position: rtl ? "left" : "right", min: 0, max: 100,
        grid: { drawOnChartArea: false }, ticks: { callback: (v) => percent.format(v / 100) },
      };
    }
    new Chart(canvas, { type: config.type, data: config.data, options: options });
    canvas.dataset.drawn = "1";
  }
  function drawAll() { document.querySelectorAll("canvas[data-chart]").forEach(draw); }
  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
})();
