// A small element builder: h("p", {class: "hint"}, "text", child...).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "class") {
      el.className = value;
    } else if (name === "value") {
      el.value = value;  // a textarea has no value attribute
    } else if ((name === "href" || name === "src") && !safeUrl(value, name)) {
      continue;  // a "javascript:" link from anyone's words (a partner's media_url, a broadcast's link) never lands
    } else if (name === "dataset") {
      Object.assign(el.dataset, value);
    } else if (name === "style") {
      Object.assign(el.style, value);  // CSSOM: a style attribute would be refused by the CSP
    } else if (name in el && typeof value !== "string" && name !== "list") {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? "" : value);
    }
  }
  append(el, children);
  return el;
}

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:", "sms:", "geo:", "webcal:", "blob:"]);

/** Whether a link or image address is one a page may follow: no script, no markup. */
export function safeUrl(value, name = "href") {
  try {
    const protocol = new URL(String(value), location.href).protocol;
    return SAFE_PROTOCOLS.has(protocol) || (name === "src" && protocol === "data:");
  } catch {
    return false;
  }
}

/** Like el.append(), but null, false and nested arrays add nothing (DOM append would write "null"). */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** A unique id for labels and hints. */
let counter = 0;
export function uid(prefix = "el") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** An element id made from an API field name ("contact.email" -> "f-contact-email"). */
export function fieldId(name) {
  return `f-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** Add a stylesheet: resolves once it has loaded, or failed (unstyled is still usable). */
export function addStylesheet(href) {
  return new Promise(resolve => {
    const sheet = h("link", {rel: "stylesheet", href});
    sheet.addEventListener("load", resolve);
    sheet.addEventListener("error", resolve);
    document.head.append(sheet);
  });
}

/** A row of a summary list (<dl class="summary-list">): its key and its value. */
export function summaryRow(key, ...value) {
  return h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, ...value));
}
