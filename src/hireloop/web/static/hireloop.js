// Small progressive enhancements; every page works without this file.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (select instanceof HTMLSelectElement && select.closest("form.move")) {
    select.form.requestSubmit();
  }
});
