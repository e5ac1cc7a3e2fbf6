// The revenue targets page's charts, from the JSON the page carries.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  function draw(canvasId, dataId, type) {
    var canvas = document.getElementById(canvasId);
    var source = document.getElementById(dataId);
    if (!canvas || !source) return;
    var data = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: type,
      data: data,
      options: {
        responsive: true,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { display: data.datasets.length > 1 } },
      },
    });
  }
  draw("chart-targets", "data-targets", "bar");
  draw("chart-months", "data-months", "line");
})();
