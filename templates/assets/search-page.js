/* The search page: results as you type, facets, sorting, paging; the state lives in the URL
   (?q=…&year=…) so back/forward and shared links work, from a host and from file:// alike.
   Results come before the filters in reading and tab order (on a wide screen the filters stand in a column
   to their left); on a phone the filters fold into a <details> below the results, and the active ones show
   above them as chips that remove them. */
(function () {
  "use strict";
  var form = document.getElementById("search-form"), input = document.getElementById("q");
  var status = document.getElementById("search-status"), list = document.getElementById("search-results");
  var filtersBox = document.getElementById("search-filters"), facetsBox = document.getElementById("search-facets");
  var chipsBox = document.getElementById("search-chips"), pagesBox = document.getElementById("search-pages");
  var main = document.getElementById("search-main"), empty = document.getElementById("search-empty");
  var tools = document.getElementById("search-tools"), sortSelect = document.getElementById("search-sort");
  var exactButton = document.getElementById("search-exact");
  var FACETS = [["year", "年度"], ["province", "省份"], ["type", "类型"]];
  var NEARBY = 2; // page buttons on each side of the current one, as the listings have
  var wide = window.matchMedia ? window.matchMedia("(min-width: 48.01rem)") : { matches: true };
  var state = read(), timer = null, run = 0, refocus = null;

  function read() {
    var p = new URLSearchParams(location.search), s = { q: p.get("q") || "", sort: p.get("sort") || "relevance", page: +p.get("page") || 1, filters: {},
      counts: p.get("counts") === "exact" ? "exact" : "auto" };
    FACETS.forEach(function (f) { if (p.get(f[0])) s.filters[f[0]] = p.get(f[0]); });
    return s;
  }
  function write(push) {
    var p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    FACETS.forEach(function (f) { if (state.filters[f[0]]) p.set(f[0], state.filters[f[0]]); });
    if (state.sort !== "relevance") p.set("sort", state.sort);
    if (state.page > 1) p.set("page", state.page);
    if (state.counts === "exact") p.set("counts", "exact");
    var url = location.pathname + (p.toString() ? "?" + p : "");
    try { history[push ? "pushState" : "replaceState"](null, "", url); } catch (e) { /* some browsers refuse on file:// */ }
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function label(facet, value) { return facet === "year" ? value + "年" : value; }
  // As the listings show dates: 2017年8月28日.
  function shownDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? m[1] + "年" + (+m[2]) + "月" + (+m[3]) + "日" : iso;
  }

  function search(push) {
    write(push);
    var mine = ++run;
    if (!state.q.trim() && !Object.keys(state.filters).length) { render(null); return; }
    status.textContent = "正在搜索…";
    // Results first, counted only as far as the page needs; then, where counting the rest reads few more files,
    // the same query again makes the counts exact (the files it has read are not read twice).
    var first = state.counts === "exact" ? "exact" : "estimate";
    function options(counts) { return { filters: state.filters, sort: state.sort, page: state.page, counts: counts }; }
    window.SiteGenSearch.search(state.q, options(first))
      .then(function (r) {
        if (mine !== run) return;
        render(r);
        if (r.estimated && first === "estimate") {
          return window.SiteGenSearch.search(state.q, options("auto")).then(function (c) { if (mine === run && !c.estimated) renderCounts(c); });
        }
      })
      .catch(function (e) { if (mine === run) status.textContent = "搜索出错：" + e.message; });
  }

  function statusText(r) {
    // A common phrase is checked only in the reports the page shows: when counting the rest would read many more
    // files, they are estimated (约), and 精确统计 counts them.
    var about = r.estimated ? "约" : "";
    if (!r.total) return "没有找到包含“" + state.q + "”的报告" + (Object.keys(state.filters).length ? "（已按所选条件筛选）" : "") + "。";
    if (!r.exact) return "没有找到“" + state.q + "”的完全匹配，以下是包含“" + r.words.join("”“") + "”的结果，共" + about + " " + r.total + " 条。";
    return "找到" + about + " " + r.total + " 份报告" + (r.total > r.pageSize ? "，第 " + r.page + " 页" : "") + "。";
  }

  /* The same page with exact counts: the status, the facets and the paging change, the results do not. */
  function renderCounts(r) {
    status.textContent = statusText(r);
    exactButton.hidden = true;
    facetsBox.textContent = ""; pagesBox.textContent = ""; pagesBox.hidden = true;
    renderFacets(r.facets);
    renderPages(r);
  }

  function render(r) {
    list.textContent = ""; facetsBox.textContent = ""; pagesBox.textContent = ""; chipsBox.textContent = "";
    tools.hidden = !r || !r.total;
    empty.hidden = !r || r.total > 0;
    filtersBox.hidden = !r || !r.total;
    pagesBox.hidden = true;
    exactButton.hidden = !r || !r.estimated;
    renderChips();
    if (!r) { status.textContent = ""; return; }
    status.textContent = statusText(r);
    // The report page finds and marks these words again: the link carries them.
    var find = r.exact ? state.q : r.words.join(" ");
    r.results.forEach(function (item) {
      var li = el("li"), a = el("a", null, "report-title");
      a.href = item.url + (find.trim() ? "#q=" + encodeURIComponent(find) : "");
      a.innerHTML = item.titleHtml; // escaped by search.js; only <mark> is markup
      var meta = el("p", null, "report-meta");
      if (item.date) { var t = el("time", shownDate(item.date)); t.setAttribute("datetime", item.date); meta.appendChild(t); }
      [item.publisher, item.region, item.type].forEach(function (v) { if (v) meta.appendChild(el("span", v)); });
      var snippet = el("p", null, "snippet");
      snippet.innerHTML = item.snippet;
      li.appendChild(a); li.appendChild(meta); li.appendChild(snippet);
      list.appendChild(li);
    });
    renderFacets(r.facets);
    renderPages(r);
    if (refocus) {
      var again = facetsBox.querySelector('[data-facet="' + refocus.replace(/["\\]/g, "\\$&") + '"]');
      if (again) again.focus();
      refocus = null;
    }
  }

  function setFilter(facet, value) {
    if (value === null) delete state.filters[facet]; else state.filters[facet] = value;
    state.page = 1; search(true);
  }

  function renderChips() {
    var active = FACETS.filter(function (f) { return state.filters[f[0]]; });
    chipsBox.hidden = !active.length;
    active.forEach(function (f) {
      var b = el("button", f[1] + "：" + label(f[0], state.filters[f[0]]), "chip");
      b.type = "button";
      b.setAttribute("aria-label", "去掉筛选条件 " + f[1] + " " + label(f[0], state.filters[f[0]]));
      b.addEventListener("click", function () { setFilter(f[0], null); input.focus(); });
      chipsBox.appendChild(b);
    });
  }

  function renderFacets(facets) {
    var chosen = Object.keys(state.filters).length;
    filtersBox.querySelector("summary").textContent = "筛选结果" + (chosen ? "（已选 " + chosen + " 项）" : "");
    FACETS.forEach(function (f) {
      var values = (facets[f[0]] || []).slice();
      if (!values.length) return;
      // Years read as a timeline, newest first; the other facets stay by count.
      if (f[0] === "year") values.sort(function (a, b) { return b.value < a.value ? -1 : b.value > a.value ? 1 : 0; });
      var group = el("div", null, "facet"), heading = el("h2", f[1]), ul = el("ul");
      group.appendChild(heading);
      values.forEach(function (v) {
        var li = el("li"), b = el("button", label(f[0], v.value));
        var on = state.filters[f[0]] === v.value;
        b.type = "button";
        b.setAttribute("data-facet", f[0] + ":" + v.value);
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.appendChild(el("span", String(v.count), "count"));
        b.addEventListener("click", function () {
          refocus = f[0] + ":" + v.value; // the buttons are redrawn: keep keyboard focus on this one
          setFilter(f[0], on ? null : v.value);
        });
        li.appendChild(b); ul.appendChild(li);
      });
      group.appendChild(ul); facetsBox.appendChild(group);
    });
  }

  // Previous, first, the pages near the current one, last, next: a few buttons however many pages there are.
  function renderPages(r) {
    var count = Math.ceil(r.total / r.pageSize);
    if (count < 2) return;
    pagesBox.hidden = false;
    function go(n) { state.page = n; search(true); main.focus(); main.scrollIntoView(); }
    function button(text, n, aria) {
      var b = el("button", text);
      b.type = "button";
      if (aria) b.setAttribute("aria-label", aria);
      if (n === r.page) b.setAttribute("aria-current", "page");
      b.addEventListener("click", function () { go(n); });
      return b;
    }
    if (r.page > 1) pagesBox.appendChild(button("← 上一页", r.page - 1, "上一页"));
    var ol = el("ol"), last = 0;
    for (var n = 1; n <= count; n++) {
      if (n !== 1 && n !== count && Math.abs(n - r.page) > NEARBY) continue;
      if (n > last + 1) { var gap = el("li", "…", "gap"); gap.setAttribute("aria-hidden", "true"); ol.appendChild(gap); }
      var li = el("li");
      li.appendChild(button(String(n), n, "第 " + n + " 页"));
      ol.appendChild(li);
      last = n;
    }
    pagesBox.appendChild(ol);
    if (r.page < count) pagesBox.appendChild(button("下一页 →", r.page + 1, "下一页"));
  }

  input.value = state.q;
  sortSelect.value = state.sort;
  // Open beside the results on a wide screen; folded below them on a phone, where 筛选 opens them and jumps there.
  filtersBox.open = wide.matches;
  document.querySelector(".filters-jump").addEventListener("click", function () { filtersBox.open = true; });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = input.value; state.page = 1; state.counts = "auto"; search(false); }, 200);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault(); clearTimeout(timer);
    if (input.value !== state.q) state.counts = "auto";
    state.q = input.value; state.page = 1; search(true);
  });
  exactButton.addEventListener("click", function () { state.counts = "exact"; search(true); });
  sortSelect.addEventListener("change", function () { state.sort = sortSelect.value; state.page = 1; search(true); });
  window.addEventListener("popstate", function () { state = read(); input.value = state.q; sortSelect.value = state.sort; search(false); });
  search(false);
})();
