// Every chart speaks the page's language: the numbers of its axes and tooltips in the page's
// digits (Persian digits in Persian), legends and tooltips right to left on a right-to-left page.
(function () {
  "use strict";
  if (!window.Chart) {
    return;
  }
  var page = document.documentElement;
  Chart.defaults.locale = page.lang || "en";
  if (page.dir === "rtl") {
    Chart.defaults.plugins.legend.rtl = true;
    Chart.defaults.plugins.tooltip.rtl = true;
  }
  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  // Chart.js writes a zero as a bare "0"; every other number already follows the locale
  var numeric = Chart.Ticks.formatters.numeric;
  var zero = new Intl.NumberFormat(Chart.defaults.locale).format(0);
  Chart.defaults.scales.linear.ticks.callback = function (value, index, ticks) {
    return value === 0 ? zero : numeric.call(this, value, index, ticks);
  };
})();
