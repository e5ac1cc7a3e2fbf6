// The settlements overview: one stacked bar chart per currency, from the page's JSON data.
(function () {
  "use strict";
  var source = document.getElementById("settlement-chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var charts = JSON.parse(source.textContent);
  var colours = ["#0d6efd", "#dc3545", "#198754", "#6c757d"];
  var rtl = document.documentElement.dir === "rtl";
  document.querySelectorAll("canvas.settlement-chart").forEach(function (canvas) {
    var data = charts[canvas.dataset.currency];
    if (!data) { return; }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, index) {
          return {
            label: set.label,
            data: set.data.map(Number),
            backgroundColor: colours[index % colours.length]
          };
        })
      },
      options: {
        responsive: true,
        scales: { x: { stacked: true, reverse: rtl }, y: { stacked: true } },
        plugins: { legend: { rtl: rtl, position: "bottom" } }
      }
    });
  });
})();
