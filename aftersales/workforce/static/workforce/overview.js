// The workforce overview's charts, from the JSON the page carries.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  function draw(canvasId, dataId, type, stacked) {
    var canvas = document.getElementById(canvasId);
    var source = document.getElementById(dataId);
    if (!canvas || !source) return;
    var data = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: type,
      data: data,
      options: {
        responsive: true,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: data.datasets.length > 1 } },
      },
    });
  }
  draw("chart-expiries", "data-expiries", "bar", false);
  draw("chart-trained", "data-trained", "bar", true);
})();
