// Scipion-J pages: draws each page from the JSON API and refreshes it while the project runs. No libraries.
(function () {
  'use strict';
  var body = document.body, main = document.getElementById('main');
  var page = body.dataset.page, project = body.dataset.project, run = body.dataset.run;
  var POLL_MS = 1500;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function enc(s) { return encodeURIComponent(s); }
  function status(s) { return '<span class="status s-' + esc(s) + '">' + esc(s) + '</span>'; }
  function getJson(url) {
    return fetch(url, {cache: 'no-store'}).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) { throw new Error(j.error || r.status); } return j; });
    });
  }
  function polled() {
    body.dataset.polls = String(Number(body.dataset.polls || 0) + 1);
    document.getElementById('live').textContent = 'updated ' + new Date().toLocaleTimeString();
  }
  function fail(e) { document.getElementById('live').innerHTML = '<span class="error">' + esc(e.message) + '</span>'; }
  function token() { return sessionStorage.getItem('scipion.token') || ''; }
  // NB: built once, outside the part redrawn at each poll, so typing the token or parameters is not lost
  function ensureAdmin(extra) {
    if (document.getElementById('adminPanel')) { return false; }
    var d = document.createElement('div');
    d.id = 'adminPanel';
    d.className = 'admin';
    d.innerHTML = (extra || '') + '<p>Admin token (from USER_DATA/runtime/admin.token): <input id="token" type="password" value="'
      + esc(token()) + '"> <span id="adminResult"></span></p>';
    main.parentNode.insertBefore(d, main.nextSibling);
    var t = document.getElementById('token');
    t.onchange = function () { sessionStorage.setItem('scipion.token', t.value.trim()); };
    return true;
  }
  function admin(runId, action, payload) {
    var out = document.getElementById('adminResult');
    fetch('/api/projects/' + enc(project) + '/runs/' + runId + '/' + action, {
      method: 'POST', headers: {'Authorization': 'Bearer ' + token(), 'Content-Type': 'application/json'},
      body: payload ? JSON.stringify(payload) : ''
    }).then(function (r) { return r.json(); }).then(function (j) {
      out.innerHTML = j.error ? '<span class="error">' + esc(j.error) + '</span>'
        : esc(action + ' run ' + runId + ': ok' + (j.copy ? ' (new run ' + j.copy + ')' : ''));
    });
  }
  window.scipionAdmin = admin;

  function loop(fn) {
    var again = function () {
      fn().then(function (more) { polled(); if (more !== false) { setTimeout(again, POLL_MS); } })
        .catch(function (e) { fail(e); setTimeout(again, POLL_MS * 2); });
    };
    again();
  }

  // -- projects --
  function projects() {
    return getJson('/api/projects').then(function (list) {
      var rows = list.map(function (p) {
        var st = Object.keys(p.statuses || {}).map(function (k) { return status(k) + ' ' + p.statuses[k]; }).join(' ');
        return '<tr><td><a href="' + esc(p.url) + '">' + esc(p.name) + '</a></td><td class="num">' + esc(p.runs)
          + '</td><td>' + st + '</td><td>' + (p.processing ? 'processing' : '') + esc(p.error || '') + '</td></tr>';
      });
      main.innerHTML = '<h2>Projects</h2><table id="projects"><tr><th>project</th><th>runs</th><th>statuses</th><th></th></tr>'
        + rows.join('') + '</table>' + (list.length ? '' : '<p>No projects yet: <code>scipion create-project</code>.</p>')
        + '<p><a id="new-from-template" href="/templates">New session from a workflow template</a></p>';
    });
  }

  // -- project: graph + runs table --
  function inputRuns(r) {
    var ids = [];
    Object.keys(r.inputs || {}).forEach(function (k) {
      String(r.inputs[k]).split(/[,\s]+/).forEach(function (v) {
        var m = /^(\d+)\./.exec(v);
        if (m) { ids.push(Number(m[1])); }
      });
    });
    return ids;
  }
  function graph(runs) {
    var byId = {}, depth = {}, W = 190, H = 46, GX = 60, GY = 18;
    runs.forEach(function (r) { byId[r.id] = r; });
    function d(r, seen) {
      if (depth[r.id] != null) { return depth[r.id]; }
      if (seen[r.id]) { return 0; }
      seen[r.id] = true;
      var x = 0;
      inputRuns(r).forEach(function (i) { if (byId[i]) { x = Math.max(x, d(byId[i], seen) + 1); } });
      return (depth[r.id] = x);
    }
    var cols = [];
    runs.forEach(function (r) { var x = d(r, {}); (cols[x] = cols[x] || []).push(r); });
    var pos = {}, maxRows = 0;
    cols.forEach(function (c, x) { maxRows = Math.max(maxRows, c.length); c.forEach(function (r, y) {
      pos[r.id] = {x: 10 + x * (W + GX), y: 10 + y * (H + GY)}; }); });
    var colors = {new: '#999', scheduled: '#6a7fa0', waiting: '#c9a227', running: '#2e7dd7', finished: '#2f9e44',
      failed: '#d6336c', aborted: '#e8590c'};
    var s = '<svg id="graph" width="' + (20 + cols.length * (W + GX)) + '" height="' + (20 + maxRows * (H + GY))
      + '"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto">'
      + '<path d="M0,0L10,5L0,10z" fill="#789"/></marker></defs>';
    runs.forEach(function (r) {
      inputRuns(r).forEach(function (i) {
        if (pos[i]) {
          var a = pos[i], b = pos[r.id];
          s += '<path class="edge" d="M' + (a.x + W) + ',' + (a.y + H / 2) + ' C' + (a.x + W + GX / 2) + ',' + (a.y + H / 2)
            + ' ' + (b.x - GX / 2) + ',' + (b.y + H / 2) + ' ' + b.x + ',' + (b.y + H / 2) + '"/>';
        }
      });
    });
    runs.forEach(function (r) {
      var p = pos[r.id];
      s += '<a href="' + esc(r.url) + '"><g class="node" id="node-' + r.id + '"><rect x="' + p.x + '" y="' + p.y + '" width="' + W
        + '" height="' + H + '" fill="' + (colors[r.status] || '#666') + '"/><text x="' + (p.x + 8) + '" y="' + (p.y + 18) + '">'
        + esc(r.id + ' ' + (r.label || r.className)).slice(0, 28) + '</text><text x="' + (p.x + 8) + '" y="' + (p.y + 36) + '">'
        + esc(r.status + ' · ' + r.done + ' done' + (r.failed ? ' · ' + r.failed + ' failed' : '')) + '</text></g></a>';
    });
    return s + '</svg>';
  }
  function projectPage() {
    return getJson('/api/projects/' + enc(project)).then(function (p) {
      var rows = p.runs.map(function (r) {
        var outs = r.outputs.map(function (o) {
          return '<a href="' + esc(o.items) + '">' + esc(o.name) + '</a> ' + esc(o.size) + ' (' + esc(o.state) + ')';
        }).join('<br>');
        return '<tr data-run="' + r.id + '"><td class="num">' + r.id + '</td><td><a href="' + esc(r.url) + '">'
          + esc(r.label || r.className) + '</a></td><td>' + esc(r.className) + '</td><td>' + status(r.status)
          + '</td><td class="num done">' + r.done + '</td><td class="num">' + r.failed + '</td><td>' + outs
          + '</td><td><button onclick="scipionAdmin(' + r.id + ',\'stop\')">stop</button>'
          + '<button onclick="scipionAdmin(' + r.id + ',\'continue\')">continue</button>'
          + '<button onclick="scipionAdmin(' + r.id + ',\'close-stream\')">close stream</button></td></tr>';
      });
      main.innerHTML = '<h2>' + esc(p.name) + (p.processing ? ' <span class="muted">processing</span>' : '') + '</h2>'
        + (p.report ? '<p><a id="report" href="' + esc(p.report) + '">Report</a></p>' : '')
        + graph(p.runs)
        + '<table id="runs"><tr><th>id</th><th>run</th><th>protocol</th><th>status</th><th>done</th><th>failed</th>'
        + '<th>outputs</th><th>admin</th></tr>' + rows.join('') + '</table>';
      ensureAdmin();
      return p.processing || p.runs.some(function (r) { return ['scheduled', 'waiting', 'running'].indexOf(r.status) >= 0; });
    });
  }

  // -- one run --
  function runPage() {
    var base = '/api/projects/' + enc(project) + '/runs/' + enc(run);
    return Promise.all([getJson(base), fetch(base + '/log?tail=65536', {cache: 'no-store'}).then(function (r) { return r.text(); })])
      .then(function (both) {
        var r = both[0], log = both[1];
        var params = Object.keys(r.params || {}).map(function (k) {
          return '<tr><td>' + esc(k) + '</td><td>' + esc(JSON.stringify(r.params[k])) + '</td></tr>'; }).join('');
        var outs = r.outputs.map(function (o) {
          return '<tr><td><a href="' + esc(o.items) + '">' + esc(o.set) + '</a></td><td>' + esc(o.itemType) + '</td><td class="num">'
            + esc(o.size) + '</td><td>' + esc(o.state) + '</td></tr>'; }).join('');
        var fails = r.failures.map(function (f) { return '<tr><td>' + esc(f.item) + '</td><td>' + esc(f.reason) + '</td></tr>'; }).join('');
        var logBox = document.getElementById('log');
        var atEnd = !logBox || logBox.scrollTop + logBox.clientHeight >= logBox.scrollHeight - 4;
        main.innerHTML = '<h2>Run ' + esc(r.id) + ' ' + esc(r.label) + ' ' + status(r.status) + '</h2>'
          + '<p>' + esc(r.className) + ' (' + esc(r.protocolId) + ', ' + esc(r.bundle) + ') · ' + r.done + ' done · '
          + r.failed + ' failed · folder ' + esc(r.folder) + (r.error ? ' · <span class="error">' + esc(r.error) + '</span>' : '') + '</p>'
          + '<h3>Parameters</h3><table id="params">' + params + '</table>'
          + '<h3>Outputs</h3><table id="outputs"><tr><th>set</th><th>type</th><th>size</th><th>state</th></tr>' + outs + '</table>'
          + '<h3>Failures</h3>' + (fails ? '<table id="failures"><tr><th>item</th><th>reason</th></tr>' + fails + '</table>' : '<p>none</p>')
          + '<h3>Log</h3><pre class="log" id="log">' + esc(log) + '</pre>';
        if (ensureAdmin('<h3>Admin</h3>'
            + '<button onclick="scipionAdmin(' + r.id + ',\'stop\')">stop</button>'
            + '<button onclick="scipionAdmin(' + r.id + ',\'continue\')">continue</button>'
            + '<button onclick="scipionAdmin(' + r.id + ',\'close-stream\')">close stream</button>'
            + '<button id="copyRun">copy and re-run with these parameters</button><br><textarea id="copyParams" rows="6" cols="70">'
            + esc(JSON.stringify(r.params || {}, null, 1)) + '</textarea>')) {
          document.getElementById('copyRun').onclick = function () {
            try { admin(r.id, 'copy', {params: JSON.parse(document.getElementById('copyParams').value)}); }
            catch (e) { document.getElementById('adminResult').innerHTML = '<span class="error">parameters: ' + esc(e.message) + '</span>'; }
          };
        }
        var lb = document.getElementById('log');
        if (atEnd) { lb.scrollTop = lb.scrollHeight; }
        return ['finished', 'failed', 'aborted'].indexOf(r.status) < 0;
      });
  }

  if (page === 'projects') { loop(projects); }
  else if (page === 'project') { loop(projectPage); }
  else if (page === 'run') { loop(runPage); }
})();
