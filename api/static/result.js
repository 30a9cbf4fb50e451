// Print button of the result page (no inline script, so a strict CSP stays possible).
document.getElementById("print-button")?.addEventListener("click", () => window.print());
