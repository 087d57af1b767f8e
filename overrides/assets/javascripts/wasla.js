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

/* Opening hours (issue 14): "Open now" / "Closed now" computed on the reader's device, offline.
   The build parsed the schedule; each [data-wasla-hours] holds its zone (z), the horizon start (t,
   UTC epoch minutes) and length (n), and open intervals as successive minute deltas (i). Here we
   only look the current minute up. Outside the horizon (an old page, a wrong clock): no claim. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-wasla-hours]");
  if (!boxes.length) return;
  var lang = document.documentElement.lang === "ar" ? "ar-u-nu-latn" : "en";
  var now = Math.floor(Date.now() / 60000);
  function when(minute, zone, sameDay) {
    var d = new Date(minute * 60000);
    var time = new Intl.DateTimeFormat(lang, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
    if (sameDay) return time;
    var far = minute - now > 6 * 1440;
    var day = new Intl.DateTimeFormat(lang, far ? { timeZone: zone, weekday: "long", day: "numeric", month: "long" } : { timeZone: zone, weekday: "long" }).format(d);
    return day + " " + time;
  }
  function dayOf(minute, zone) {
    return new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" }).format(new Date(minute * 60000));
  }
  Array.prototype.forEach.call(boxes, function (box) {
    var out = box.querySelector("[data-wasla-hours-status]");
    var h;
    try { h = JSON.parse(box.getAttribute("data-wasla-hours")); } catch (e) { return; }
    if (!out || now < h.t || now >= h.t + h.n) return;
    var at = h.t, open = false, next = null;
    for (var k = 0; k < h.i.length; k += 2) {
      var a = at + h.i[k], b = a + h.i[k + 1];
      at = b;
      if (now < a) { next = a; break; }
      if (now < b) { open = true; next = b < h.t + h.n ? b : null; break; }
    }
    var text = box.getAttribute(open ? "data-open" : "data-closed");
    if (next !== null) {
      text += " · " + box.getAttribute(open ? "data-closes" : "data-opens").replace("{when}", when(next, h.z, dayOf(next, h.z) === dayOf(now, h.z)));
    }
    out.textContent = text;
    out.className += open ? " wasla-hours__status--open" : " wasla-hours__status--closed";
    out.hidden = false;
  });
})();
