// The technician's pages without signal (docs/service.md, "Working without signal"); loaded by
// base.html for technicians only, after outbox.js. It registers the service worker (/sw.js),
// and on the pages with the offline banner (today's visits, a visit):
// - shows the banner while there is no signal or when the page is a kept copy;
// - keeps the visit page's field forms (check in, diagnosis and check-list, parts, photos,
//   signature, check out) usable: without signal, a form sent is kept in the outbox (IndexedDB,
//   outbox.js) with its own id and the time it was made, listed on the page, and sent in order
//   when the signal returns (the online event, the page's load, Background Sync); a write the
//   server refuses stays, marked, with the server's reason, until the technician discards it;
//   the other forms are disabled meanwhile; once none of this visit's writes waits any more,
//   the visit part of the page (#visit-body) is fetched again and put in place, so the page
//   shows the visit as the server has it, without reloading;
// - says a photo too large for the server before uploading it or keeping it on the phone;
// - on today's page, asks the worker to keep today's visits.
/* global AftersalesOutbox */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var pagesCache = script.dataset.pagesCache;
  var logout = script.dataset.logout;
  var user = script.dataset.user;
  var syncTag = script.dataset.syncTag;
  var outbox = window.AftersalesOutbox && window.indexedDB ? AftersalesOutbox : null;
  // the visit page's forms that may be sent later: their step is the last part of their URL
  var LATER = ["check_in", "record", "part", "photo", "sign", "close"];
  // steps whose time is the time the technician pressed the button, sent as "as of"
  var TIMED = ["check_in", "close"];

  navigator.serviceWorker.register(script.dataset.worker, { scope: "/" }).catch(function () {});
  // the phone is in this user's session: only their writes are shown and sent
  if (outbox) outbox.setUser(user).catch(function () {});

  // Logging out: writes not sent yet are said, and kept for this user only (the next user of
  // the phone neither sees nor sends them); the kept pages are forgotten before the form goes
  // (the worker forgets them too when it sees the request; this covers a page the worker does
  // not control, after a hard reload).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!logout || form.dataset.forgotten) return;
    if (new URL(form.action, location.href).pathname !== logout) return;
    event.preventDefault();
    var unsent = outbox ? outbox.entries(user).catch(function () { return []; }) : Promise.resolve([]);
    unsent
      .then(function (entries) {
        if (entries.length && !window.confirm(script.dataset.logoutWarning)) return false;
        return outbox ? outbox.setUser(null).then(function () { return true; }, function () { return true; }) : true;
      })
      .then(function (go) {
        if (!go) return;
        form.dataset.forgotten = "true";
        var forget = window.caches ? caches.delete(pagesCache).catch(function () {}) : Promise.resolve();
        forget.then(function () {
          form.submit();
        });
      });
  });

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function csrfCookie() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function stepOf(form) {
    var parts = new URL(form.action, location.href).pathname.split("/").filter(Boolean);
    var step = parts[parts.length - 1];
    return LATER.indexOf(step) >= 0 ? step : null;
  }

  ready(function () {
    var status = document.getElementById("offline-status");
    if (!status) return;
    var saved = status.dataset.offlineCopy === "saved";
    var main = document.getElementById("content");
    var language = document.documentElement.lang || undefined;
    var panel = document.getElementById("outbox");
    var list = document.getElementById("outbox-list");
    var sentNote = document.getElementById("outbox-sent");
    var waiting = []; // this user's entries, as last read

    function show(template) {
      status.replaceChildren();
      if (template) status.appendChild(document.getElementById(template).content.cloneNode(true));
    }

    function laterForm(form) {
      return outbox && stepOf(form) !== null;
    }

    // the forms of the page that cannot wait (not the menu's: logging out is still possible)
    function forms(disable) {
      main.querySelectorAll("form").forEach(function (form) {
        if (laterForm(form)) return;
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

    // --- the outbox on the page -----------------------------------------------------------

    function count(n, name) {
      var template = document.getElementById(name + (n === 1 ? "-one" : "-many"));
      var digits = new Intl.NumberFormat(language).format(n);
      return template.content.textContent.trim().replace(n === 1 ? "1" : "2", digits);
    }

    function madeAt(iso) {
      var when = new Date(iso);
      return when.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
    }

    // what the technician sees of a visit they checked in to without signal: the forms of a
    // visit on site (the page was made before the check-in)
    function reflect() {
      var checkedIn = waiting.some(function (entry) {
        return entry.step === "check_in" && entry.page === location.pathname && entry.state === "pending";
      });
      if (!checkedIn) return;
      var after = main.querySelector("[data-after-check-in]");
      if (after) after.hidden = false;
      ["check-in-form", "depart"].forEach(function (id) {
        var form = document.getElementById(id);
        if (form) form.hidden = true;
      });
    }

    function render() {
      if (!panel) return;
      panel.hidden = waiting.length === 0;
      var pending = waiting.filter(function (entry) {
        return entry.state === "pending";
      });
      var refused = waiting.length - pending.length;
      var counted = document.getElementById("outbox-count");
      counted.textContent = count(pending.length, "outbox-count");
      counted.hidden = pending.length === 0 && refused > 0;
      var refusedCount = document.getElementById("outbox-refused-count");
      refusedCount.textContent = refused ? count(refused, "outbox-refused") : "";
      refusedCount.hidden = refused === 0;
      list.replaceChildren();
      waiting.forEach(function (entry) {
        var item = document.getElementById("outbox-item").content.firstElementChild.cloneNode(true);
        item.dataset.step = entry.step;
        item.dataset.state = entry.state;
        item.querySelector("[data-label]").textContent = entry.visit ? entry.visit + " · " + entry.label : entry.label;
        item.querySelector("[data-made]").textContent = madeAt(entry.made);
        if (entry.state === "refused") {
          item.querySelector("[data-pending]").hidden = true;
          item.querySelector("[data-refused]").hidden = false;
          var message = item.querySelector("[data-message]");
          message.textContent = entry.message;
          message.hidden = false;
          var discard = item.querySelector("[data-discard]");
          discard.hidden = false;
          discard.addEventListener("click", function () {
            outbox.remove(entry).then(refresh);
          });
        }
        list.appendChild(item);
      });
      reflect();
    }

    // this visit's writes still to be sent (this page's)
    function pendingHere() {
      return waiting.filter(function (entry) {
        return entry.page === location.pathname && entry.state === "pending";
      });
    }

    function refresh() {
      if (!outbox) return Promise.resolve();
      return outbox.entries(user).then(
        function (entries) {
          var before = pendingHere().length;
          var total = waiting.length;
          waiting = entries;
          render();
          // sent by this page or by the worker, or refused: the page shows what the server has
          if (before && !pendingHere().length) {
            if (sentNote && waiting.length < total) sentNote.hidden = false;
            redraw();
          }
        },
        function () {},
      );
    }

    // the visit part of the page, fetched again and put in place of the one shown
    function redraw() {
      var body = document.getElementById("visit-body");
      if (!body || !navigator.onLine) return;
      fetch(location.pathname, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          return response.ok ? response.text() : "";
        })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById("visit-body");
          var copy = page.getElementById("offline-status");
          // the worker's kept copy (the signal went again): the page stays as it is
          if (!fresh || !copy || copy.dataset.offlineCopy !== "live") return;
          fresh = document.adoptNode(fresh);
          body.replaceWith(fresh);
          addKeys(fresh);
          if (saved) {
            saved = false;
            status.dataset.offlineCopy = "live";
            show(null);
          }
          var redrawn = document.getElementById("outbox-redrawn");
          if (redrawn) redrawn.hidden = false;
          var latest = document.getElementById("outbox-load-latest");
          if (latest) latest.hidden = true;
          if (window.htmx) htmx.process(fresh);
          fresh.dispatchEvent(new CustomEvent("aftersales:redrawn", { bubbles: true }));
        })
        .catch(function () {});
    }

    var sending = false;
    var retry = null;
    var delay = 5000;
    function send() {
      if (!outbox || !navigator.onLine || sending) return;
      sending = true;
      clearTimeout(retry);
      outbox
        .flush(user, csrfCookie())
        .then(
          function (result) {
            if (sentNote && result.sent && !result.waiting) sentNote.hidden = false;
            // still waiting with the signal there (a server error, a busy server): try again
            // a little later, less often each time
            if (result.waiting && navigator.onLine) {
              retry = setTimeout(send, delay);
              delay = Math.min(delay * 2, 5 * 60 * 1000);
            } else {
              delay = 5000;
            }
          },
          function () {},
        )
        .then(function () {
          sending = false;
          return refresh();
        });
    }

    function label(form, step) {
      var heading = form.querySelector("h2") || form.querySelector("button[type=submit]");
      var text = heading ? heading.textContent.trim() : step;
      var details = [];
      form.querySelectorAll("select").forEach(function (select) {
        Array.prototype.forEach.call(select.selectedOptions, function (option) {
          if (option.value) details.push(option.textContent.trim());
        });
      });
      var quantity = form.querySelector("input[name=quantity]");
      if (quantity && quantity.value) details.push("× " + quantity.value);
      form.querySelectorAll("input[type=file]").forEach(function (input) {
        Array.prototype.forEach.call(input.files, function (file) {
          details.push(file.name);
        });
      });
      return details.length ? text + ": " + details.join(", ") : text;
    }

    function keep(form, step) {
      var made = new Date();
      var fields = [];
      new FormData(form).forEach(function (value, name) {
        if (name === "idempotency_key" || name === "as_of") return;
        fields.push([name, value]);
      });
      if (TIMED.indexOf(step) >= 0) fields.push(["as_of", made.toISOString()]);
      var number = document.querySelector("h1 bdi");
      var entry = {
        id: outbox.uuid(),
        user: user,
        action: new URL(form.action, location.href).href,
        step: step,
        page: location.pathname,
        visit: number ? number.textContent.trim() : "",
        label: label(form, step),
        made: made.toISOString(),
        fields: fields,
      };
      entry.fields.push(["idempotency_key", entry.id]);
      return outbox.add(entry).then(function () {
        if (step === "part" || step === "photo") form.reset();
        var note = document.getElementById("outbox-kept").content.cloneNode(true);
        var old = form.querySelector("#outbox-kept-note");
        if (old) old.remove();
        form.appendChild(note);
        if (sentNote) sentNote.hidden = true;
        return navigator.serviceWorker.ready.then(function (registration) {
          if (registration.sync) return registration.sync.register(syncTag).catch(function () {});
        });
      }, function () {
        // not kept (the phone's storage is full, private browsing): said, the form as typed
        var old = form.querySelector("#outbox-kept-note");
        if (old) old.remove();
        form.appendChild(document.getElementById("outbox-kept-failed").content.cloneNode(true));
      });
    }

    // a file larger than the server takes (data-max-bytes): said under its field, as the
    // server would say it (data-too-big), before anything is sent or kept
    function tooBig(form) {
      var refused = false;
      form.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
        var note = input.parentNode.querySelector("[data-too-big-note]");
        if (note) note.remove();
        input.classList.remove("is-invalid");
        var big = Array.prototype.some.call(input.files, function (file) {
          return file.size > Number(input.dataset.maxBytes);
        });
        if (!big) return;
        refused = true;
        input.classList.add("is-invalid");
        note = document.createElement("div");
        note.className = "invalid-feedback d-block";
        note.dataset.tooBigNote = "";
        note.setAttribute("role", "alert");
        note.textContent = input.dataset.tooBig;
        input.after(note);
      });
      return refused;
    }

    // --- signal --------------------------------------------------------------------------

    function offline() {
      show("offline-message");
      forms(true);
    }

    function online() {
      // a kept copy may be out of date: say so, and offer the page as it is now
      show(saved ? "online-message" : null);
      forms(false);
      send();
    }

    main.addEventListener("submit", function (event) {
      var form = event.target;
      if (event.defaultPrevented) return; // the form itself refused (an empty signature)
      if (tooBig(form)) {
        event.preventDefault();
        return;
      }
      var pending = waiting.some(function (entry) {
        return entry.state === "pending";
      });
      if (laterForm(form) && (!navigator.onLine || saved || pending)) {
        // kept on the phone (after what is waiting already, so that the order holds)
        event.preventDefault();
        keep(form, stepOf(form)).then(refresh).then(send);
      } else if (!navigator.onLine) {
        // a form that cannot wait, sent while the signal is gone, would be lost: keep it here
        event.preventDefault();
        offline();
      }
    });
    // online, each field form carries a fresh key: sent twice (a double tap, a retry), it is
    // done once
    function addKeys(root) {
      if (!outbox) return;
      root.querySelectorAll("form").forEach(function (form) {
        if (!laterForm(form) || form.querySelector("input[name=idempotency_key]")) return;
        var key = document.createElement("input");
        key.type = "hidden";
        key.name = "idempotency_key";
        key.value = outbox.uuid();
        form.appendChild(key);
      });
    }
    addKeys(main);
    if (outbox) {
      navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "outbox-changed") refresh().then(send);
      });
    }
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    if (saved || !navigator.onLine) offline();
    refresh().then(send);

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
