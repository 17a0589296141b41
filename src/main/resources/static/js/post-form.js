// The post form's helpers, served from the site (the Content-Security-Policy allows only
// script-src 'self'; no inline script): a warning before leaving the form with unsaved changes,
// and an autosave of what was typed after 3 seconds without typing (of an existing post, or,
// for a post not yet created, kept for the editor without creating a post). An autosave publishes nothing and changes nothing readers see; the form still works
// without this script.
(function () {
  'use strict';
  var form = document.querySelector('form.post-form');
  if (!form) {
    return;
  }
  var autosaveUrl = form.getAttribute('data-autosave');
  var status = document.querySelector('.autosave-status');
  var dirty = false;
  var timer = null;

  // the words come from the page, in the site's language: data-say-* attributes, {0} filled here
  function words(element, name, values) {
    return (element.getAttribute('data-say-' + name) || '').replace(/\{(\d)\}/g, function (all, i) {
      return values && values[i] !== undefined ? String(values[i]) : all;
    });
  }

  function show(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function autosave() {
    timer = null;
    fetch(autosaveUrl, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      redirect: 'manual',
      headers: { 'Accept': 'text/plain' }
    }).then(function (response) {
      if (response.ok) {
        return response.text().then(function (time) {
          show(words(form, 'kept', [time]));
        });
      }
      if (response.type === 'opaqueredirect') {
        show(words(form, 'signed-out'));
      } else {
        show(words(form, 'failed', [response.status]));
      }
    }).catch(function () {
      show(words(form, 'unreachable'));
    });
  }

  function changed() {
    dirty = true;
    if (autosaveUrl) {
      if (timer) {
        clearTimeout(timer);
      }
      timer = setTimeout(autosave, 3000);
    }
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function () {
    dirty = false;
    if (timer) {
      clearTimeout(timer);
    }
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
