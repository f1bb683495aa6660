/* An article page's citations, completed in the reader's browser.

   The access date of a citation is the day the reader reads the page, which a page
   built once and served for years cannot know: this script writes it into the GB/T
   7714 reference ([引用日期] until then), and into the BibTeX (urldate), RIS (Y2) and
   CSL-JSON (accessed) files it offers for download. The files are made here from the
   records shown on the page, so the site writes no file per article for them. */
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** Today in the reader's time zone: [year, month, day]. */
  function today() {
    var now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  }

  /** A record as shown on the page, with the access date added in its format's way. */
  function withAccessDate(kind, text, day) {
    var iso = day[0] + "-" + pad(day[1]) + "-" + pad(day[2]);
    if (kind === "cite-bibtex") {
      return text.replace(/\n\}\s*$/, ",\n  urldate = {" + iso + "}\n}\n");
    }
    if (kind === "cite-ris") {
      // RIS lines end in CR LF; Y2 is the access date, in RIS's YYYY/MM/DD/ form.
      var y2 = "Y2  - " + day[0] + "/" + pad(day[1]) + "/" + pad(day[2]) + "/\n";
      return text.replace(/^ER {2}- ?$/m, y2 + "ER  - ").replace(/\r?\n/g, "\r\n");
    }
    if (kind === "cite-csl") {
      var items = JSON.parse(text);
      items.forEach(function (item) {
        item.accessed = { "date-parts": [day] };
      });
      return JSON.stringify(items, null, 2) + "\n";
    }
    return text;
  }

  function download(button) {
    var record = document.getElementById(button.getAttribute("data-cite"));
    if (!record) return;
    var text = withAccessDate(record.id, record.textContent, today());
    var blob = new Blob([text], { type: record.getAttribute("data-type") + ";charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = record.getAttribute("data-file");
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function start() {
    var day = today();
    var iso = day[0] + "-" + pad(day[1]) + "-" + pad(day[2]);
    document.querySelectorAll(".cite-accessed").forEach(function (el) {
      el.textContent = iso;
    });
    document.querySelectorAll("[data-cite]").forEach(function (button) {
      button.addEventListener("click", function () { download(button); });
    });
    // The buttons work only with this script, so they are shown only by it.
    document.querySelectorAll(".cite-downloads").forEach(function (el) {
      el.hidden = false;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
