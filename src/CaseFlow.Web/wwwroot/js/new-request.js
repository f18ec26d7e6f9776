// Shows which date the chosen channel's receipt date is (art. 31); the server applies the rule either way.
document.querySelectorAll('input[name="Input.Channel"]').forEach(function (radio) {
    radio.addEventListener('change', function () {
        document.getElementById('arrived-label').textContent = radio.dataset.dateLabel;
        var confirm = ['ordinary-mail', 'online', 'fax'].indexOf(radio.value) >= 0;
        document.getElementById('confirmed-field').classList.toggle('dim', !confirm);
    });
});
