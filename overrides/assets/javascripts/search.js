/* Wasla search. Loaded by wasla.js only when the reader first focuses the search box.
   - The index is a folder of script files (search/<id>/), each one call to waslaSearch(name, data):
     scripts load from file:// and under script-src 'self', where fetch would not.
   - Only the files a query needs are loaded: meta.js, the term files of its words, the cards of
     the results shown, a topic's lines (l/<n>.js) when the query holds its crisis words, and f.js
     when a filter is chosen.
   - Nothing is stored and nothing goes into the address bar or history; the query stays in the box.
   - normalise(), tokens() and bucket() repeat hooks/wasla/search.py; tests compare them.
   - Crisis words (data/topics.yml, in meta.js): when the box holds one, the topic it is about and
     the lines that answer it are shown above the results, with their buttons: the chosen
     country's, then international ones; with no country chosen, the countries (links to the
     topic's page for each) and meanwhile the services that answer it from anywhere. topicOf()
     and nowDocs() repeat hooks/wasla/queries/crisis.py (topic_of, split_lines); tests compare them. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-wasla-search]");
  if (!form || window.waslaSearchReady) return;
  window.waslaSearchReady = true;

  var box = form.querySelector("input[type=search]");
  var clearButton = form.querySelector("[data-search-clear]");
  var section = form.parentNode;
  var list = section.querySelector("[data-search-results]");
  var status = section.querySelector("[data-search-status]");
  var more = section.querySelector("[data-search-more]");
  var nowBox = section.querySelector("[data-search-now]");
  var nowList = section.querySelector("[data-search-now-list]");
  var countrySelect = form.querySelector("select[name=country]");
  var kindSelect = form.querySelector("select[name=kind]");
  var dir = form.getAttribute("data-index");
  var base = form.getAttribute("data-base");
  var PAGE = 20;

  function say(key, count) {
    var text = form.getAttribute("data-s-" + key) || "";
    return text.replace("{count}", String(count));
  }

  // -- normalisation: the same steps as hooks/wasla/search.py --------------------------------
  var CHARS = {
    "\u0671": "\u0627", "\u0649": "\u064a", "\u06cc": "\u064a", "\u0629": "\u0647", "\u06a9": "\u0643", "\u0640": "",
    "\u200c": "", "\u200d": "", "\u0131": "i", "\u0153": "oe", "\u00e6": "ae"
  };
  var ARTICLES = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644", "\u0643\u0627\u0644", "\u0627\u0644"];
  var PREFIXES = "\u0648\u0628\u0644\u0641\u0643";
  var STOP = {};

  function normalise(text) {
    return text.toLowerCase().normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[\u0671\u0649\u06cc\u0629\u06a9\u0640\u200c\u200d\u0131\u0153\u00e6]/g, function (c) { return CHARS[c]; })
      .replace(/[\u0660-\u0669]/g, function (c) { return String(c.charCodeAt(0) - 0x0660); })
      .replace(/[\u06f0-\u06f9]/g, function (c) { return String(c.charCodeAt(0) - 0x06f0); })
      .replace(/([0-9])[\s\-.\/()]+(?=[0-9])/g, "$1");
  }

  function isArabic(token) { return /^[\u0600-\u06ff]+$/.test(token); }

  function stripArticle(token) {
    if (!isArabic(token)) return token;
    for (var i = 0; i < ARTICLES.length; i++) {
      if (token.indexOf(ARTICLES[i]) === 0 && token.length - ARTICLES[i].length >= 2) return token.slice(ARTICLES[i].length);
    }
    if (token.indexOf("\u0644\u0644") === 0 && token.length >= 4) return token.slice(2);
    return token;
  }

  function tokens(text) {
    var out = [];
    var found = normalise(text).match(/[\p{L}\p{N}]+/gu) || [];
    for (var i = 0; i < found.length; i++) {
      var token = found[i];
      if (token.length < 2 || STOP[token]) continue;
      token = stripArticle(token);
      if (token.length >= 2) out.push(token);
    }
    return out;
  }

  function bucket(token, buckets) {
    var h = 0;
    var first = Array.from(token.slice(0, 4)).slice(0, 2);  // code points, as Python counts them
    for (var i = 0; i < first.length; i++) h = (h * 31 + first[i].codePointAt(0)) % 1000003;
    return h % buckets;
  }

  // -- loading index files as scripts ---------------------------------------------------------
  var files = {};
  var waiting = {};
  window.waslaSearch = function (name, data) {
    files[name] = data;
    if (waiting[name]) waiting[name].resolve(data);
  };

  function load(name) {
    if (waiting[name]) return waiting[name].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      var script = document.createElement("script");
      script.src = dir + name + ".js";
      script.onerror = function () { delete waiting[name]; reject(new Error(name)); };
      script.onload = function () { if (!(name in files)) { delete waiting[name]; reject(new Error(name)); } };
      document.head.appendChild(script);
    });
    waiting[name] = entry;
    return entry.promise;
  }

  // -- matching ---------------------------------------------------------------------------------
  /* Is some prefix of term at most one edit (insert, delete, change, swap) from word? */
  function nearPrefix(word, term) {
    var n = word.length, m = Math.min(term.length, n + 1);
    var before = null, prev = [], cur, i, j;
    for (j = 0; j <= m; j++) prev.push(j);
    for (i = 1; i <= n; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= m; j++) {
        var cost = word[i - 1] === term[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && word[i - 1] === term[j - 2] && word[i - 2] === term[j - 1]) v = Math.min(v, before[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > 1) return false;
      before = prev;
      prev = cur;
    }
    for (j = Math.max(0, n - 1); j <= m; j++) if (prev[j] <= 1) return true;
    return false;
  }

  /* What to look up for each word the reader typed: the word itself, and for an Arabic word
     with a leading و ب ل ف ك the rest of it; «00» before a number is the international prefix. */
  function parse(query) {
    return tokens(query).map(function (word) {
      var variants = [{ text: word, loss: 0 }];
      if (isArabic(word) && word.length >= 4 && PREFIXES.indexOf(word[0]) >= 0) {
        var rest = stripArticle(word.slice(1));
        if (rest.length >= 2) variants.push({ text: rest, loss: 1 });
      }
      if (/^00[1-9][0-9]/.test(word)) variants.push({ text: word.slice(2), loss: 0 });
      return { variants: variants, typos: /^[a-z]{5,}$/.test(word) };
    });
  }

  function shardsFor(words, meta) {
    var names = {};
    words.forEach(function (w) {
      w.variants.forEach(function (v) { names["t/" + bucket(v.text, meta.buckets)] = true; });
      if (w.typos) names["t/" + bucket(w.variants[0].text[1] + w.variants[0].text[0], meta.buckets)] = true;
    });
    return Object.keys(names);
  }

  /* Score of every entry for one word: quality (4 exact, 3 prefix, 1 near) × field weight. */
  function scoreWord(word, meta) {
    var scores = new Float64Array(meta.count);
    var first = word.variants[0].text;
    var seen = {};
    function add(postings, quality) {
      var doc = 0;
      for (var k = 0; k < postings.length; k++) {
        doc += postings[k] >> 2;
        var s = quality * (postings[k] & 3);
        if (s > scores[doc]) scores[doc] = s;
      }
    }
    word.variants.forEach(function (v) {
      var shard = files["t/" + bucket(v.text, meta.buckets)];
      for (var term in shard) {
        if (term.lastIndexOf(v.text, 0) === 0) {
          seen[term] = true;
          add(shard[term], (term === v.text ? 4 : 3) - v.loss);
        }
      }
    });
    if (word.typos) {
      // terms that start with the word's first two letters, or with them swapped (the shard
      // also holds other letter pairs: they are skipped, so results never depend on hashing)
      [first.slice(0, 2), first[1] + first[0]].forEach(function (key) {
        var shard = files["t/" + bucket(key, meta.buckets)];
        for (var term in shard) {
          if (!seen[term] && term.lastIndexOf(key, 0) === 0 && term.length >= first.length - 1 && nearPrefix(first, term)) {
            seen[term] = true;
            add(shard[term], 1);
          }
        }
      });
    }
    return scores;
  }

  function wanted(doc, meta) {
    var country = countrySelect.value, kind = kindSelect.value;
    if (!country && !kind) return true;
    var facet = files.f[doc];
    if (kind && !(facet[1] & (1 << meta.kindIndex[kind]))) return false;
    if (country) {
      var c = meta.countryIndex[country], intl = meta.countryIndex.international;
      if (facet[0].indexOf(c) < 0 && (intl === undefined || facet[0].indexOf(intl) < 0)) return false;
    }
    return true;
  }

  function search(query, meta) {
    var words = parse(query);
    if (!words.length) return Promise.resolve(null);
    var needed = shardsFor(words, meta);
    if (countrySelect.value || kindSelect.value) needed.push("f");
    return Promise.all(needed.map(load)).then(function () {
      var total = null;
      words.forEach(function (word) {
        var scores = scoreWord(word, meta);
        if (total === null) { total = scores; return; }
        for (var d = 0; d < meta.count; d++) total[d] = total[d] > 0 && scores[d] > 0 ? total[d] + scores[d] : 0;
      });
      var hits = [];
      for (var d = 0; d < meta.count; d++) if (total[d] > 0 && wanted(d, meta)) hits.push(d);
      hits.sort(function (a, b) { return total[b] - total[a] || a - b; });
      return hits;
    });
  }

  // -- showing results --------------------------------------------------------------------------
  var template = section.querySelector("template[data-search-result]");
  var contactTemplate = section.querySelector("template[data-search-contact]");

  /* A result's buttons, from the index (links the rulebook made: tel:, sms:, wa.me, signal.me,
     mailto:, https:). Text only, never HTML. */
  /* Text that may break only after ".", "/" or "@" (never mid-word), as the cards' buttons do. */
  function breakable(el, text) {
    var part = "";
    el.textContent = "";
    for (var i = 0; i < text.length; i++) {
      part += text.charAt(i);
      if ("./@".indexOf(text.charAt(i)) >= 0 && i < text.length - 1) {
        el.appendChild(document.createTextNode(part));
        el.appendChild(document.createElement("wbr"));
        part = "";
      }
    }
    if (part) el.appendChild(document.createTextNode(part));
  }

  function buttons(item, contacts) {
    var ul = item.querySelector(".wasla-contacts");
    if (!ul) return;
    (contacts || []).forEach(function (k) {
      var li = contactTemplate.content.firstElementChild.cloneNode(true);
      var a = li.querySelector("a");
      // [type, shown, link] or, for a web link, [type, shown, scheme, rest] (see firstminute.py)
      var web = k.length > 3;
      a.setAttribute("href", web ? k[2] + "://" + k[3] : k[2]);
      if (web) a.rel = "noreferrer noopener";
      li.className += " wasla-contact--" + k[0];
      li.querySelector(".wasla-contact__action").textContent = form.getAttribute("data-s-act-" + k[0]) || "";
      breakable(li.querySelector("bdi"), k[1]);
      ul.appendChild(li);
    });
    if (!ul.children.length) ul.remove();
  }

  /* One result from the page's own <template>: text only, never HTML. */
  function card(doc, meta) {
    var c = files["d/" + Math.floor(doc / meta.per_shard)][doc % meta.per_shard];
    var item = template.content.firstElementChild.cloneNode(true);
    item.querySelector("a").href = base + c[4];
    var name = item.querySelector("bdi");
    name.textContent = c[0];
    if (c[1]) {  // the name is another language's: say which, and keep the note
      name.lang = c[1];
      name.dir = (meta.rtl || []).indexOf(c[1]) >= 0 ? "rtl" : "ltr";
    } else {
      item.querySelector(".wasla-untranslated").remove();
    }
    var kinds = c[3].map(function (k) { return meta.kinds[k][1]; }).join(say("separator"));
    var status = c[5] === 1 ? " · " + say("paused") : c[5] === 2 ? " · " + say("closed") : "";
    item.querySelector(".wasla-search__meta").textContent = (kinds ? kinds + " · " : "") + meta.countries[c[2]][1] + status;
    var evidence = item.querySelector(".wasla-search__evidence");  // what the sources show
    if (evidence) evidence.textContent = c[6] || "";
    if (contactTemplate) buttons(item, c[7]);
    return item;
  }

  var current = { hits: [], shown: 0 };
  var serial = 0;
  var announceTimer = null;

  function announce(text) {
    clearTimeout(announceTimer);
    // wait until typing pauses, so a screen reader is not interrupted at every key
    announceTimer = setTimeout(function () { status.textContent = text; }, 600);
  }

  /* Load the result cards of docs, then put them into target; false when a newer search began. */
  function fill(target, docs, meta, mine) {
    var names = {};
    docs.forEach(function (d) { names["d/" + Math.floor(d / meta.per_shard)] = true; });
    return Promise.all(Object.keys(names).map(load)).then(function () {
      if (mine !== serial) return false;
      var items = document.createDocumentFragment();
      docs.forEach(function (d) { items.appendChild(card(d, meta)); });
      target.replaceChildren(items);
      return true;
    });
  }

  function show(hits, count, meta, mine) {
    var docs = hits.slice(0, count);
    return fill(list, docs, meta, mine).then(function (done) {
      if (!done) return;
      current.shown = docs.length;
      more.hidden = hits.length <= docs.length;
    });
  }

  // -- crisis words: the topic, and the lines that answer it, above the results ---------------
  /* A typed word matches a crisis word when equal, or when it starts with one of 5+ letters. */
  function wordMatches(typed, word) { return typed === word || (word.length >= 5 && typed.indexOf(word) === 0); }

  function phraseFound(typed, phrase) {
    for (var start = 0; start + phrase.length <= typed.length; start++) {
      var all = true;
      for (var i = 0; i < phrase.length && all; i++) all = wordMatches(typed[start + i], phrase[i]);
      if (all) return true;
    }
    return false;
  }

  /* The topic of the longest crisis phrase in the query; on a tie, the topic offered first. */
  function topicOf(query, topics) {
    var typed = tokens(query), best = null, length = 0;
    (topics || []).forEach(function (topic) {
      topic[3].forEach(function (phrase) {
        if (phrase.length > length && phraseFound(typed, phrase)) { best = topic; length = phrase.length; }
      });
    });
    return best;
  }

  /* A topic's lines (l/<n>.js) for a country code ("" for none): {local: [doc…], everywhere:
     [doc…]}, each at most as many as meta.limits says. Line: [doc, [named country ids], bits]
     (search_index.py). */
  function nowDocs(topicLines, country, meta) {
    var c = country ? meta.countryIndex[country] : -1, local = [], everywhere = [];
    topicLines.forEach(function (n) {
      var named = n[1];
      if (c >= 0 && (n[2] & 1) && named.indexOf(c) >= 0) local.push(n[0]);
      else if ((n[2] & 2) && (named.length === 0 || (c >= 0 && named.indexOf(c) >= 0))) everywhere.push(n[0]);
    });
    return { local: local.slice(0, meta.limits[0]), everywhere: everywhere.slice(0, meta.limits[1]) };
  }

  function hideNow() {
    if (!nowBox) return;
    nowBox.hidden = true;
    nowList.replaceChildren();
  }

  function dangerHref(key, country) { return base + "danger/" + key + (country ? "-" + country : "") + ".html"; }

  /* The countries, each a link to the topic's page for it (built once per topic). */
  function nowCountries(topic, meta) {
    var ul = nowBox.querySelector("[data-search-now-countries]");
    if (ul.getAttribute("data-topic") === topic[0]) return;
    var items = document.createDocumentFragment();
    meta.countries.forEach(function (c) {
      if (c[0] === "international") return;
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = dangerHref(topic[0], c[0]);
      a.textContent = c[1];
      li.appendChild(a);
      items.appendChild(li);
    });
    ul.replaceChildren(items);
    ul.setAttribute("data-topic", topic[0]);
  }

  function showNow(query, meta, mine) {
    var topic = nowBox ? topicOf(query, meta.topics) : null;
    if (!topic) { hideNow(); return Promise.resolve(); }
    var country = countrySelect.value === "international" ? "" : countrySelect.value;
    var lines;
    return load("l/" + meta.topics.indexOf(topic)).then(function (topicLines) {
      lines = nowDocs(topicLines, country, meta);
      return fill(nowList, lines.local.concat(lines.everywhere), meta, mine);
    }).then(function (done) {
      if (!done) return;
      var none = nowBox.querySelector("[data-search-now-none]"), text = [];
      if (country && !lines.local.length) text.push(say("now-none").replace("{country}", meta.countries[meta.countryIndex[country]][1]));
      if (!lines.everywhere.length && (!country || !lines.local.length)) text.push(say("now-empty"));
      none.textContent = text.join(" ");
      none.hidden = !text.length;
      nowBox.querySelector("[data-search-now-topic]").textContent = topic[1];
      nowBox.querySelector("[data-search-now-next]").textContent = topic[2];
      nowBox.querySelector("[data-search-now-page]").href = dangerHref(topic[0], country);
      nowBox.querySelector("[data-search-now-where]").hidden = !!country;
      if (!country) nowCountries(topic, meta);
      nowBox.hidden = false;
    });
  }

  function done() { list.setAttribute("aria-busy", "false"); }

  function clear() {
    done();
    list.replaceChildren();
    more.hidden = true;
    hideNow();
  }

  function fail() {
    clear();
    status.textContent = say("error");
  }

  var metaPromise = null;
  function meta() {
    if (!metaPromise) {
      metaPromise = load("meta").then(function (m) {
        m.stop.forEach(function (w) { STOP[w] = true; });
        m.countryIndex = {};
        m.countries.forEach(function (c, i) { m.countryIndex[c[0]] = i; });
        m.kindIndex = {};
        m.kinds.forEach(function (k, i) { m.kindIndex[k[0]] = i; });
        return m;
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  function run() {
    var mine = ++serial;
    var query = box.value;
    if (clearButton) clearButton.hidden = !query;
    list.setAttribute("aria-busy", "true");
    if (!query.trim()) {
      clear();
      clearTimeout(announceTimer);
      status.textContent = "";
      return;
    }
    meta().then(function (m) {
      return search(query, m).then(function (hits) {
        if (mine !== serial) return;
        if (hits === null) {
          clear();
          announce(say("short"));
          return;
        }
        current.hits = hits;
        return Promise.all([showNow(query, m, mine), show(hits, PAGE, m, mine)]).then(function () {
          if (mine !== serial) return;
          done();
          announce(hits.length === 0 ? say("none") : hits.length === 1 ? say("one") : say("other", hits.length));
        });
      });
    }).catch(function () { if (mine === serial) fail(); });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  box.addEventListener("input", run);
  countrySelect.addEventListener("change", run);
  // the clear button: the box and the results emptied, the reader back in the box (the country
  // and kind chosen stay, as with a browser's own clear button)
  if (clearButton) clearButton.addEventListener("click", function () {
    box.value = "";
    box.focus();
    run();
  });
  kindSelect.addEventListener("change", run);
  more.addEventListener("click", function () {
    var mine = serial;
    meta().then(function (m) {
      var from = current.shown;
      return show(current.hits, from + PAGE, m, mine).then(function () {
        var next = list.children[from];
        if (next) next.querySelector("a").focus();
      });
    }).catch(fail);
  });

  window.waslaSearchSelfTest = {
    normalise: normalise, tokens: tokens, bucket: bucket,
    topicOf: function (q, topics) { var t = topicOf(q, topics); return t ? t[0] : null; },
    nowDocs: function (key, country) {
      return meta().then(function (m) {
        var topic = m.topics.filter(function (t) { return t[0] === key; })[0];
        return load("l/" + m.topics.indexOf(topic)).then(function (lines) { return nowDocs(lines, country, m); });
      });
    }
  };
  meta().catch(fail);
  if (box.value) run();
})();
