// The post form's live preview, served from the site (the Content-Security-Policy allows only
// script-src 'self'; no inline script): after a pause in typing in the body, the body is sent to
// POST /admin/posts/preview, which renders it with the code of the public post page and returns
// sanitized HTML, shown in the preview pane. One request at a time: a change made while one is
// running is sent when it returns. Nothing is saved. Without this script the form's "Preview"
// button shows the same rendering by sending the form.
(function () {
  'use strict';
  var form = document.querySelector('form.post-form');
  var pane = form && form.querySelector('.preview-body[data-preview-url]');
  var body = form && form.querySelector('textarea[name="body"]');
  if (!pane || !body) {
    return;
  }
  var url = pane.getAttribute('data-preview-url');
  var status = form.querySelector('.preview-status');
  var button = form.querySelector('.preview-button');
  var csrf = form.querySelector('input[name="_csrf"]');
  var timer = null;
  var running = false;
  var again = false;
  var shown = null;

  // the words come from the page, in the site's language: data-say-* attributes, {0} filled here
  function words(element, name, values) {
    return (element.getAttribute('data-say-' + name) || '').replace(/\{(\d)\}/g, function (all, i) {
      return values && values[i] !== undefined ? String(values[i]) : all;
    });
  }

  function say(text, error) {
    if (status) {
      status.textContent = text;
      status.classList.toggle('field-error', !!error);
    }
  }

  function render() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    var text = body.value;
    if (text === shown) {
      return;
    }
    running = true;
    var data = new URLSearchParams();
    data.append('body', text);
    if (csrf) {
      data.append('_csrf', csrf.value);
    }
    fetch(url, {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      redirect: 'manual',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      if (response.ok) {
        return response.text().then(function (html) {
          pane.innerHTML = html; // sanitized by the server, as on the public page
          shown = text;
          say(words(pane, 'updated'), false);
        });
      }
      if (response.type === 'opaqueredirect') {
        say(words(pane, 'signed-out'), true);
        return null;
      }
      return response.text().then(function (message) {
        say(message || words(pane, 'failed', [response.status]), true);
        if (response.status === 429) {
          var wait = parseInt(response.headers.get('Retry-After') || '1', 10);
          setTimeout(render, Math.max(1, wait) * 1000);
        }
      });
    }).catch(function () {
      say(words(pane, 'unreachable'), true);
    }).then(function () {
      running = false;
      if (again) {
        again = false;
        render();
      }
    });
  }

  function later() {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(render, 600);
  }

  body.addEventListener('input', later);
  if (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault(); // the script renders in place; the form is not sent
      shown = null;
      render();
    });
  }
  if (pane.innerHTML.trim() === '' && body.value.trim() !== '') {
    render();
  }
})();
