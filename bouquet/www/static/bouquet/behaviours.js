// Small behaviours the pages ask for with data- attributes. They would otherwise be inline htmx code
// (hx-on), which the Content-Security-Policy forbids: no inline script, no eval.
(function () {
  "use strict";
  // <form data-reset-on-success>: empty the form once htmx has posted it successfully.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest && event.target.closest("form[data-reset-on-success]");
    if (form && event.detail.successful) form.reset();
  });
  // [data-swap-refusals]: also show 4xx answers in place (they carry the reason), not only successes.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var box = event.target.closest && event.target.closest("[data-swap-refusals]");
    if (box && event.detail.xhr.status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // The header's menu (<details class="menu">): the style sheet shows it open on a wide screen; a browser that
  // cannot style a <details>' content gets it opened here instead.
  var menu = document.getElementById("menu");
  if (menu && window.CSS && !CSS.supports("selector(::details-content)") && window.matchMedia("(min-width: 48rem)").matches) {
    menu.open = true;
  }
})();
