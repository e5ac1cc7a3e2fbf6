// Draws every <canvas data-chart="id-of-json-script" data-kind="bar|line"> with Chart.js.
// The JSON holds {labels, values} for one series or {labels, datasets: [{label, values}]}.
// The data come from Django's json_script; without JavaScript the tables beside stay readable.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  const rtl = document.documentElement.dir === "rtl";
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const data = JSON.parse(source.textContent);
    const kind = canvas.dataset.kind || "bar";
    const series = data.datasets || [{ label: canvas.dataset.label || "", values: data.values }];
    new Chart(canvas, {
      type: kind,
      data: {
        labels: data.labels,
        datasets: series.map((s) => ({ label: s.label, data: s.values, borderWidth: 1 })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: canvas.dataset.horizontal ? "y" : "x",
        plugins: { legend: { display: series.length > 1, rtl: rtl } },
        scales: {
          x: { reverse: rtl && !canvas.dataset.horizontal },
          y: { beginAtZero: true, suggestedMax: canvas.dataset.max ? Number(canvas.dataset.max) : undefined },
        },
      },
    });
  });
});
