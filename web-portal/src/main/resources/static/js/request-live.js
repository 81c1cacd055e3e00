// A request's page kept live (CSP: a static file; the page works without it, a reload shows the same).
// The portal relays request-service's events: "status" carries the new entry in the page's language; "changed"
// (a comment, an assignment, ...) makes us reload the page's live parts (the timeline, the outcome rows)
// from the portal; "closed" ends listening. A final status ("ended") removes what the page offers only while the
// request is open (data-while-open: withdraw) and reloads the live parts (its outcome or reason), as a reload would
// show the page.
document.addEventListener('DOMContentLoaded', function () {
  var timeline = document.getElementById('timeline');
  var status = document.getElementById('status');
  if (!timeline || !window.EventSource) {
    return;
  }
  var url = timeline.getAttribute('data-events');
  var last = timeline.getAttribute('data-last');
  var source = new EventSource(url + (last && last !== '0' ? '?after=' + encodeURIComponent(last) : ''));

  function has(sequence) {
    return timeline.querySelector('li[data-sequence="' + sequence + '"]') !== null;
  }

  source.addEventListener('status', function (event) {
    var entry = JSON.parse(event.data);
    if (status && entry.statusLabel) {
      status.textContent = entry.statusLabel;
    }
    if (entry.ended) {
      document.querySelectorAll('[data-while-open]').forEach(function (action) {
        action.remove();
      });
      // The outcome, a rejection's or failure's reason come with the final status: show them as a reload would.
      refresh();
    }
    if (has(entry.sequence)) {
      return;
    }
    var item = document.createElement('li');
    item.setAttribute('data-sequence', String(entry.sequence));
    var time = document.createElement('time');
    if (entry.at) {
      time.setAttribute('datetime', entry.at);
    }
    time.textContent = entry.atText || '';
    var text = document.createElement('span');
    text.textContent = ' ' + entry.text + (entry.actorText ? ' ' + entry.actorText : '');
    item.appendChild(time);
    item.appendChild(text);
    timeline.appendChild(item);
  });

  // The page's live parts (the timeline, the outcome rows) as the portal renders them now.
  function refresh() {
    fetch(timeline.getAttribute('data-refresh'), {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        ['timeline', 'outcome'].forEach(function (id) {
          var now = document.getElementById(id);
          var part = fresh.getElementById(id);
          if (now && part) {
            now.replaceChildren.apply(now, Array.prototype.slice.call(part.childNodes));
          }
        });
      });
  }

  source.addEventListener('changed', refresh);

  source.addEventListener('closed', function () {
    source.close();
  });
});
