/* Mille Lieux — what JavaScript adds to the figures drawn on the server (maps, timelines, stakeholder maps).
   Every figure is complete without it: this only adds
   - a tooltip on the labelled parts of a figure (the places of a map, say), shown on hover and on keyboard
     focus, where browsers show an SVG <title> only to the mouse, late;
   - an "Enlarge" button that opens the figure in a dialog filling the screen, with zoom (buttons, wheel,
     + and - keys) and panning (drag, arrow keys). Esc closes it and gives the focus back to the button.
   The labels come from data attributes of <html> (translated by the templates). */
(function () {
  "use strict";

  var root = document.documentElement;
  var label = function (name, fallback) { return root.getAttribute("data-label-" + name) || fallback; };
  var FIGURES = "figure.location-map, figure.places-map, figure.chart";

  /* ---- Tooltips ---- */
  var tip = null;

  function showTip(target) {
    var text = target.getAttribute("data-tip");
    if (!text) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "figure-tip";
      tip.setAttribute("role", "tooltip");
      tip.id = "figure-tip";
      document.body.appendChild(tip);
    }
    tip.textContent = text;
    tip.hidden = false;
    var box = target.getBoundingClientRect();
    var left = Math.min(window.innerWidth - tip.offsetWidth - 8, Math.max(8, box.left + box.width / 2 - tip.offsetWidth / 2));
    var top = box.top - tip.offsetHeight - 8;
    if (top < 8) top = box.bottom + 8;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
    target.setAttribute("aria-describedby", "figure-tip");
  }

  function hideTip(target) {
    if (tip) tip.hidden = true;
    if (target && target.removeAttribute) target.removeAttribute("aria-describedby");
  }

  function prepareTips(scope) {
    // A labelled part: a link or a group carrying its own <title> (not the figure's title itself).
    scope.querySelectorAll("svg a > title, svg g > title").forEach(function (title) {
      var part = title.parentNode;
      var text = title.textContent.trim();
      if (!text) return;
      part.setAttribute("data-tip", text);
      // A link keeps its name; a group's title was only for the mouse (the figure is one image to screen
      // readers, its text version is the list beside it).
      if (part.tagName.toLowerCase() === "a" && !part.hasAttribute("aria-label")) part.setAttribute("aria-label", text);
      title.remove(); // the tooltip replaces the browser's, which would show the same text again
      part.addEventListener("mouseenter", function () { showTip(part); });
      part.addEventListener("mouseleave", function () { hideTip(part); });
      part.addEventListener("focus", function () { showTip(part); });
      part.addEventListener("blur", function () { hideTip(part); });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip && !tip.hidden) hideTip(document.activeElement);
  });

  /* ---- Enlarging a figure ---- */
  function cloneForDialog(svg) {
    var copy = svg.cloneNode(true);
    // Ids must stay unique in the page: the copy is named by a label instead.
    var name = svg.querySelector("title");
    copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    copy.removeAttribute("aria-labelledby");
    copy.setAttribute("aria-label", name ? name.textContent.trim() : label("figure", "Figure"));
    copy.removeAttribute("width");
    copy.removeAttribute("height");
    copy.classList.add("figure-zoom__svg");
    copy.style.display = "block";
    return copy;
  }

  function openZoom(figure, svg, opener) {
    var dialog = document.createElement("dialog");
    dialog.className = "figure-zoom";
    dialog.setAttribute("aria-label", label("zoom-title", "Figure agrandie"));
    var bar = document.createElement("div");
    bar.className = "figure-zoom__bar";
    var stage = document.createElement("div");
    stage.className = "figure-zoom__stage";
    stage.tabIndex = 0;
    stage.setAttribute("role", "region");
    stage.setAttribute("aria-label", label("zoom-help", "Figure : flèches pour déplacer, + et - pour zoomer"));
    var copy = cloneForDialog(svg);
    stage.appendChild(copy);
    prepareTips(stage);

    var scale = 1, x = 0, y = 0;
    function apply() {
      copy.style.transform = "translate(" + x + "px, " + y + "px) scale(" + scale + ")";
      level.textContent = Math.round(scale * 100) + " %";
    }
    function zoom(factor) {
      scale = Math.min(8, Math.max(1, scale * factor));
      if (scale === 1) { x = 0; y = 0; }
      apply();
    }
    function button(text, name, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "figure-zoom__button";
      b.textContent = text;
      if (name) b.setAttribute("aria-label", name);
      b.addEventListener("click", action);
      bar.appendChild(b);
      return b;
    }
    button("+", label("zoom-in", "Zoomer"), function () { zoom(1.5); });
    button("−", label("zoom-out", "Dézoomer"), function () { zoom(1 / 1.5); });
    var level = document.createElement("span");
    level.className = "figure-zoom__level";
    level.setAttribute("aria-live", "polite");
    bar.appendChild(level);
    var close = button(label("close", "Fermer"), null, function () { dialog.close(); });
    close.classList.add("figure-zoom__close");

    stage.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2);
    }, { passive: false });
    stage.addEventListener("keydown", function (event) {
      var step = 40;
      var moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (event.key === "+" || event.key === "=") { zoom(1.5); event.preventDefault(); }
      else if (event.key === "-") { zoom(1 / 1.5); event.preventDefault(); }
      else if (moves[event.key] && scale > 1) {
        x += moves[event.key][0]; y += moves[event.key][1]; apply(); event.preventDefault();
      }
    });
    var drag = null;
    stage.addEventListener("pointerdown", function (event) {
      if (scale === 1 || event.target.closest("a")) return;
      drag = { x: event.clientX - x, y: event.clientY - y };
      stage.setPointerCapture(event.pointerId);
    });
    stage.addEventListener("pointermove", function (event) {
      if (!drag) return;
      x = event.clientX - drag.x; y = event.clientY - drag.y; apply();
    });
    stage.addEventListener("pointerup", function () { drag = null; });

    dialog.appendChild(bar);
    dialog.appendChild(stage);
    dialog.addEventListener("close", function () {
      hideTip(null);
      dialog.remove();
      opener.focus();
    });
    document.body.appendChild(dialog);
    apply();
    dialog.showModal();
    stage.focus();
  }

  function prepareZoom(figure) {
    // The figure on show: the wide or the narrow drawing, whichever the screen displays.
    var drawings = Array.prototype.slice.call(figure.querySelectorAll("svg"));
    if (!drawings.length || typeof HTMLDialogElement !== "function") return;
    var opener = document.createElement("button");
    opener.type = "button";
    opener.className = "figure-enlarge print-hidden";
    opener.textContent = label("enlarge", "Agrandir la figure");
    opener.addEventListener("click", function () {
      var shown = drawings.filter(function (svg) { return svg.getBoundingClientRect().width > 0; })[0] || drawings[0];
      openZoom(figure, shown, opener);
    });
    // A <figcaption> must stay the first or last child of its figure.
    var caption = figure.querySelector(":scope > figcaption");
    if (caption && caption === figure.lastElementChild) figure.insertBefore(opener, caption);
    else figure.appendChild(opener);
  }

  function start() {
    document.querySelectorAll(FIGURES).forEach(function (figure) {
      prepareTips(figure);
      prepareZoom(figure);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
