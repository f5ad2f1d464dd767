/* mechgraph dashboard: the few things done in the browser.
 * Positions are read from the cytoscape instance so that an export holds exactly what is on
 * screen (dragged nodes included) without sending the elements back to the server. */
(function () {
  "use strict";

  function findCy(id) {
    var root = document.getElementById(id);
    if (!root) { return null; }
    if (root._cyreg && root._cyreg.cy) { return root._cyreg.cy; }
    var divs = root.querySelectorAll("div");
    for (var i = 0; i < divs.length; i++) {
      if (divs[i]._cyreg && divs[i]._cyreg.cy) { return divs[i]._cyreg.cy; }
    }
    return null;
  }

  function noUpdate() {
    return window.dash_clientside ? window.dash_clientside.no_update : null;
  }

  /* dcc.Tabs and dcc.Clipboard render clickable divs: make them reachable and usable with the
   * keyboard (Tab to reach, Enter or Space to press), and tell assistive technology what they are. */
  var KEYBOARD_TARGETS = [
    [".main-tab, .panel-tab", "tab"],
    [".clipboard", "button"]
  ];

  function enhanceKeyboard() {
    KEYBOARD_TARGETS.forEach(function (pair) {
      document.querySelectorAll(pair[0]).forEach(function (element) {
        if (pair[1] === "tab") {
          /* One Tab stop per tab list (the chosen tab); the arrow keys move between its tabs. */
          var chosen = /--selected/.test(element.className);
          element.setAttribute("aria-selected", String(chosen));
          element.tabIndex = chosen ? 0 : -1;
        }
        if (element.dataset.mgKeyboard) { return; }
        element.dataset.mgKeyboard = "1";
        element.setAttribute("role", pair[1]);
        if (pair[1] !== "tab") { element.tabIndex = 0; }
        if (pair[1] === "button" && !element.getAttribute("aria-label")) {
          element.setAttribute("aria-label", element.getAttribute("title") || "Copy");
        }
        element.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            element.click();
          } else if (pair[1] === "tab" && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
            var tabs = Array.prototype.slice.call(element.parentNode.querySelectorAll(pair[0]));
            var next = tabs[(tabs.indexOf(element) + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
            event.preventDefault();
            next.click();
            next.focus();
          }
        });
      });
    });
    document.querySelectorAll(".main-tabs, .panel-tabs").forEach(function (list) {
      list.setAttribute("role", "tablist");
    });
  }

  /* The page's notices: the dismiss button hides them until a new notice arrives. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".notices-dismiss");
    if (button && button.parentNode) { button.parentNode.dataset.dismissed = "1"; }
  });
  var noticesSeen = "";
  function watchNotices() {
    var box = document.querySelector(".page-notices");
    if (!box) { return; }
    var text = Array.prototype.map.call(box.querySelectorAll(".notice"), function (n) { return n.textContent; }).join("\n");
    if (text !== noticesSeen) {
      noticesSeen = text;
      delete box.dataset.dismissed;
      window.clearTimeout(noticesTimer);
      if (text && !box.querySelector(".notice.error")) {
        noticesTimer = window.setTimeout(function () { if (noticesSeen === text) { box.dataset.dismissed = "1"; } }, 8000);
      }
    }
  }
  var noticesTimer = 0;

  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; enhanceKeyboard(); watchNotices(); });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });

  window.mechgraph = {
    cy: findCy,

    /* {format, positions: {id: [x, y]}, clicks, at}: the request of one export. */
    collectPositions: function (id, clicks, format) {
      var cy = findCy(id);
      if (!cy) { return noUpdate(); }
      var positions = {};
      /* A large view drawn with WebGL: its nodes stay where the server put them (sent as none). */
      if (window.mechgraphWebGL && window.mechgraphWebGL.active()) { return { format: format, positions: positions, clicks: clicks, at: Date.now() }; }
      cy.nodes().forEach(function (node) {
        var p = node.position();
        positions[node.id()] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
      });
      return { format: format, positions: positions, clicks: clicks, at: Date.now() };
    },

    /* An upload goes to the server only when it is small enough; else the reason is shown at once. */
    checkUpload: function (contents, filename, limit) {
      var noUpdateValue = noUpdate();
      if (!contents) { return [noUpdateValue, noUpdateValue]; }
      var size = contents.length - contents.indexOf(",") - 1;
      if (limit && size > limit) {
        var megabytes = function (base64) { return (base64 * 3 / 4 / 1048576).toFixed(1); };
        var message = (filename || "The file") + " is " + megabytes(size) + " MB: the upload limit is " +
          megabytes(limit) + " MB. Serve it with `mechgraph serve FILE` instead, or raise --max-upload-mb.";
        var notice = { type: "Div", namespace: "dash_html_components",
                       props: { className: "notice error", id: "upload-error", children: message } };
        return [noUpdateValue, [notice]];
      }
      return [{ contents: contents, filename: filename || "upload", at: Date.now() }, noUpdateValue];
    },

    fit: function (id) {
      if (window.mechgraphWebGL && window.mechgraphWebGL.active()) { window.mechgraphWebGL.fit(); return noUpdate(); }
      var cy = findCy(id);
      if (cy) { cy.fit(undefined, 40); }
      return noUpdate();
    },

    /* Scroll the draft's source text to the highlighted sentence. */
    showSentence: function () {
      window.requestAnimationFrame(function () {
        var mark = document.querySelector(".draft-source mark");
        if (mark) { mark.scrollIntoView({ block: "center", behavior: "smooth" }); }
      });
      return noUpdate();
    }
  };
}());
