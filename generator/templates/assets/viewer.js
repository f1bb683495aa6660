// Zoom and pan for the scan of a printed page on the page view (templates/page-scan.html).
//
// The page ships the plain image, fitted to the width, and a link to the file: that is
// what a reader without scripts gets. This file shows the 放大 / 缩小 / 适合宽度 buttons
// and makes the image larger or smaller inside its frame, which scrolls: a mouse drags
// the image, a finger or a wheel scrolls it, and the frame, which takes the focus, moves
// with the arrow keys and zooms with + - 0. Zooming keeps the point at the middle of the
// frame in place. Nothing is fetched but the image itself.
(function () {
  "use strict";

  const STEP = 1.5;  // one press of 放大 or 缩小
  const MIN_OF_FIT = 0.25;  // zoomed out to a quarter of the frame's width at most
  const MAX_OF_NATURAL = 4;  // zoomed in to four times the scan's own pixels at most

  function setup(viewer) {
    const frame = viewer.querySelector(".scan-frame");
    const img = frame && frame.querySelector("img");
    const tools = viewer.querySelector(".scan-tools");
    if (!img || !tools) return;
    const level = viewer.querySelector(".scan-level");
    const help = viewer.querySelector(".scan-help");
    let width = null;  // the image's width in CSS pixels; null: fitted to the frame

    // The scan's own width: known from its header (the width attribute) before it loads.
    function naturalWidth() {
      return img.naturalWidth || Number(img.getAttribute("width")) || fitWidth();
    }

    function fitWidth() {
      return frame.clientWidth || 1;
    }

    function shownWidth() {
      return width === null ? fitWidth() : width;
    }

    function limits() {
      const fit = fitWidth();
      return [fit * MIN_OF_FIT, Math.max(naturalWidth() * MAX_OF_NATURAL, fit * 2)];
    }

    function describe() {
      if (!level) return;
      const percent = Math.round(shownWidth() / naturalWidth() * 100);
      level.textContent = (width === null ? "适合宽度，" : "") + "原图的 " + percent + "%";
    }

    // Set the image's width, keeping the point under (x, y) of the frame where it is.
    function show(next, x, y) {
      const before = img.getBoundingClientRect();
      const [low, high] = limits();
      next = Math.min(Math.max(next, low), high);
      const px = before.width ? (frame.scrollLeft + x) / before.width : 0;
      const py = before.height ? (frame.scrollTop + y) / before.height : 0;
      width = next;
      img.style.width = next + "px";
      const after = img.getBoundingClientRect();
      frame.scrollLeft = px * after.width - x;
      frame.scrollTop = py * after.height - y;
      frame.classList.toggle("is-zoomed", next > fitWidth() + 1);
      describe();
    }

    function zoom(factor) {
      show(shownWidth() * factor, frame.clientWidth / 2, frame.clientHeight / 2);
    }

    function fit() {
      width = null;
      img.style.width = "";
      frame.scrollLeft = 0;
      frame.scrollTop = 0;
      frame.classList.remove("is-zoomed");
      describe();
    }

    tools.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-zoom]");
      if (!button) return;
      const action = button.getAttribute("data-zoom");
      if (action === "in") zoom(STEP);
      else if (action === "out") zoom(1 / STEP);
      else fit();
    });

    // Keys on the focused frame; the arrow keys scroll it as they scroll any scroller.
    frame.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;  // the browser's own zoom
      if (event.key === "+" || event.key === "=") zoom(STEP);
      else if (event.key === "-" || event.key === "_") zoom(1 / STEP);
      else if (event.key === "0") fit();
      else return;
      event.preventDefault();
    });

    // A mouse drags the image; touch and pen scroll the frame as the browser does.
    let drag = null;
    frame.addEventListener("pointerdown", (event) => {
      if (event.pointerType !== "mouse" || event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop };
      frame.setPointerCapture(event.pointerId);
      frame.classList.add("is-dragging");
      event.preventDefault();  // no text selection, no dragging the image out
      frame.focus({ preventScroll: true });
    });
    frame.addEventListener("pointermove", (event) => {
      if (!drag) return;
      frame.scrollLeft = drag.left - (event.clientX - drag.x);
      frame.scrollTop = drag.top - (event.clientY - drag.y);
    });
    function release() {
      drag = null;
      frame.classList.remove("is-dragging");
    }
    frame.addEventListener("pointerup", release);
    frame.addEventListener("pointercancel", release);
    img.draggable = false;

    // A zoomed image keeps its size when the window changes; a fitted one follows it.
    window.addEventListener("resize", () => {
      if (width !== null) show(width, frame.clientWidth / 2, frame.clientHeight / 2);
      else describe();
    });
    img.addEventListener("load", describe);

    tools.hidden = false;
    if (help) help.hidden = false;
    describe();
  }

  document.querySelectorAll("[data-scan-viewer]").forEach(setup);
})();
