/*
 * Blogroll's light and dark themes. The page follows the system's setting
 * (prefers-color-scheme) until the reader presses the header's theme button; their choice is
 * remembered in localStorage and applied here, before the first paint (this script is loaded,
 * not deferred, from the head). Choosing what the system would show forgets the choice, so the
 * page follows the system again. Without JavaScript the button stays hidden and the system's
 * setting applies. No inline script: the Content-Security-Policy allows scripts from this site only.
 */
(function () {
  'use strict';
  var KEY = 'blogroll-theme';
  var root = document.documentElement;
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (e) {
      return null; // storage blocked: follow the system
    }
  }

  function system() {
    return dark && dark.matches ? 'dark' : 'light';
  }

  function apply(theme) {
    if (theme === 'dark' || theme === 'light') {
      root.setAttribute('data-theme', theme);
    } else {
      root.removeAttribute('data-theme');
    }
  }

  function shown() {
    return root.getAttribute('data-theme') || system();
  }

  function choose(theme) {
    var followsSystem = theme === system();
    try {
      if (followsSystem) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, theme);
      }
    } catch (e) {
      // not remembered, but applied to this page
    }
    apply(followsSystem ? null : theme);
  }

  function wire() {
    var button = document.querySelector('.theme-toggle');
    if (!button) {
      return;
    }
    function update() {
      var isDark = shown() === 'dark';
      button.setAttribute('aria-pressed', isDark ? 'true' : 'false');
      button.title = button.getAttribute(isDark ? 'data-say-on' : 'data-say-off') || '';
    }
    button.addEventListener('click', function () {
      choose(shown() === 'dark' ? 'light' : 'dark');
      update();
    });
    if (dark && dark.addEventListener) {
      dark.addEventListener('change', update);
    }
    button.hidden = false;
    update();
  }

  apply(stored());
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wire);
  } else {
    wire();
  }
}());
