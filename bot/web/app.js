/*
 * D-Team-Assistent web chat. Plain JavaScript, no framework, no external requests:
 * it talks only to its own server (/api/message), which forwards to Rasa.
 * Bot and user content is only ever inserted as text nodes, never parsed as HTML.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'dteam-webchat-v1';
  var MAX_STORED_ENTRIES = 300;
  var DEFAULT_MAX_CHARS = 1000;
  var GREETING_PAYLOAD = '/greet';
  // The local copy of the conversation is dropped after this much idle time (shared PCs).
  var LOCAL_COPY_MAX_AGE_MS = 24 * 60 * 60 * 1000;
  var UNREACHABLE_TEXT = 'Der Assistent ist gerade nicht erreichbar. ' +
    'Bitte versuchen Sie es in einigen Minuten noch einmal.';
  var EMPTY_TEXT = 'Bitte geben Sie eine Nachricht ein.';
  var IMAGE_PATTERN = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/;
  // Report PDFs are served by this server under /bericht/<code>.pdf (issue 12).
  var REPORT_PATTERN = /^\/bericht\/(DT|TEAM)-[0-9A-Z]{5}-[0-9A-Z]{5}\.pdf$/;
  var LIST_ITEM_PATTERN = /^\s*(?:[-*•]|(\d+)[.)])\s+(.*)$/;
  var INLINE_PATTERN = /\*\*[^*\n]+\*\*|\*[^*\s](?:[^*\n]*[^*\s])?\*|_[^_\s](?:[^_\n]*[^_\s])?_|https?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/g;

  var elements = {};
  // conversation: the server's tag of this browser's conversation (the id itself is in an HttpOnly
  // cookie the page cannot read); the local copy is only shown for the same conversation.
  var state = { conversation: '', savedAt: 0, entries: [] };
  var busy = false;
  var maxChars = DEFAULT_MAX_CHARS;
  var retryLastAction = null;
  var storageAvailable = true;
  var pendingConversation = '';

  // ---- persistence -------------------------------------------------------

  function isValidEntry(entry) {
    return entry && (entry.who === 'user' || entry.who === 'bot');
  }

  function loadState() {
    try {
      var raw = window.localStorage.getItem(STORAGE_KEY);
      if (raw) {
        var parsed = JSON.parse(raw);
        var fresh = parsed && typeof parsed.savedAt === 'number' &&
          Date.now() - parsed.savedAt < LOCAL_COPY_MAX_AGE_MS;
        if (fresh && typeof parsed.conversation === 'string' && /^[0-9a-f]{16}$/.test(parsed.conversation) &&
            Array.isArray(parsed.entries)) {
          return {
            conversation: parsed.conversation,
            savedAt: parsed.savedAt,
            entries: parsed.entries.filter(isValidEntry).slice(-MAX_STORED_ENTRIES)
          };
        }
        window.localStorage.removeItem(STORAGE_KEY);  // expired or from an older version
      }
    } catch (error) {
      storageAvailable = false;
    }
    return { conversation: '', savedAt: 0, entries: [] };
  }

  function saveState() {
    if (!storageAvailable) { return; }
    state.savedAt = Date.now();
    for (var attempt = 0; attempt < 3; attempt++) {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
        return;
      } catch (error) {
        // Quota exceeded: charts are the big items, so drop images from older entries first.
        var dropped = false;
        for (var i = 0; i < state.entries.length - 1; i++) {
          if (state.entries[i].image) { delete state.entries[i].image; state.entries[i].imageDropped = true; dropped = true; }
        }
        if (!dropped) {
          // Still too big: keep only the newer half (indices shift, so the view is rebuilt).
          state.entries = state.entries.slice(Math.floor(state.entries.length / 2));
          if (elements.log) { renderAll(); }
        }
      }
    }
  }

  // ---- rendering ----------------------------------------------------------

  function isWordChar(ch) { return Boolean(ch) && /[0-9A-Za-zÀ-ÖØ-öø-ÿ_*]/.test(ch); }

  function appendElement(parent, tag, text) {
    var element = document.createElement(tag);
    element.textContent = text;
    parent.appendChild(element);
  }

  /* Inline Markdown subset: **bold**, *italic* / _italic_ (not inside words such as ids), links. */
  function appendInline(parent, text) {
    var pattern = new RegExp(INLINE_PATTERN.source, 'g');
    var lastIndex = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var token = match[0];
      var offset = match.index;
      var isEmphasis = token.charAt(0) === '_' || (token.charAt(0) === '*' && token.charAt(1) !== '*');
      if (isEmphasis && (isWordChar(text.charAt(offset - 1)) || isWordChar(text.charAt(offset + token.length)))) {
        pattern.lastIndex = offset + 1;  // e.g. snake_case_id: not emphasis, rescan after this char
        continue;
      }
      if (offset > lastIndex) { parent.appendChild(document.createTextNode(text.slice(lastIndex, offset))); }
      if (token.indexOf('**') === 0) {
        appendElement(parent, 'strong', token.slice(2, -2));
      } else if (isEmphasis) {
        appendElement(parent, 'em', token.slice(1, -1));
      } else {
        var link = document.createElement('a');
        link.href = token;
        link.textContent = token;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        parent.appendChild(link);
      }
      lastIndex = offset + token.length;
    }
    if (lastIndex < text.length) { parent.appendChild(document.createTextNode(text.slice(lastIndex))); }
  }

  /* Simple Markdown subset: paragraphs, line breaks, bullet/numbered lists, **bold**, links. */
  function renderRichText(container, text) {
    var lines = String(text).split('\n');
    var paragraph = null;
    var list = null;
    lines.forEach(function (line) {
      var item = LIST_ITEM_PATTERN.exec(line);
      if (item) {
        paragraph = null;
        var listTag = item[1] ? 'ol' : 'ul';
        if (!list || list.tagName.toLowerCase() !== listTag) {
          list = document.createElement(listTag);
          if (item[1] && item[1] !== '1') { list.start = parseInt(item[1], 10); }
          container.appendChild(list);
        }
        var li = document.createElement('li');
        appendInline(li, item[2]);
        list.appendChild(li);
        return;
      }
      list = null;
      if (!line.trim()) { paragraph = null; return; }
      if (paragraph) {
        paragraph.appendChild(document.createElement('br'));
      } else {
        paragraph = document.createElement('p');
        container.appendChild(paragraph);
      }
      appendInline(paragraph, line);
    });
  }

  function speakerLabel(who) {
    var label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = who === 'user' ? 'Sie: ' : 'Assistent: ';
    return label;
  }

  function renderButtons(entry, entryIndex) {
    var group = document.createElement('div');
    group.className = 'choices';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Antwortmöglichkeiten');
    entry.buttons.forEach(function (button, buttonIndex) {
      var element = document.createElement('button');
      element.type = 'button';
      element.className = 'choice';
      element.textContent = button.title;
      element.disabled = Boolean(entry.buttonsUsed);
      if (entry.chosen === buttonIndex) {
        element.classList.add('chosen');
        element.setAttribute('aria-pressed', 'true');
      }
      element.addEventListener('click', function () {
        sendMessage(button.payload, button.title, { entryIndex: entryIndex, buttonIndex: buttonIndex });
      });
      group.appendChild(element);
    });
    return group;
  }

  function renderEntry(entry, entryIndex) {
    var row = document.createElement('div');
    row.className = 'message-row ' + (entry.who === 'user' ? 'from-user' : 'from-bot');
    row.dataset.entryIndex = String(entryIndex);
    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.appendChild(speakerLabel(entry.who));
    if (entry.text) {
      var body = document.createElement('div');
      body.className = 'bubble-text';
      if (entry.who === 'bot') { renderRichText(body, entry.text); } else { body.textContent = entry.text; }
      bubble.appendChild(body);
    }
    if (entry.image && IMAGE_PATTERN.test(entry.image)) {
      var figure = document.createElement('figure');
      figure.className = 'bubble-image';
      var image = document.createElement('img');
      image.src = entry.image;
      // The bot describes the chart in its next message; that description is the alt text.
      image.alt = entry.alt || 'Diagramm zu Ihrem Ergebnis';
      image.addEventListener('load', scrollToEnd);
      figure.appendChild(image);
      bubble.appendChild(figure);
      bubble.classList.add('has-image');  // charts get more width than text bubbles
    } else if (entry.imageDropped) {
      var note = document.createElement('p');
      note.className = 'bubble-note';
      note.textContent = '(Grafik nicht mehr gespeichert)';
      bubble.appendChild(note);
    }
    if (entry.report && REPORT_PATTERN.test(entry.report.url)) {
      var link = document.createElement('a');
      link.className = 'report-link';
      link.href = entry.report.url;
      link.setAttribute('download', entry.report.url.split('/').pop());
      link.textContent = entry.report.title || 'Bericht (PDF)';
      bubble.appendChild(link);
    }
    row.appendChild(bubble);
    var hasButtons = Boolean(entry.buttons && entry.buttons.length);
    if (hasButtons) { row.appendChild(renderButtons(entry, entryIndex)); }
    // Entries with nothing showable (e.g. a rejected image) keep their index but take no space.
    row.hidden = bubble.childNodes.length <= 1 && !hasButtons;
    return row;
  }

  function appendEntry(entry) {
    state.entries.push(entry);
    var row = renderEntry(entry, state.entries.length - 1);
    elements.log.appendChild(row);
    scrollToEnd();
    return row;
  }

  function renderAll() {
    elements.log.setAttribute('aria-busy', 'true');
    while (elements.log.firstChild) { elements.log.removeChild(elements.log.firstChild); }
    state.entries.forEach(function (entry, index) { elements.log.appendChild(renderEntry(entry, index)); });
    elements.log.setAttribute('aria-busy', 'false');
    scrollToEnd();
  }

  function scrollToEnd() {
    elements.log.scrollTop = elements.log.scrollHeight;
  }

  function rerenderEntry(entryIndex) {
    var old = elements.log.querySelector('[data-entry-index="' + entryIndex + '"]');
    if (old) { old.parentNode.replaceChild(renderEntry(state.entries[entryIndex], entryIndex), old); }
  }

  // ---- status -------------------------------------------------------------

  function setBusy(isBusy) {
    busy = isBusy;
    elements.typing.hidden = !isBusy;
    elements.sendButton.disabled = isBusy;
    elements.restartButton.disabled = isBusy;
    elements.log.setAttribute('aria-busy', isBusy ? 'true' : 'false');
    if (isBusy) { scrollToEnd(); }
  }

  function showError(text, retry) {
    retryLastAction = retry || null;
    elements.error.hidden = false;
    while (elements.error.firstChild) { elements.error.removeChild(elements.error.firstChild); }
    var message = document.createElement('span');
    message.textContent = text;
    elements.error.appendChild(message);
    if (retry) {
      var retryButton = document.createElement('button');
      retryButton.type = 'button';
      retryButton.className = 'retry-button';
      retryButton.textContent = 'Erneut versuchen';
      retryButton.addEventListener('click', function () {
        var action = retryLastAction;
        hideError();
        if (action) { action(); }
      });
      elements.error.appendChild(retryButton);
    }
  }

  function hideError() {
    retryLastAction = null;
    elements.error.hidden = true;
    while (elements.error.firstChild) { elements.error.removeChild(elements.error.firstChild); }
  }

  function updateCounter() {
    var length = elements.input.value.length;
    elements.counter.textContent = length >= maxChars * 0.8 ? length + ' von ' + maxChars + ' Zeichen' : '';
  }

  // ---- talking to the server ---------------------------------------------

  function postMessage(message) {
    return window.fetch('/api/message', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ message: message })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data && typeof data.error === 'string' ? data.error : UNREACHABLE_TEXT);
          throw error;
        }
        if (typeof data.conversation === 'string' && !hasClearMarker(data.messages)) {
          state.conversation = data.conversation;
        }
        pendingConversation = typeof data.conversation === 'string' ? data.conversation : '';
        return Array.isArray(data.messages) ? data.messages : [];
      });
    }, function () {
      throw new Error(UNREACHABLE_TEXT);
    });
  }

  function hasClearMarker(messages) {
    return Array.isArray(messages) && messages.some(function (message) {
      return message && message.clearHistory === true;
    });
  }

  /* After "Meine Daten löschen" the server-side conversation is gone; so is the local copy. The
     server has already moved this browser to a new conversation (pendingConversation). */
  function clearLocalHistory(conversation) {
    state = { conversation: conversation || '', savedAt: 0, entries: [] };
    renderAll();
  }

  function addBotMessages(messages) {
    var lastRow = null;
    if (hasClearMarker(messages)) {
      clearLocalHistory(pendingConversation);
    }
    messages.forEach(function (message, index) {
      var entry = { who: 'bot' };
      var next = messages[index + 1];
      if (message.image && next && typeof next.text === 'string' && next.text.indexOf('Das Diagramm zeigt') === 0) {
        entry.alt = next.text.split('\n\n')[0];
      }
      if (typeof message.text === 'string') { entry.text = message.text; }
      if (typeof message.image === 'string' && IMAGE_PATTERN.test(message.image)) { entry.image = message.image; }
      if (message.report && typeof message.report.url === 'string' && REPORT_PATTERN.test(message.report.url)) {
        entry.report = { url: message.report.url, title: String(message.report.title || 'Bericht (PDF)') };
      }
      if (Array.isArray(message.buttons) && message.buttons.length) {
        entry.buttons = message.buttons.filter(function (b) {
          return b && typeof b.title === 'string' && typeof b.payload === 'string';
        }).map(function (b) { return { title: b.title, payload: b.payload }; });
      }
      if (entry.text || entry.image || entry.report || (entry.buttons && entry.buttons.length)) { lastRow = appendEntry(entry); }
    });
    saveState();
    return lastRow;
  }

  function markButtonsUsed(origin) {
    var changed = [];
    state.entries.forEach(function (entry, index) {
      if (entry.buttons && !entry.buttonsUsed) {
        entry.buttonsUsed = true;
        changed.push(index);
      }
    });
    if (origin) { state.entries[origin.entryIndex].chosen = origin.buttonIndex; }
    changed.forEach(rerenderEntry);
    return changed;
  }

  function undoButtonsUsed(changed, origin) {
    changed.forEach(function (index) { state.entries[index].buttonsUsed = false; });
    if (origin) { delete state.entries[origin.entryIndex].chosen; }
    changed.forEach(rerenderEntry);
  }

  function focusAfterReply(lastRow, cameFromButton) {
    var firstChoice = lastRow && lastRow.querySelector('.choice:not([disabled])');
    if (cameFromButton && firstChoice) { firstChoice.focus(); } else { elements.input.focus(); }
  }

  /* Send a message. displayText is shown as the user's bubble (null: send silently). */
  function sendMessage(payload, displayText, origin) {
    if (busy) { return; }
    if (!payload || !payload.trim()) { showError(EMPTY_TEXT); elements.input.focus(); return; }
    hideError();
    var usedGroups = markButtonsUsed(origin);
    var userRow = null;
    if (displayText !== null) {
      userRow = appendEntry({ who: 'user', text: displayText });
    }
    saveState();
    setBusy(true);
    postMessage(payload).then(function (messages) {
      setBusy(false);
      var lastRow = addBotMessages(messages);
      focusAfterReply(lastRow, Boolean(origin));
    }, function (error) {
      setBusy(false);
      // Nothing is lost: the unsent text goes back into the input, used buttons become usable again.
      if (userRow) {
        state.entries.pop();
        userRow.parentNode.removeChild(userRow);
      }
      undoButtonsUsed(usedGroups, origin);
      saveState();
      if (!origin && displayText !== null) {
        elements.input.value = displayText;
        updateCounter();
      }
      showError(error.message, function () {
        if (!origin && displayText !== null) { elements.input.value = ''; updateCounter(); }
        sendMessage(payload, displayText, origin);
      });
      if (origin) {
        var retry = elements.error.querySelector('.retry-button');
        if (retry) { retry.focus(); }
      } else {
        elements.input.focus();
      }
    });
  }

  function greet() {
    sendMessage(GREETING_PAYLOAD, null, null);
  }

  /* "Neu starten" first asks whether the old conversation should be deleted (shared PCs). */
  function askRestart() {
    if (busy) { return; }
    hideError();
    elements.restartPanel.hidden = false;
    elements.restartDelete.focus();
  }

  function closeRestartPanel() {
    elements.restartPanel.hidden = true;
  }

  function restart(deleteData) {
    if (busy) { return; }
    closeRestartPanel();
    hideError();
    setBusy(true);
    window.fetch('/api/restart', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ deleteData: deleteData })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { throw new Error(typeof data.error === 'string' ? data.error : UNREACHABLE_TEXT); }
        return data;
      });
    }).then(function (data) {
      state = { conversation: typeof data.conversation === 'string' ? data.conversation : '', savedAt: 0, entries: [] };
      renderAll();
      if (typeof data.notice === 'string') { appendEntry({ who: 'bot', text: data.notice }); }
      saveState();
      setBusy(false);
      elements.input.value = '';
      updateCounter();
      elements.input.focus();
      greet();
    }, function (error) {
      // Nothing was deleted and the old conversation stays: say so and offer to try again.
      setBusy(false);
      showError(error.message, function () { restart(deleteData); });
    });
  }

  function onSubmit(event) {
    event.preventDefault();
    var text = elements.input.value.trim();
    if (!text) {
      showError(EMPTY_TEXT);
      elements.input.focus();
      return;
    }
    if (text.length > maxChars) {
      showError('Ihre Nachricht ist zu lang. Bitte fassen Sie sich kürzer (höchstens ' + maxChars + ' Zeichen).');
      return;
    }
    if (busy) { return; }
    elements.input.value = '';
    updateCounter();
    sendMessage(text, text, null);
  }

  function loadConfig() {
    window.fetch('/api/config', { credentials: 'same-origin' }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (config) {
      if (config && typeof config.maxMessageChars === 'number' && config.maxMessageChars > 0) {
        maxChars = config.maxMessageChars;
        elements.input.maxLength = maxChars;
      }
    }).catch(function () { /* keep the default limit */ });
  }

  function init() {
    elements = {
      log: document.getElementById('message-log'),
      typing: document.getElementById('typing-indicator'),
      error: document.getElementById('error-notice'),
      form: document.getElementById('message-form'),
      input: document.getElementById('message-input'),
      sendButton: document.getElementById('send-button'),
      restartButton: document.getElementById('restart-button'),
      restartPanel: document.getElementById('restart-panel'),
      restartDelete: document.getElementById('restart-delete'),
      counter: document.getElementById('char-counter')
    };
    state = loadState();
    elements.form.addEventListener('submit', onSubmit);
    elements.input.addEventListener('input', function () {
      updateCounter();
      if (elements.input.value.trim()) { hideErrorIfEmptyWarning(); }
    });
    elements.restartButton.addEventListener('click', askRestart);
    elements.restartDelete.addEventListener('click', function () { restart(true); });
    document.getElementById('restart-keep').addEventListener('click', function () { restart(false); });
    document.getElementById('restart-cancel').addEventListener('click', function () {
      closeRestartPanel();
      elements.restartButton.focus();
    });
    loadConfig();
    renderAll();
    elements.input.focus();
    checkConversation();
  }

  /* The local copy belongs to one conversation; if the cookie now names another one (expired,
     cleared, another person's browser profile state), the copy is dropped before greeting. */
  function checkConversation() {
    setBusy(true);
    window.fetch('/api/session', { credentials: 'same-origin' }).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; }).then(function (session) {
      var current = session && typeof session.conversation === 'string' ? session.conversation : null;
      if (current !== null && current !== state.conversation) {
        state = { conversation: current, savedAt: 0, entries: [] };
        renderAll();
      }
      saveState();
      setBusy(false);
      if (!state.entries.length) { greet(); }
    });
  }

  function hideErrorIfEmptyWarning() {
    if (!elements.error.hidden && elements.error.textContent.indexOf(EMPTY_TEXT) === 0) { hideError(); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
