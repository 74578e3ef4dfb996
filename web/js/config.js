// Deployment settings (the map's tile service, links out): /config.json.
let config = null;

export async function loadConfig() {
  const response = await fetch("/config.json");
  config = await response.json();
  return config;
}

export function setting(name) {
  return config ? config[name] : undefined;
}

/** A configured URL template with {placeholders} filled in. */
export function link(name, params) {
  const template = setting(name) || "";
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in params ? encodeURIComponent(params[key]) : whole))
    .replace(/%2C/g, ",");
}
