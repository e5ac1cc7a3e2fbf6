// Draws every <canvas data-chart="id-of-json-script" data-kind="bar|doughnut|line"> with Chart.js.
// The data come from Django's json_script; without JavaScript the tables beside stay readable.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  const rtl = document.documentElement.dir === "rtl";
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const data = JSON.parse(source.textContent);
    const kind = canvas.dataset.kind || "bar";
    new Chart(canvas, {
      type: kind,
      data: {
        labels: data.labels,
        datasets: [{ label: canvas.dataset.label || "", data: data.values, borderWidth: 1 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: canvas.dataset.horizontal ? "y" : "x",
        plugins: { legend: { display: kind === "doughnut", rtl: rtl } },
        // one series, no legend: the count axis says what it counts, in whole complaints
        scales: kind === "doughnut" ? {} : {
          x: { reverse: rtl && !canvas.dataset.horizontal },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: !!canvas.dataset.label, text: canvas.dataset.label } },
        },
      },
    });
  });
});
