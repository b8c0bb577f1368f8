/** The local web chat page: Microsoft's Web Chat (served by us) on the local Direct Line endpoint. */
export const WEBCHAT_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Learner advisor — contact-centre qualifications</title>
<style>
  :root { --brand: #1f5f8b; --ink: #1b1b1b; --paper: #f6f8fa; }
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--ink); background: var(--paper); }
  body { display: flex; flex-direction: column; height: 100dvh; }
  header { background: var(--brand); color: #fff; padding: 0.75rem 1rem; display: flex; gap: 1rem; align-items: center; justify-content: space-between; flex-wrap: wrap; }
  header h1 { font-size: 1.2rem; margin: 0; }
  header p { margin: 0.2rem 0 0; font-size: 0.9rem; max-width: 46rem; }
  header button { font: inherit; font-size: 0.95rem; padding: 0.45rem 0.9rem; border-radius: 6px; border: 2px solid #fff; background: transparent; color: #fff; cursor: pointer; }
  header button:hover { background: rgba(255,255,255,0.15); }
  main { flex: 1; min-height: 0; display: flex; justify-content: center; }
  #webchat { width: 100%; max-width: 52rem; height: 100%; background: #fff; }
  /* A focus ring you can always see, on every control, including inside the cards. */
  :focus-visible, #webchat :focus-visible { outline: 3px solid #ffbf47 !important; outline-offset: 2px !important; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  #status { padding: 1rem; }
  @media (max-width: 480px) { header { padding: 0.5rem 0.75rem; } header h1 { font-size: 1.05rem; } header p { font-size: 0.8rem; } }
</style>
</head>
<body>
<header>
  <div>
    <h1>Learner advisor</h1>
    <p>Which UK contact-centre qualification suits you, what comes next, and which units make a valid combination. Tell me your job role, experience and qualifications; type <strong>help</strong> at any time.</p>
  </div>
  <button id="restart" type="button" aria-label="Restart the conversation">Restart</button>
</header>
<main aria-label="Conversation with the learner advisor">
  <div id="webchat" role="region" aria-label="Chat"><p id="status">Starting the chat…</p></div>
</main>
<script src="/webchat/webchat.js"></script>
<script>
(async () => {
  const res = await fetch("/directline/tokens/generate", { method: "POST" });
  if (!res.ok) { document.getElementById("status").textContent = "The chat could not start (" + res.status + "). Please reload the page."; return; }
  const { token, userId } = await res.json();
  const directLine = window.WebChat.createDirectLine({ domain: location.origin + "/directline", token, webSocket: false, pollingInterval: 500 });
  const store = window.WebChat.createStore();
  window.WebChat.renderWebChat({
    directLine, store, userID: userId, username: "You", locale: "en-GB",
    styleOptions: {
      accent: "#1f5f8b", botAvatarInitials: "LA", userAvatarInitials: "You",
      bubbleMaxWidth: 720, bubbleMinWidth: 120, primaryFont: '"Segoe UI", system-ui, sans-serif',
      suggestedActionLayout: "flow", suggestedActionHeight: 44, sendBoxHeight: 52, hideUploadButton: true,
    },
  }, document.getElementById("webchat"));
  document.getElementById("restart").addEventListener("click", () => {
    store.dispatch({ type: "WEB_CHAT/SEND_MESSAGE", payload: { text: "restart" } });
    document.querySelector("#webchat input[type=text], #webchat textarea")?.focus();
  });
})();
</script>
</body>
</html>
`;
