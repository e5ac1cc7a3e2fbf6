// The technician's pages without signal (docs/service.md, "Working without signal").
// Served by /sw.js (aftersales/service/offline.py), which puts `CONFIG` before this code.
//
// - Static files the pages need (CONFIG.staticFiles, and no other): kept on install in a cache
//   named after their hash; a deploy that changes one installs a new worker, whose cache
//   replaces the old one.
// - Today's visits and a visit page: network first; a copy is kept only of a GET answered 200,
//   not redirected, without `Cache-Control: no-store`, and marked by the server as the
//   technician's (CONFIG.keepHeader). Without network, the kept copy is shown, marked "saved" so
//   the page shows the offline banner.
// - Nothing else is touched: other pages, forms (POST) and the API go to the network as usual.
// - The outbox of writes made without signal (outbox.js, kept in IndexedDB by the page): on a
//   Background Sync (where the browser has it) the worker sends the entries of the user whose
//   session the phone is in, in order, and tells the open pages.
// - Logging in or out (a POST to either) forgets every kept page, so the next user of the phone
//   never sees the last one's.
/* global CONFIG, AftersalesOutbox */
"use strict";

importScripts(CONFIG.outboxScript);

const LIVE = 'data-offline-copy="live"';
const SAVED = 'data-offline-copy="saved"';

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CONFIG.staticCache)
      .then((cache) =>
        Promise.all(
          CONFIG.staticFiles.map((url) =>
            // one missing file must not stop the worker: it is kept when a page asks for it
            fetch(url, { cache: "reload" })
              .then((response) => (response.ok ? cache.put(url, response) : null))
              .catch(() => null),
          ),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter(
              (name) =>
                name.startsWith(CONFIG.cachePrefix) &&
                name !== CONFIG.staticCache &&
                name !== CONFIG.pagesCache,
            )
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

function isPage(url) {
  if (url.origin !== self.location.origin || url.search) return false;
  if (url.pathname === CONFIG.today) return true;
  if (!url.pathname.startsWith(CONFIG.visitPrefix)) return false;
  return /^\d+\/$/.test(url.pathname.slice(CONFIG.visitPrefix.length));
}

function keepable(url, response) {
  const control = response.headers.get("Cache-Control") || "";
  return (
    response.status === 200 &&
    response.type === "basic" &&
    !response.redirected &&
    new URL(response.url).pathname === url.pathname &&
    !/no-store/i.test(control) &&
    response.headers.get(CONFIG.keepHeader) === "keep"
  );
}

async function keep(url, response) {
  // the kept copy says it is one: the page shows the offline banner when it is served
  const text = (await response.text()).replace(LIVE, SAVED);
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  const copy = new Response(text, { status: 200, statusText: "OK", headers: headers });
  const cache = await caches.open(CONFIG.pagesCache);
  await cache.put(url.href, copy);
}

async function forgetPages() {
  await caches.delete(CONFIG.pagesCache);
}

async function networkFirst(event, url) {
  try {
    const response = await fetch(event.request);
    if (keepable(url, response)) event.waitUntil(keep(url, response.clone()));
    return response;
  } catch (error) {
    const cache = await caches.open(CONFIG.pagesCache);
    const saved = await cache.match(url.href, { ignoreVary: true });
    if (saved) return saved;
    throw error;
  }
}

// only the files listed (what the technician's pages load): another static file kept here would
// outlive a deploy that changes it without changing the version
const STATIC_PATHS = new Set(
  CONFIG.staticFiles.map((href) => decodeURI(new URL(href, self.location.origin).pathname)),
);

function isKeptStatic(url) {
  try {
    return STATIC_PATHS.has(decodeURI(url.pathname));
  } catch (error) {
    return false;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CONFIG.staticCache);
  const saved = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && CONFIG.forgetOn.includes(url.pathname)) {
    event.waitUntil(forgetPages()); // the request itself goes on to the network
    return;
  }
  if (request.method !== "GET") return;
  if (isPage(url)) {
    event.respondWith(networkFirst(event, url));
  } else if (isKeptStatic(url)) {
    event.respondWith(cacheFirst(request));
  }
});

// Today's page sends the addresses of today's visits: the worker fetches and keeps each (and
// today's page itself), and forgets the visit pages kept before that are not today's any more.
async function keepToday(hrefs) {
  const wanted = hrefs.map((href) => new URL(href, self.location.origin)).filter(isPage);
  let kept = 0;
  for (const url of wanted) {
    try {
      const response = await fetch(url.href, { credentials: "same-origin", cache: "no-store" });
      if (keepable(url, response)) {
        await keep(url, response);
        kept += 1;
      }
    } catch (error) {
      // the signal went while fetching: what was kept stays
    }
  }
  const cache = await caches.open(CONFIG.pagesCache);
  const names = new Set(wanted.map((url) => url.href));
  for (const request of await cache.keys()) {
    if (!names.has(request.url)) await cache.delete(request);
  }
  return kept;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep-today" && Array.isArray(data.urls)) {
    event.waitUntil(
      keepToday(data.urls).then((kept) => {
        if (event.source) event.source.postMessage({ type: "kept", kept: kept });
      }),
    );
  } else if (data.type === "forget") {
    event.waitUntil(forgetPages());
  }
});

// Background Sync: the signal is back (the browser decides when), even with no page open.
async function sendOutbox() {
  const user = await AftersalesOutbox.currentUser();
  if (!user) return;
  const result = await AftersalesOutbox.flush(user, null);
  const pages = await self.clients.matchAll({ type: "window" });
  pages.forEach((page) => page.postMessage({ type: "outbox-changed" }));
  // still waiting (no signal yet, a server error): the browser tries the sync again later
  if (result.waiting) throw new Error("outbox not sent yet");
}

self.addEventListener("sync", (event) => {
  if (event.tag === CONFIG.syncTag) event.waitUntil(sendOutbox());
});
