/*! Digitalcheck chat widget – plain JavaScript, no build step.
 * Embed: <script src=".../digitalcheck-widget.js" data-server="https://bot.example.org"
 *          data-title="Digitalcheck" data-color="#005ca9" data-open="false"></script>
 * Talks to Rasa's socket.io channel (session_request/session_confirm, user_uttered/bot_uttered).
 * The session token is issued by the server (session_confirm) and kept, with the visible
 * transcript, in sessionStorage only: it survives a reload of the tab, not closing it.
 * All text from users and the bot is inserted with textContent only, never as HTML.
 */
(() => {
  "use strict";
  if (window.DigitalcheckWidget) return;
  const script = document.currentScript;
  const base = new URL(".", script.src).href;
  const data = script.dataset;
  const config = {
    server: (data.server || window.location.origin).replace(/\/+$/, ""),
    path: data.socketPath || "/socket.io",
    title: data.title || "Digitalcheck",
    subtitle: data.subtitle || "",
    color: /^#[0-9a-f]{3,8}$/i.test(data.color || "") ? data.color : "#005ca9",
    open: data.open === "true",
  };
  const STORE_KEY = `digitalcheck-widget:v1:${config.server}`;
  const MAX_STORED = 200;
  const PROGRESS = /Frage (\d+) von (\d+)/;
  const GREETING = "/greet";
  const RESTART = "/restart";

  // Session token and transcript live in sessionStorage (per tab, gone when it is closed).
  // Older versions used localStorage: remove what they left behind.
  try { localStorage.removeItem(STORE_KEY); } catch (error) { /* no storage */ }
  const load = () => {
    try { return JSON.parse(sessionStorage.getItem(STORE_KEY)) || {}; } catch (error) { return {}; }
  };
  const state = Object.assign({ sessionId: null, messages: [], open: config.open }, load());
  const save = () => {
    state.messages = state.messages.slice(-MAX_STORED);
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (error) { /* none */ }
  };

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key in node && !key.startsWith("aria") && key !== "role") node[key] = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };
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
  const progressLabel = el("span", { className: "dcw-progress-label" });
  const progress = el("div", {
    className: "dcw-progress", role: "progressbar", "aria-label": "Fortschritt",
    "aria-valuemin": "0", hidden: true,
  }, el("div", { className: "dcw-progress-track" }, progressBar), progressLabel);
  const log = el("div", {
    className: "dcw-messages", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    "aria-label": "Gesprächsverlauf", tabIndex: 0,
  });
  const typing = el("div", { className: "dcw-typing", hidden: true, "aria-hidden": "true" },
    el("span"), el("span"), el("span"));
  const status = el("div", { className: "dcw-status", role: "status" });
  const input = el("input", {
    id: "dcw-input", className: "dcw-input", type: "text", autocomplete: "off",
    maxLength: 500, placeholder: "Ihre Antwort …",
  });
  const form = el("form", { className: "dcw-form" },
    el("label", { className: "dcw-visually-hidden", htmlFor: "dcw-input", text: "Ihre Nachricht" }),
    input, el("button", { type: "submit", className: "dcw-send", text: "Senden" }));
  const restartButton = el("button", {
    type: "button", className: "dcw-icon dcw-restart", title: "Neu starten",
    "aria-label": "Gespräch neu starten", text: "↺",
  });
  const closeButton = el("button", {
    type: "button", className: "dcw-icon dcw-close", title: "Schließen",
    "aria-label": "Chat schließen", text: "×",
  });
  const header = el("header", { className: "dcw-header" },
    el("div", { className: "dcw-titles" },
      el("h2", { className: "dcw-title", id: "dcw-title", text: config.title }),
      config.subtitle ? el("p", { className: "dcw-subtitle", text: config.subtitle }) : ""),
    restartButton, closeButton);
  const panel = el("section", {
    id: "dcw-panel", className: "dcw-panel", role: "dialog", "aria-labelledby": "dcw-title",
    hidden: true,
  }, header, progress, log, typing, status, form);
  const root = el("div", { className: "dcw" }, panel, launcher);
  root.style.setProperty("--dcw-color", config.color);

  // --- rendering -----------------------------------------------------------------------
  const setProgress = (current, total) => {
    if (!current) {
      progress.hidden = true;
      return;
    }
    progress.hidden = false;
    progress.setAttribute("aria-valuemax", String(total));
    progress.setAttribute("aria-valuenow", String(current));
    progressLabel.textContent = `Frage ${current} von ${total}`;
    progressBar.style.width = `${Math.min(100, (100 * current) / total)}%`;
  };

  const renderButtons = (buttons, active) => {
    const box = el("div", { className: "dcw-buttons" });
    for (const button of buttons) {
      const url = button.url ? safeUrl(button.url) : null;
      if (url) {
        box.append(el("a", {
          className: "dcw-link", href: url, target: "_blank", rel: "noopener noreferrer",
          text: button.title,
        }));
      } else if (active && button.payload) {
        const node = el("button", { type: "button", className: "dcw-choice", text: button.title });
        node.addEventListener("click", () => send(button.payload, button.title));
        box.append(node);
      }
    }
    return box.childElementCount ? box : null;
  };

  const render = (message, active) => {
    const row = el("div", { className: `dcw-row dcw-${message.from}` });
    if (message.text) row.append(el("div", { className: "dcw-bubble", text: message.text }));
    const src = message.image ? safeUrl(message.image) : null;
    if (src) {
      const img = el("img", { src, alt: "Ihr Ergebnis als Netzdiagramm", className: "dcw-image" });
      row.append(el("a", { href: src, target: "_blank", rel: "noopener noreferrer" }, img));
    }
    const buttons = message.buttons ? renderButtons(message.buttons, active) : null;
    if (buttons) row.append(buttons);
    const match = message.from === "bot" && message.text ? PROGRESS.exec(message.text) : null;
    if (match) setProgress(Number(match[1]), Number(match[2]));
    log.append(row);
    log.scrollTop = log.scrollHeight;
  };

  const deactivateChoices = () => log.querySelectorAll(".dcw-choice").forEach((b) => b.remove());
  const renderAll = () => {
    log.replaceChildren();
    setProgress(0);
    const lastUser = state.messages.map((m) => m.from).lastIndexOf("user");
    state.messages.forEach((m, i) => render(m, i > lastUser)); // answers since the last reply
  };

  const add = (message) => {
    if (message.from === "user") deactivateChoices();
    state.messages.push(message);
    save();
    render(message, message.from === "bot");
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

  function send(payload, shown) {
    if (shown) add({ from: "user", text: shown });
    else deactivateChoices();
    showTyping(true);
    emit(payload);
  }

  const onBotMessage = (message) => {
    showTyping(false);
    if (!message || typeof message !== "object") return;
    const entry = { from: "bot" };
    if (typeof message.text === "string") entry.text = message.text;
    const replies = message.quick_replies || message.buttons;
    if (Array.isArray(replies) && replies.length) {
      entry.buttons = replies.map((r) => ({
        title: String(r.title || ""), payload: r.payload ? String(r.payload) : undefined,
        url: r.url ? String(r.url) : undefined,
      }));
    }
    const attachment = message.attachment;
    if (attachment && attachment.type === "image" && attachment.payload) {
      entry.image = String(attachment.payload.src || "");
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
      if (isNew && !state.messages.length && !pending.length) send(GREETING);
      while (pending.length) emit(pending.shift());
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
  log.addEventListener("click", (event) => {
    if (event.target.closest(".dcw-choice")) input.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text, text);
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
