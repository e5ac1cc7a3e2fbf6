// The technician's pages without signal (docs/service.md, "Working without signal"); loaded by
// base.html for technicians only. It registers the service worker (/sw.js), and on the pages
// with the offline banner (today's visits, a visit): shows the banner and disables the page's
// forms while there is no signal or when the page is a kept copy; on today's page, asks the
// worker to keep today's visits.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var pagesCache = script.dataset.pagesCache;
  var logout = script.dataset.logout;

  navigator.serviceWorker.register(script.dataset.worker, { scope: "/" }).catch(function () {});

  // Logging out forgets the kept pages before the form goes (the worker forgets them too when
  // it sees the request; this covers a page the worker does not control, after a hard reload).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!logout || !window.caches || form.dataset.forgotten) return;
    if (new URL(form.action, location.href).pathname !== logout) return;
    event.preventDefault();
    form.dataset.forgotten = "true";
    caches
      .delete(pagesCache)
      .catch(function () {})
      .then(function () {
        form.submit();
      });
  });

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  ready(function () {
    var status = document.getElementById("offline-status");
    if (!status) return;
    var saved = status.dataset.offlineCopy === "saved";
    var main = document.getElementById("content");

    function show(template) {
      status.replaceChildren();
      if (template) status.appendChild(document.getElementById(template).content.cloneNode(true));
    }

    // the forms of the page (not the menu's: logging out is still possible, and forgets)
    function forms(disable) {
      main.querySelectorAll("form").forEach(function (form) {
        Array.prototype.forEach.call(form.elements, function (field) {
          if (disable && !field.disabled) {
            field.disabled = true;
            field.dataset.offlineDisabled = "true";
          } else if (!disable && field.dataset.offlineDisabled) {
            field.disabled = false;
            delete field.dataset.offlineDisabled;
          }
        });
      });
    }

    function offline() {
      show("offline-message");
      forms(true);
    }

    function online() {
      // a kept copy may be out of date: say so, and offer the page as it is now
      show(saved ? "online-message" : null);
      forms(false);
    }

    // a form sent while the signal is gone would be lost: keep it on the page
    main.addEventListener("submit", function (event) {
      if (!navigator.onLine) {
        event.preventDefault();
        offline();
      }
    });
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    if (saved || !navigator.onLine) offline();

    var today = document.getElementById("today");
    if (!today || saved || !navigator.onLine) return;
    var urls = [location.pathname];
    today.querySelectorAll("a[href]").forEach(function (link) {
      urls.push(link.getAttribute("href"));
    });
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "kept") {
        var note = document.getElementById("offline-ready");
        if (note) note.hidden = false;
      }
    });
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "keep-today", urls: urls });
    });
  });
})();
