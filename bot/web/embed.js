/*
 * Optional launcher for intranet pages: adds a "Chat" button at the bottom right that opens the
 * D-Team-Assistent in an iframe. Include it with
 *   <script src="https://CHAT-HOST/static/embed.js" defer></script>
 * The chat origin is taken from this script's own URL; the chat server must allow the intranet
 * page in WEB_FRAME_ANCESTORS. Styles are set via the CSSOM, which host CSPs without
 * 'unsafe-inline' still permit.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || document.getElementById('dteam-chat-launcher')) { return; }
  var chatUrl = new URL('/', script.src).href;
  var label = script.getAttribute('data-label') || 'Fragen Sie den D-Team-Assistenten';

  var button = document.createElement('button');
  button.id = 'dteam-chat-launcher';
  button.type = 'button';
  button.textContent = 'Chat: D-Team-Assistent';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'dteam-chat-frame');
  Object.assign(button.style, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000',
    padding: '0.7rem 1.1rem', minHeight: '2.75rem', font: 'inherit', fontWeight: '600',
    color: '#fff', background: '#0a4d8c', border: '2px solid #fff', borderRadius: '1.5rem',
    boxShadow: '0 2px 8px rgba(0,0,0,0.3)', cursor: 'pointer'
  });

  var frame = document.createElement('iframe');
  frame.id = 'dteam-chat-frame';
  frame.title = label;
  frame.src = 'about:blank';
  frame.hidden = true;
  Object.assign(frame.style, {
    position: 'fixed', right: '1rem', bottom: '4.5rem', zIndex: '2147483000',
    width: 'min(26rem, calc(100vw - 2rem))', height: 'min(40rem, calc(100vh - 6rem))',
    border: '1px solid #8a96a3', borderRadius: '0.75rem', background: '#fff',
    boxShadow: '0 4px 16px rgba(0,0,0,0.25)'
  });

  button.addEventListener('click', function () {
    var opening = frame.hidden;
    // Load the chat only when first opened, so pages without chat use cause no requests.
    if (opening && frame.src === 'about:blank') { frame.src = chatUrl; }
    frame.hidden = !opening;
    button.setAttribute('aria-expanded', String(opening));
    button.textContent = opening ? 'Chat schließen' : 'Chat: D-Team-Assistent';
    if (opening) { frame.focus(); }
  });

  document.body.appendChild(frame);
  document.body.appendChild(button);
}());
