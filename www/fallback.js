// Browsers too old for ES modules (they skip boot.js) get the direct report
// contacts of index.html #fallback instead of a loading line that never ends.
document.body.setAttribute('data-ready', 'error');
document.body.setAttribute('data-fail', 'engine');
