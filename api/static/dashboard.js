/* Staff dashboard: draws the charts from the server's (already suppressed) table data. */
(function () {
  "use strict";
  var printButton = document.getElementById("print-button");
  if (printButton) printButton.addEventListener("click", function () { window.print(); });
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") return;
  var charts = JSON.parse(source.textContent || "{}");
  var colours = ["#005a8c", "#e07b00", "#3a8d3f", "#8c2d7a", "#6b6b6b"];
  Object.keys(charts).forEach(function (id) {
    var canvas = document.getElementById("chart-" + id);
    if (!canvas) return;
    var spec = charts[id];
    var horizontal = spec.type === "bar" && spec.labels.length > 8;
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: colours[i % colours.length],
                   borderColor: colours[i % colours.length], spanGaps: false };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: spec.datasets.length > 1 } },
        scales: { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: true } }
      }
    });
  });
})();
