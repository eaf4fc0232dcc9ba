// The style sheet and the script of the HTML report, written for this project and inlined into
// every page: no library, no network. The script only adds to a page that already reads without
// it (map, findings, tables), and builds every element it shows from the page's JSON data with
// DOM calls (textContent), never from HTML strings.

enum HTMLAssets {
  static let style = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --hit: #cf222e; font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); }
    body { margin: 0; line-height: 1.45; }
    header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 1rem; }
    h1 { font-size: 1.5rem; margin: 1rem 0 .5rem; }
    h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
    .toolbar { display: none; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0; }
    .js .toolbar { display: flex; }
    .toolbar fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .15rem .5rem; margin: 0; }
    .toolbar legend { font-size: .8rem; color: var(--muted); }
    .toolbar label { font-size: .85rem; margin-right: .5rem; white-space: nowrap; }
    .toolbar input[type=search] { font-size: .95rem; padding: .25rem .5rem; min-width: 14rem; }
    .toolbar button { font-size: .95rem; min-width: 2rem; }
    .status { font-size: .85rem; color: var(--muted); }
    .workspace { display: flex; gap: 1rem; align-items: stretch; }
    .map { flex: 1 1 auto; border: 1px solid var(--line); border-radius: 6px; overflow: auto; min-height: 20rem; background: #fff; }
    .js .map { height: 72vh; overflow: hidden; cursor: grab; }
    .map:focus { outline: 2px solid var(--accent); }
    .js .map svg { width: 100%; height: 100%; display: block; }
    .panel { flex: 0 0 22rem; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow: auto; max-height: 72vh; font-size: .9rem; display: none; }
    .js .panel { display: block; }
    .panel h3 { margin: 0 0 .5rem; font-size: 1rem; }
    .panel dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: 0 0 .75rem; }
    .panel dt { color: var(--muted); }
    .panel dd { margin: 0; font-variant-numeric: tabular-nums; }
    .panel ol, .panel ul { padding-left: 1.2rem; margin: .25rem 0 .75rem; }
    .panel .observation { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: .5rem; }
    svg.searching g.node:not(.hit), svg.searching g.edge:not(.hit) { opacity: .15; }
    g.node.hit ellipse, g.node.selected ellipse { stroke: var(--hit); stroke-width: 3px; }
    g.edge.selected path { stroke-width: 4px; }
    .findings li { margin: .25rem 0; }
    .js .findings li[data-actors] { cursor: pointer; }
    .findings li.active { background: #fff8c5; }
    .findings a.rows { font-size: .8rem; }
    tr.hit-row td { background: #fff8c5; }
    table { border-collapse: collapse; margin: .5rem 0 .25rem; font-size: .85rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .2rem .6rem; text-align: left; vertical-align: top; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    .js th { cursor: pointer; user-select: none; }
    th[aria-sort=ascending]::after { content: " ▲"; }
    th[aria-sort=descending]::after { content: " ▼"; }
    .notes { font-size: .8rem; color: var(--muted); margin: 0 0 1rem; }
    section.table, section.chart { overflow-x: auto; }
    figure { margin: .5rem 0 1rem; }
    figcaption { font-size: .85rem; color: var(--muted); margin-bottom: .25rem; }
    .map-legend { margin: .5rem 0 0; overflow-x: auto; }
    .map-legend svg { max-width: 100%; height: auto; }
    .stepper { display: none; gap: .5rem; align-items: center; margin: .25rem 0 .5rem; font-size: .9rem; }
    .js .stepper { display: flex; }
    .stepper input[type=range] { width: 18rem; }
    .js .multiples.stepping .grid { display: block; }
    .js .multiples.stepping figure { display: none; }
    .js .multiples.stepping figure.current { display: block; }
    .js .multiples.stepping figure.current svg { max-height: 70vh; }
    .multiples .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1rem; }
    .multiples svg { width: 100%; height: auto; max-height: 360px; border: 1px solid var(--line); border-radius: 6px; }
    .chart text { font-size: 12px; fill: var(--ink); }
    .chart rect { fill: #4c78a8; }
    footer { font-size: .8rem; color: var(--muted); border-top: 1px solid var(--line); margin-top: 2rem; padding: .75rem 1rem 2rem; }
    """

  static let script = #"""
    (function () {
      'use strict';
      document.documentElement.classList.add('js');
      var data = JSON.parse(document.getElementById('coalition-data').textContent);
      var map = document.getElementById('map');
      var svg = map ? map.querySelector('svg') : null;
      var panel = document.getElementById('panel');
      var status = document.getElementById('status');
      var tieByElement = {}, actorByElement = {}, actorById = {};
      data.ties.forEach(function (t) { tieByElement[t.element] = t; });
      data.actors.forEach(function (a) { actorByElement[a.element] = a; actorById[a.id] = a; });

      function element(tag, text, className) {
        var e = document.createElement(tag);
        if (text !== undefined && text !== null) e.textContent = String(text);
        if (className) e.className = className;
        return e;
      }
      function definitions(pairs) {
        var dl = element('dl');
        pairs.forEach(function (p) { if (p[1] === undefined || p[1] === null || p[1] === '') return; dl.appendChild(element('dt', p[0])); dl.appendChild(element('dd', p[1])); });
        return dl;
      }
      function safeLink(url, text) {
        if (!/^(https?:\/\/|mailto:)/i.test(url)) return element('span', text);  // SafeLink's schemes
        var a = element('a', text); a.href = url; a.rel = 'noopener noreferrer'; return a;
      }
      function figure(x) { return typeof x === 'number' ? (Math.abs(x) >= 1e-4 || x === 0 ? +x.toPrecision(6) : x.toExponential(3)) : x; }

      // The side panel: an actor's measures and partners, or every observation behind a tie.
      function clearSelection() { if (svg) svg.querySelectorAll('.selected').forEach(function (e) { e.classList.remove('selected'); }); }
      function showActor(a) {
        clearSelection();
        var g = document.getElementById(a.element); if (g) g.classList.add('selected');
        panel.textContent = '';
        panel.appendChild(element('h3', a.name + ' (' + a.id + ')'));
        var pairs = [['type', a.type], ['blocs', a.blocs.join('; ') || 'none']];
        data.measures.forEach(function (m) { pairs.push([m, figure(a.measures[m])]); });
        panel.appendChild(definitions(pairs));
        var mine = data.ties.filter(function (t) { return t.source === a.id || t.target === a.id; });
        panel.appendChild(element('h3', 'Partners (' + mine.length + ' ties)'));
        var list = element('ul');
        mine.forEach(function (t) {
          var other = t.source === a.id ? t.target : t.source;
          var arrow = !t.directed ? ' – ' : t.source === a.id ? ' → ' : ' ← ';
          var item = element('li'); var link = element('a', a.id + arrow + other + ': ' + t.kindLabel + ' (' + t.confidence + ')');
          link.href = '#'; link.addEventListener('click', function (e) { e.preventDefault(); showTie(t); });
          item.appendChild(link); list.appendChild(item);
        });
        panel.appendChild(list);
      }
      function showTie(t) {
        clearSelection();
        var g = document.getElementById(t.element); if (g) g.classList.add('selected');
        panel.textContent = '';
        panel.appendChild(element('h3', t.source + (t.directed ? ' → ' : ' – ') + t.target + ': ' + t.kindLabel));
        panel.appendChild(definitions([['polarity', t.polarity], ['confidence', t.confidence], ['weight', figure(t.weight)], ['observations', t.observations.length]]));
        t.observations.forEach(function (o) {
          var box = element('div', null, 'observation');
          box.appendChild(definitions([['date', o.date], ['kind', o.kind], ['confidence', o.confidence], ['basis', o.basis], ['detail', o.detail], ['id', o.id]]));
          if (o.evidence.length) {
            var list = element('ul');
            o.evidence.forEach(function (e) {
              var item = element('li');
              if (e.note) item.appendChild(element('span', e.note + ' '));
              item.appendChild(e.url ? safeLink(e.url, '(' + e.source + ')') : element('span', '(' + e.source + ')'));
              if (e.via.length) item.appendChild(element('span', ' via ' + e.via.join('; ')));
              list.appendChild(item);
            });
            box.appendChild(list);
          }
          panel.appendChild(box);
        });
      }

      // Filters: one checkbox per kind, polarity and confidence present.
      var filters = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
      function applyFilters() {
        var on = { kind: {}, polarity: {}, confidence: {} };
        filters.forEach(function (f) { on[f.dataset.filter][f.value] = f.checked; });
        var shown = 0;
        data.ties.forEach(function (t) {
          var visible = on.kind[t.kind] !== false && on.polarity[t.polarity] !== false && on.confidence[t.confidence] !== false;
          var g = document.getElementById(t.element);
          if (g) g.style.display = visible ? '' : 'none';
          if (visible) shown += 1;
        });
        if (status) status.textContent = shown + ' of ' + data.ties.length + ' ties shown';
      }
      filters.forEach(function (f) { f.addEventListener('change', applyFilters); });

      // Search: an actor by id or name; it and its ties stand out.
      var search = document.getElementById('search');
      function find(q) {
        q = q.trim().toLowerCase(); if (!q) return null;
        var exact = data.actors.filter(function (a) { return a.id.toLowerCase() === q || a.name.toLowerCase() === q; });
        if (exact.length) return exact[0];
        var partial = data.actors.filter(function (a) { return a.id.toLowerCase().indexOf(q) === 0 || a.name.toLowerCase().indexOf(q) >= 0; });
        return partial.length ? partial[0] : null;
      }
      function highlight(a) {
        if (!svg) return;
        svg.querySelectorAll('.hit').forEach(function (e) { e.classList.remove('hit'); });
        svg.classList.toggle('searching', !!a);
        if (!a) { applyFilters(); return; }
        var g = document.getElementById(a.element); if (g) g.classList.add('hit');
        var count = 0;
        data.ties.forEach(function (t) {
          if (t.source !== a.id && t.target !== a.id) return;
          var e = document.getElementById(t.element); if (e) e.classList.add('hit'); count += 1;
        });
        if (status) status.textContent = a.name + ' (' + a.id + '): ' + count + ' ties';
      }
      // Findings: a click lights up the actors and ties a finding names and marks its table rows.
      function highlightFinding(li) {
        document.querySelectorAll('.findings li.active').forEach(function (e) { e.classList.remove('active'); });
        document.querySelectorAll('tr.hit-row').forEach(function (e) { e.classList.remove('hit-row'); });
        if (svg) svg.querySelectorAll('.hit').forEach(function (e) { e.classList.remove('hit'); });
        li.classList.add('active');
        (li.dataset.rows || '').split(' ').forEach(function (id) { var row = id && document.getElementById(id); if (row) row.classList.add('hit-row'); });
        if (!svg) return;
        var actors = (li.dataset.actors || '').split(' ').filter(function (x) { return x; });
        var pairs = (li.dataset.pairs || '').split(' ').filter(function (x) { return x; }).map(function (p) { return p.split('>'); });
        pairs.forEach(function (p) { actors.push(p[0], p[1]); });
        var marked = 0;
        actors.forEach(function (id) { var a = actorById[id]; var g = a && document.getElementById(a.element); if (g) { g.classList.add('hit'); marked += 1; } });
        var ties = 0;
        data.ties.forEach(function (t) {
          var named = pairs.some(function (p) {
            return (!p[2] || p[2] === t.kind) && ((t.source === p[0] && t.target === p[1]) || (!t.directed && t.source === p[1] && t.target === p[0]));
          });
          if (!named) return;
          var g = document.getElementById(t.element); if (g) { g.classList.add('hit'); ties += 1; }
        });
        svg.classList.toggle('searching', marked + ties > 0);
        if (status) status.textContent = marked + ' actors and ' + ties + ' ties of this finding';
      }
      document.querySelectorAll('.findings li[data-actors]').forEach(function (li) {
        li.addEventListener('click', function (e) { if (e.target.closest && e.target.closest('a')) return; highlightFinding(li); });
      });

      if (search) {
        search.addEventListener('input', function () { highlight(find(search.value)); });
        search.addEventListener('keydown', function (e) { if (e.key === 'Enter') { var a = find(search.value); if (a) showActor(a); } });
      }

      // Pan and zoom, by moving the SVG's viewBox: wheel, drag, buttons and keys.
      var v = svg ? (svg.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(parseFloat) : [];
      if (v.length === 4 && v[2] > 0 && v[3] > 0) {
        var full = { x: v[0], y: v[1], w: v[2], h: v[3] }, box = { x: v[0], y: v[1], w: v[2], h: v[3] };
        svg.removeAttribute('width'); svg.removeAttribute('height');
        var apply = function () { svg.setAttribute('viewBox', [box.x, box.y, box.w, box.h].join(' ')); };
        var fit = function () { box = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); };
        var zoom = function (f, cx, cy) {
          var w = box.w * f, h = box.h * f;
          if (w < full.w / 64 || w > full.w * 16) return;
          box.x += (box.w - w) * cx; box.y += (box.h - h) * cy; box.w = w; box.h = h; apply();
        };
        var pan = function (dx, dy) { box.x += dx * box.w; box.y += dy * box.h; apply(); };
        map.addEventListener('wheel', function (e) {
          e.preventDefault();
          var r = svg.getBoundingClientRect();
          zoom(e.deltaY < 0 ? 0.8 : 1.25, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
        }, { passive: false });
        var drag = null, dragged = false;
        map.addEventListener('pointerdown', function (e) { drag = { x: e.clientX, y: e.clientY }; dragged = false; });
        window.addEventListener('pointermove', function (e) {
          if (!drag) return;
          var r = svg.getBoundingClientRect(), dx = e.clientX - drag.x, dy = e.clientY - drag.y;
          if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
          dragged = true; pan(-dx / r.width, -dy / r.height); drag = { x: e.clientX, y: e.clientY };
        });
        window.addEventListener('pointerup', function () { drag = null; });
        map.addEventListener('keydown', function (e) {
          var keys = { '+': function () { zoom(0.8, 0.5, 0.5); }, '=': function () { zoom(0.8, 0.5, 0.5); }, '-': function () { zoom(1.25, 0.5, 0.5); }, '0': fit,
            ArrowLeft: function () { pan(-0.1, 0); }, ArrowRight: function () { pan(0.1, 0); }, ArrowUp: function () { pan(0, -0.1); }, ArrowDown: function () { pan(0, 0.1); } };
          if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
        });
        document.querySelectorAll('button[data-zoom]').forEach(function (button) {
          button.addEventListener('click', function () {
            var z = button.dataset.zoom;
            if (z === 'in') zoom(0.8, 0.5, 0.5); else if (z === 'out') zoom(1.25, 0.5, 0.5); else fit();
          });
        });
        // Clicks select; a drag is not a click, and links in the drawing open from the panel instead.
        map.addEventListener('click', function (e) {
          var target = e.target.closest ? e.target.closest('g.node, g.edge') : null;
          if (e.target.closest && e.target.closest('a')) e.preventDefault();
          if (dragged || !target) return;
          // A geographic map's labels are nodes of their own, "label-" and the actor's id.
          var labelled = target.id.indexOf('label-') === 0 ? actorById[target.id.slice(6)] : null;
          if (labelled) showActor(labelled);
          else if (actorByElement[target.id]) showActor(actorByElement[target.id]);
          else if (tieByElement[target.id]) showTie(tieByElement[target.id]);
        });
      }

      // The window maps: a slider steps one large map through the windows, or all side by side.
      var section = document.getElementById('multiples'), slider = document.getElementById('window-slider');
      if (section && slider) {
        var figures = Array.prototype.slice.call(section.querySelectorAll('figure[data-window]'));
        var label = document.getElementById('window-label'), all = document.getElementById('window-all');
        var show = function (k) {
          k = Math.max(0, Math.min(figures.length - 1, k)); slider.value = String(k);
          figures.forEach(function (f, i) { f.classList.toggle('current', i === k); });
          label.textContent = figures[k].querySelector('figcaption').textContent;
        };
        section.classList.add('stepping');
        slider.addEventListener('input', function () { show(parseInt(slider.value, 10)); });
        section.querySelectorAll('button[data-step]').forEach(function (b) {
          b.addEventListener('click', function () { show(parseInt(slider.value, 10) + parseInt(b.dataset.step, 10)); });
        });
        all.addEventListener('change', function () { section.classList.toggle('stepping', !all.checked); });
        show(0);
      }

      // Tables sort by any column: numbers by value, text alphabetically.
      document.querySelectorAll('table.sortable').forEach(function (table) {
        var heads = table.querySelectorAll('thead th');
        heads.forEach(function (th, column) {
          th.tabIndex = 0;
          var sort = function () {
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
            var key = function (row) { var c = row.cells[column]; var v = c.getAttribute('data-value'); return v === null ? c.textContent : parseFloat(v); };
            rows.sort(function (r, s) {
              var x = key(r), y = key(s);
              var nx = typeof x === 'number' && isNaN(x), ny = typeof y === 'number' && isNaN(y);
              if (nx || ny) return nx === ny ? 0 : nx ? 1 : -1;  // undefined values last either way
              var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
              return ascending ? c : -c;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          };
          th.addEventListener('click', sort);
          th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
        });
      });
      applyFilters();
    })();
    """#
}
