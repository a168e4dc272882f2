/* A browse page with many groups (regions, publishers): a box that narrows the list as you type, also
   offline. A group shows when its name or a name below it contains the text; folded children that match
   are opened. Without JavaScript the box stays hidden and every group is a link, folded under its parent. */
(function () {
  "use strict";
  var box = document.querySelector(".group-filter"), input = document.getElementById("group-filter");
  var status = document.getElementById("group-filter-status"), tree = document.querySelector("main > .groups");
  if (!box || !input || !tree) return;
  box.hidden = false;
  var items = Array.prototype.slice.call(tree.querySelectorAll("li"));
  function nameOf(li) { return li.querySelector("a").textContent.toLowerCase(); }
  function filter() {
    var text = input.value.trim().toLowerCase(), shown = 0;
    // Deepest first, so a parent knows whether any child matched.
    for (var i = items.length - 1; i >= 0; i--) {
      var li = items[i], own = !text || nameOf(li).indexOf(text) >= 0;
      var below = li.querySelectorAll("li[data-match]").length > 0;
      li.hidden = !(own || below);
      if (own || below) li.setAttribute("data-match", ""); else li.removeAttribute("data-match");
      var fold = li.querySelector(":scope > details");
      if (fold) fold.open = !!text && below;
      if (text && own) shown++;
    }
    items.forEach(function (li) { if (!li.hidden) li.removeAttribute("data-match"); });
    status.textContent = text ? (shown ? shown + " 个名称包含“" + input.value.trim() + "”" : "没有名称包含“" + input.value.trim() + "”") : "";
  }
  input.addEventListener("input", filter);
})();
