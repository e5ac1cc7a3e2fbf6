// A drawn signature: pointer strokes on a canvas, posted as a PNG data URL in the hidden field.
// Set up on load, and again in a part of the page put back by service/offline.js (the visit as
// the server has it once the changes made without signal are sent: "aftersales:redrawn").
(function () {
  "use strict";
  function setUp(form) {
    var canvas = form.querySelector("canvas[data-signature-pad]");
    var field = form.querySelector("input[name=signature]");
    if (!canvas || !field) return;
    var ctx = canvas.getContext("2d");
    var drawing = false;
    var drawn = false;
    function fit() {
      if (!canvas.clientWidth) return; // hidden for now: fitted when shown
      var ratio = window.devicePixelRatio || 1;
      canvas.width = canvas.clientWidth * ratio;
      canvas.height = canvas.clientHeight * ratio;
      ctx.scale(ratio, ratio);
      ctx.lineWidth = 2;
      ctx.lineCap = "round";
      ctx.strokeStyle = "#000";
    }
    function point(event) {
      var box = canvas.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    }
    canvas.addEventListener("pointerdown", function (event) {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      var p = point(event);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) return;
      var p = point(event);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      drawn = true;
    });
    ["pointerup", "pointercancel"].forEach(function (name) {
      canvas.addEventListener(name, function () { drawing = false; });
    });
    var missing = form.querySelector("[data-signature-missing]");
    var clear = form.querySelector("[data-signature-clear]");
    if (clear) clear.addEventListener("click", function () {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      field.value = "";
    });
    form.addEventListener("submit", function (event) {
      if (!drawn) {
        // said in words too, beside the red border, so a screen reader hears why nothing was sent
        event.preventDefault();
        canvas.classList.add("border-danger");
        if (missing) { missing.classList.add("d-block"); missing.setAttribute("role", "alert"); }
        return;
      }
      field.value = canvas.toDataURL("image/png");
    });
    fit();
    // a pad shown later (the visit's forms after a check-in without signal) is fitted then
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        if (!drawn && canvas.clientWidth && canvas.width !== Math.round(canvas.clientWidth * (window.devicePixelRatio || 1))) fit();
      }).observe(canvas);
    }
  }
  // The check-in form sends the position when the browser may give it.
  function locate(root) {
    var checkIn = root.querySelector("#check-in-form");
    if (checkIn && navigator.geolocation) {
      navigator.geolocation.getCurrentPosition(function (position) {
        checkIn.querySelector("[name=latitude]").value = position.coords.latitude.toFixed(6);
        checkIn.querySelector("[name=longitude]").value = position.coords.longitude.toFixed(6);
      }, function () {}, { timeout: 5000 });
    }
  }
  function start(root) {
    root.querySelectorAll("form[data-signature]").forEach(setUp);
    locate(root);
  }
  start(document);
  document.addEventListener("aftersales:redrawn", function (event) {
    start(event.target);
  });
})();
