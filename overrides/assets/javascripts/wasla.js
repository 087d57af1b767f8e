/* Wasla quick exit, and the switch that turns the search form on. No storage, no network, no inline code (CSP: script-src 'self').
   - Clicking Exit hides the page at once and replaces it (location.replace), so Back
     does not return here. It cannot erase history; the safety page says so.
   - Shift pressed three times (within 5 s, no other key between) does the same,
     with announcements for screen readers in the page's language.
   - From a copy opened from disk, it goes to the local neutral page. */
(function () {
  "use strict";
  /* Search: the form is hidden until script runs (without script, the page says how to browse
     instead). search.js and the index load only when the reader first focuses the box. */
  var search = document.querySelector("form[data-wasla-search]");
  if (search) {
    var note = document.querySelector("[data-wasla-search-nojs]");
    if (note) note.hidden = true;
    search.hidden = false;
    var start = function () {
      search.removeEventListener("focusin", start);
      var script = document.createElement("script");
      script.src = search.getAttribute("data-script");
      document.head.appendChild(script);
    };
    search.addEventListener("focusin", start);
    // the bar's Search link (index.html#search) puts the reader in the box
    var box = search.querySelector("input[type=search]");
    var toBox = function () { if (location.hash === "#search") box.focus(); };
    window.addEventListener("hashchange", toBox);
    window.addEventListener("load", toBox);  // after the browser's own jump to #search
  }

  var exit = document.querySelector("a.wasla-exit");
  if (!exit) return;
  var live = document.querySelector("[data-wasla-announce]");
  var presses = 0;
  var timer = null;

  function target() {
    return location.protocol === "file:" ? exit.getAttribute("data-offline-href") : exit.href;
  }

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.className += " wasla-exiting";
    document.title = "";
    location.replace(new URL(target(), location.href).href);
  }

  function announce(key) {
    if (live) live.textContent = exit.getAttribute("data-announce-" + key) || "";
  }

  exit.addEventListener("click", leave);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; announce("reset"); }, 5000);
    if (presses === 1) announce("1");
    else if (presses === 2) announce("2");
    else { announce("exit"); presses = 0; leave(); }
  });
})();

/* Opening hours: data-wasla-hours = zone z, horizon t..t+n and open intervals i (UTC epoch
   minutes, as deltas) from the build; we look now up each minute. Outside the horizon: no claim. */
(function () {
  "use strict";
  /* The Gregorian calendar and ASCII digits in every language, as the build prints dates (CLDR
     through babel): Intl.DateTimeFormat('fa') would otherwise write the Persian calendar. */
  var now, lang = (document.documentElement.lang || "en") + "-u-ca-gregory-nu-latn";
  function fmt(minute, zone, o) {
    o.timeZone = zone;
    return new Intl.DateTimeFormat(lang, o).format(new Date(minute * 6e4));
  }
  function day(minute, zone) { return fmt(minute, zone, { year: "numeric", month: "numeric", day: "numeric" }); }
  function show(box) {
    var h = JSON.parse(box.getAttribute("data-wasla-hours")), out = box.querySelector("[data-wasla-hours-status]");
    var end = h.t + h.n, at = h.t, open = false, next = 0, a, k, text, when;
    if (!out) return;
    out.hidden = true;
    if (now < h.t || now >= end) return;
    for (k = 0; k < h.i.length; k += 2) {
      a = at + h.i[k];
      at = a + h.i[k + 1];
      if (now < a) { next = a; break; }
      if (now < at) { open = true; next = at < end ? at : 0; break; }
    }
    text = box.getAttribute(open ? "data-open" : "data-closed");
    if (next) {
      when = fmt(next, h.z, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      if (day(next, h.z) !== day(now, h.z)) {
        when = fmt(next, h.z, next - now > 8640 ? { weekday: "long", day: "numeric", month: "long" } : { weekday: "long" }) + " " + when;
      }
      text += " · " + box.getAttribute(open ? "data-closes" : "data-opens").replace("{when}", when);
    }
    out.textContent = text;
    out.classList.toggle("wasla-hours__status--open", open);
    out.hidden = false;
  }
  var boxes = document.querySelectorAll("[data-wasla-hours]");
  function all() {
    now = Math.floor(Date.now() / 6e4);
    boxes.forEach(show);
  }
  if (boxes.length) {
    all();
    setInterval(all, 6e4);
  }
})();
