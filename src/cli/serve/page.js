(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('config').textContent);
  var token = new URLSearchParams(location.search).get('token') || '';
  var $ = function (id) { return document.getElementById(id); };
  var editor = $('editor'), layer = $('layer'), gutter = $('gutter');
  var rowsEl = $('rows'), output = $('output'), note = $('note');
  var passes = $('passes'), runtime = $('runtime'), explain = $('explain'), aligned = $('aligned');
  var DEBOUNCE_MS = 120;

  // What the server last said about the code (highlighted input lines,
  // construct notes), and for which text.
  var shown = { text: [], html: [], notes: {}, errors: [] };
  var pinned = null;
  var sequence = 0;
  var timer = null;
  var lastRender = Promise.resolve();

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function cells(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }

  // ---- options ----------------------------------------------------------
  passes.max = String(config.passes.length - 1);
  passes.value = passes.max;
  function stopAfter() {
    var i = Number(passes.value);
    return i >= config.passes.length - 1 ? null : config.passes[i].name;
  }
  function showPassName() {
    var i = Number(passes.value), pass = config.passes[i];
    $('pass-name').textContent = (stopAfter() === null ? 'all passes' : 'up to ' + pass.name) +
      ' (' + (i + 1) + '/' + config.passes.length + ')';
    $('pass-name').title = pass.description;
  }
  config.examples.forEach(function (example, i) {
    var option = document.createElement('option');
    option.value = String(i); option.textContent = example.name;
    $('example').appendChild(option);
  });
  config.pythons.forEach(function (python, i) {
    var label = document.createElement('label');
    var box = document.createElement('input');
    box.type = 'checkbox'; box.checked = true; box.value = String(i); box.className = 'python';
    label.appendChild(box);
    label.appendChild(document.createTextNode(python.version));
    label.title = python.path;
    $('pythons').appendChild(label);
  });
  function options() {
    return { stop_after: stopAfter(), runtime: runtime.value, explain: explain.checked };
  }

  // ---- talking to the server ----------------------------------------------
  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Unawait-Token': token },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) { throw new Error(response.status + ' ' + text.trim()); });
      }
      return response.json();
    });
  }

  // ---- the editor ---------------------------------------------------------
  // The textarea holds the text; behind it, a layer shows the same lines
  // coloured. Lines unchanged since the server's last answer keep their
  // colours while typing; changed ones are plain until the next answer.
  function layerLines(lines) {
    var html = new Array(lines.length), old = shown.text, head = 0;
    while (head < lines.length && head < old.length && lines[head] === old[head]) {
      html[head] = shown.html[head] || ''; head++;
    }
    var a = lines.length - 1, b = old.length - 1;
    while (a >= head && b >= head && lines[a] === old[b]) { html[a] = shown.html[b] || ''; a--; b--; }
    for (var i = head; i <= a; i++) html[i] = escapeHtml(lines[i]);
    return html;
  }
  function errorsByLine() {
    var by = {};
    shown.errors.forEach(function (e) { (by[e.line] = by[e.line] || []).push(e); });
    return by;
  }
  function drawEditor() {
    var lines = editor.value.split('\n');
    var html = layerLines(lines), errors = errorsByLine(), out = [], numbers = [];
    for (var i = 0; i < lines.length; i++) {
      var line = i + 1, cls = [], content = html[i];
      if (shown.notes[line]) cls.push('construct');
      if (errors[line]) {
        cls.push('err');
        // The error's columns (1-based characters), underlined; the message after the line.
        var e = errors[line][0], text = lines[i];
        var from = Math.min(e.column - 1, text.length);
        var to = e.end_line === e.line ? Math.max(from + 1, e.end_column - 1) : text.length;
        content = escapeHtml(text.slice(0, from)) + '<span class="errspan">' +
          escapeHtml(text.slice(from, Math.max(to, from + 1)) || ' ') + '</span>' + escapeHtml(text.slice(to)) +
          '<span class="errmsg">    \u2190 ' + escapeHtml(e.kind + ': ' + e.message) + ' (' + e.line + ':' + e.column + ')</span>';
      }
      var attrs = ' data-line="' + line + '"' + (cls.length ? ' class="' + cls.join(' ') + '"' : '');
      out.push('<div' + attrs + '>' + content + '</div>');
      numbers.push('<div' + attrs + '>' + line + '</div>');
    }
    layer.innerHTML = out.join('');
    gutter.innerHTML = numbers.join('');
    markSelection();
    syncScroll();
  }
  function syncScroll() {
    layer.scrollTop = editor.scrollTop; layer.scrollLeft = editor.scrollLeft;
    gutter.scrollTop = editor.scrollTop;
  }
  editor.addEventListener('scroll', syncScroll);
  editor.addEventListener('input', function () { drawEditor(); schedule(); markResultsStale(); });
  editor.addEventListener('keydown', function (event) {
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      // Through the editing commands, so that undo keeps working.
      document.execCommand('insertText', false, '    ');
    }
  });
  function lineHeight() { return parseFloat(getComputedStyle(editor).lineHeight) || 19.5; }
  function lineAt(event) {
    var rect = editor.getBoundingClientRect();
    var y = event.clientY - rect.top - parseFloat(getComputedStyle(editor).paddingTop) + editor.scrollTop;
    return Math.floor(y / lineHeight()) + 1;
  }
  function caretLine() { return editor.value.slice(0, editor.selectionStart).split('\n').length; }
  editor.addEventListener('mousemove', function (event) { hoverInput(lineAt(event)); });
  editor.addEventListener('mouseleave', function () { hoverInput(null); });
  editor.addEventListener('click', function () {
    var line = caretLine();
    if (shown.notes[line]) pin(String(line)); else if (pinned !== null) pin(pinned);
    followCaret(line);
  });
  editor.addEventListener('keyup', function (event) {
    if (event.key.indexOf('Arrow') === 0) followCaret(caretLine());
  });
  // The output rows from the line the caret is on, scrolled into view.
  function followCaret(line) {
    cells('#rows tr.from-row').forEach(function (tr) { tr.classList.remove('from-row'); });
    var first = null;
    cells('#rows td.out[data-from="' + line + '"]').forEach(function (td) {
      td.parentNode.classList.add('from-row');
      first = first || td;
    });
    if (first) scrollWithin($('output-box'), first);
  }
  // Scrolls `box` (not the page) so that `el` shows a third of the way down.
  function scrollWithin(box, el) {
    box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
  }
  // Brings a selected construct into view on both sides.
  function reveal(line) {
    var first = document.querySelector('#rows td.out[data-c="' + line + '"]');
    if (first) scrollWithin($('output-box'), first);
    var top = (line - 1) * lineHeight();
    if (top < editor.scrollTop || top > editor.scrollTop + editor.clientHeight - lineHeight()) {
      editor.scrollTop = Math.max(0, top - editor.clientHeight / 3);
    }
  }

  // ---- constructs: hover and click on either side ---------------------------
  function show(line) {
    cells('.hl').forEach(function (el) { el.classList.remove('hl'); });
    note.textContent = '';
    if (line === null || !shown.notes[line]) { note.textContent = 'Nothing selected.'; return; }
    cells('td[data-c="' + line + '"], #layer div[data-line="' + line + '"], #gutter div[data-line="' + line + '"]')
      .forEach(function (el) { el.classList.add('hl'); });
    shown.notes[line].forEach(function (n, i) {
      if (i) note.appendChild(document.createElement('br'));
      var b = document.createElement('b'); b.textContent = n.syntax;
      note.appendChild(b);
      note.appendChild(document.createTextNode(' \u2192 ' + n.becomes + ' '));
      var s = document.createElement('span'); s.className = 'src'; s.textContent = '(' + n.source + ')';
      note.appendChild(s);
    });
    note.appendChild(document.createTextNode('  (input line ' + line + ')'));
  }
  function markSelection() {
    cells('.pinned').forEach(function (el) { el.classList.remove('pinned'); });
    if (pinned === null) return;
    cells('td[data-c="' + pinned + '"], #layer div[data-line="' + pinned + '"]')
      .forEach(function (el) { el.classList.add('pinned'); });
  }
  function pin(line) {
    pinned = pinned === line ? null : line;
    markSelection();
    show(pinned);
    if (pinned !== null) reveal(Number(pinned));
  }
  function hoverInput(line) {
    cells('#layer div.from').forEach(function (el) { el.classList.remove('from'); });
    if (line !== null && shown.notes[line]) show(String(line)); else show(pinned);
  }
  rowsEl.addEventListener('mouseover', function (event) {
    var td = event.target.closest && event.target.closest('td');
    if (!td) return;
    cells('#layer div.from, #gutter div.from').forEach(function (el) { el.classList.remove('from'); });
    var from = td.getAttribute('data-from');
    if (from) cells('#layer div[data-line="' + from + '"], #gutter div[data-line="' + from + '"]')
      .forEach(function (el) { el.classList.add('from'); });
    var line = td.getAttribute('data-c');
    show(line !== null ? line : pinned);
  });
  rowsEl.addEventListener('click', function (event) {
    var td = event.target.closest && event.target.closest('td[data-c]');
    if (td) pin(td.getAttribute('data-c'));
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && pinned !== null) pin(pinned);
  });

  // ---- desugaring as you type -----------------------------------------------
  function setColumns() {
    output.classList.toggle('outonly', !aligned.checked);
    $('cols').innerHTML = aligned.checked
      ? '<col class="num"><col class="src"><col class="num"><col class="src">'
      : '<col class="num"><col style="width:auto">';
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(render, DEBOUNCE_MS);
  }
  function render() {
    clearTimeout(timer);
    var mine = ++sequence, text = editor.value;
    showPassName();
    $('status').textContent = 'desugaring\u2026';
    lastRender = post('/api/desugar', Object.assign({ code: text }, options())).then(function (answer) {
      if (mine !== sequence) return;
      shown.text = text.split('\n');
      shown.html = answer.input;
      shown.errors = answer.ok ? [] : answer.errors;
      $('errors').innerHTML = '';
      if (answer.ok) {
        shown.notes = answer.notes;
        rowsEl.innerHTML = answer.rows;
        output.classList.remove('stale');
        $('summary').textContent = answer.changed
          ? answer.constructs + ' construct' + (answer.constructs === 1 ? '' : 's') + ' rewritten, ' + answer.output_lines + ' lines'
          : 'nothing to desugar';
        $('status').textContent = '';
      } else {
        // The last good output stays, dimmed, under the errors.
        output.classList.add('stale');
        answer.errors.forEach(function (e) {
          var pre = document.createElement('pre'); pre.textContent = e.rendered; $('errors').appendChild(pre);
        });
        $('status').textContent = answer.errors.length + ' error' + (answer.errors.length === 1 ? '' : 's');
        $('summary').textContent = 'the input has errors';
      }
      if (pinned !== null && !shown.notes[pinned]) pinned = null;
      drawEditor();
      show(pinned);
      saveToFragment();
    }).catch(function (error) {
      if (mine === sequence) $('status').textContent = 'server: ' + error.message;
    });
    return lastRender;
  }
  [passes, runtime, explain].forEach(function (control) {
    control.addEventListener('input', function () { showPassName(); render(); markResultsStale(); });
  });
  aligned.addEventListener('change', function () { setColumns(); saveToFragment(); });
  $('example').addEventListener('change', function () {
    var example = config.examples[Number($('example').value)];
    if (!example) return;
    editor.value = example.code;
    editor.scrollTop = 0;
    pinned = null;
    drawEditor();
    render();
    markResultsStale();
  });

  // ---- the link: code (deflated, base64url) and options after the # ---------
  function toBase64Url(bytes) {
    var binary = '';
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  function transform(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
      .then(function (buffer) { return new Uint8Array(buffer); });
  }
  function fragment() {
    return transform(new TextEncoder().encode(editor.value), new CompressionStream('deflate-raw'))
      .then(function (bytes) {
        var params = new URLSearchParams();
        params.set('code', toBase64Url(bytes));
        if (stopAfter() !== null) params.set('stop', stopAfter());
        if (runtime.value !== 'inline') params.set('runtime', runtime.value);
        if (explain.checked) params.set('explain', '1');
        if (aligned.checked) params.set('aligned', '1');
        return '#' + params.toString();
      });
  }
  function saveToFragment() {
    if (selftesting) return;
    fragment().then(function (hash) { history.replaceState(null, '', hash); });
  }
  function loadFragment(hash) {
    var params = new URLSearchParams(hash.replace(/^#/, ''));
    var i = config.passes.findIndex(function (p) { return p.name === params.get('stop'); });
    passes.value = String(i >= 0 ? i : config.passes.length - 1);
    runtime.value = params.get('runtime') === 'import' ? 'import' : 'inline';
    explain.checked = params.get('explain') === '1';
    aligned.checked = params.get('aligned') === '1';
    if (!params.get('code')) return Promise.resolve(false);
    return transform(fromBase64Url(params.get('code')), new DecompressionStream('deflate-raw'))
      .then(function (bytes) { editor.value = new TextDecoder().decode(bytes); return true; })
      .catch(function () { $('status').textContent = 'the link\u2019s code could not be read'; return false; });
  }
  $('share').addEventListener('click', function () {
    fragment().then(function (hash) {
      var url = location.origin + location.pathname + location.search + hash;
      $('share-box').classList.add('shown');
      $('share-url').value = url;
      $('share-url').select();
      if (navigator.clipboard) navigator.clipboard.writeText(url).catch(function () {});
    });
  });

  // ---- running both programs --------------------------------------------------
  function markResultsStale() {
    if ($('results').firstChild) $('results').classList.add('stale');
  }
  function pre(text) { var p = document.createElement('pre'); p.textContent = text; return p; }
  function heading(level, text) { var h = document.createElement(level); h.textContent = text; return h; }
  // A traceback mapped to input lines, its `line N` linking to the editor line.
  function linkedTraceback(text) {
    var p = document.createElement('pre'), at = 0, match, pattern = /line (\d+) \(desugared line/g;
    while ((match = pattern.exec(text))) {
      p.appendChild(document.createTextNode(text.slice(at, match.index)));
      var a = document.createElement('a'), line = Number(match[1]);
      a.textContent = 'line ' + line;
      a.addEventListener('click', function (line) { return function () { selectLine(line); }; }(line));
      p.appendChild(a);
      at = match.index + match[0].length - ' (desugared line'.length;
    }
    p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }
  function selectLine(line) {
    var lines = editor.value.split('\n'), start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    editor.focus();
    editor.setSelectionRange(start, start + (lines[line - 1] || '').length);
    editor.scrollTop = Math.max(0, (line - 5) * lineHeight());
    followCaret(line);
  }
  function showResults(answer) {
    var box = $('results');
    box.innerHTML = '';
    box.classList.remove('stale');
    if (!answer.ok) {
      box.appendChild(heading('h3', 'Not run: the input has errors (see under the editor).'));
      return;
    }
    answer.results.forEach(function (result) {
      var card = document.createElement('div'); card.className = 'result';
      var h = heading('h2', 'Python ' + result.version + ' ');
      var verdict = document.createElement('span');
      verdict.className = 'verdict ' + result.verdict.replace(' ', '-');
      verdict.textContent = result.verdict;
      h.appendChild(verdict);
      card.appendChild(h);
      if (result.error) card.appendChild(pre(result.error));
      if (result.original) {
        var runs = document.createElement('div'); runs.className = 'runs';
        [['as written', result.original], ['desugared', result.desugared]].forEach(function (pair) {
          var column = document.createElement('div');
          column.appendChild(heading('h3', pair[0] + ': ' + pair[1].status));
          column.appendChild(heading('h3', 'stdout'));
          column.appendChild(pre(pair[1].stdout));
          column.appendChild(heading('h3', 'stderr'));
          column.appendChild(pre(pair[1].stderr));
          runs.appendChild(column);
        });
        card.appendChild(runs);
      }
      result.differences.forEach(function (difference) {
        var d = document.createElement('div'); d.className = 'difference';
        d.appendChild(heading('h3', difference.what));
        d.appendChild(difference.what === 'desugared traceback' ? linkedTraceback(difference.detail) : pre(difference.detail));
        card.appendChild(d);
      });
      box.appendChild(card);
    });
  }
  function run() {
    var chosen = cells('input.python').filter(function (b) { return b.checked; })
      .map(function (b) { return Number(b.value); });
    var button = $('run');
    button.disabled = true; button.textContent = 'Running\u2026';
    return post('/api/run', Object.assign({ code: editor.value, pythons: chosen }, options()))
      .then(showResults)
      .catch(function (error) {
        $('results').innerHTML = '';
        $('results').appendChild(pre('Not run: ' + error.message));
      })
      .then(function () { button.disabled = false; button.textContent = 'Run'; });
  }
  $('run').addEventListener('click', run);

  // ---- start ------------------------------------------------------------------
  var selftesting = location.hash === '#selftest';
  setColumns();
  showPassName();
  var start = selftesting ? Promise.resolve(false) : loadFragment(location.hash);
  start.then(function (loaded) {
    if (!loaded) editor.value = config.examples[0].code;
    setColumns();
    showPassName();
    drawEditor();
    return render();
  }).then(function () { if (selftesting) selftest(); });

  // ---- #selftest: what the browser test checks, done as a person would ---------
  function selftest() {
    var report = [], failures = 0;
    function check(name, ok, detail) {
      if (!ok) failures++;
      report.push(name + ': ' + (ok ? 'ok' : 'FAIL') + (detail ? ' (' + detail + ')' : ''));
    }
    function settle() {
      return new Promise(function (done) { setTimeout(done, DEBOUNCE_MS + 30); })
        .then(function () { return lastRender; });
    }
    function type(text) {
      editor.focus();
      document.execCommand('insertText', false, text);
    }
    function outputText() {
      return cells('#rows td.out').map(function (td) { return td.textContent; }).join('\n');
    }
    var program = 'import asyncio\n\n\nasync def double(x):\n    await asyncio.sleep(0)\n    return 2 * x\n\n\n' +
      'async def main():\n    async for value in numbers():\n        print(await double(value))\n\n\n' +
      'async def numbers():\n    for n in range(3):\n        yield n\n\n\n' +
      'asyncio.get_event_loop_policy().new_event_loop().run_until_complete(main())\n';
    Promise.resolve().then(function () {
      editor.select();
      type(program.slice(0, 40));
      type(program.slice(40));
      return settle();
    }).then(function () {
      var out = outputText();
      check('typing updates the output', editor.value === program && out.indexOf('yield from') >= 0 &&
        out.indexOf('async def') < 0, cells('#rows td.out').length + ' output lines');
      check('input is highlighted', !!layer.querySelector('span.ak') && layer.children.length === program.split('\n').length);
      var from5 = document.querySelector('#rows td.out[data-from="5"]');
      check('output lines are aligned to input lines', !!from5 && from5.textContent.indexOf('asyncio.sleep(0)') >= 0);
      var line = program.split('\n').length;
      editor.setSelectionRange(editor.value.length, editor.value.length);
      type('await nothing\n');
      return settle().then(function () {
        var e = shown.errors[0] || {};
        check('syntax errors show inline with CPython\u2019s wording', e.line === line && e.column === 1 &&
          e.message === "'await' outside function" && !!layer.querySelector('div.err .errmsg') &&
          $('errors').textContent.indexOf('program.py:' + line + ':1: SyntaxError') >= 0, e.line + ':' + e.column + ' ' + e.message);
        document.execCommand('undo');
        return settle();
      });
    }).then(function () {
      check('undo brings the program back', editor.value === program && shown.errors.length === 0);
      var at = editor.value.indexOf('    return 2 * x');
      editor.setSelectionRange(at, at);
      editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
      check('tab indents four spaces', editor.value.slice(at, at + 8) === '        ');
      document.execCommand('undo');
      passes.value = '0';
      passes.dispatchEvent(new Event('input', { bubbles: true }));
      return settle();
    }).then(function () {
      var out = outputText();
      check('the slider stops after the first pass', $('pass-name').textContent.indexOf('up to ' + config.passes[0].name) === 0 &&
        out.indexOf('async def') >= 0, $('pass-name').textContent);
      passes.value = passes.max;
      passes.dispatchEvent(new Event('input', { bubbles: true }));
      return settle();
    }).then(function () {
      check('the slider at the end runs every pass', outputText().indexOf('async def') < 0, $('pass-name').textContent);
      var td = document.querySelector('#rows td.out[data-c="10"]');
      if (td) td.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      check('clicking a construct explains it', !!td && pinned === '10' && note.textContent.indexOf('async for') >= 0 &&
        !!layer.querySelector('div.pinned[data-line="10"]'), note.textContent);
      runtime.value = 'import';
      runtime.dispatchEvent(new Event('input', { bubbles: true }));
      return settle();
    }).then(function () {
      check('runtime import', outputText().indexOf('from unawait_runtime import') >= 0);
      aligned.checked = true;
      aligned.dispatchEvent(new Event('change'));
      var input = document.querySelector('#rows td.in[data-c="10"]');
      var beside = input && input.parentNode.querySelector('td.out');
      check('the aligned view puts input lines beside their output', !!input && getComputedStyle(input).display !== 'none' &&
        !!beside && beside.getAttribute('data-from') === '10');
      aligned.checked = false;
      aligned.dispatchEvent(new Event('change'));
      check('and hides them again', !!input && getComputedStyle(input).display === 'none');
      return fragment().then(function (hash) {
        var code = new URLSearchParams(hash.slice(1));
        return transform(fromBase64Url(code.get('code')), new DecompressionStream('deflate-raw')).then(function (bytes) {
          check('the link holds the code and options', new TextDecoder().decode(bytes) === program &&
            code.get('runtime') === 'import', hash.length + ' characters');
        });
      });
    }).then(function () {
      return run();
    }).then(function () {
      var verdicts = cells('#results .verdict').map(function (v) { return v.textContent; });
      var stdout = document.querySelector('#results .runs pre');
      check('Run gives a verdict on each interpreter', verdicts.length === config.pythons.length &&
        verdicts.every(function (v) { return v === 'equivalent'; }) && !!stdout && stdout.textContent === '0\n2\n4\n',
        verdicts.join(', '));
      passes.value = '0';
      passes.dispatchEvent(new Event('input', { bubbles: true }));
      return settle().then(run);
    }).then(function () {
      var verdicts = cells('#results .verdict').map(function (v) { return v.textContent; });
      check('a partial pipeline differs, with the reason', verdicts.length > 0 && verdicts.every(function (v) { return v === 'differs'; }) &&
        $('results').textContent.indexOf('async syntax') >= 0, verdicts.join(', '));
      // The picture: an example, a construct selected, its run.
      passes.value = passes.max;
      runtime.value = 'inline';
      $('example').value = '0';
      $('example').dispatchEvent(new Event('change'));
      return settle();
    }).then(function () {
      var line = String(config.examples[0].code.split('\n').indexOf('    async with Announcer():') + 1);
      var td = document.querySelector('#rows td.out[data-c="' + line + '"]');
      if (td) td.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      check('an example loads', pinned === line && outputText().indexOf('__aenter__') >= 0, 'line ' + line);
      return run();
    }).then(function () {
      check('the example runs equivalent', cells('#results .verdict').every(function (v) { return v.textContent === 'equivalent'; }));
    }).catch(function (error) {
      check('self-test ran to the end', false, String(error));
    }).then(function () {
      var out = $('selftest');
      out.hidden = false;
      out.setAttribute('data-result', failures ? 'fail' : 'pass');
      out.textContent = report.join('\n');
    });
  }
})();
