// Behaviour every page shares, kept out of the markup: the content security policy allows no inline script.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
document.querySelectorAll('[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
        if (!window.confirm(button.dataset.confirm)) {
            event.preventDefault();
        }
    });
});
// The letter template editor: a field button inserts its placeholder at the cursor.
document.querySelectorAll('[data-insert]').forEach(function (button) {
    button.addEventListener('click', function () {
        var target = document.querySelector('[data-placeholder-target]');
        if (!target) { return; }
        var start = target.selectionStart, end = target.selectionEnd, text = button.dataset.insert;
        target.value = target.value.slice(0, start) + text + target.value.slice(end);
        target.selectionStart = target.selectionEnd = start + text.length;
        target.focus();
    });
});
