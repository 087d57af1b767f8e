/* Wasla's danger view (danger/*.html only; main.html loads it after wasla.js, which has by then
   written each contact's "open now" or "closed now" from its opening hours).
   Each list of lines (data-wasla-open-first) puts the lines open now first (a contact open 24/7,
   or open now), then those whose hours are not known, then those closed now; otherwise the
   build's order (the sort is stable). Once, when the page loads, so that nothing moves under the
   reader's finger. No storage, no network. */
(function () {
  "use strict";
  function rank(li) {
    return li.querySelector(".wasla-badge--open,.wasla-hours__status--open:not([hidden])") ? 0
      : li.querySelector(".wasla-hours__status:not([hidden])") ? 2 : 1;
  }
  document.querySelectorAll("[data-wasla-open-first]").forEach(function (list) {
    Array.from(list.children).sort(function (a, b) { return rank(a) - rank(b); })
      .forEach(function (li) { list.appendChild(li); });
  });
})();
