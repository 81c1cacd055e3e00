// The portal's shared script (CSP: script-src 'self'; no inline scripts). Everything works without it.
document.addEventListener('DOMContentLoaded', function () {
  // A form that came back with errors: move the focus to the error summary, so screen readers announce it.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
