// Aftersales: progressive enhancement only; every page works without it.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target.matches("[data-autosubmit]")) {
    target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
  }
});
