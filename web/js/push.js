// Web Push: asked for only when the resident chooses notifications on this
// phone. The browser's subscription is sent with the alert; the service
// worker shows what arrives.
import {api} from "./api.js";
import {t} from "./i18n.js";

export function pushSupported() {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

function keyBytes(base64url) {
  const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "="));
  return Uint8Array.from(text, c => c.charCodeAt(0));
}

/** The PushSubscription as JSON for POST /v1/alerts; throws with a message for the resident. */
export async function pushSubscription() {
  if (!pushSupported()) throw new Error(t("push.unsupported"));
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new Error(t("push.denied"));
  const registration = await navigator.serviceWorker.ready;
  const {public_key: key} = await api("/v1/push/vapid-public-key", {auth: false});
  try {
    const existing = await registration.pushManager.getSubscription();
    const subscription = existing || await registration.pushManager.subscribe(
      {userVisibleOnly: true, applicationServerKey: keyBytes(key)});
    return subscription.toJSON();
  } catch (error) {
    console.warn("Doorstep: push subscription failed", error);
    throw new Error(t("push.failed"));
  }
}
