// The outbox of writes made without signal (docs/service.md, "Working without signal"): kept in
// IndexedDB on the phone, sent in order when the signal returns. Loaded by the technician's
// pages (base.html, before offline.js) and by the service worker (importScripts, for Background
// Sync); plain JavaScript for both, no DOM.
//
// An entry: { seq (the order), id (a UUID: the write's idempotency key), user (whose write it
// is: only that user's session shows or sends it), action (the form's URL), step, page (the
// visit page's path), visit (its number), label (what it is, in the reader's language), made
// (ISO time the technician pressed the button), fields ([name, value] pairs; a value may be a
// File), state ("pending" or "refused"), message (the server's reason when refused) }.
/* exported AftersalesOutbox */
var AftersalesOutbox = (function () {
  "use strict";
  var DB = "aftersales-outbox";
  var WRITES = "writes";
  var META = "meta";
  var HEADER = "X-Aftersales-Outbox";
  var opening = null;

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open(DB, 1);
        request.onupgradeneeded = function () {
          var db = request.result;
          var writes = db.createObjectStore(WRITES, { keyPath: "seq", autoIncrement: true });
          writes.createIndex("id", "id", { unique: true });
          writes.createIndex("user", "user", { unique: false });
          db.createObjectStore(META, { keyPath: "key" });
        };
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = function () {
          opening = null;
          reject(request.error);
        };
      });
    }
    return opening;
  }

  // one transaction on `store`; `work(store)` gives a request whose result is the answer
  function run(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var request = work(tx.objectStore(store));
        var result;
        if (request) {
          request.onsuccess = function () {
            result = request.result;
          };
        }
        tx.oncomplete = function () {
          resolve(result);
        };
        tx.onerror = tx.onabort = function () {
          reject(tx.error);
        };
      });
    });
  }

  function uuid() {
    if (self.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return (b + 0x100).toString(16).slice(1);
      })
      .join("");
    return [0, 8, 12, 16, 20]
      .map(function (start, i, all) {
        return hex.slice(start, all[i + 1] || 32);
      })
      .join("-");
  }

  // a user's entries, in the order they were made
  function entries(user) {
    if (!user) return Promise.resolve([]);
    return run(WRITES, "readonly", function (store) {
      return store.index("user").getAll(String(user));
    }).then(function (all) {
      return (all || []).sort(function (a, b) {
        return a.seq - b.seq;
      });
    });
  }

  function add(entry) {
    entry.id = entry.id || uuid();
    entry.user = String(entry.user);
    entry.state = "pending";
    entry.message = "";
    return run(WRITES, "readwrite", function (store) {
      return store.add(entry);
    }).then(function () {
      return entry;
    });
  }

  function put(entry) {
    return run(WRITES, "readwrite", function (store) {
      return store.put(entry);
    });
  }

  function remove(entry) {
    return run(WRITES, "readwrite", function (store) {
      return store.delete(entry.seq);
    });
  }

  // whose session the phone is in: set by each technician's page, cleared on logging out, read
  // by the service worker before sending anything
  function setUser(user) {
    return run(META, "readwrite", function (store) {
      return user ? store.put({ key: "user", value: String(user) }) : store.delete("user");
    });
  }

  function currentUser() {
    return run(META, "readonly", function (store) {
      return store.get("user");
    }).then(function (row) {
      return row ? row.value : null;
    });
  }

  function body(entry, csrf) {
    var data = new FormData();
    entry.fields.forEach(function (pair) {
      var name = pair[0];
      var value = pair[1];
      if (name === "csrfmiddlewaretoken" && csrf) value = csrf;
      if (value instanceof Blob) data.append(name, value, value.name || "upload");
      else data.append(name, value);
    });
    return data;
  }

  // one entry: "done", "refused" (with entry.message) or "wait" (no signal, logged out, another
  // user's session, a server error: it stays as it is, to be sent later)
  function send(entry, csrf) {
    var headers = { "Idempotency-Key": entry.id };
    headers[HEADER] = entry.user;
    if (csrf) headers["X-CSRFToken"] = csrf;
    return fetch(entry.action, {
      method: "POST",
      body: body(entry, csrf),
      headers: headers,
      credentials: "same-origin",
      redirect: "manual",
      cache: "no-store",
    }).then(
      function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.type === "opaqueredirect" || type.indexOf("application/json") !== 0) {
          return "wait";
        }
        return response.json().then(
          function (answer) {
            if (answer.state === "done") return "done";
            if (answer.state === "refused") {
              entry.message = answer.message || "";
              return "refused";
            }
            return "wait";
          },
          function () {
            return "wait";
          },
        );
      },
      function () {
        return "wait";
      },
    );
  }

  var flushing = null;

  // Sends `user`'s pending entries in order; a refused one is kept, marked, never sent again;
  // the first that must wait stops the rest (they keep their order). Resolves to
  // { sent, refused, waiting }.
  function flush(user, csrf) {
    if (flushing) return flushing;
    var result = { sent: 0, refused: 0, waiting: 0 };
    flushing = entries(user)
      .then(function (all) {
        var pending = all.filter(function (entry) {
          return entry.state === "pending";
        });
        var next = function (index) {
          if (index >= pending.length) return result;
          var entry = pending[index];
          return send(entry, csrf).then(function (state) {
            if (state === "wait") {
              result.waiting = pending.length - index;
              return result;
            }
            if (state === "done") {
              result.sent += 1;
              return remove(entry).then(function () {
                return next(index + 1);
              });
            }
            result.refused += 1;
            entry.state = "refused";
            return put(entry).then(function () {
              return next(index + 1);
            });
          });
        };
        return next(0);
      })
      .then(
        function (done) {
          flushing = null;
          return done;
        },
        function (error) {
          flushing = null;
          throw error;
        },
      );
    return flushing;
  }

  return {
    uuid: uuid,
    entries: entries,
    add: add,
    remove: remove,
    setUser: setUser,
    currentUser: currentUser,
    flush: flush,
  };
})();
