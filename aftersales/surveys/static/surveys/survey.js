// Shows a conditional question only when the answer it depends on is in its range.
// Without JavaScript every question shows (with its hint), and the server applies the rule.
(() => {
  const form = document.getElementById("survey");
  if (!form) return;
  const update = () => {
    form.querySelectorAll("[data-show-if]").forEach((block) => {
      const chosen = form.querySelector(`input[name="${block.dataset.showIf}"]:checked`);
      const value = chosen ? Number(chosen.value) : null;
      const min = block.dataset.min === "" ? -Infinity : Number(block.dataset.min);
      const max = block.dataset.max === "" ? Infinity : Number(block.dataset.max);
      const shown = value !== null && value >= min && value <= max;
      block.hidden = !shown;
      block.querySelectorAll(".condition-hint").forEach((hint) => (hint.hidden = true));
    });
  };
  form.addEventListener("change", update);
  update();
})();
