/*! Digitalcheck chat widget – plain JavaScript, no build step.
 * Embed: <script src=".../digitalcheck-widget.js" data-server="https://bot.example.org"
 *          data-title="Digitalcheck" data-color="#005ca9" data-open="false"></script>
 * Talks to Rasa's socket.io channel (session_request/session_confirm, user_uttered/bot_uttered).
 * The session token is issued by the server (session_confirm) and kept, with the visible
 * transcript, in sessionStorage only: it survives a reload of the tab, not closing it.
 * All text from users and the bot is inserted with textContent only, never as HTML.
 *
 * Accessibility (WCAG 2.1 AA): new bot messages are read out through a polite live region that
 * holds only the new text (the transcript itself is not live), every control has a name, focus
 * goes back to the input or to the first new answer button after an answer, the chart's text
 * alternative is the text the bot sends with it, and the brand colour is darkened if white text
 * on it would fall below 4.5:1.
 */
(() => {
  "use strict";
  if (window.DigitalcheckWidget) return;
  const script = document.currentScript;
  const base = new URL(".", script.src).href;
  const data = script.dataset;
  const DEFAULT_COLOR = "#005ca9";

  // --- colour: white text on the brand colour must reach 4.5:1 (WCAG 1.4.3) ------------
  const rgbOf = (hex) => {
    let h = hex.replace("#", "");
    if (h.length === 3 || h.length === 4) h = [...h.slice(0, 3)].map((c) => c + c).join("");
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const accessibleColor = (hex) => {
    if (!/^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex || "")) return DEFAULT_COLOR;
    let rgb = rgbOf(hex);
    for (let i = 0; i < 40 && 1.05 / (luminance(rgb) + 0.05) < 4.6; i += 1) {
      rgb = rgb.map((v) => Math.floor(v * 0.92)); // darken until white text reads well
    }
    return `#${rgb.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
  };

  const config = {
    server: (data.server || window.location.origin).replace(/\/+$/, ""),
    path: data.socketPath || "/socket.io",
    title: data.title || "Digitalcheck",
    subtitle: data.subtitle || "",
    color: accessibleColor(data.color || DEFAULT_COLOR),
    open: data.open === "true",
  };
  const STORE_KEY = `digitalcheck-widget:v1:${config.server}`;
  const MAX_STORED = 200;
  const MAX_ANNOUNCED = 4;
  const PROGRESS = /Frage (\d+) von (\d+)/;
  // The bot's texts that mark the read-back summary and the result (actions/review.py, result.py).
  const REVIEW = /Bitte prüfen Sie Ihre Antworten/;
  const FINISHED = /Ihr digitaler Reifegrad|^Geschafft/;
  const GREETING = "/greet";
  const RESTART = "/restart";
  const AFFIRM = "/affirm";
  const BIG_GROUP = 6; // more buttons than this: a compact grid (the read-back summary)
  // Re-check code from the page's URL (?recheck=DC-7KQ4-M2PX), as contract/recheck.py defines
  // it: "DC" and two groups of four characters without 0/O, 1/I/L; any case, - or space.
  const RECHECK_PARAM = "recheck";
  const RECHECK_CODE = /^DC[\s\-–_.]?([A-HJKMNP-Z2-9]{4})[\s\-–_.]?([A-HJKMNP-Z2-9]{4})$/i;

  // Session token and transcript live in sessionStorage (per tab, gone when it is closed).
  // Older versions used localStorage: remove what they left behind.
  try { localStorage.removeItem(STORE_KEY); } catch (error) { /* no storage */ }
  const load = () => {
    try { return JSON.parse(sessionStorage.getItem(STORE_KEY)) || {}; } catch (error) { return {}; }
  };
  const state = Object.assign(
    { sessionId: null, messages: [], open: config.open }, load(),
  );
  // Re-check codes in the transcript (the one the bot shows once, one the owner typed) are shown
  // on screen but never written to storage in clear text.
  const CODE_IN_TEXT = new RegExp(
    "(^|[^A-Za-z0-9])DC[\\s\\-–_.]?[A-HJKMNP-Z2-9]{4}[\\s\\-–_.]?[A-HJKMNP-Z2-9]{4}(?![A-Za-z0-9])", "gi",
  );
  const MASKED_CODE = "$1[Code ausgeblendet]";
  const save = () => {
    state.messages = state.messages.slice(-MAX_STORED);
    const stored = {
      ...state,
      messages: state.messages.map((m) => (m.text
        ? { ...m, text: m.text.replace(CODE_IN_TEXT, MASKED_CODE) } : m)),
    };
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(stored)); } catch (error) { /* none */ }
  };

  // A re-check code in the link is taken once, then removed from the address bar (and so from
  // the history, bookmarks and referrers); it is sent as the first message of the session and
  // kept only in memory until then (never in storage).
  const takeRecheckCode = () => {
    let url;
    try { url = new URL(window.location.href); } catch (error) { return null; }
    const raw = url.searchParams.get(RECHECK_PARAM);
    if (raw === null) return null;
    url.searchParams.delete(RECHECK_PARAM);
    try { window.history.replaceState(window.history.state, "", url.href); } catch (error) { /* */ }
    const match = RECHECK_CODE.exec(raw.trim());
    return match ? `DC-${match[1]}-${match[2]}`.toUpperCase() : null;
  };
  let recheckCode = takeRecheckCode();
  if (recheckCode) {
    state.open = true;
    save();
  }

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (key === "text") node.textContent = value;
      else if (key in node && !key.startsWith("aria") && key !== "role") node[key] = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };
  const hiddenText = (text) => el("span", { className: "dcw-visually-hidden", text });
  const safeUrl = (value) => {
    let url;
    try { url = new URL(String(value), window.location.href); } catch (error) { return null; }
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  };

  // --- DOM -----------------------------------------------------------------------------
  const css = el("link", { rel: "stylesheet", href: `${base}digitalcheck-widget.css` });
  document.head.append(css);
  const launcher = el("button", {
    type: "button", className: "dcw-launcher", "aria-expanded": "false",
    "aria-controls": "dcw-panel", text: config.title,
  });
  const progressBar = el("div", { className: "dcw-progress-bar" });
  const progressLabel = el("span", { className: "dcw-progress-label", "aria-hidden": "true" });
  const progress = el("div", {
    className: "dcw-progress", role: "progressbar", "aria-label": "Fortschritt",
    "aria-valuemin": "0", hidden: true,
  }, el("div", { className: "dcw-progress-track" }, progressBar), progressLabel);
  // The transcript: a focusable, scrollable region; not live (the announcer below is).
  const log = el("div", {
    id: "dcw-log", className: "dcw-messages", role: "region", "aria-label": "Gesprächsverlauf",
    tabIndex: 0,
  });
  // Polite live region with only the newest bot texts (never the whole transcript).
  const announcer = el("div", {
    className: "dcw-visually-hidden dcw-announcer", "aria-live": "polite", "aria-atomic": "false",
    "aria-relevant": "additions",
  });
  const typing = el("div", { className: "dcw-typing", hidden: true, "aria-hidden": "true" },
    el("span"), el("span"), el("span"));
  const status = el("div", { className: "dcw-status", role: "status" });
  const input = el("input", {
    id: "dcw-input", className: "dcw-input", type: "text", autocomplete: "off",
    maxLength: 500, placeholder: "Ihre Antwort …", enterKeyHint: "send",
  });
  const sendButton = el("button", { type: "submit", className: "dcw-send", text: "Senden" });
  const form = el("form", { className: "dcw-form", "aria-label": "Antwort schreiben" },
    el("label", { className: "dcw-visually-hidden", htmlFor: "dcw-input", text: "Ihre Nachricht" }),
    input, sendButton);
  const iconButton = (className, label, symbol) => el("button", {
    type: "button", className: `dcw-icon ${className}`, title: label, "aria-label": label,
  }, el("span", { "aria-hidden": "true", text: symbol }));
  const restartButton = iconButton("dcw-restart", "Gespräch neu starten", "↺");
  const closeButton = iconButton("dcw-close", "Chat schließen", "×");
  const header = el("div", { className: "dcw-header" },
    el("div", { className: "dcw-titles" },
      el("h2", { className: "dcw-title", id: "dcw-title", text: config.title }),
      config.subtitle ? el("p", { className: "dcw-subtitle", text: config.subtitle }) : ""),
    restartButton, closeButton);
  const panel = el("div", {
    id: "dcw-panel", className: "dcw-panel", role: "dialog", "aria-labelledby": "dcw-title",
    hidden: true,
  }, header, progress, log, typing, announcer, status, form);
  // A landmark of its own, in German whatever the host page's language is.
  const root = el("aside", { className: "dcw", lang: "de", "aria-label": `${config.title}-Chat` },
    panel, launcher);
  root.style.setProperty("--dcw-color", config.color);

  // --- progress ------------------------------------------------------------------------
  const progressState = { current: 0, total: 0, phase: "hidden" };
  const showProgress = () => {
    const { current, total, phase } = progressState;
    if (phase === "hidden") {
      progress.hidden = true;
      return;
    }
    progress.hidden = false;
    let label;
    let value = current;
    if (phase === "finished") {
      label = "Check abgeschlossen";
      value = total;
    } else if (phase === "review") {
      label = total ? `Alle ${total} Fragen beantwortet · Antworten prüfen` : "Antworten prüfen";
      value = total;
    } else {
      label = `Frage ${current} von ${total}`;
    }
    const max = total || 1;
    progress.setAttribute("aria-valuemax", String(max));
    progress.setAttribute("aria-valuenow", String(phase === "finished" ? max : value || 0));
    progress.setAttribute("aria-valuetext", label);
    progress.classList.toggle("dcw-progress-done", phase === "finished");
    progressLabel.textContent = label;
    const share = phase === "question" ? (100 * current) / max : 100;
    progressBar.style.width = `${Math.min(100, share)}%`;
  };
  const setProgress = (phase, current = progressState.current, total = progressState.total) => {
    Object.assign(progressState, { phase, current, total });
    showProgress();
  };
  const trackProgress = (message) => {
    if (message.from === "user") {
      if (message.restart) setProgress("hidden", 0, 0);
      return;
    }
    const text = message.text || "";
    const match = PROGRESS.exec(text);
    if (match) setProgress("question", Number(match[1]), Number(match[2]));
    else if (REVIEW.test(text)) setProgress("review");
    else if (FINISHED.test(text) || message.image) setProgress("finished");
  };

  // --- rendering -----------------------------------------------------------------------
  // Line breaks are kept (white-space: pre-wrap); a line ending in ":" that introduces an
  // indented or bulleted list ("Strategie und Organisation:", "Ihre Stärken:") is set in bold.
  // A leading progress line ("Frage 5 von 18 · Thema: …") is set apart as a small header.
  const textBlock = (text, className) => {
    const bubble = el("div", { className });
    const lines = String(text).split("\n");
    lines.forEach((line, index) => {
      if (index) bubble.append("\n");
      const next = lines[index + 1] || "";
      const heading = /^[^\s•\-–].{0,90}:$/.test(line) && /^(\s+|[•\-–] |\d+\. )/.test(next);
      if (index === 0 && next && /^Frage \d+ von \d+/.test(line)) {
        bubble.append(el("span", { className: "dcw-meta", text: line }));
      } else {
        bubble.append(heading ? el("strong", { text: line }) : line);
      }
    });
    return bubble;
  };

  const renderButtons = (buttons, active) => {
    const choices = active ? buttons.filter((b) => !b.url && b.payload) : [];
    const links = buttons.filter((b) => b.url && safeUrl(b.url));
    const nodes = [];
    if (choices.length) {
      const big = choices.length > BIG_GROUP;
      const group = el("div", {
        className: `dcw-buttons dcw-choices${big ? " dcw-grid" : ""}`, role: "group",
        "aria-label": big ? `Antwortmöglichkeiten (${choices.length})` : "Antwortmöglichkeiten",
      });
      choices.forEach((button, index) => {
        const primary = big && index === 0 && button.payload === AFFIRM;
        const node = el("button", {
          type: "button", className: `dcw-choice${primary ? " dcw-primary" : ""}`,
          text: button.title,
        });
        // event.detail is 0 when Enter or Space pressed the button (no pointer involved).
        node.addEventListener("click", (event) => choose(button, event.detail === 0));
        group.append(node);
      });
      nodes.push(group);
    }
    if (links.length) {
      const group = el("div", { className: "dcw-buttons dcw-links" });
      for (const button of links) {
        group.append(el("a", {
          className: "dcw-link", href: safeUrl(button.url), target: "_blank",
          rel: "noopener noreferrer",
        }, button.title, hiddenText(" (öffnet in neuem Tab)")));
      }
      nodes.push(group);
    }
    return nodes;
  };

  const renderRow = (message, active) => {
    const mine = message.from === "user";
    const row = el("div", { className: `dcw-row dcw-${message.from}` });
    row.append(hiddenText(mine ? "Sie: " : `${config.title}: `));
    const src = message.image ? safeUrl(message.image) : null;
    if (src) {
      // The chart: its text alternative is the text the bot sends with it (the scores, which
      // the previous message lists visibly too), so that text is the alt, not a bubble.
      const alt = message.text || "Ihr Ergebnis als Netzdiagramm";
      const img = el("img", { src, alt, className: "dcw-image" });
      row.append(el("a", {
        className: "dcw-image-link", href: src, target: "_blank", rel: "noopener noreferrer",
      }, img, hiddenText(" (Diagramm in neuem Tab öffnen)")));
    } else if (message.text) {
      row.append(textBlock(message.text, "dcw-bubble"));
    }
    const groups = message.buttons ? renderButtons(message.buttons, active) : [];
    if (groups.some((g) => g.classList.contains("dcw-grid"))) row.classList.add("dcw-wide");
    row.append(...groups);
    return row;
  };

  // Replies are scrolled so that their first message stays in view when they are taller
  // than the transcript (the result), else to the end.
  let replyStart = null;
  const scrollReply = () => {
    if (replyStart && replyStart.isConnected) {
      const top = replyStart.offsetTop - 8;
      log.scrollTop = log.scrollHeight - top <= log.clientHeight ? log.scrollHeight : top;
    } else {
      log.scrollTop = log.scrollHeight;
    }
  };

  const renderAll = () => {
    log.replaceChildren();
    setProgress("hidden", 0, 0);
    replyStart = null;
    const lastUser = state.messages.map((m) => m.from).lastIndexOf("user");
    state.messages.forEach((m, i) => {
      log.append(renderRow(m, i > lastUser)); // answer buttons since the last reply
      trackProgress(m);
    });
    log.scrollTop = log.scrollHeight;
  };

  const announce = (message) => {
    const parts = [];
    if (message.text) parts.push(message.text);
    else if (message.image) parts.push("Ihr Ergebnis als Netzdiagramm.");
    const choices = (message.buttons || []).filter((b) => b.payload && !b.url);
    if (choices.length && choices.length <= BIG_GROUP) {
      parts.push(`Antwortmöglichkeiten: ${choices.map((b) => b.title).join(", ")}.`);
    } else if (choices.length) {
      parts.push(`${choices.length} Antwortmöglichkeiten als Schaltflächen.`);
    }
    if (!parts.length) return;
    announcer.append(el("p", { text: parts.join(" ") }));
    while (announcer.childElementCount > MAX_ANNOUNCED) announcer.firstElementChild.remove();
  };

  const removeChoices = () => {
    log.querySelectorAll(".dcw-choices").forEach((group) => {
      group.closest(".dcw-row")?.classList.remove("dcw-wide");
      group.remove();
    });
  };

  // After a reply: focus goes to the first new answer button when the answer before was a
  // button pressed with the keyboard and the focus is still where the widget put it (the
  // input), unless that would scroll a long multi-message reply (the result) out of view.
  let focusAfterReply = false;
  let settleTimer = null;
  const settleReply = () => {
    const wanted = focusAfterReply;
    focusAfterReply = false;
    const active = document.activeElement;
    if (!wanted || active !== input || input.value) return;
    const groups = log.querySelectorAll(".dcw-choices");
    const group = groups[groups.length - 1];
    const first = group?.querySelector(".dcw-choice");
    if (!first) return;
    const row = group.closest(".dcw-row");
    const box = first.getBoundingClientRect();
    const view = log.getBoundingClientRect();
    const visible = box.top >= view.top && box.bottom <= view.bottom;
    if (visible || row === replyStart) first.focus();
  };

  const add = (message) => {
    if (message.from === "user") removeChoices();
    state.messages.push(message);
    save();
    const row = renderRow(message, message.from === "bot");
    log.append(row);
    trackProgress(message);
    if (message.from === "user") {
      replyStart = null;
      log.scrollTop = log.scrollHeight;
      return;
    }
    if (!replyStart) replyStart = row;
    scrollReply();
    announce(message);
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settleReply, 350);
  };

  // The chart arrives as an image message right after its text alternative: both become one
  // message (an image with that text as its alt).
  const attachImage = (src) => {
    const last = state.messages[state.messages.length - 1];
    const rows = log.querySelectorAll(".dcw-row");
    const lastRow = rows[rows.length - 1];
    if (!last || last.from !== "bot" || !last.text || last.buttons || last.image || !lastRow) {
      return false;
    }
    last.image = src;
    save();
    const row = renderRow(last, true);
    if (replyStart === lastRow) replyStart = row;
    lastRow.replaceWith(row);
    trackProgress(last);
    scrollReply();
    return true;
  };

  // --- connection ----------------------------------------------------------------------
  let socket = null;
  let confirmed = false;
  const pending = [];
  let typingTimer = null;
  const showTyping = (on) => {
    typing.hidden = !on;
    clearTimeout(typingTimer);
    if (on) typingTimer = setTimeout(() => showTyping(false), 20000);
  };

  const emit = (text) => {
    if (!confirmed) {
      pending.push(text);
      return;
    }
    socket.emit("user_uttered", { message: text, session_id: state.sessionId, metadata: {} });
  };

  function send(payload, shown, extra = {}) {
    clearTimeout(settleTimer);
    if (shown) add({ from: "user", text: shown, ...extra });
    else removeChoices();
    showTyping(true);
    emit(payload);
  }

  // An answer button: it disappears, so focus moves to the input (to the transcript on touch
  // screens, where focusing the input would open the on-screen keyboard); after a keyboard
  // press it goes on to the first button of the reply (settleReply).
  const coarse = window.matchMedia ? window.matchMedia("(pointer: coarse)") : null;
  function choose(button, byKeyboard) {
    const hadFocus = panel.contains(document.activeElement);
    const restarting = button.payload === RESTART;
    send(button.payload, button.title, restarting ? { restart: true } : {});
    if (hadFocus || document.activeElement === document.body) {
      (coarse && coarse.matches && !byKeyboard ? log : input).focus({ preventScroll: true });
    }
    focusAfterReply = byKeyboard;
  }

  const onBotMessage = (message) => {
    showTyping(false);
    if (!message || typeof message !== "object") return;
    const entry = { from: "bot" };
    if (typeof message.text === "string" && message.text) entry.text = message.text;
    const replies = message.quick_replies || message.buttons;
    if (Array.isArray(replies) && replies.length) {
      entry.buttons = replies.map((r) => ({
        title: String(r.title || ""), payload: r.payload ? String(r.payload) : undefined,
        url: r.url ? String(r.url) : undefined,
      }));
    }
    const attachment = message.attachment;
    if (attachment && attachment.type === "image" && attachment.payload) {
      const src = safeUrl(attachment.payload.src || "");
      if (src && !entry.text && !entry.buttons && attachImage(src)) return;
      if (src) entry.image = src;
    }
    if (entry.text || entry.buttons || entry.image) add(entry);
  };

  const loadSocketIo = () => new Promise((resolve, reject) => {
    if (window.io) return resolve(window.io);
    const tag = el("script", { src: `${base}vendor/socket.io.min.js` });
    tag.addEventListener("load", () => resolve(window.io));
    tag.addEventListener("error", reject);
    document.head.append(tag);
  });

  const sendRecheckCode = () => {
    if (!recheckCode) return;
    const code = recheckCode;
    recheckCode = null; // once: never again, not even after a reload
    send(code); // not shown in the transcript; the server hashes the code and drops it
  };

  const connect = async () => {
    if (socket) return;
    status.textContent = "Verbindung wird hergestellt …";
    const io = await loadSocketIo().catch(() => null);
    if (!io) {
      status.textContent = "Der Chat konnte nicht geladen werden.";
      return;
    }
    socket = io(config.server, { path: config.path });
    socket.on("connect", () => {
      status.textContent = "";
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", (confirmation) => {
      // The server issues the token; it replaces a missing, expired or unknown one.
      const token = typeof confirmation === "string" ? confirmation : confirmation?.session_id;
      if (typeof token !== "string" || !token) return;
      const replaced = Boolean(state.sessionId) && token !== state.sessionId;
      const isNew = !state.sessionId || replaced;
      state.sessionId = token;
      if (replaced) {  // a new conversation: the old transcript no longer belongs to it
        state.messages = [];
        renderAll();
      }
      save();
      confirmed = true;
      // A new conversation starts with the greeting, or with the re-check code from the link
      // (the bot greets then too); a running one gets the code as its next message.
      if (isNew && !state.messages.length && !pending.length && !recheckCode) send(GREETING);
      while (pending.length) emit(pending.shift());
      sendRecheckCode();
    });
    socket.on("bot_uttered", onBotMessage);
    socket.on("disconnect", () => { confirmed = false; });
    socket.on("connect_error", () => {
      status.textContent = "Der Assistent ist gerade nicht erreichbar. Neuer Versuch läuft …";
      showTyping(false);
    });
  };

  // --- open, close, restart, input -----------------------------------------------------
  const open = (focus = true) => {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("dcw-is-open");
    state.open = true;
    save();
    connect();
    log.scrollTop = log.scrollHeight;
    if (focus) input.focus();
  };
  const close = () => {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("dcw-is-open");
    state.open = false;
    save();
    launcher.focus();
  };
  const restart = () => {
    state.messages = [];
    save();
    renderAll();
    send(RESTART);
    input.focus();
  };

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", close);
  restartButton.addEventListener("click", restart);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    input.value = "";
    focusAfterReply = false;
    send(text, text);
    input.focus();
  });

  const start = () => {
    document.body.append(root);
    renderAll();
    document.querySelectorAll("[data-digitalcheck-open]").forEach((node) => {
      node.addEventListener("click", () => open());
    });
    if (state.open) open(false);
  };
  window.DigitalcheckWidget = { open, close, restart };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
