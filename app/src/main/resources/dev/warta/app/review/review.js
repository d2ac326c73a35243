// warta review: keeps the live part of the page (#live) current without reloading the page or losing the filters.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live) { return; }
  var version = live.getAttribute('data-version');
  var busy = false;
  function refresh() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch('/api/version', { cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v.trim() === version) { return null; }
        return fetch(location.href, { cache: 'no-store' }).then(function (r) { return r.text(); });
      })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (fresh) {
          live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes).map(function (n) {
            return document.importNode(n, true);
          }));
          version = fresh.getAttribute('data-version');
          live.setAttribute('data-version', version);
        }
      })
      .catch(function () { /* the server is restarting: try again on the next tick */ })
      .then(function () { busy = false; });
  }
  setInterval(refresh, 2000);
})();
