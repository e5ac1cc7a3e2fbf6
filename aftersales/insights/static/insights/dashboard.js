// The dashboard's charts: monthly trends, and the first-time fix rate per region, agent, category.
(function () {
  "use strict";
  const read = (id) => {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  };
  const rtl = document.documentElement.dir === "rtl";
  const charts = read("insights-charts") || {};
  Object.entries(charts).forEach(([name, chart]) => {
    const canvas = document.getElementById("chart-" + name);
    if (!canvas || typeof Chart === "undefined") return;
    new Chart(canvas, {
      type: "line",
      data: {
        labels: chart.labels,
        datasets: chart.series.map((series) => ({ label: series.label, data: series.data, spanGaps: true, tension: 0.2 })),
      },
      options: { responsive: true, plugins: { legend: { rtl: rtl, position: "bottom" } }, scales: { x: { reverse: rtl } } },
    });
  });
  const breakdowns = read("insights-breakdowns") || [];
  breakdowns.forEach((breakdown) => {
    const canvas = document.getElementById("chart-breakdown-" + breakdown.by);
    if (!canvas || typeof Chart === "undefined") return;
    const rows = breakdown.rows.filter((row) => row.chart !== null);
    // a bar a row: the chart is as tall as its rows need, whatever the width of the page
    canvas.parentNode.style.height = 80 + 36 * Math.max(rows.length, 1) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map((row) => row.label),
        datasets: [{ label: breakdown.chart_label + " (%)", data: rows.map((row) => row.chart) }],
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        // the legend is hidden (one series): the axis says what the bars measure, in per cent
        scales: {
          x: {
            reverse: rtl, min: 0, max: 100,
            title: { display: true, text: breakdown.chart_label + " (%)" },
          },
          y: { position: rtl ? "right" : "left" },  // the names where the bars start
        },
        onClick: (event, elements) => {
          if (elements.length) window.location.search = rows[elements[0].index].narrow.slice(1);
        },
      },
    });
  });
})();
