// The post form's image picker, served from the site (the Content-Security-Policy allows only
// script-src 'self'): an image chosen with the file input or dropped anywhere on the form is
// uploaded to the media library (/admin/media/upload, answered in JSON), and its address fills
// the form's image address; the editor then writes its alt text. Nothing else of the form is
// sent or changed, so a refused upload (too large, not an image, signed out) loses nothing.
// Without this script the picker stays hidden: images are uploaded on the Media page and their
// address pasted.
(function () {
  'use strict';
  var picker = document.querySelector('.media-picker');
  var form = picker && picker.closest('form');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var input = picker.querySelector('input[type=file]');
  var status = picker.querySelector('.media-picker-status');
  var preview = document.createElement('img');
  var address = form.querySelector('[name=imageUrl]');
  var alt = form.querySelector('[name=imageAlt]');
  var token = form.querySelector('input[name=_csrf]');
  var maxBytes = Number(picker.getAttribute('data-max-bytes'));
  preview.className = 'media-picker-preview';
  preview.alt = '';
  preview.hidden = true;
  status.parentNode.insertBefore(preview, status);
  picker.hidden = false;

  // the words come from the page, in the site's language: data-say-* attributes, {0} filled here
  function words(element, name, values) {
    return (element.getAttribute('data-say-' + name) || '').replace(/\{(\d)\}/g, function (all, i) {
      return values && values[i] !== undefined ? String(values[i]) : all;
    });
  }

  function say(text, failed) {
    status.textContent = text;
    status.classList.toggle('field-error', Boolean(failed));
  }

  function megabytes(bytes) {
    var number = Math.round(bytes / 104857.6) / 10;
    return words(picker, 'megabytes', [number.toLocaleString(document.documentElement.lang || 'en', { useGrouping: false })]);
  }

  function showPreview(path) {
    if (path && path.indexOf('/media/') === 0) {
      preview.src = path;
      preview.hidden = false;
    }
  }

  function answer(response) {
    var type = response.headers.get('Content-Type') || '';
    if (type.indexOf('application/json') === 0) {
      return response.json();
    }
    if (response.status === 413) {
      return { error: words(picker, 'too-large', [megabytes(maxBytes)]) };
    }
    if (response.redirected || response.status === 401 || response.status === 403) {
      return { error: words(picker, 'signed-out') };
    }
    return { error: words(picker, 'failed-status', [response.status]) };
  }

  function upload(file) {
    if (!file) {
      return;
    }
    if (maxBytes && file.size > maxBytes) {
      say(words(picker, 'file-too-large', [file.name, megabytes(file.size), megabytes(maxBytes)]), true);
      return;
    }
    var data = new FormData();
    if (token) {
      data.append('_csrf', token.value);
    }
    data.append('file', file, file.name);
    say(words(picker, 'uploading', [file.name]));
    fetch(picker.getAttribute('data-upload'), {
      method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(answer).then(function (body) {
      if (!body.path) {
        say(body.error || words(picker, 'failed'), true);
        return;
      }
      address.value = body.path;
      // the form's own script notices the change (unsaved-changes warning, autosave)
      address.dispatchEvent(new Event('input', { bubbles: true }));
      showPreview(body.thumbnail);
      say(body.message + (alt && !alt.value ? ' ' + words(picker, 'describe') : ''));
      if (alt && !alt.value) {
        alt.focus();
      }
    }).catch(function () {
      say(words(picker, 'unreachable'), true);
    });
  }

  function hasFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
  }

  showPreview(address && address.value);
  input.addEventListener('change', function () {
    upload(input.files[0]);
    input.value = '';
  });
  form.addEventListener('dragover', function (event) {
    if (hasFiles(event)) {
      event.preventDefault();
      form.classList.add('media-drop');
    }
  });
  form.addEventListener('dragleave', function (event) {
    if (event.target === form) {
      form.classList.remove('media-drop');
    }
  });
  form.addEventListener('drop', function (event) {
    if (!hasFiles(event)) {
      return;
    }
    event.preventDefault();
    form.classList.remove('media-drop');
    upload(event.dataTransfer.files[0]);
  });
}());
