// Aftersales: progressive enhancement only; every page works without it.

// A list marked data-autosubmit sends its form when a choice is made with the mouse or a finger.
// A keyboard user going through the options with the arrow keys is not sent away at the first
// one (WCAG 3.2.2): their choice is sent by Enter, or when they leave the list.
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (!target.matches || !target.matches("[data-autosubmit]")) return;
  if (event.key === "Enter") {
    event.preventDefault();
    submit(target);
  } else if (event.key !== "Tab" && event.key !== "Shift") {
    target.dataset.keyed = "true";
  }
});
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target.matches("[data-autosubmit]") && !target.dataset.keyed) submit(target);
});
document.addEventListener("focusout", (event) => {
  const target = event.target;
  if (target.matches && target.matches("[data-autosubmit]") && target.dataset.keyed) {
    delete target.dataset.keyed;
    const chosen = target.selectedOptions && target.selectedOptions[0];
    if (chosen && !chosen.defaultSelected) submit(target);
  }
});
function submit(field) {
  field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
}

// When htmx swaps in new results, a screen reader hears their summary ([data-announce], e.g. the
// record count) from a live region that stays in the page.
document.addEventListener("htmx:afterSettle", (event) => {
  const region = document.getElementById("announce");
  const summary = event.detail.target && event.detail.target.querySelector("[data-announce]");
  if (region && summary) region.textContent = summary.textContent.trim();
});

// Links that act on a list's filter (CSV, Excel, a ZIP of its documents: [data-keeps-filter],
// whose value is what they add to it) follow the filter htmx has put in the address bar, so
// they export what the list now shows and not what it showed when the page was loaded.
document.addEventListener("htmx:pushedIntoHistory", () => {
  const filter = new URLSearchParams(window.location.search);
  filter.delete("page");
  filter.delete("export");
  document.querySelectorAll("a[data-keeps-filter]").forEach((link) => {
    const query = new URLSearchParams(filter);
    new URLSearchParams(link.dataset.keepsFilter).forEach((value, key) => query.set(key, value));
    const url = new URL(link.href, window.location.href);
    url.search = query.toString();
    link.href = url.pathname + url.search;
  });
});
