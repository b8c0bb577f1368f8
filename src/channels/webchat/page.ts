import { HOST_CONFIG } from "./host-config.ts";

/** Phones upright or on their side: a one-line header and no avatars, so the conversation gets the room. */
export const PHONE = "(max-width: 600px), (max-height: 500px)";

const COMMON_STYLE = {
  accent: "#1f5f8b",
  bubbleMaxWidth: 720,
  bubbleMinWidth: 120,
  primaryFont: '"Segoe UI", system-ui, sans-serif',
  // Web Chat's default ("break-word") lets a table or a flex row squeeze a word to one letter a line;
  // the page's CSS still wraps a word too long for a whole line (overflow-wrap).
  messageActivityWordBreak: "normal",
  suggestedActionLayout: "flow",
  suggestedActionHeight: 44,
  sendBoxHeight: 52,
  hideUploadButton: true,
};

/** Web Chat's style options for a wide window and for a phone (no avatars: 50 px more for the cards). */
export const STYLE_OPTIONS = {
  wide: { ...COMMON_STYLE, botAvatarInitials: "LA", userAvatarInitials: "You" },
  phone: COMMON_STYLE,
};

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
  header { background: var(--brand); color: #fff; padding: 0.75rem 1rem; display: flex; gap: 1rem; align-items: center; justify-content: space-between; }
  header > div { flex: 1 1 auto; min-width: 0; }
  header h1 { font-size: 1.2rem; margin: 0; }
  header p { margin: 0.2rem 0 0; font-size: 0.9rem; max-width: 46rem; }
  header .tagline { display: none; }
  header button { flex: none; font: inherit; font-size: 0.95rem; padding: 0.45rem 0.9rem; border-radius: 6px; border: 2px solid #fff; background: transparent; color: #fff; cursor: pointer; }
  header button:hover { background: rgba(255,255,255,0.15); }
  main { flex: 1; min-height: 0; display: flex; justify-content: center; }
  #webchat { width: 100%; max-width: 52rem; height: 100%; background: #fff; }
  /* A focus ring you can always see, on every control, including inside the cards. */
  :focus-visible, #webchat :focus-visible { outline: 3px solid #ffbf47 !important; outline-offset: 2px !important; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  #status { padding: 1rem; }
  /* Words wrap whole; only a word longer than the line is split (a long reference or address). */
  #webchat .webchat__bubble__content { overflow-wrap: break-word; }
  /* A fact title ("Add 1") on one line: wrapped, the fact table squeezes it to a letter a line on a
     phone. The host config says so too (factSet.title.wrap), but Web Chat's renderer ignores it. */
  #webchat .ac-fact-title .ac-textBlock { white-space: nowrap; }
  /* A reply's own line breaks kept ("→" next steps, "•" lists, "Back to where we were:"): the bot sends
     lines, and Web Chat's Markdown (markdown-it, breaks off) joins single line breaks into one paragraph.
     Only message text: Adaptive Card text blocks keep the card renderer's layout. */
  #webchat .webchat__text-content__markdown p, #webchat .webchat__text-content__markdown li { white-space: pre-line; }
  /* Checkboxes and radio buttons in cards: 24 px targets (WCAG 2.2, 2.5.8), not the browser's 13 px. */
  #webchat input[type="checkbox"], #webchat input[type="radio"] { width: 24px; height: 24px; accent-color: var(--brand); }
  /* Each choice a row of its own; the renderer's 6 px spacer must not shrink under a long label. */
  #webchat :is(.ac-choiceSetInput-multiSelect, .ac-choiceSetInput-expanded) > div { min-height: 32px; padding: 2px 0; }
  #webchat :is(.ac-choiceSetInput-multiSelect, .ac-choiceSetInput-expanded) > div > div { flex-shrink: 0; }
  @media ${PHONE} {
    header { padding: 0.375rem 0.75rem; gap: 0.75rem; }
    header h1 { font-size: 1.05rem; }
    header .intro { display: none; }
    header .tagline { display: block; margin: 0; font-size: 0.8rem; }
    header button { font-size: 0.9rem; padding: 0.3rem 0.75rem; }
  }
</style>
</head>
<body>
<header>
  <div>
    <h1>Learner advisor</h1>
    <p class="intro">Which UK contact-centre qualification suits you, what comes next, and which units make a valid combination. Tell me your job role, experience and qualifications; type <strong>help</strong> at any time.</p>
    <p class="tagline">UK contact-centre qualifications</p>
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
  const styleOptions = ${JSON.stringify(STYLE_OPTIONS)};
  const adaptiveCardsHostConfig = ${JSON.stringify(HOST_CONFIG)};
  const phone = window.matchMedia(${JSON.stringify(PHONE)});
  // Rendered again with the other style options when the window turns between phone and wide.
  const render = () => window.WebChat.renderWebChat({
    directLine, store, userID: userId, username: "You", locale: "en-GB", adaptiveCardsHostConfig,
    styleOptions: phone.matches ? styleOptions.phone : styleOptions.wide,
  }, document.getElementById("webchat"));
  render();
  phone.addEventListener("change", render);
  document.getElementById("restart").addEventListener("click", () => {
    store.dispatch({ type: "WEB_CHAT/SEND_MESSAGE", payload: { text: "restart" } });
    document.querySelector("#webchat input[type=text], #webchat textarea")?.focus();
  });
})();
</script>
</body>
</html>
`;
