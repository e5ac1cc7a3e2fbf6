// The board's chart: hours of work and of travel per technician (stacked bars), from json_script.
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("workload");
  const source = document.getElementById("workload-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const rtl = document.documentElement.dir === "rtl";
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: canvas.dataset.service, data: data.service, stack: "day" },
        { label: canvas.dataset.travel, data: data.travel, stack: "day" },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: "y",
      plugins: { legend: { rtl: rtl } },
      scales: { x: { stacked: true, beginAtZero: true, reverse: rtl }, y: { stacked: true } },
    },
  });
});
