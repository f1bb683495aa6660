// 历史上的今天: the index (/today/) opens the page of the reader's own day, by the
// browser's local date, which a static page cannot know when it is built. Opened as
// /today/#calendar (the link back from a day page) it stays, with that day marked.
(function () {
  "use strict";
  var status = document.getElementById("today-status");
  if (!status) return;
  var now = new Date();
  var month = now.getMonth() + 1;
  var day = now.getDate();
  var key = (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day;
  var name = month + "月" + day + "日";
  var link = document.querySelector('a[data-day="' + key + '"]');
  if (link && location.hash !== "#calendar") {
    status.textContent = "正在打开今天（" + name + "）的页面……";
    // replace: the back button then returns to where the reader came from.
    location.replace(link.href);
  } else if (link) {
    link.setAttribute("aria-current", "date");
    status.textContent = "今天是" + name + "。";
  } else {
    status.textContent = "档案中没有往年" + name + "的文章；请在日历中选择其他日期。";
  }
})();
