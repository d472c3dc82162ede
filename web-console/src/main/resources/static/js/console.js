// Copy buttons: <button data-copy="#element-id"> copies that element's text (a new integration key, an iCal link).
document.addEventListener('click', event => {
    const button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    const source = document.querySelector(button.dataset.copy);
    navigator.clipboard.writeText(source.value ?? source.textContent.trim())
        .then(() => { button.textContent = 'Copied'; });
});
